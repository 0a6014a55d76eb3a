"""Deadline codes on concrete cases, counted by hand in the comments."""

from datetime import date

import pytest

from ptdv.regulation.calendar import WorkingCalendar
from ptdv.regulation.deadlines import (
    CaseDates,
    Deadline,
    deadlines_for,
    official_date,
    probation_end,
    status,
)

CALENDAR = WorkingCalendar()


def _due(code, **dates):
    [deadline] = [d for d in deadlines_for(CaseDates(**dates), CALENDAR) if d.code == code]
    return deadline


def test_decision_due_60_working_days_after_the_branch_resolution():
    # Thu 01/06/2023: June 2–30 has 21 working days, July 21, August 1–24 18 → 60.
    deadline = _due("DECISION_DUE", branch_resolution_date=date(2023, 6, 1))
    assert deadline.due_date == date(2023, 8, 24)
    assert deadline.basis_date == date(2023, 6, 1)
    assert deadline.label == "Hạn ra quyết định kết nạp"
    assert not deadline.done


def test_decision_due_extended_by_30_working_days():
    # From 24/08/2023: 25, 28–31 (5), 01/09 and 04/09 off, 05–08 (9), three weeks (24),
    # 02–06/10 (29), 09/10 (30).
    deadline = _due("DECISION_DUE", branch_resolution_date=date(2023, 6, 1), decision_extended=True)
    assert deadline.due_date == date(2023, 10, 9)
    assert deadline.extended and "gia hạn" in deadline.label


def test_ceremony_due_30_working_days_after_receiving_the_decision():
    # Wed 10/04/2024: 18/04 and 29/04–01/05 off, Saturday 04/05 worked → 27/05.
    deadline = _due(
        "CEREMONY_DUE",
        decision_date=date(2024, 4, 5),
        decision_received_date=date(2024, 4, 10),
    )
    assert deadline.basis_date == date(2024, 4, 10)
    assert deadline.due_date == date(2024, 5, 27)


def test_ceremony_due_counts_from_the_decision_until_its_receipt_is_recorded():
    deadline = _due("CEREMONY_DUE", decision_date=date(2024, 4, 10))
    assert deadline.basis_date == date(2024, 4, 10)


def test_history_due_30_working_days_after_the_ceremony_skipping_tet():
    # Wed 15/01/2025: 16–24/01 (7), Tết 27–31/01, 03/02–28/02 (27), 03–05/03 (30).
    deadline = _due("HISTORY_DUE", ceremony_date=date(2025, 1, 15))
    assert deadline.due_date == date(2025, 3, 5)


def test_recognition_meeting_due_30_working_days_after_12_months_of_probation():
    # Ceremony 29/02/2024 → probation ends 28/02/2025; Giỗ Tổ 07/04/2025 off → 14/04/2025.
    deadline = _due("RECOGNITION_MEETING_DUE", ceremony_date=date(2024, 2, 29))
    assert deadline.basis_date == date(2025, 2, 28)
    assert deadline.due_date == date(2025, 4, 14)


def test_recognition_decision_due_30_working_days_after_the_branch_meeting():
    # Fri 01/08/2025: four weeks (20), 01–02/09 off, 03–05/09 (23), 08–12/09 (28), 15–16/09.
    deadline = _due("RECOGNITION_DECISION_DUE", recognition_meeting_date=date(2025, 8, 1))
    assert deadline.due_date == date(2025, 9, 16)


def test_recognition_decision_due_extended_by_30_working_days():
    deadline = _due(
        "RECOGNITION_DECISION_DUE",
        recognition_meeting_date=date(2025, 8, 1),
        recognition_decision_extended=True,
    )
    assert deadline.due_date == date(2025, 10, 28)


def test_official_date_is_ceremony_plus_12_months_even_when_the_decision_is_late():
    assert probation_end(date(2024, 3, 15)) == date(2025, 3, 15)
    assert official_date(date(2024, 2, 29)) == date(2025, 2, 28)


def test_only_deadlines_with_a_known_basis_are_listed_and_done_ones_are_marked():
    timeline = CaseDates(
        branch_resolution_date=date(2023, 6, 1),
        decision_date=date(2023, 7, 20),
        decision_received_date=date(2023, 7, 24),
    )
    deadlines = deadlines_for(timeline, CALENDAR)
    assert [d.code for d in deadlines] == ["DECISION_DUE", "CEREMONY_DUE"]
    assert deadlines[0].done and deadlines[0].done_date == date(2023, 7, 20)
    assert not deadlines[1].done


def test_no_deadline_before_every_known_regulation():
    assert deadlines_for(CaseDates(branch_resolution_date=date(2016, 1, 4)), CALENDAR) == []


DUE = Deadline("CEREMONY_DUE", "Hạn tổ chức lễ kết nạp", date(2025, 3, 3), date(2025, 3, 28), False)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 3, 3), "pending"),
        (date(2025, 3, 13), "pending"),  # 11 working days left
        (date(2025, 3, 14), "due_soon"),  # 10 working days left
        (date(2025, 3, 27), "due_soon"),
        (date(2025, 3, 28), "due_today"),
        (date(2025, 3, 29), "overdue"),
    ],
)
def test_status_of_a_deadline(today, expected):
    assert status(DUE, today, CALENDAR) == expected


def test_a_done_deadline_is_done_even_after_its_date():
    done = Deadline("HISTORY_DUE", "x", date(2025, 1, 2), date(2025, 2, 14), True, date(2025, 3, 1))
    assert status(done, date(2026, 1, 1)) == "done"
