"""Deadlines of cases in a user's scope, read from the kept rows (ptdv.cases.kept), on the
working-day calendar an admin keeps.

No case is judged here: ``ptdv.cases.derived`` keeps each case's deadlines with their due and
met dates, so a list of deadlines is one SQL query (indexed on the due date), pageable.
"""

from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Q

from ptdv.cases.models import CalendarDay, Case, CaseDeadline
from ptdv.regulation import PATH, Deadline, Stage, WorkingCalendar
from ptdv.regulation import status as deadline_status
from ptdv.regulation.deadlines import STATUS_LABELS

# Stages whose deadlines run: from the branch resolution to the recognition decision.
RUNNING = PATH[PATH.index(Stage.BRANCH_RESOLVED) : PATH.index(Stage.OFFICIAL)]

_calendars: dict[frozenset, WorkingCalendar] = {}


def working_calendar() -> WorkingCalendar:
    """The calendar with the admin's days off and makeup days: one small query; the index of
    working days is built once per calendar as it stands (a changed calendar is a new one)."""
    days = frozenset(CalendarDay.objects.values_list("date", "kind"))
    if days not in _calendars:
        _calendars.clear()
        _calendars[days] = WorkingCalendar(
            days_off={d for d, kind in days if kind == CalendarDay.Kind.DAY_OFF},
            makeup_days={d for d, kind in days if kind == CalendarDay.Kind.MAKEUP},
        )
    return _calendars[days]


def forget_calendar() -> None:
    _calendars.clear()


@dataclass(frozen=True)
class DueItem:
    """One deadline of one case, with its status on the day asked."""

    case: Case
    deadline: Deadline
    status: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


#: Filter words of the API and pages → what they keep, on the day asked (``as_of``).
STATUSES = ("due", "overdue", "met")


def deadline_rows(cases, as_of: date, status: str | None = None, until: date | None = None):
    """The kept deadlines of `cases` (already scoped), soonest first, as they stood on `as_of`.

    status None: not met on `as_of`, of cases whose deadlines run; "due": of those, not past
    yet; "overdue": past; "met": met on or before `as_of`, of any case. `until` keeps those due
    by then. Only deadlines whose basis act was on or before `as_of` existed then.
    """
    rows = CaseDeadline.objects.filter(case__in=cases, basis_date__lte=as_of)
    if status == "met":
        rows = rows.filter(met_on__lte=as_of)
    else:
        rows = rows.filter(case__stage__in=RUNNING).exclude(met_on__lte=as_of)
        if status == "due":
            rows = rows.filter(due_date__gte=as_of)
        elif status == "overdue":
            rows = rows.filter(due_date__lt=as_of)
    if until is not None:
        rows = rows.filter(due_date__lte=until)
    return rows.select_related("case__person", "case__branch").order_by("due_date", "case_id", "id")


def due_item(row: CaseDeadline, today: date, calendar: WorkingCalendar) -> DueItem:
    deadline = row.deadline
    if deadline.done and deadline.done_date > today:
        # Met after the day asked: on that day it was still to be met.
        deadline = replace(deadline, done=False, done_date=None)
    return DueItem(row.case, deadline, deadline_status(deadline, today, calendar))


def case_deadlines(case: Case, today: date, calendar: WorkingCalendar) -> list[DueItem]:
    """Every kept deadline of one case, in the order of the path."""
    return [due_item(row, today, calendar) for row in case.kept_deadlines.order_by("id")]


def due_items(
    cases,
    today: date,
    calendar: WorkingCalendar | None = None,
    *,
    status: str | None = None,
    until: date | None = None,
) -> list[DueItem]:
    """Deadlines not yet met of the given cases (already scoped), soonest first (see
    deadline_rows), each one built: for lists of a few cases, reminders and the API's pages
    (the dashboard counts and lists from deadline_rows itself)."""
    calendar = calendar or working_calendar()
    return [due_item(row, today, calendar) for row in deadline_rows(cases, today, status, until)]


def page_after(rows, cursor: str | None, size: int) -> tuple[list[CaseDeadline], str | None]:
    """One page of `rows` (deadline_rows' order) after `cursor`, and the next page's cursor.

    Keyset paging ("due date.case.id" of the last row shown): every page costs the same,
    the last as the first, and no count of all the rows is made. A bad cursor starts over.
    """
    try:
        due, case_id, pk = cursor.split(".") if cursor else (None, None, None)
        if due is not None:
            due, case_id, pk = date.fromisoformat(due), int(case_id), int(pk)
            rows = rows.filter(
                Q(due_date__gt=due)
                | Q(due_date=due, case_id__gt=case_id)
                | Q(due_date=due, case_id=case_id, id__gt=pk)
            )
    except ValueError:
        pass
    found = list(rows[: size + 1])
    if len(found) <= size:
        return found, None
    last = found[size - 1]
    return found[:size], f"{last.due_date.isoformat()}.{last.case_id}.{last.pk}"
