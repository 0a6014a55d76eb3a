"""A raw cell as the value stored: dates, choices by their Vietnamese label, yes/no.

Officials' sheets hold dates in three forms: a real Excel date (openpyxl gives a datetime),
a bare serial number (a date cell whose format was lost: 45292 is 01/01/2024) and text
typed as "dd/mm/yyyy" (also "d/m/yyyy", with '-' or '.'). A choice is matched to its label
without regard to case, diacritics or spacing, so "chinh thuc" is "Chính thức". Numbers
typed into text columns come back as Excel stored them: a citizen ID whose leading zeros
Excel dropped (6089001556) is given them back, as is a phone number's leading 0.
"""

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.utils.translation import gettext as _

from ptdv.exchange.columns import CHOICE, DATE, NO, YES, YES_NO, Column
from ptdv.people.names import fold


class Invalid(Exception):
    """The cell holds no valid value of its column; the message says what was expected."""


_TEXT_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 01/01/1900 (Excel's 1900 leap-year bug included)
# Serials of 01/01/1900 .. 31/12/9999.
SERIAL_MIN, SERIAL_MAX = 1, 2958465
_DIGITS_KEEPING_ZEROS = {"citizen_id": 12, "phone": 10}


def parse_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if SERIAL_MIN <= value <= SERIAL_MAX:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise Invalid(_("Số %(v)s không phải là một ngày.") % {"v": value})
    text = str(value).strip()
    if match := _TEXT_DATE.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise Invalid(_("“%(v)s” không phải là ngày dạng dd/mm/yyyy.") % {"v": text[:40]})
    try:
        return date(year, month, day)
    except ValueError:
        raise Invalid(_("Không có ngày %(v)s.") % {"v": text[:40]}) from None


@lru_cache(maxsize=64)
def _choice_index(column: Column) -> dict:
    return {fold(label): code for label, code in zip(column.allowed, column.codes, strict=True)}


@lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """fold() of a choice's text, which repeats down a column: computed once per spelling."""
    return fold(text)


def parse_choice(column: Column, value) -> str:
    code = _choice_index(column).get(folded(str(value)))
    if code is None and any(folded(label) == folded(str(value)) for _code, label in column.shown_only):
        raise Invalid(
            _("“%(v)s” chỉ có trong tệp xuất, không nhập được; hãy bỏ các dòng này khỏi tệp.")
            % {"v": str(value)[:60]}
        )
    if code is None:
        shown = ", ".join(column.allowed[:12]) + ("…" if len(column.allowed) > 12 else "")
        raise Invalid(_("“%(v)s” không phải giá trị cho phép (%(a)s).") % {"v": str(value)[:60], "a": shown})
    return code


_YES = {fold(YES), "x", "1", "true", "co"}
_NO = {fold(NO), "0", "false", "khong"}


def parse_yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    text = folded(str(value))
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise Invalid(_("Hãy ghi “Có” hoặc “Không” (đã ghi “%(v)s”).") % {"v": str(value)[:40]})


def parse_text(column: Column, value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        width = _DIGITS_KEEPING_ZEROS.get(column.key)
        return str(value).zfill(width) if width and len(str(value)) < width else str(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def parse(column: Column, value):
    """The stored value of `value` (never None: empty cells are not parsed)."""
    if column.type == DATE:
        return parse_date(value)
    if column.type == CHOICE:
        return parse_choice(column, value)
    if column.type == YES_NO:
        return parse_yes_no(value)
    return parse_text(column, value)
