"""Months are counted the way the regulation counts them: same day, or the month's last day."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ptdv.regulation.dates import add_months, format_age, format_vn, full_months_between

dates = st.dates(min_value=date(1930, 1, 1), max_value=date(2090, 12, 31))


def test_add_months_keeps_the_day_of_month():
    assert add_months(date(2020, 1, 15), 60) == date(2025, 1, 15)
    assert add_months(date(2025, 3, 10), -3) == date(2024, 12, 10)


def test_add_months_falls_back_to_the_last_day_of_a_shorter_month():
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 8, 31), 1) == date(2024, 9, 30)
    assert add_months(date(2024, 12, 31), 2) == date(2025, 2, 28)


def test_person_born_on_29_february_is_full_18_on_28_february_of_a_common_year():
    born = date(2008, 2, 29)
    assert full_months_between(born, date(2026, 2, 27)) == 215
    assert full_months_between(born, date(2026, 2, 28)) == 216


def test_full_months_between_counts_completed_months_only():
    assert full_months_between(date(2020, 1, 15), date(2020, 2, 14)) == 0
    assert full_months_between(date(2020, 1, 15), date(2020, 2, 15)) == 1
    assert full_months_between(date(2020, 1, 31), date(2020, 2, 29)) == 1
    assert full_months_between(date(2020, 3, 15), date(2020, 3, 10)) == -1


@given(start=dates, n=st.integers(min_value=-400, max_value=400), end=dates)
def test_full_months_reach_n_exactly_when_adding_n_months_does_not_pass_the_end(start, n, end):
    assert (full_months_between(start, end) >= n) == (add_months(start, n) <= end)


@given(start=dates, n=st.integers(min_value=0, max_value=800))
def test_adding_months_gives_exactly_that_many_full_months(start, n):
    end = add_months(start, n)
    assert full_months_between(start, end) == n
    assert full_months_between(start, end - timedelta(days=1)) == n - 1 or n == 0


def test_format_vn_writes_day_month_year_with_leading_zeros():
    assert format_vn(date(2020, 1, 15)) == "15/01/2020"
    assert format_vn(date(2025, 2, 3)) == "03/02/2025"


def test_format_age_says_years_and_months():
    assert format_age(215) == "17 tuổi 11 tháng"
    assert format_age(216) == "18 tuổi"
