"""A plan's children and the quotas handed to them: the table of the plan page and its form.

The children are the plan's unit's direct children as they stood on the plan's *roster day*:
the last day of the period on which the unit still stood (a district dissolved on 1/7/2025
hands out its 2021–2025 quotas to the communes it had on 30/6/2025), never after today.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from ptdv.org import lineage
from ptdv.org.models import Unit
from ptdv.plans.models import Plan, Quota


def roster_day(plan: Plan, today: date | None = None) -> date:
    day = min(plan.ends_on, today or timezone.localdate())
    if plan.unit.valid_to is not None:
        day = min(day, plan.unit.valid_to - timedelta(days=1))
    return max(day, plan.starts_on)


def children(plan: Plan) -> list[Unit]:
    """The plan's unit's children as they stood on its roster day (ptdv.org.lineage)."""
    return lineage.children_on(plan.unit, roster_day(plan))


@dataclass
class Row:
    unit: Unit
    quota: Quota | None
    achieved: int | None = None


@dataclass
class Table:
    """Who got what: a row per child, what the quotas add up to and what they leave uncovered."""

    plan: Plan
    rows: list[Row] = field(default_factory=list)

    @property
    def handed(self) -> int:
        return sum(r.quota.target for r in self.rows if r.quota is not None)

    @property
    def uncovered(self) -> int:
        """How far the children's quotas fall short of the plan's target (0 when they cover it)."""
        return max(self.plan.target - self.handed, 0)

    @property
    def without_quota(self) -> list[Unit]:
        return [r.unit for r in self.rows if r.quota is None]


def table(plan: Plan, units: list[Unit] | None = None) -> Table:
    """The quota table of `plan` for `units` (its children by default); one query for the quotas.

    A standing quota handed to a unit that is no longer a child on the roster day (moved away,
    merged) still shows, so no quota is hidden from the plan's page.
    """
    units = children(plan) if units is None else units
    quotas = {q.unit_id: q for q in plan.quotas.filter(voided_at__isnull=True).select_related("unit")}
    rows = [Row(u, quotas.pop(u.pk, None)) for u in units]
    rows += [Row(q.unit, q) for q in quotas.values()]
    return Table(plan, rows)
