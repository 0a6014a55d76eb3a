"""The dashboard (trang tổng quan), the first page after login: where the user's unit stands.

For the user's scope: achievement against the current plans (a bar per child unit, sorted by
how far it falls short), the pipeline by stage with the cases overdue, the deadlines of the
next 30 days, merged branches and villages without members, and when all this was computed.
A viewer sees the same figures without anyone's name; a branch secretary the branch's own.
Every figure comes from scoped querysets or from the kept counts (ptdv.plans.achievement),
in a fixed number of queries whatever the size of the scope (tests/web/test_dashboard.py).

For a province those queries still add up thousands of branches' kept rows, so the rendered
figures are kept too (`figures_html`): computed on the first visit after the data changed
(ptdv.reports.freshness) or the day moved on, for each unit and role — the scope and what the
role may read are functions of the two — then read back in one query until the next change.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, OuterRef, Q, Subquery
from django.template.loader import render_to_string
from django.utils import timezone

from ptdv.cases.deadlines import deadline_rows, due_item, working_calendar
from ptdv.cases.models import OPEN_STAGES, Case
from ptdv.org import lineage, structure
from ptdv.org.models import Unit, Village
from ptdv.plans import achievement, quotas
from ptdv.plans.models import Plan, Quota
from ptdv.regulation import PATH, Stage
from ptdv.reports.models import DataGeneration, KeptDashboard
from ptdv.scope import can_edit

FIGURES_TEMPLATE = "web/_dashboard_figures.html"
HORIZON = timedelta(days=30)
# Deadlines and places listed on the page; the counts say how many there are in all.
LISTED = 15
# Plans shown: the unit's current ones (a yearly plan and a term plan can run together).
PLANS_SHOWN = 3


@dataclass
class Bar:
    """One child unit's bar: its quota and what it admitted so far."""

    name: str
    quota: int
    admitted: int

    @property
    def shortfall(self) -> int:
        return max(self.quota - self.admitted, 0)


@dataclass
class PlanFigures:
    plan: Plan | None
    targets: achievement.PlanTargets
    progress: achievement.Progress
    current: bool
    chart_id: str
    bars: list[Bar] = field(default_factory=list)

    def chart(self) -> dict:
        """What the chart script draws (ptdv/web/static/ptdv/dashboard.js), via json_script."""
        return {
            "labels": [b.name for b in self.bars],
            "quota": [b.quota for b in self.bars],
            "admitted": [b.admitted for b in self.bars],
        }


@dataclass
class Dashboard:
    unit: Unit
    computed_at: datetime
    plans: list[PlanFigures]
    pipeline: list[tuple[Stage, int, int]]  # stage, open cases, of them overdue
    deadlines: list  # DueItem, the next 30 days, soonest first
    deadline_count: int
    merged_branches: list[Unit]
    merged_count: int
    empty_villages: list[Village]
    empty_count: int
    show_names: bool


def _plans_of(unit: Unit, today: date) -> tuple[list[Plan | Quota], bool]:
    """The unit's current plans, else the quotas handed to it for today; failing both, its
    latest plan that has ended (a district closed in 2025 still shows its last term)."""
    standing = Plan.objects.filter(unit=unit, voided_at__isnull=True).select_related("unit")
    current = list(
        standing.filter(starts_on__lte=today, ends_on__gte=today).order_by("ends_on")[:PLANS_SHOWN]
    )
    if current:
        return current, True
    handed = Quota.objects.filter(
        unit=unit,
        voided_at__isnull=True,
        plan__voided_at__isnull=True,
        plan__starts_on__lte=today,
        plan__ends_on__gte=today,
    ).select_related("plan__unit", "unit")
    handed = list(handed.order_by("plan__ends_on")[:PLANS_SHOWN])
    if handed:
        return handed, True
    latest = standing.filter(ends_on__lt=today).order_by("-ends_on", "-id").first()
    return ([latest] if latest else []), False


