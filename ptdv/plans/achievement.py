"""Admissions against targets (kết quả thực hiện chỉ tiêu): "kết nạp 425, đạt 106,25% chỉ tiêu".

Achievement is never counted here from the members: it is read from the kept admission counts
(ptdv.people.summaries), by ceremony date unless settings.PTDV_ACHIEVEMENT_BASIS says
"decision", for a unit's subtree as it stood during the period — a unit formed by a merger
includes its predecessors' past (ptdv.org.lineage), so a commune merged in 2025 still answers
for the quotas of the communes it took over. "At any date": up to `on`, never past the
period's end.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from ptdv.org.models import Unit
from ptdv.people import summaries
from ptdv.plans import percent
from ptdv.plans.models import CATEGORIES, Plan, Quota


def basis() -> str:
    """ "ceremony" (the default) or "decision": which date of an admission counts."""
    return settings.PTDV_ACHIEVEMENT_BASIS


@dataclass(frozen=True)
class PlanTargets:
    """The target of the plan (or of the quota handed down) that covers a period.

    `document` is how officials cite it ("Kế hoạch số 25/KH/HU"), `unit_name` whose plan it is
    (for a quota: the parent that handed it), `sub_targets` by Admissions attribute name.
    """

    target: int
    sub_targets: dict[str, int]
    document: str
    unit_name: str
    starts_on: date
    ends_on: date
    is_quota: bool

    @classmethod
    def of(cls, record: Plan | Quota) -> "PlanTargets":
        plan = record.plan if isinstance(record, Quota) else record
        return cls(
            target=record.target,
            sub_targets=record.sub_targets(),
            document=plan.document,
            unit_name=plan.unit.name,
            starts_on=plan.starts_on,
            ends_on=plan.ends_on,
            is_quota=isinstance(record, Quota),
        )


def _covering(start: date, end: date) -> Q:
    return Q(starts_on__lte=start, ends_on__gte=end)


def targets_for(unit: Unit, start: date, end: date) -> PlanTargets | None:
    """The target covering `start`–`end` for `unit`: its own standing plan whose period holds
    the whole range (the shortest such: a yearly plan before the term's), else the standing
    quota a plan above handed to it for such a period; None when there is neither."""
    return targets_by_unit([unit], start, end)[unit.pk]


def targets_by_unit(units: list[Unit], start: date, end: date) -> dict[int, PlanTargets | None]:
    """{unit id: `targets_for` the unit} for many units in two queries (plans, then quotas),
    so a report's table of children costs the same whatever their number."""
    ids = [u.pk for u in units]
    found: dict[int, PlanTargets | None] = dict.fromkeys(ids)
    plans = Plan.objects.filter(_covering(start, end), unit_id__in=ids, voided_at__isnull=True)
    for plan in plans.select_related("unit").order_by("ends_on", "-starts_on", "id"):
        if found[plan.unit_id] is None:
            found[plan.unit_id] = PlanTargets.of(plan)
    quotas = Quota.objects.filter(
        unit_id__in=[pk for pk in ids if found[pk] is None],
        voided_at__isnull=True,
        plan__voided_at__isnull=True,
        plan__starts_on__lte=start,
        plan__ends_on__gte=end,
    ).select_related("plan__unit")
    for quota in quotas.order_by("plan__ends_on", "-plan__starts_on", "id"):
        if found[quota.unit_id] is None:
            found[quota.unit_id] = PlanTargets.of(quota)
    return found


@dataclass
class Progress:
    """What a unit admitted from its period's start `until` a day, against its target."""

    target: int
    until: date
    admissions: summaries.Admissions
    sub_targets: dict[str, int] = field(default_factory=dict)

    @property
    def admitted(self) -> int:
        return self.admissions.admitted

    @property
    def percent(self) -> Decimal | None:
        return percent.share(self.admitted, self.target)

    @property
    def percent_text(self) -> str:
        return percent.vn_percent(self.percent)

    @property
    def sentence(self) -> str:
        """ "đạt 106,25% chỉ tiêu"."""
        return percent.sentence(self.admitted, self.target)

    @property
    def shortfall(self) -> int:
        return max(self.target - self.admitted, 0)

    def categories(self) -> list[dict]:
        """Each sub-target beside what was admitted of that category, for the plan page."""
        return [
            {"name": n, "label": CATEGORIES[n], "target": t, "admitted": getattr(self.admissions, n)}
            for n, t in self.sub_targets.items()
        ]


def until(record: Plan | Quota, on: date | None = None) -> date:
    """The last day counted: `on` (today by default), never past the period's end."""
    return min(record.ends_on, on or timezone.localdate())


def progress(
    unit: Unit, record: Plan | Quota, on: date | None = None, *, predecessors: bool = True
) -> Progress:
    """`unit`'s admissions in `record`'s period up to `on`, against `record`'s target."""
    last = until(record, on)
    admissions = summaries.admissions(unit, record.starts_on, last, basis=basis(), predecessors=predecessors)
    return Progress(record.target, last, admissions, record.sub_targets())


def progress_of_plan(plan: Plan, on: date | None = None) -> Progress:
    return progress(plan.unit, plan, on)


def admitted_by_unit(
    units: list[Unit], start: date, end: date, *, predecessors: bool = True
) -> dict[int, summaries.Admissions]:
    """The admissions of each unit's subtree from `start` to `end`, read together."""
    return summaries.admissions_by_unit(units, start, end, basis=basis(), predecessors=predecessors)
