"""Password rules, in Vietnamese, that know how Vietnamese passwords are guessed.

Django's own rules miss what a guesser in Vietnam tries first: "matkhau1", "Mật khẩu 2024",
the officer's own login or name with a number ("tochuc.pacnam1"). Every comparison here is on
the *compact* form — diacritics, case, spaces and punctuation folded away — and the common-word
check also drops digits at either end, the usual way to satisfy a length rule.
"""

import re
from functools import cache
from pathlib import Path

from django.contrib.auth import password_validation as django_rules
from django.core.exceptions import ValidationError

from ptdv.people.names import fold

VIETNAMESE_LIST = Path(__file__).with_name("common_passwords_vi.txt")
# Parts of a login or name shorter than this ("van", "bk") are too common to forbid.
MIN_PART = 4


def compact(text: str) -> str:
    """ "Mật-khẩu 1" → "matkhau1": folded, only letters and digits."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def core(text: str) -> str:
    """The word under the numbers people add to reach a length: "123matkhau2024" → "matkhau"."""
    word = compact(text)
    return word.strip("0123456789") or word


@cache
def common_passwords() -> frozenset[str]:
    vietnamese = [line for line in VIETNAMESE_LIST.read_text().splitlines() if not line.startswith("#")]
    english = django_rules.CommonPasswordValidator().passwords
    return frozenset(compact(p) for p in [*vietnamese, *english] if compact(p))


class MinimumLengthValidator(django_rules.MinimumLengthValidator):
    def get_error_message(self):
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."

    def get_help_text(self):
        return f"Mật khẩu cần ít nhất {self.min_length} ký tự."


class CommonPasswordValidator:
    """Rejects common passwords, Vietnamese ones included, however accented, cased or numbered."""

    def validate(self, password, user=None):
        known = common_passwords()
        if compact(password) in known or core(password) in known:
            raise ValidationError(
                "Mật khẩu này quá phổ biến, dễ bị đoán (ví dụ “matkhau”, “123456789”).",
                code="password_too_common",
            )

    def get_help_text(self):
        return "Không dùng mật khẩu phổ biến như “matkhau”, “123456789”, “abc123”."


class PersonalInfoValidator:
    """Rejects passwords that contain the user's login, name or unit code."""

    def validate(self, password, user=None):
        if user is None:
            return
        word = compact(password)
        if any(part in word for part in personal_parts(user)):
            raise ValidationError(
                "Mật khẩu không được chứa tên đăng nhập, họ tên hoặc mã đơn vị của bạn.",
                code="password_too_similar",
            )

    def get_help_text(self):
        return "Không đưa tên đăng nhập, họ tên hoặc mã đơn vị vào mật khẩu."


def personal_parts(user) -> set[str]:
    """What a guesser knows about the user, compact: whole values and their longer words."""
    unit = getattr(user, "unit", None) if getattr(user, "unit_id", None) else None
    values = [
        getattr(user, "username", ""),
        f"{getattr(user, 'first_name', '')} {getattr(user, 'last_name', '')}",
        unit.code if unit else "",
    ]
    parts = set()
    for value in values:
        parts.add(compact(value))
        parts.update(compact(w) for w in re.split(r"[\s._@-]+", fold(value)))
    return {p for p in parts if len(p) >= MIN_PART}


class NumericPasswordValidator(django_rules.NumericPasswordValidator):
    def get_error_message(self):
        return "Mật khẩu không được chỉ gồm chữ số."

    def get_help_text(self):
        return "Mật khẩu không được chỉ gồm chữ số."
