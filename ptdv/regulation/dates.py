"""Calendar arithmetic in months, the way the regulation counts periods.

"A period in months ends on the same day of the month, or the month's last day when there is
none" (29/2 → 28/2). Ages ("đủ 18 tuổi"), certificate validity (60 months), probation
(12 months) and readmission waits (36/60 months) are all counted with these two functions, so
they agree with each other by construction: ``full_months_between(a, b) >= n`` exactly when
``add_months(a, n) <= b``.
"""

from calendar import monthrange
from datetime import date


def add_months(d: date, n: int) -> date:
    """The same day of the month ``n`` months later (or earlier), or that month's last day."""
    month_index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(month_index, 12)
    month = month0 + 1
    return date(year, month, min(d.day, monthrange(year, month)[1]))


def full_months_between(start: date, end: date) -> int:
    """Whole months completed from ``start`` to ``end``.

    That is the largest n with ``add_months(start, n) <= end``.

    Negative when ``end`` is before ``start`` (floor semantics), so the equivalence above holds
    for every n.
    """
    n = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, n) > end:
        n -= 1
    return n


def format_vn(d: date) -> str:
    """A date as Vietnamese documents write it: 15/01/2020."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_age(months: int) -> str:
    """An age in whole months as people say it: "17 tuổi 11 tháng", "60 tuổi"."""
    years, rest = divmod(months, 12)
    return f"{years} tuổi {rest} tháng" if rest else f"{years} tuổi"
