"""The unread count in the navigation: one COUNT query on the (user, …) unique index."""

from django import template

from ptdv.notices.models import Notification

register = template.Library()


@register.simple_tag
def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
