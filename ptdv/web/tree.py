"""The organisation tree as a page shows it: which rows are open, which a search keeps.

On a phone a district's hundreds of units made a page 13,000 px tall, so the tree opens on the
user's own unit and its children; a row's button (ptdv/web/static/ptdv/tree.js) opens the next
level, and a search shows the units whose name matches together with the path to them.
"""

from dataclasses import dataclass

from ptdv.org.models import Unit
from ptdv.people.names import fold


@dataclass
class TreeRow:
    unit: Unit
    own: object
    sub: object
    parent_path: str
    has_children: bool = False
    shown: bool = False
    expanded: bool = False


def tree_rows(rows, root_depth: int, query: str = "") -> list[TreeRow]:
    """`rows` of (unit, own counts, subtree counts) in path order, marked for the page."""
    tree = [TreeRow(unit, own, sub, unit.path[: -Unit.steplen]) for unit, own, sub in rows]
    by_path = {row.unit.path: row for row in tree}
    for row in tree:
        if row.parent_path in by_path:
            by_path[row.parent_path].has_children = True
    folded = fold(query)
    if folded:
        matches = [row.unit.path for row in tree if folded in fold(row.unit.name)]
        above = {m[:end] for m in matches for end in range(Unit.steplen, len(m), Unit.steplen)}
        for row in tree:
            row.shown = row.unit.path in above or row.unit.path in matches
            row.expanded = row.unit.path in above
    else:
        for row in tree:
            row.shown = row.unit.depth <= root_depth + 1
            row.expanded = row.unit.depth <= root_depth
    return tree
