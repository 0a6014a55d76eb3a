"""Member totals and admissions of any unit at any date, following the unit's lineage.

Categories (women, ethnic minority, religious, Youth Union, farmers, education) are the
person's record as it stands: the record is corrected, not versioned by date, and a
correction must reach every figure. Age (18–30) is counted on the day of admission.
"""

from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import date

from django.conf import settings

from ptdv.org import lineage
from ptdv.org.models import Unit
from ptdv.people.choices import KINH, Education, MemberEventKind, MemberStatus, Occupation, Religion, Sex
from ptdv.people.models import MemberEvent, PartyMember

COUNTED = (MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY)


def _educations() -> dict[str, int]:
    return dict.fromkeys(Education.values, 0)


@dataclass
class _Figures:
    """Figures that add up over branches and units."""

    def add(self, other: "_Figures") -> None:
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, dict):
                for key, n in theirs.items():
                    mine[key] = mine.get(key, 0) + n
            else:
                setattr(self, f.name, mine + theirs)


@dataclass
class Totals(_Figures):
    """Members of a unit on a date, by standing and category."""

    official: int = 0
    probationary: int = 0
    women: int = 0
    ethnic_minority: int = 0
    religious: int = 0
    youth_union: int = 0
    farmers: int = 0
    by_education: dict[str, int] = field(default_factory=_educations)

    @property
    def total(self) -> int:
        return self.official + self.probationary


@dataclass
class Admissions(_Figures):
    """Admissions of a unit in a period; `recognised` and `removed` are the probationary
    members who became official, or were removed (xóa tên), in the period."""

    admitted: int = 0
    farmers: int = 0
    youth_union: int = 0
    ethnic_minority: int = 0
    religious: int = 0
    women: int = 0
    aged_18_30: int = 0
    by_education: dict[str, int] = field(default_factory=_educations)
    recognised: int = 0
    removed: int = 0


def _categories(person: dict) -> dict[str, int]:
    return {
        "women": int(person["sex"] == Sex.FEMALE),
        "ethnic_minority": int(person["ethnicity"] != KINH),
        "religious": int(person["religion"] != Religion.NONE),
        "youth_union": int(person["youth_union"]),
        "farmers": int(person["occupation"] == Occupation.FARMER),
    }


PERSON_FIELDS = ("sex", "ethnicity", "religion", "youth_union", "occupation", "education", "birth_date")


def _people(member_ids) -> dict[int, dict]:
    rows = PartyMember.objects.filter(pk__in=member_ids).values(
        "pk", *(f"person__{f}" for f in PERSON_FIELDS)
    )
    return {row["pk"]: {f: row[f"person__{f}"] for f in PERSON_FIELDS} for row in rows}


def _standings(on: date, branch_ids: set[int]) -> dict[int, tuple[int, str]]:
    """{member id: (branch id, status)} of the members counted in `branch_ids` on `on`."""
    last = {}
    events = MemberEvent.objects.filter(date__lte=on).order_by("date", "id")
    for member_id, branch_id, status in events.values_list("member_id", "branch_id", "status_after"):
        last[member_id] = (branch_id, status)
    return {m: s for m, s in last.items() if s[0] in branch_ids and s[1] in COUNTED}


def _totals_of(branch_ids: set[int], on: date) -> dict[int, Totals]:
    standings = _standings(on, branch_ids)
    people = _people(standings)
    result = {pk: Totals() for pk in branch_ids}
    for member_id, (branch_id, status) in standings.items():
        person = people[member_id]
        row = Totals(**_categories(person))
        row.official, row.probationary = (
            int(status == MemberStatus.OFFICIAL),
            int(status != MemberStatus.OFFICIAL),
        )
        row.by_education[person["education"]] += 1
        result[branch_id].add(row)
    return result


def _sum(rows) -> Totals:
    total = Totals()
    for row in rows:
        total.add(row)
    return total


def totals(unit: Unit, on: date, *, predecessors: bool = True) -> Totals:
    """Members of `unit`'s subtree (as it stood on `on`) on `on`."""
    return _sum(_totals_of(lineage.branches_under(unit, on, predecessors=predecessors), on).values())


