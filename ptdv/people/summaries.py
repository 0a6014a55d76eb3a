"""Member totals and admissions of any unit at any date, read from kept per-branch rows.

What is kept (docs/summaries.md; written by ptdv.people.summary_rows), in the same transaction
as the event or edit that changes it:
- MemberStanding: each member's counted spans (branch, status, dates) with the categories
  they were added with; a change takes back out exactly what was put in.
- BranchTotal: per branch, one cumulative row per day its figures changed, so a count on any
  day is one indexed lookup per branch: `branch_totals`.
- Milestone: each admission (ceremony and decision dates), recognition and removal of a
  probationary member in force, with the person's categories: `admissions`.

Writers call `refresh_member` (ptdv.people.membership after every member event, the Person
receiver after an edit of a category); bulk loaders call `rebuild`. A unit's figures follow
its lineage (ptdv.org.lineage): the subtree as it stood on the day counted, with the
predecessors merged into it unless told otherwise.

Totals count the person's record as it stands; admissions the person as they were when
admitted (ptdv.people.record_on: the history as of that day, with later corrections). Age
(18–30) is counted on the day of admission.
"""

from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache

from django.conf import settings
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When

from ptdv.org import lineage
from ptdv.org.models import Unit
from ptdv.people import completeness, summary_rows
from ptdv.people.choices import Education
from ptdv.people.models import EDUCATION_COLUMNS, BranchTotal, Milestone, MilestoneKind
from ptdv.people.summary_rows import CATEGORIES, refresh_member
from ptdv.reports import freshness

__all__ = [
    "Admissions",
    "Totals",
    "admissions",
    "admissions_by_unit",
    "branch_totals",
    "rebuild",
    "refresh_member",
    "roll_up",
    "totals",
    "totals_by_unit",
]


def rebuild() -> None:
    """Every kept summary recomputed from the records: the member figures (summary_rows) and
    the data-completeness counts (completeness). After a bulk load or an upgrade."""
    summary_rows.rebuild()
    completeness.rebuild()
    freshness.changed()


EDUCATIONS = tuple(Education.values)  # the enum's property builds its list anew at each call


def _educations() -> dict[str, int]:
    return dict.fromkeys(EDUCATIONS, 0)


@dataclass
class _Figures:
    """Figures that add up over branches and units."""

    def add(self, other: "_Figures") -> None:
        # Called for every branch of a province on a count: the field names are read once a class.
        for name in _names(type(self)):
            mine, theirs = getattr(self, name), getattr(other, name)
            if isinstance(mine, dict):
                for key, n in theirs.items():
                    mine[key] = mine.get(key, 0) + n
            else:
                setattr(self, name, mine + theirs)


@cache
def _names(cls) -> tuple[str, ...]:
    """The fields of a figures class (a report adds thousands of rows: read them once)."""
    return tuple(f.name for f in fields(cls))


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


def _sum(figures, rows):
    for row in rows:
        figures.add(row)
    return figures


# --- reading ---------------------------------------------------------------------------


def branch_totals(branch_ids, on: date) -> dict[int, Totals]:
    """{branch id: Totals on `on`} for the given branches: one query, one row per branch."""
    branch_ids = set(branch_ids)
    latest = (
        BranchTotal.objects.filter(branch=OuterRef("pk"), date__lte=on).order_by("-date").values("pk")[:1]
    )
    chosen = Unit.objects.order_by().filter(pk__in=branch_ids).annotate(row=Subquery(latest)).values("row")
    result = {pk: Totals() for pk in branch_ids}
    for row in BranchTotal.objects.filter(pk__in=chosen).values():
        result[row["branch_id"]] = Totals(
            **{name: row[name] for name in ("official", "probationary", *CATEGORIES)},
            by_education={code: row[column] for code, column in EDUCATION_COLUMNS.items()},
        )
    return result


def totals(unit: Unit, on: date, *, predecessors: bool = True) -> Totals:
    """Members of `unit`'s subtree as it stood on `on`, on `on`."""
    return totals_by_unit([unit], on, predecessors=predecessors)[unit.pk]


def totals_by_unit(units: list[Unit], on: date, *, predecessors: bool = True) -> dict[int, Totals]:
    """{unit id: Totals of its whole subtree as it stood on `on`}."""
    spans = lineage.branch_spans(units, on, on, predecessors=predecessors)
    by_branch = branch_totals(set().union(*spans.values()), on)
    return {pk: _sum(Totals(), (by_branch[b] for b in branches)) for pk, branches in spans.items()}


