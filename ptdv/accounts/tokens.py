"""API tokens (khóa API) a user makes for themself.

django-rest-knox stores only a hash (`digest`) and the first characters (`token_key`, to
recognise it in a list); the token itself exists once, in the answer to its creation. Every
token expires: there is no "never" to choose.
"""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ptdv.accounts.models import ApiToken

TOKEN_DAYS = (30, 90, 365)
DEFAULT_DAYS = 90
MAX_DAYS = max(TOKEN_DAYS)


def create_token(user, *, name: str = "", days: int = DEFAULT_DAYS) -> str:
    """A new token for `user`, valid `days` days; the returned string is never stored."""
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(
            _("Thời hạn của khóa API phải từ 1 đến %(max)d ngày."), params={"max": MAX_DAYS}
        )
    _token, raw = ApiToken.objects.create(user=user, expiry=timedelta(days=days), name=name)
    return raw


def revoke_token(user, token_key: str) -> bool:
    """Delete `user`'s token(s) starting with `token_key`; history keeps the record. False if none."""
    tokens = list(user.auth_token_set.filter(token_key=token_key))
    for token in tokens:
        token.delete()
    return bool(tokens)


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Tên gợi nhớ"),
        max_length=80,
        help_text=_("Dùng vào việc gì, ví dụ: “Báo cáo tự động của Ban Tổ chức”."),
    )
    days = forms.TypedChoiceField(
        label=_("Thời hạn"),
        choices=[(days, _("%(days)d ngày") % {"days": days}) for days in TOKEN_DAYS],
        coerce=int,
        initial=DEFAULT_DAYS,
    )
