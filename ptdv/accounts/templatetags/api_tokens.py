"""{% api_tokens_section %}: the profile's API-token section, with its own data."""

from django import template
from django.utils import timezone

from ptdv.accounts.tokens import TokenForm

register = template.Library()


@register.inclusion_tag("accounts/_profile_tokens.html", takes_context=True)
def api_tokens_section(context):
    user = context["request"].user
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "tokens": user.auth_token_set.order_by("-created"),
        "form": TokenForm(),
        "now": timezone.now(),
    }
