"""Working days: weekends, Vietnamese holidays and Tết off; makeup Saturdays on; admin days off."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ptdv.regulation.calendar import WorkingCalendar

CALENDAR = WorkingCalendar()


def test_add_working_days_friday_plus_one_is_monday():
    assert CALENDAR.add_working_days(date(2023, 6, 2), 1) == date(2023, 6, 5)


def test_the_day_of_the_act_is_not_counted():
    assert CALENDAR.add_working_days(date(2023, 6, 5), 1) == date(2023, 6, 6)
    assert CALENDAR.add_working_days(date(2023, 6, 5), 0) == date(2023, 6, 5)


def test_weekend_is_not_a_working_day():
    assert not CALENDAR.is_working_day(date(2023, 6, 3))
    assert not CALENDAR.is_working_day(date(2023, 6, 4))
    assert CALENDAR.is_working_day(date(2023, 6, 5))


def test_tet_2025_days_are_skipped():
    # Tết Ất Tỵ: off from Saturday 25/01 to Sunday 02/02/2025.
    for day in range(27, 32):
        assert not CALENDAR.is_working_day(date(2025, 1, day))
    assert CALENDAR.holiday_name(date(2025, 1, 29)) == "Tết Nguyên Đán"
    assert CALENDAR.add_working_days(date(2025, 1, 24), 1) == date(2025, 2, 3)


def test_public_holidays_are_skipped():
    assert not CALENDAR.is_working_day(date(2025, 4, 30))
    assert not CALENDAR.is_working_day(date(2025, 9, 2))
    assert CALENDAR.add_working_days(date(2025, 4, 29), 1) == date(2025, 5, 5)


def test_a_makeup_saturday_counts_as_a_working_day():
    calendar = WorkingCalendar(makeup_days={date(2025, 3, 8)})
    assert calendar.is_working_day(date(2025, 3, 8))
    assert calendar.add_working_days(date(2025, 3, 7), 1) == date(2025, 3, 8)
    assert CALENDAR.add_working_days(date(2025, 3, 7), 1) == date(2025, 3, 10)


def test_makeup_saturdays_known_to_the_holidays_package_count_unless_switched_off():
    # 26/04/2025 was worked in exchange for Friday 02/05/2025 off.
    assert CALENDAR.is_working_day(date(2025, 4, 26))
    assert not CALENDAR.is_working_day(date(2025, 5, 2))
    assert not WorkingCalendar(known_makeup_days=False).is_working_day(date(2025, 4, 26))


def test_an_admin_day_off_is_skipped():
    calendar = WorkingCalendar(days_off={date(2025, 3, 10)})
    assert not calendar.is_working_day(date(2025, 3, 10))
    assert calendar.add_working_days(date(2025, 3, 7), 1) == date(2025, 3, 11)


def test_working_days_between_counts_after_the_first_day_through_the_last():
    assert CALENDAR.working_days_between(date(2023, 6, 2), date(2023, 6, 9)) == 5
    assert CALENDAR.working_days_between(date(2023, 6, 9), date(2023, 6, 2)) == -5
    assert CALENDAR.working_days_between(date(2025, 1, 24), date(2025, 2, 3)) == 1


@given(
    start=st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 12, 31)),
    n=st.integers(min_value=1, max_value=90),
)
def test_nth_working_day_is_a_working_day_n_working_days_later(start, n):
    due = CALENDAR.add_working_days(start, n)
    assert CALENDAR.is_working_day(due)
    assert CALENDAR.working_days_between(start, due) == n


def _walk(calendar, start, n):
    """The Civil Code's count, a day at a time: what the index of working days must agree with."""
    d = start
    while n > 0:
        d += timedelta(days=1)
        n -= calendar.is_working_day(d)
    return d


@given(
    start=st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 12, 31)),
    n=st.integers(min_value=0, max_value=400),
    days_off=st.sets(st.dates(min_value=date(2016, 1, 1), max_value=date(2031, 12, 31)), max_size=5),
)
def test_the_index_of_working_days_gives_the_day_by_day_count(start, n, days_off):
    # A calendar asked about dates years apart extends its index both ways: share one.
    calendar = WorkingCalendar(days_off=days_off) if days_off else CALENDAR
    assert calendar.add_working_days(start, n) == _walk(calendar, start, n)
    later = start + timedelta(days=n)
    walked = sum(calendar.is_working_day(start + timedelta(days=i)) for i in range(1, n + 1))
    assert calendar.working_days_between(start, later) == walked