def totals_by_unit(units: list[Unit], on: date, *, predecessors: bool = True) -> dict[int, Totals]:
    """{unit id: Totals of its whole subtree as it stood on `on`}."""
    under = {u.pk: lineage.branches_under(u, on, predecessors=predecessors) for u in units}
    by_branch = _totals_of(set().union(*under.values()), on)
    return {pk: _sum(by_branch[b] for b in branches) for pk, branches in under.items()}


def totals_by_branch(unit: Unit, on: date, *, predecessors: bool = True) -> dict[int, Totals]:
    """{branch id: Totals} of the branches under `unit` on `on`."""
    return _totals_of(lineage.branches_under(unit, on, predecessors=predecessors), on)


def in_force(events: list) -> list:
    """A member's events (date order) without those undone by a REVERSED event and the
    reversals themselves: a reversal undoes the event just before it, unless it is undone."""
    kept, cancelled = [], False
    for event in reversed(events):
        if not cancelled and event.kind != MemberEventKind.REVERSED:
            kept.append(event)
        cancelled = not cancelled and event.kind == MemberEventKind.REVERSED
    return kept[::-1]


def _decision_dates() -> dict[int, date]:
    """{member id: date of the admission decision in force of the member's case}."""
    from ptdv.cases.models import CaseEvent
    from ptdv.regulation import Stage

    decided = CaseEvent.objects.filter(
        stage=Stage.DECIDED, case__member__isnull=False, reverts__isnull=True, reverted_by__isnull=True
    ).order_by("date", "id")
    return dict(decided.values_list("case__member", "date"))


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _milestones(basis: str):
    """(kind, member id, branch id, date) of every admission, recognition and removal in force.

    An admission is dated by its ceremony, or by its decision (`basis="decision"`; an
    admission without a recorded decision keeps its ceremony date).
    """
    decisions = _decision_dates() if basis == "decision" else {}
    events = defaultdict(list)
    for event in MemberEvent.objects.order_by("date", "id"):
        events[event.member_id].append(event)
    for member_id, history in events.items():
        before, kept = None, {e.pk for e in in_force(history)}
        for event in history:
            if event.pk in kept:
                if event.kind == MemberEventKind.ADMITTED:
                    yield (
                        "admitted",
                        member_id,
                        event.branch_id,
                        decisions.get(member_id, event.date),
                        event.date,
                    )
                elif event.kind == MemberEventKind.RECOGNISED:
                    yield "recognised", member_id, event.branch_id, event.date, event.date
                elif event.kind == MemberEventKind.REMOVED and before == MemberStatus.PROBATIONARY:
                    yield "removed", member_id, event.branch_id, event.date, event.date
            before = event.status_after


def admissions_by_unit(
    units: list[Unit], start: date, end: date, *, basis: str | None = None, predecessors: bool = True
) -> dict[int, Admissions]:
    """{unit id: Admissions from `start` to `end` (inclusive)}; each counted where its branch
    stood on the day it is counted by."""
    basis = basis or settings.PTDV_ACHIEVEMENT_BASIS
    rows = [row for row in _milestones(basis) if start <= row[3] <= end]
    people = _people({row[1] for row in rows})
    result = {}
    for unit in units:
        figures = Admissions()
        for kind, member_id, branch_id, day, ceremony in rows:
            if branch_id not in lineage.branches_under(unit, day, predecessors=predecessors):
                continue
            if kind != "admitted":
                setattr(figures, kind, getattr(figures, kind) + 1)
                continue
            person = people[member_id]
            one = Admissions(admitted=1, aged_18_30=int(18 <= _age(person["birth_date"], ceremony) <= 30))
            for name, n in _categories(person).items():
                setattr(one, name, n)
            one.by_education[person["education"]] += 1
            figures.add(one)
        result[unit.pk] = figures
    return result


def admissions(
    unit: Unit, start: date, end: date, *, basis: str | None = None, predecessors: bool = True
) -> Admissions:
    """Admissions of `unit`'s subtree from `start` to `end` (inclusive)."""
    return admissions_by_unit([unit], start, end, basis=basis, predecessors=predecessors)[unit.pk]


def rebuild() -> None:
    """Recompute every kept row from the events (nothing is kept yet: computed on request)."""