def roll_up(units: list[Unit], by_branch: dict[int, Totals], paths: dict[int, str]) -> dict[int, Totals]:
    """{unit id: Totals of the unit and everything below it in today's tree} for `units`, from
    the figures of the branches below them (`paths`: each branch's path; for the tree page)."""
    by_path = {unit.path: unit.pk for unit in units}
    result = {unit.pk: Totals() for unit in units}
    for branch_id, figures in by_branch.items():
        path = paths.get(branch_id, "")
        for end in range(Unit.steplen, len(path) + 1, Unit.steplen):
            if (unit_id := by_path.get(path[:end])) is not None:
                result[unit_id].add(figures)
    return result


def _in(spans, day: date) -> bool:
    return any((s is None or s <= day) and (e is None or day < e) for s, e in spans)


def _covers(spans, start: date, end: date) -> bool:
    """Whether one of `spans` holds every day from `start` to `end`."""
    return any((s is None or s <= start) and (e is None or end < e) for s, e in spans)


def admissions_by_unit(
    units: list[Unit], start: date, end: date, *, basis: str | None = None, predecessors: bool = True
) -> dict[int, Admissions]:
    """{unit id: Admissions from `start` to `end` (inclusive)}. An admission is dated by its
    ceremony, or by its decision (`basis="decision"`; one without a recorded decision keeps
    its ceremony date), and counted where its branch stood on that day.

    A branch that stood in the same units all period long (most of them) is counted in the
    database, by the set of units it stood in; only the others are read day by day, so a
    country's 50,000 branches cost a few rows, not one per branch and day."""
    basis = basis or settings.PTDV_ACHIEVEMENT_BASIS
    spans = lineage.branch_spans(units, start, end, predecessors=predecessors)
    owners: dict[int, list] = {}
    for pk, branches in spans.items():
        for branch_id, own in branches.items():
            owners.setdefault(branch_id, []).append((pk, own))
    steady: dict[tuple, list[int]] = {}  # the units a branch stood in all period → those branches
    dated = []
    for branch_id, held in owners.items():
        if all(_covers(own, start, end) for _, own in held):
            steady.setdefault(tuple(pk for pk, _ in held), []).append(branch_id)
        else:
            dated.append(branch_id)
    if basis == "decision":
        day, period = F("decision_date"), Q(decision_date__range=(start, end))
        period |= Q(decision_date__isnull=True, date__range=(start, end))
    else:
        day, period = F("date"), Q(date__range=(start, end))
    milestones = Milestone.objects.filter(period).order_by()
    result = {u.pk: Admissions() for u in units}
    if steady:
        groups = list(steady.items())
        group = Case(*(When(branch_id__in=b, then=Value(i)) for i, (_, b) in enumerate(groups)))
        rows = (
            milestones.filter(branch_id__in=[b for _, branches in groups for b in branches])
            .annotate(group=group)
            .values("group", "kind")
            .annotate(**COUNTED)
        )
        for row in rows:
            one = _admission_figures(row)
            for pk in groups[row["group"]][0]:
                result[pk].add(one)
    rows = (
        milestones.filter(branch_id__in=dated)
        .annotate(day=day)
        .values("kind", "branch_id", "date", "day")
        .annotate(**COUNTED)
    )
    for row in rows if dated else ():
        counted_on = row["day"] or row["date"]
        one = _admission_figures(row)
        for pk, own in owners[row["branch_id"]]:
            if _in(own, counted_on):
                result[pk].add(one)
    return result


# Counted for each group of milestones: how many, and how many of each category.
COUNTED = {
    "n": Count("id"),
    "n_aged_18_30": Count("id", filter=Q(aged_18_30=True)),
    **{f"n_{c}": Count("id", filter=Q(**{c: True})) for c in CATEGORIES},
    **{f"n_edu_{code}": Count("id", filter=Q(education=code)) for code in Education.values},
}


def _admission_figures(row) -> Admissions:
    n = row["n"]
    if row["kind"] == MilestoneKind.RECOGNISED:
        return Admissions(recognised=n)
    if row["kind"] == MilestoneKind.REMOVED:
        return Admissions(removed=n)
    one = Admissions(admitted=n, aged_18_30=row["n_aged_18_30"], **{c: row[f"n_{c}"] for c in CATEGORIES})
    one.by_education = {code: row[f"n_edu_{code}"] for code in EDUCATIONS}
    return one


def admissions(
    unit: Unit, start: date, end: date, *, basis: str | None = None, predecessors: bool = True
) -> Admissions:
    """Admissions of `unit`'s subtree from `start` to `end` (inclusive)."""
    return admissions_by_unit([unit], start, end, basis=basis, predecessors=predecessors)[unit.pk]
