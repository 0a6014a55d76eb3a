"""Dates, numbers and unit names the way Vietnamese official documents write them.

Nghị định 30/2020/NĐ-CP on the form of official documents: the day below 10 and the months
January and February take a leading zero ("ngày 05 tháng 02 năm 2024"), so a figure cannot
be added in front of them later; a missing date is left as dots to fill in by hand.
"""

import re
from datetime import date

DOTS = "…"
# The words a unit's name starts with, dropped to get the place it is named after.
_UNIT_WORDS = re.compile(
    r"^(đảng bộ|đảng ủy|chi bộ|ban thường vụ|huyện ủy|tỉnh ủy|thành ủy)\s+"
    r"(cơ sở\s+)?(tỉnh|thành phố|huyện|thị xã|xã|phường|thị trấn|đặc khu|thôn|bản|tổ dân phố|trường|"
    r"công an|quân sự)?\s*",
    re.IGNORECASE,
)


def day_parts(day: date | None) -> tuple[str, str, str]:
    """(day, month, year) as written on a document, dots when the date is not known."""
    if day is None:
        return DOTS, DOTS, DOTS
    return (
        f"{day.day:02d}" if day.day < 10 else str(day.day),
        f"{day.month:02d}" if day.month < 3 else str(day.month),
        str(day.year),
    )


def long_date(day: date | None) -> str:
    """ "ngày 05 tháng 3 năm 2024" """
    d, m, y = day_parts(day)
    return f"ngày {d} tháng {m} năm {y}"


def short_date(day: date | None) -> str:
    """dd/mm/yyyy, or dots when the date is not known."""
    return day.strftime("%d/%m/%Y") if day else DOTS


def number(value: int | float | None, decimals: int = 0) -> str:
    """1.234 and 66,67: a dot groups thousands, a comma marks the decimals."""
    if value is None:
        return DOTS
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def percent(part: int | None, whole: int | None) -> str:
    if not part or not whole:
        return DOTS if part is None or whole is None else "0%"
    return f"{number(part * 100 / whole, 2)}%"


def capitals(name: str) -> str:
    """A unit's name as a document header writes it: in capitals."""
    return (name or "").upper()


def place_of(name: str) -> str:
    """The place a unit is named after: "Đảng ủy xã Công Bằng" → "Công Bằng"."""
    return _UNIT_WORDS.sub("", name or "").strip() or name
