"""A unit's past follows it through reorganisations: the tree as it stood on any date.

The tree (django-treebeard) is today's; a move re-homes a subtree. Which parent a unit had
over which dates is read from the dated reorganisation acts (UnitChange MOVED rows; a unit
lives from its `valid_from` to its `valid_to`), and a merged unit's predecessors from the
MERGED rows. Callers are already scoped: they pass units the user may see.
"""

from collections import defaultdict
from datetime import date

from ptdv.org.models import BRANCH_KINDS, Unit, UnitChange, UnitChangeKind


def units_with_predecessors(unit: Unit) -> list[Unit]:
    """`unit` and every unit merged into it, transitively (UnitChange MERGED predecessors)."""
    seen, frontier = {unit.pk}, [unit.pk]
    while frontier:
        merged = set(
            UnitChange.objects.filter(kind=UnitChangeKind.MERGED, unit_id__in=frontier).values_list(
                "predecessors", flat=True
            )
        ) - {None}
        frontier = sorted(merged - seen)
        seen.update(frontier)
    others = list(Unit.objects.filter(pk__in=seen - {unit.pk}).order_by("path"))
    return [unit, *others]


def _placements() -> dict[int, list[tuple[int | None, date | None, date | None]]]:
    """{unit id: [(parent id, from, to)]}: the dated parents of every unit, from today's tree
    and the MOVED acts (`to` exclusive, None = open)."""
    units = list(Unit.objects.values_list("id", "path", "valid_from", "valid_to"))
    by_path = {path: pk for pk, path, _f, _t in units}
    moves = defaultdict(list)
    for change in UnitChange.objects.filter(kind=UnitChangeKind.MOVED).order_by("date", "id"):
        moves[change.unit_id].append(change)
    placements = {}
    for pk, path, valid_from, valid_to in units:
        parents = [by_path.get(path[: -Unit.steplen])] if len(path) > Unit.steplen else [None]
        starts = [valid_from]
        if moves[pk]:
            parents = [moves[pk][0].old_parent_id] + [m.new_parent_id for m in moves[pk]]
            starts = [valid_from] + [m.date for m in moves[pk]]
        ends = starts[1:] + [valid_to]
        placements[pk] = [
            (parent, start, end)
            for parent, start, end in zip(parents, starts, ends, strict=True)
            if start is None or end is None or start < end
        ]
    return placements


def _on(start: date | None, end: date | None, day: date) -> bool:
    return (start is None or start <= day) and (end is None or day < end)


def _children_map(day: date) -> dict[int, list[int]]:
    children = defaultdict(list)
    for pk, spans in _placements().items():
        for parent, start, end in spans:
            if parent is not None and _on(start, end, day):
                children[parent].append(pk)
    return children


def children_on(unit: Unit, on: date) -> list[Unit]:
    """The unit's direct children as they stood on `on` (for per-child tables and quotas)."""
    return list(Unit.objects.filter(pk__in=_children_map(on).get(unit.pk, [])).order_by("path"))


def branches_under(unit: Unit, on: date, *, predecessors: bool = True) -> set[int]:
    """Ids of the branches in `unit`'s subtree on `on` (the tree as it stood then), plus those
    of its predecessors' subtrees when asked."""
    roots = units_with_predecessors(unit) if predecessors else [unit]
    children = _children_map(on)
    found, stack = set(), [root.pk for root in roots]
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack.extend(children.get(pk, []))
    return set(Unit.objects.filter(pk__in=found, kind__in=BRANCH_KINDS).values_list("pk", flat=True))
