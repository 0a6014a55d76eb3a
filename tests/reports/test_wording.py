"""Figures and periods as officials write them, and the one way report dates are read."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ptdv.reports.catalogue import REPORTS, parse_query
from ptdv.reports.wording import count, period

TODAY = date(2024, 5, 20)


def test_counts_under_ten_take_two_digits_and_thousands_take_dots():
    assert [count(n) for n in (0, 1, 9, 23, 2714)] == ["00", "01", "09", "23", "2.714"]


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        (date(2023, 1, 1), date(2023, 6, 30), "6 tháng đầu năm 2023"),
        (date(2023, 7, 1), date(2023, 12, 31), "6 tháng cuối năm 2023"),
        (date(2023, 1, 1), date(2023, 12, 31), "năm 2023"),
        (date(2021, 1, 1), date(2023, 6, 30), "từ ngày 01/01/2021 đến ngày 30/06/2023"),
    ],
)
def test_periods_are_named_as_reviews_name_them(start, end, said):
    assert period(start, end) == said


def test_a_period_report_defaults_to_this_year_and_reads_both_date_spellings():
    progress = REPORTS["progress"]
    assert parse_query(progress, {}, TODAY).start == date(2024, 1, 1)
    query = parse_query(progress, {"from": "01/01/2021", "to": "2023-06-30", "predecessors": "0"}, TODAY)
    assert (query.start, query.end, query.predecessors) == (date(2021, 1, 1), date(2023, 6, 30), False)


def test_an_as_of_report_defaults_to_today():
    assert parse_query(REPORTS["totals"], {}, TODAY).end == TODAY


@pytest.mark.parametrize("params", [{"from": "31/02/2023"}, {"from": "2023-07-01", "to": "2023-06-01"}])
def test_bad_dates_are_refused_in_vietnamese(params):
    with pytest.raises(ValidationError, match="ngày"):
        parse_query(REPORTS["progress"], params, TODAY)
