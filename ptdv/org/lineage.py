"""A unit's past follows it through reorganisations: the tree as it stood on any date.

The tree (django-treebeard) is today's; a move re-homes a subtree. Which parent a unit had
over which dates is kept in UnitPlacement: a new unit gets its placement when it is saved
(`placed`), a move rewrites the moved unit's placements from its dated MOVED acts
(`replace_placements`), and `rebuild` recomputes them all the same way. A merged unit's
predecessors are the MERGED acts' `predecessors`. Callers are already scoped.

Walking the tree of a date costs one indexed query per level of the tree (and per level of
a merge chain), whatever the number of units.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta
from functools import wraps

from django.db import transaction
from django.db.models import Q

from ptdv.org.models import BRANCH_KINDS, Unit, UnitChange, UnitChangeKind, UnitPlacement

# A span is (from, to): inclusive start, exclusive end; None = open on that side.
Span = tuple[date | None, date | None]

_remembered: ContextVar[dict | None] = ContextVar("lineage_remembered", default=None)


@contextmanager
def remembered() -> Iterator[None]:
    """Within a read that writes nothing (a report, the dashboard's figures), each walk of the
    dated tree is made once: the review builds the progress and the totals of the same unit,
    and each would otherwise walk the same tree again (a few queries and their compilation,
    a fifth of a commune's review). Outside the block every call reads the database."""
    if _remembered.get() is not None:
        yield
        return
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def _key(value):
    if isinstance(value, Unit):
        return ("unit", value.pk)
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(_key(v) for v in value)
    return value


def _remember(walk):
    """`walk` answered from the current `remembered` block when asked the same before. Its
    answer is shared, so callers read it and never change it."""

    @wraps(walk)
    def answer(*args, **kwargs):
        memo = _remembered.get()
        if memo is None:
            return walk(*args, **kwargs)
        key = (walk.__name__, _key(args), tuple(sorted(kwargs.items())))
        if key not in memo:
            memo[key] = walk(*args, **kwargs)
        return memo[key]

    return answer


def placed(sender, instance: Unit, created: bool, raw: bool = False, **kwargs) -> None:
    """post_save receiver: a new unit sits under its tree parent from the day it exists."""
    if created and not raw:
        parent = Unit.objects.get_parent(instance)
        UnitPlacement.objects.create(unit=instance, parent=parent)


def _spans(unit_id: int, current_parent: int | None, moves: list) -> list[UnitPlacement]:
    """The placements of one unit from its MOVED acts in date order and its parent now."""
    parents = [moves[0].old_parent_id] + [m.new_parent_id for m in moves] if moves else [current_parent]
    starts = [None] + [m.date for m in moves]
    ends = starts[1:] + [None]
    return [
        UnitPlacement(unit_id=unit_id, parent_id=parent, valid_from=start, valid_to=end)
        for parent, start, end in zip(parents, starts, ends, strict=True)
        if start is None or end is None or start < end
    ]


def replace_placements(unit: Unit) -> None:
    """Rewrite `unit`'s placements from its MOVED acts (called by a move, in its transaction)."""
    moves = list(UnitChange.objects.filter(unit=unit, kind=UnitChangeKind.MOVED).order_by("date", "id"))
    parent = Unit.objects.get_parent(unit)
    UnitPlacement.objects.filter(unit=unit).delete()
    UnitPlacement.objects.bulk_create(_spans(unit.pk, parent.pk if parent else None, moves))


@transaction.atomic
def rebuild() -> None:
    """Recompute every placement from today's tree and the MOVED acts."""
    units = list(Unit.objects.values_list("id", "path"))
    by_path = {path: pk for pk, path in units}
    moves = defaultdict(list)
    for change in UnitChange.objects.filter(kind=UnitChangeKind.MOVED).order_by("date", "id"):
        moves[change.unit_id].append(change)
    UnitPlacement.objects.all().delete()
    UnitPlacement.objects.bulk_create(
        [
            placement
            for pk, path in units
            for placement in _spans(pk, by_path.get(path[: -Unit.steplen]), moves[pk])
        ],
        batch_size=1000,
    )


@_remember
def predecessors_of(unit_ids) -> dict[int, set[int]]:
    """{unit id: ids of every unit merged into it, transitively} (one query per merge level)."""
    merged_into = defaultdict(set)
    frontier = set(unit_ids)
    seen = set(frontier)
    while frontier:
        edges = UnitChange.objects.filter(kind=UnitChangeKind.MERGED, unit_id__in=frontier).values_list(
            "unit_id", "predecessors"
        )
        frontier = set()
        for successor, predecessor in edges:
            if predecessor is not None:
                merged_into[successor].add(predecessor)
                if predecessor not in seen:
                    seen.add(predecessor)
                    frontier.add(predecessor)
    result = {}
    for unit_id in unit_ids:
        found, stack = set(), [unit_id]
        while stack:
            for predecessor in merged_into[stack.pop()] - found - {unit_id}:
                found.add(predecessor)
                stack.append(predecessor)
        result[unit_id] = found
    return result


def units_with_predecessors(unit: Unit) -> list[Unit]:
    """`unit` and every unit merged into it, transitively (UnitChange MERGED predecessors)."""
    others = Unit.objects.filter(pk__in=predecessors_of([unit.pk])[unit.pk]).order_by("path")
    return [unit, *others]


def _meet(a: Span, b: Span) -> Span | None:
    start = a[0] if b[0] is None or (a[0] is not None and a[0] > b[0]) else b[0]
    end = a[1] if b[1] is None or (a[1] is not None and a[1] < b[1]) else b[1]
    return None if start is not None and end is not None and start >= end else (start, end)


def _overlapping(start: date, end: date) -> Q:
    """Placements in force on some day from `start` to `end` (inclusive)."""
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=end)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gt=start)
    )


