"""Working days (ngày làm việc) for deadlines counted the way the Civil Code counts them.

Bộ luật Dân sự 2015, Điều 147: the day of the act is not counted; a period of N working days
ends on the Nth working day after it. Weekends and Vietnamese public holidays (Tết included,
from the ``holidays`` package in Vietnamese) do not count; a Saturday the government makes a
working day (ngày làm bù) does. The administrator can add days off and makeup days that the
package does not know, so a late government announcement needs no code change.
"""

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta

import holidays


class WorkingCalendar:
    """Lịch ngày làm việc: ngày nghỉ lễ, Tết, cuối tuần, ngày nghỉ bù và ngày làm bù."""

    def __init__(
        self,
        days_off: Iterable[date] = (),
        makeup_days: Iterable[date] = (),
        *,
        known_makeup_days: bool = True,
    ) -> None:
        self.days_off = frozenset(days_off)
        self.makeup_days = frozenset(makeup_days)
        # The package knows some makeup Saturdays of past years; the admin's list adds to them.
        self.known_makeup_days = known_makeup_days
        self._years: dict[int, tuple[dict[date, str], frozenset[date]]] = {}
        self._days: list[int] = []  # the index of working days (_index), years [_first, _last)
        self._first = self._last = 0

    def _year(self, year: int) -> tuple[dict[date, str], frozenset[date]]:
        if year not in self._years:
            public = holidays.country_holidays("VN", years=year, language="vi")
            workdays = frozenset(d for d in public.weekend_workdays if d.year == year)
            self._years[year] = (dict(public), workdays)
        return self._years[year]

    def holiday_name(self, d: date) -> str | None:
        """The Vietnamese name of the public holiday on ``d``, if any."""
        return self._year(d.year)[0].get(d)

    def is_makeup_day(self, d: date) -> bool:
        if d in self.makeup_days:
            return True
        return self.known_makeup_days and d in self._year(d.year)[1]

    def is_working_day(self, d: date) -> bool:
        if d in self.days_off:
            return False
        if self.is_makeup_day(d):
            return True
        return d.weekday() < 5 and self.holiday_name(d) is None

    def _index(self, d: date) -> list[int]:
        """Ordinals of the working days of every year from the first asked to one past ``d``.

        Built a year at a time and kept, so that a due date is two binary searches, not a walk
        through the calendar day by day; a calendar that changes is a new WorkingCalendar.
        """
        if not self._days or d.year < self._first or d.year >= self._last:
            first = min(d.year - 1, self._first) if self._days else d.year - 1
            last = max(d.year + 2, self._last) if self._days else d.year + 2
            start, end = date(first, 1, 1), date(last, 1, 1)
            self._days = [
                o
                for o in range(start.toordinal(), end.toordinal())
                if self.is_working_day(date.fromordinal(o))
            ]
            self._first, self._last = first, last
        return self._days

    def add_working_days(self, start: date, n: int) -> date:
        """The Nth working day after ``start``, which is not counted; n=0 gives ``start``."""
        if n < 0:
            raise ValueError("Số ngày làm việc phải không âm")
        if n == 0:
            return start
        days = self._index(start)
        at = bisect_right(days, start.toordinal()) + n - 1
        while at >= len(days):
            # Past the years indexed: index further (a year has ~250 working days).
            days = self._index(date.fromordinal(days[-1]) + timedelta(days=366))
            at = bisect_right(days, start.toordinal()) + n - 1
        return date.fromordinal(days[at])

    def working_days_between(self, a: date, b: date) -> int:
        """Working days after ``a`` up to and including ``b``; negative when ``b`` is before ``a``.

        ``working_days_between(a, add_working_days(a, n)) == n``.
        """
        if b < a:
            return -self.working_days_between(b, a)
        self._index(a)
        days = self._index(b)
        return bisect_right(days, b.toordinal()) - bisect_right(days, a.toordinal())
