"""The organisation tree as a page shows it: which units are rows, which are open, their counts.

A province has thousands of units: the page holds only the user's unit and its children, and the
children of each unit opened on the way down (``?mo=<id>``, one level at a time). A row's ▸ asks
for its children (ptdv/web/static/ptdv/tree.js fetches the same page opened there and inserts
them; without script it is a link to that page). A search shows the units whose name matches,
with the path to each, so that namesakes ("Chi bộ thôn 1" of every commune) are told apart by
where they stand. Counts come from the kept branch totals (ptdv.people.summaries) rolled up over
today's tree, for the rows shown only.
"""

from dataclasses import dataclass

from ptdv.org.models import BRANCH_KINDS, Unit
from ptdv.people import summaries
from ptdv.people.names import fold

#: At most this many matches of a search are shown (with the path to each): a word as common as
#: "chi bộ" would otherwise list the whole province again.
SEARCH_LIMIT = 100


@dataclass
class TreeRow:
    unit: Unit
    own: object
    sub: object
    parent_path: str
    has_children: bool = False
    expanded: bool = False
    parent_id: int | None = None


@dataclass
class Tree:
    rows: list[TreeRow]
    more: bool = False  # a search found more than SEARCH_LIMIT units


def _above(path: str, top: str) -> list[str]:
    """The paths from `top` down to `path`'s parent."""
    return [path[:end] for end in range(len(top), len(path), Unit.steplen)]


def opened_tree(top: Unit, opened: Unit | None, on) -> Tree:
    """`top` and its children, and the children of every unit from `top` down to `opened`."""
    chain = [top.path]
    if opened is not None and opened.path.startswith(top.path):
        chain = [*_above(opened.path, top.path), opened.path]
    children = Unit.objects.none()
    for path in chain:
        children |= Unit.objects.filter(path__startswith=path, depth=len(path) // Unit.steplen + 1)
    units = [top, *children.order_by("path")]
    return Tree(_rows(units, top, set(chain), on))


def searched_tree(top: Unit, scope, query: str, on) -> Tree:
    """The units of `scope` whose name matches `query` (without diacritics), with the path to
    each from `top`."""
    folded = fold(query)
    names = scope.order_by("path").values_list("path", "name")
    matches = [path for path, name in names if folded in fold(name)]
    more = len(matches) > SEARCH_LIMIT
    matches = matches[:SEARCH_LIMIT]
    # A unit merged into the scope from elsewhere is shown where it stood, without a path to it.
    above = {p for m in matches if m.startswith(top.path) for p in _above(m, top.path)}
    units = list(Unit.objects.filter(path__in=above | set(matches)).order_by("path"))
    return Tree(_rows(units, top, above, on), more)


def _rows(units: list[Unit], top: Unit, expanded: set[str], on) -> list[TreeRow]:
    """Rows of `units` (in path order) with their own and their subtree's counts today: the
    kept totals of every branch under `top` (and of any branch row), summed over the rows shown."""
    branches = Unit.objects.filter(path__startswith=top.path, kind__in=BRANCH_KINDS)
    under = dict(branches.values_list("pk", "path")) | {u.pk: u.path for u in units if u.is_branch}
    by_branch = summaries.branch_totals(under, on)
    subtree = summaries.roll_up(units, by_branch, under)
    by_path = {unit.path: unit for unit in units}
    rows = []
    for unit in units:
        parent = by_path.get(unit.path[: -Unit.steplen])
        rows.append(
            TreeRow(
                unit,
                by_branch.get(unit.pk),
                subtree[unit.pk],
                unit.path[: -Unit.steplen],
                has_children=unit.numchild > 0,
                expanded=unit.path in expanded,
                parent_id=parent.pk if parent else None,
            )
        )
    return rows