@_remember
def branch_spans(
    units: list[Unit], start: date, end: date, *, predecessors: bool = True
) -> dict[int, dict[int, list[Span]]]:
    """{unit id: {branch id: [spans]}}: when, from `start` to `end` (inclusive), each branch
    existed in the unit's subtree (or a predecessor's, when asked)."""
    whole = (start, end + timedelta(days=1))
    preds = predecessors_of([u.pk for u in units]) if predecessors else {u.pk: set() for u in units}
    roots = {pk for u in units for pk in {u.pk} | preds[u.pk]}
    kinds = {
        pk: (kind, (valid_from, valid_to))
        for pk, kind, valid_from, valid_to in Unit.objects.filter(pk__in=roots).values_list(
            "pk", "kind", "valid_from", "valid_to"
        )
    }
    # frontier: {unit id: [(origin unit id, span)]}
    frontier = defaultdict(list)
    for u in units:
        for root in {u.pk} | preds[u.pk]:
            frontier[root].append((u.pk, whole))
    result = {u.pk: defaultdict(list) for u in units}
    while frontier:
        for pk, reached in frontier.items():
            kind, lifetime = kinds[pk]
            if kind in BRANCH_KINDS:
                for origin, span in reached:
                    if (alive := _meet(span, lifetime)) is not None:
                        result[origin][pk].append(alive)
        rows = UnitPlacement.objects.filter(
            _overlapping(start, end), parent_id__in=list(frontier)
        ).values_list(
            "unit_id",
            "unit__kind",
            "unit__valid_from",
            "unit__valid_to",
            "parent_id",
            "valid_from",
            "valid_to",
        )
        following = defaultdict(list)
        for child, kind, born, closed, parent, valid_from, valid_to in rows:
            kinds[child] = (kind, (born, closed))
            for origin, span in frontier[parent]:
                if (met := _meet(span, (valid_from, valid_to))) is not None:
                    following[child].append((origin, met))
        frontier = following
    return {pk: dict(spans) for pk, spans in result.items()}


def branches_under(unit: Unit, on: date, *, predecessors: bool = True) -> set[int]:
    """Ids of the branches in `unit`'s subtree on `on` (the tree as it stood then: moves and
    merges are dated), plus those of its predecessors' subtrees when asked."""
    return set(branch_spans([unit], on, on, predecessors=predecessors)[unit.pk])


@_remember
def tree_on(roots: list[Unit], on: date, *, levels: int | None = None) -> dict[int, list[Unit]]:
    """{unit id: its direct children as they stood on `on`, by path} for `roots` and every
    unit below them (down to `levels` levels): the tree of a date, one query per level."""
    children: dict[int, list[Unit]] = {}
    frontier, depth = {root.pk for root in roots}, 0
    while frontier and (levels is None or depth < levels):
        placed = (
            UnitPlacement.objects.filter(_overlapping(on, on), parent_id__in=frontier)
            .filter(Q(unit__valid_from__isnull=True) | Q(unit__valid_from__lte=on))
            .filter(Q(unit__valid_to__isnull=True) | Q(unit__valid_to__gt=on))
            .select_related("unit")
            .order_by("unit__path")
        )
        for pk in frontier:
            children[pk] = []
        for placement in placed:
            children[placement.parent_id].append(placement.unit)
        frontier, depth = {p.unit_id for p in placed} - children.keys(), depth + 1
    return children


def children_on(unit: Unit, on: date) -> list[Unit]:
    """The unit's direct children as they stood on `on` (for per-child tables and quotas):
    placed under it that day and in existence (a dissolved unit is gone from its dissolution)."""
    return tree_on([unit], on, levels=1)[unit.pk]
