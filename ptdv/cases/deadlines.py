"""Deadlines of cases in a user's scope, on the working-day calendar an admin keeps."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from ptdv.cases.facts import dates_for
from ptdv.cases.models import CalendarDay, Case, CaseEvent
from ptdv.regulation import PATH, Deadline, Stage, WorkingCalendar, deadlines_for, status
from ptdv.regulation.deadlines import STATUS_LABELS

# Stages whose deadlines run: from the branch resolution to the recognition decision.
RUNNING = PATH[PATH.index(Stage.BRANCH_RESOLVED) : PATH.index(Stage.OFFICIAL)]


def working_calendar() -> WorkingCalendar:
    days = CalendarDay.objects.values_list("date", "kind")
    return WorkingCalendar(
        days_off={d for d, kind in days if kind == CalendarDay.Kind.DAY_OFF},
        makeup_days={d for d, kind in days if kind == CalendarDay.Kind.MAKEUP},
    )


@dataclass(frozen=True)
class DueItem:
    """One deadline of one case, with its status on the day asked."""

    case: Case
    deadline: Deadline
    status: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def case_deadlines(case: Case, today: date, calendar: WorkingCalendar) -> list[DueItem]:
    return [DueItem(case, d, status(d, today, calendar)) for d in deadlines_for(dates_for(case), calendar)]


def due_items(cases, today: date, calendar: WorkingCalendar | None = None) -> list[DueItem]:
    """Deadlines not yet met of the given cases (already scoped), soonest first."""
    calendar = calendar or working_calendar()
    cases = (
        cases.filter(stage__in=RUNNING)
        .select_related("person", "branch")
        .prefetch_related(Prefetch("events", queryset=CaseEvent.objects.order_by("date", "id")), "documents")
    )
    items = [
        item for case in cases for item in case_deadlines(case, today, calendar) if item.status != "done"
    ]
    return sorted(items, key=lambda item: (item.deadline.due_date, item.case.pk))
