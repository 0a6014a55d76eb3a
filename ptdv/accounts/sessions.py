"""Session limits: an idle timeout (Django's SESSION_COOKIE_AGE, renewed on every request) and
an absolute limit since login, counted from the time stored in the session at login."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

LOGIN_AT = "ptdv_login_at"


@receiver(user_logged_in)
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = timezone.now().timestamp()


def past_absolute_limit(session) -> bool:
    """True when the session began more than PTDV_SESSION_MAX_HOURS ago.

    A session without a login time (made before this rule existed) counts from now on."""
    now = timezone.now().timestamp()
    started = session.setdefault(LOGIN_AT, now)
    return now - started > timedelta(hours=settings.PTDV_SESSION_MAX_HOURS).total_seconds()
