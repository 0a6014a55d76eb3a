"""Deadlines (thời hạn) of a case after the branch resolution, in working days.

Each deadline is computed from the date of the act it follows and the numbers of the
regulation version in force on that date, so a change of regulation mid-way applies to the
acts dated after it. Derived dates: probation ends on ceremony date + 12 months, and that is
the official date even when the recognition decision comes late.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ptdv.regulation.calendar import WorkingCalendar
from ptdv.regulation.dates import add_months
from ptdv.regulation.versions import RegulationVersion, version_on

DECISION_DUE = "DECISION_DUE"
CEREMONY_DUE = "CEREMONY_DUE"
HISTORY_DUE = "HISTORY_DUE"
RECOGNITION_MEETING_DUE = "RECOGNITION_MEETING_DUE"
RECOGNITION_DECISION_DUE = "RECOGNITION_DECISION_DUE"

DEADLINE_LABELS: dict[str, str] = {
    DECISION_DUE: "Hạn ra quyết định kết nạp",
    CEREMONY_DUE: "Hạn tổ chức lễ kết nạp",
    HISTORY_DUE: "Hạn hoàn thành lý lịch đảng viên",
    RECOGNITION_MEETING_DUE: "Hạn chi bộ xét công nhận đảng viên chính thức",
    RECOGNITION_DECISION_DUE: "Hạn ra quyết định công nhận đảng viên chính thức",
}

#: Status (the API's value) → the words people see. An item due today is due now, not "soon".
STATUS_LABELS: dict[str, str] = {
    "done": "Đã thực hiện",
    "overdue": "Quá hạn",
    "due_today": "Đến hạn hôm nay",
    "due_soon": "Sắp đến hạn",
    "pending": "Chưa đến hạn",
}

#: "Sắp đến hạn": the due date is at most this many working days away.
DUE_SOON_WORKING_DAYS = 10

DEFAULT_PROBATION_MONTHS = 12


@dataclass(frozen=True)
class CaseDates:
    """Các mốc ngày của hồ sơ từ khi chi bộ có nghị quyết đề nghị kết nạp."""

    branch_resolution_date: date | None = None
    decision_extended: bool = False
    decision_date: date | None = None
    decision_received_date: date | None = None
    ceremony_date: date | None = None
    history_done_date: date | None = None
    recognition_meeting_date: date | None = None
    recognition_decision_extended: bool = False
    recognition_decision_date: date | None = None


@dataclass(frozen=True)
class Deadline:
    """Một thời hạn: mốc tính, ngày đến hạn, đã thực hiện hay chưa."""

    code: str
    label: str
    basis_date: date
    due_date: date
    done: bool
    done_date: date | None = None
    extended: bool = False


def probation_end(ceremony_date: date, months: int = DEFAULT_PROBATION_MONTHS) -> date:
    """Ngày hết thời hạn dự bị: ceremony date + 12 months (29/2 → 28/2)."""
    return add_months(ceremony_date, months)


def official_date(ceremony_date: date, months: int = DEFAULT_PROBATION_MONTHS) -> date:
    """Ngày chính thức: the end of probation, even when the recognition decision comes late."""
    return probation_end(ceremony_date, months)


#: Code → (length, extension) as attribute names of RegulationVersion.
_LENGTHS: dict[str, tuple[str, str | None]] = {
    DECISION_DUE: ("decision_due_working_days", "decision_extension_working_days"),
    CEREMONY_DUE: ("ceremony_due_working_days", None),
    HISTORY_DUE: ("history_due_working_days", None),
    RECOGNITION_MEETING_DUE: ("recognition_meeting_due_working_days", None),
    RECOGNITION_DECISION_DUE: (
        "recognition_decision_due_working_days",
        "recognition_decision_extension_working_days",
    ),
}

VersionLookup = Callable[[date], RegulationVersion | None]


def deadlines_for(
    timeline: CaseDates, calendar: WorkingCalendar, version_lookup: VersionLookup = version_on
) -> list[Deadline]:
    """The deadlines whose basis date is known, in the order of the path.

    A basis date before every known regulation version yields no deadline (NO_REGULATION is
    the rules' finding to make). The ceremony is counted from the day the branch received the
    decision, or from the decision date while the receipt is not recorded.
    """
    t = timeline
    probation_over = None
    if t.ceremony_date is not None:
        version = version_lookup(t.ceremony_date)
        months = version.probation_months if version else DEFAULT_PROBATION_MONTHS
        probation_over = probation_end(t.ceremony_date, months)
    # Code → (basis date, extended, date done).
    bases: dict[str, tuple[date | None, bool, date | None]] = {
        DECISION_DUE: (t.branch_resolution_date, t.decision_extended, t.decision_date),
        CEREMONY_DUE: (t.decision_received_date or t.decision_date, False, t.ceremony_date),
        HISTORY_DUE: (t.ceremony_date, False, t.history_done_date),
        RECOGNITION_MEETING_DUE: (probation_over, False, t.recognition_meeting_date),
        RECOGNITION_DECISION_DUE: (
            t.recognition_meeting_date,
            t.recognition_decision_extended,
            t.recognition_decision_date,
        ),
    }
    found = []
    for code, (basis, extended, done_date) in bases.items():
        version = version_lookup(basis) if basis is not None else None
        if version is None:
            continue
        length, extension = _LENGTHS[code]
        days = getattr(version, length)
        if extended and extension:
            days += getattr(version, extension)
        label = DEADLINE_LABELS[code] + (" (đã gia hạn)" if extended else "")
        due = calendar.add_working_days(basis, days)
        found.append(Deadline(code, label, basis, due, done_date is not None, done_date, extended))
    return found


_default_calendar: WorkingCalendar | None = None


def status(deadline: Deadline, today: date, calendar: WorkingCalendar | None = None) -> str:
    """ "done", "overdue", "due_today", "due_soon" (within 10 working days) or "pending" on ``today``."""
    global _default_calendar
    if deadline.done:
        return "done"
    if today > deadline.due_date:
        return "overdue"
    if today == deadline.due_date:
        return "due_today"
    if calendar is None:
        _default_calendar = _default_calendar or WorkingCalendar()
        calendar = _default_calendar
    if calendar.working_days_between(today, deadline.due_date) <= DUE_SOON_WORKING_DAYS:
        return "due_soon"
    return "pending"
