"""What the per-unit reports share: a unit read together with its children as the tree stood
on a day, and figures copied out of the kept summaries.

Reading the unit and its children in one batch (one lineage walk, one read of the kept rows,
one read of the targets) is what keeps a report's queries fixed whatever the number of children.
"""

from dataclasses import dataclass, fields
from datetime import date

from ptdv.org import lineage
from ptdv.org.models import Unit


def with_children(unit: Unit, day: date) -> list[Unit]:
    """`unit` first, then its direct children as they stood on `day` (by path)."""
    return [unit, *lineage.children_on(unit, day)]


@dataclass
class Copied:
    """Report figures copied by name from kept ones (ptdv.people.summaries.Admissions or Totals):
    a report's dataclass names the fields it shows, the kept figures hold them."""

    @classmethod
    def of(cls, kept):
        return cls(**{f.name: _copy(getattr(kept, f.name)) for f in fields(cls)})


def _copy(value):
    return dict(value) if isinstance(value, dict) else value
