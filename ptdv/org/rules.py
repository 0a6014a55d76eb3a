"""What a reorganisation act may do to the tree, decided in one place for every door.

The pages and the API both call ptdv.org.reorganisation, which asks this module:

* **Which kind may sit under which** (`ALLOWED_PARENTS`): a province committee is a root; a
  district committee sits under a province; a commune/ward committee (directly above the
  grassroots) under a province or a district; a grassroots committee or grassroots branch under
  any of those three (directly under the province since the 2025 reform); a branch under a
  grassroots committee only. The table has no cycle, so the tree is at most five levels deep.
* **When an act may be dated**: an act is recorded once it has taken effect, so its date is not
  after today (a rename decided for next year is recorded on its day: nothing in the tree ever
  shows a change before its date), and not before the Party existed (3 February 1930).
* **Names among siblings**: two units under one parent, both active, may not bear the same
  name, compared without case, diacritics or extra spaces (ptdv.people.names.fold).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ptdv.org.models import Unit, UnitKind
from ptdv.people.names import fold

K = UnitKind
ALLOWED_PARENTS: dict[str, tuple[str | None, ...]] = {
    K.PROVINCE: (None,),
    K.DISTRICT: (K.PROVINCE,),
    K.COMMUNE: (K.PROVINCE, K.DISTRICT),
    K.GRASSROOTS_COMMITTEE: (K.PROVINCE, K.DISTRICT, K.COMMUNE),
    K.GRASSROOTS_BRANCH: (K.PROVINCE, K.DISTRICT, K.COMMUNE),
    K.BRANCH: (K.GRASSROOTS_COMMITTEE,),
}

PARTY_FOUNDED = date(1930, 2, 3)


def _vn(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def check_place(kind: str, parent: Unit | None) -> None:
    """Refuse a unit of `kind` under `parent` (None: as a root) unless the table allows it."""
    if (parent.kind if parent else None) in ALLOWED_PARENTS.get(kind, ()):
        return
    label = UnitKind(kind).label if kind in UnitKind.values else kind
    allowed = [UnitKind(k).label.lower() for k in ALLOWED_PARENTS.get(kind, ()) if k]
    where = parent.get_kind_display().lower() if parent else _("cấp cao nhất")
    message = _("%(kind)s không thể trực thuộc %(where)s; chỉ trực thuộc: %(allowed)s.") % {
        "kind": label,
        "where": where,
        "allowed": ", ".join(allowed) or _("không đơn vị nào (là cấp cao nhất)"),
    }
    raise ValidationError({"parent" if parent else "kind": message})


def check_date(on: date) -> None:
    """An act is recorded on or after the day it takes effect, never ahead of it."""
    today = timezone.localdate()
    if on > today:
        raise ValidationError(
            {
                "date": _(
                    "Ngày hiệu lực %(d)s ở tương lai. Chỉ ghi việc sắp xếp tổ chức khi đã có hiệu lực "
                    "(từ ngày đó trở đi)."
                )
                % {"d": _vn(on)}
            }
        )
    if on < PARTY_FOUNDED:
        raise ValidationError({"date": _("Ngày hiệu lực %(d)s trước ngày thành lập Đảng.") % {"d": _vn(on)}})


def check_name_free(name: str, parent: Unit | None, *, exclude: Unit | None = None) -> None:
    """No active sibling under `parent` bears `name` (folded)."""
    siblings = Unit.objects.get_children(parent) if parent else Unit.objects.get_root_nodes()
    siblings = siblings.filter(valid_to__isnull=True)
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude.pk)
    folded = fold(name)
    for sibling in siblings.only("name"):
        if fold(sibling.name) == folded:
            raise ValidationError(
                {"name": _("Đã có %(u)s cùng cấp trực thuộc đơn vị này.") % {"u": sibling.name}}
            )
