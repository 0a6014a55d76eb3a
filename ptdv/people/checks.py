"""Checks on a person's record that know the domain, shared by the page and the API.

Person.clean calls them, so the form, the API serializer (through full_clean) and the admin
refuse the same things with the same Vietnamese message. Each check answers the field it
concerns and a message, or nothing.
"""

import unicodedata
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from ptdv.people import citizen_ids

# Apostrophes and hyphens occur in ethnic-minority names (H'Hen Niê, Ksor H'Bơ), typed as ' or ’.
_NAME_PUNCTUATION = frozenset("'’-")


def full_years(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def name_problem(full_name: str) -> str | None:
    """A name is letters (any script's, with their marks), spaces, apostrophes and hyphens."""
    allowed = all(
        ch.isspace() or ch in _NAME_PUNCTUATION or unicodedata.category(ch)[0] in "LM" for ch in full_name
    )
    if full_name and not (allowed and any(ch.isalpha() for ch in full_name)):
        return _(
            "Họ và tên chỉ gồm chữ cái, dấu cách, dấu nháy (') và gạch nối (-); không có chữ số hay ký hiệu."
        )
    return None


def age_problem(birth: date, on: date) -> str | None:
    """A person entered today is between PTDV_PERSON_MIN_AGE and PTDV_PERSON_MAX_AGE years old."""
    low, high = settings.PTDV_PERSON_MIN_AGE, settings.PTDV_PERSON_MAX_AGE
    age = full_years(birth, on)
    if low <= age <= high:
        return None
    return _("Ngày sinh %(d)s cho tuổi %(age)s; người được nhập phải từ %(low)s đến %(high)s tuổi.") % {
        "d": birth.strftime("%d/%m/%Y"),
        "age": age,
        "low": low,
        "high": high,
    }


def citizen_id_problem(citizen_id: str, birth: date | None, sex: str) -> str | None:
    """The province code is a real one; the fourth digit agrees with the birth year and sex."""
    if not citizen_ids.has_known_province(citizen_id):
        return _("Số CCCD bắt đầu bằng %(code)s, không phải mã tỉnh nào (001–096).") % {
            "code": citizen_id[:3]
        }
    if birth is not None and sex and not citizen_ids.agrees_with(citizen_id, birth.year, sex == "F"):
        return _(
            "Chữ số thứ tư của số CCCD (%(digit)s) không khớp năm sinh %(year)s và giới tính: "
            "nam sinh 1900–1999 là 0, nữ là 1; nam sinh 2000–2099 là 2, nữ là 3."
        ) % {"digit": citizen_id[3], "year": birth.year}
    return None
