"""Member counts of any unit or subtree at any date, computed from member events.

A member's standing at a date is their last event on or before it; nothing is read
from the cached fields, so a count for a past date is reproducible.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, Subquery

from ptdv.org.models import Unit
from ptdv.people.choices import MemberStatus
from ptdv.people.models import MemberEvent


@dataclass
class Counts:
    official: int = 0
    probationary: int = 0

    @property
    def total(self) -> int:
        return self.official + self.probationary

    def add(self, other: "Counts") -> None:
        self.official += other.official
        self.probationary += other.probationary


def counts_by_branch(on: date, within: Unit | None = None) -> dict[int, Counts]:
    """{branch id: Counts} on date `on`, for the branches under `within` (all when None)."""
    last_event = (
        MemberEvent.objects.filter(member=OuterRef("member"), date__lte=on)
        .order_by("-date", "-id")
        .values("id")[:1]
    )
    rows = MemberEvent.objects.filter(date__lte=on, id=Subquery(last_event)).filter(
        status_after__in=[MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY]
    )
    if within is not None:
        rows = rows.filter(branch__path__startswith=within.path)
    result: dict[int, Counts] = defaultdict(Counts)
    for row in rows.values("branch_id", "status_after").annotate(n=Count("id")).order_by():
        counts = result[row["branch_id"]]
        if row["status_after"] == MemberStatus.OFFICIAL:
            counts.official += row["n"]
        else:
            counts.probationary += row["n"]
    return dict(result)


def subtree_counts(units: list[Unit], by_branch: dict[int, Counts]) -> dict[int, Counts]:
    """{unit id: Counts of the unit and everything below it} for the given units."""
    by_path = {unit.path: unit.id for unit in units}
    paths = {unit.id: unit.path for unit in units}
    step = Unit.steplen
    result: dict[int, Counts] = {unit.id: Counts() for unit in units}
    missing = set(by_branch) - set(paths)
    paths.update(Unit.objects.filter(id__in=missing).values_list("id", "path"))
    for branch_id, counts in by_branch.items():
        path = paths[branch_id]
        for end in range(step, len(path) + 1, step):
            unit_id = by_path.get(path[:end])
            if unit_id is not None:
                result[unit_id].add(counts)
    return result


def unit_counts(unit: Unit, on: date) -> Counts:
    """Counts of `unit` and its subtree on `on`."""
    total = Counts()
    for counts in counts_by_branch(on, within=unit).values():
        total.add(counts)
    return total