def _figures(unit: Unit, record: Plan | Quota, current: bool, today: date, index: int) -> PlanFigures:
    progress = achievement.progress(unit, record, today)
    plan = record if isinstance(record, Plan) else None
    figures = PlanFigures(plan, achievement.PlanTargets.of(record), progress, current, f"chart-{index}")
    if isinstance(record, Plan):
        table = quotas.table(record)
        handed = [r for r in table.rows if r.quota is not None]
        admitted = achievement.admitted_by_unit([r.unit for r in handed], record.starts_on, progress.until)
        figures.bars = sorted(
            (Bar(r.unit.name, r.quota.target, admitted[r.unit.pk].admitted) for r in handed),
            key=lambda b: (-b.shortfall, b.name),
        )
    return figures


def _pipeline(cases, today: date) -> list[tuple[Stage, int, int]]:
    """Open cases by stage, and of them those with a deadline overdue: two grouped queries."""
    counts = dict(cases.values_list("stage").annotate(n=Count("id")).order_by())
    late = deadline_rows(cases, today, "overdue").order_by().values_list("case__stage")
    overdue = dict(late.annotate(n=Count("case_id", distinct=True)))
    return [(s, counts.get(s.value, 0), overdue.get(s.value, 0)) for s in PATH if s.value in OPEN_STAGES]


@lineage.remembered()
def build(user, today: date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    unit = user.unit
    records, current = _plans_of(unit, today)
    cases = Case.objects.visible_to(user).filter(stage__in=OPEN_STAGES)
    # The kept deadlines: the first few of the next 30 days and how many, never all of them.
    upcoming = deadline_rows(cases, today, "due", until=today + HORIZON)
    calendar = working_calendar()
    units = (
        Unit.objects.visible_to(user)
        .filter(path__startswith=unit.path)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=today))
    )
    merged = structure.merged_branches(units).order_by("path")
    villages = Village.objects.visible_to(user).filter(branch__path__startswith=unit.path)
    empty = (
        structure.villages_without_members(villages).select_related("branch").order_by("branch__path", "name")
    )
    return Dashboard(
        unit=unit,
        computed_at=timezone.now(),
        plans=[_figures(unit, r, current, today, i) for i, r in enumerate(records)],
        pipeline=_pipeline(cases, today),
        deadlines=[due_item(row, today, calendar) for row in upcoming[:LISTED]],
        deadline_count=upcoming.count(),
        merged_branches=list(merged[:LISTED]),
        merged_count=merged.count(),
        empty_villages=list(empty[:LISTED]),
        empty_count=empty.count(),
        show_names=can_edit(user),
    )


def figures_html(user, today: date | None = None) -> str:
    """The dashboard's figures for `user`, rendered: kept ones while current, else computed
    now and kept. One query reads the data generation and the kept figures of that generation
    and day; a concurrent visitor computing too just writes the same."""
    today = today or timezone.localdate()
    key = {"unit_id": user.unit_id, "role": user.role}
    kept = KeptDashboard.objects.filter(**key, on=today, generation=OuterRef("n")).values("html")[:1]
    read = DataGeneration.objects.filter(pk=1).annotate(html=Subquery(kept)).values_list("n", "html").first()
    if read is None:  # its migration made the row; a database emptied since has none
        read = (DataGeneration.objects.get_or_create(pk=1)[0].n, None)
    generation, html = read
    if html is not None:
        return html
    board = build(user, today)  # after the generation was read: a change from now makes it stale
    html = render_to_string(FIGURES_TEMPLATE, {"board": board})
    KeptDashboard.objects.bulk_create(
        [KeptDashboard(**key, on=today, generation=generation, computed_at=board.computed_at, html=html)],
        update_conflicts=True,
        unique_fields=["unit", "role"],
        update_fields=["on", "generation", "computed_at", "html"],
    )
    return html
