"""The profile page's two-factor section reads the user's state through this tag."""

from django import template

from ptdv.accounts import two_factor

register = template.Library()


@register.simple_tag
def two_factor_state(user) -> dict:
    return {
        "enrolled": two_factor.is_enrolled(user),
        "required": two_factor.is_required(user),
        "codes_left": two_factor.recovery_codes_left(user),
    }
