"""Bắt đầu dùng PTĐV: the day from which a unit's acts are entered as they happen.

Before that day the unit's party work was done on paper; an organizer may enter those acts
as historical data, which the regulation records without blocking (ptdv.cases.historical).
A unit without a date of its own takes the nearest ancestor's, so setting it on a province
covers everything below. With no date anywhere up the tree nothing counts as paper work:
every act is judged (`ptdv demo` sets the date on its roots for its historical cases).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ptdv.org.models import Unit
from ptdv.regulation import format_vn


def _lineage_paths(unit: Unit) -> list[str]:
    """The materialised paths of `unit` and each of its ancestors."""
    return [unit.path[:end] for end in range(Unit.steplen, len(unit.path) + 1, Unit.steplen)]


def ptdv_since(unit: Unit) -> date | None:
    """The day `unit` started using PTĐV: its own, else the nearest ancestor's (one query)."""
    if unit.ptdv_since is not None:
        return unit.ptdv_since
    dated = Unit.objects.filter(path__in=_lineage_paths(unit), ptdv_since__isnull=False)
    return dated.order_by("-depth").values_list("ptdv_since", flat=True).first()


@transaction.atomic
def set_ptdv_since(unit: Unit, day: date, *, by=None) -> Unit:
    """Record the day `unit` (and the units below it without a date) started using PTĐV.

    Never a future day: a date ahead would let acts not yet done skip the regulation.
    The change is kept in the unit's history like every other.
    """
    if day > timezone.localdate():
        raise ValidationError({"ptdv_since": _("Ngày %(d)s ở tương lai.") % {"d": format_vn(day)}})
    unit.ptdv_since = day
    if by is not None:
        unit._history_user = by
    unit.save(update_fields=["ptdv_since"])
    return unit
