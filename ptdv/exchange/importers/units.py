"""Importing the organisation tree: new units created by ptdv.org.reorganisation.create.

A unit is rehearsed (ptdv.exchange.importing): the reorganisation service judges each row —
which kind may sit under which, the date, sibling names, a free code — in a savepoint. Rows
come parents first (as exported), a parent named by an earlier row of the file included. A
unit older than its parent's place in PTĐV's tree (a branch formed in 2000 under a commune
formed in the 2025 reorganisation) keeps its founding date and enters the tree the day its
parent does. An existing unit that differs from its row is not changed: renaming, moving and
merging are dated acts recorded on the unit page.
"""

from django.utils.translation import gettext as _

from ptdv.exchange.importing import CREATE, ERROR, UNCHANGED, Importer, Outcome
from ptdv.org import reorganisation
from ptdv.org.models import Unit
from ptdv.scope import ADMIN, ORGANIZER

COMPARED = ("name", "kind", "branch_type", "deciding_body", "valid_from")


class UnitImporter(Importer):
    kind_name = "units"
    roles = frozenset({ORGANIZER, ADMIN})
    rehearsed = True
    field_columns = {"date": "valid_from"}

    def _parent_code(self, unit: Unit) -> str:
        if unit.depth <= 1:
            return ""
        parent_path = unit.path[: -Unit.steplen]
        parent = next((u for u in self.places.units.values() if u.path == parent_path), None)
        if parent is None:
            parent = Unit.objects.filter(path=parent_path).only("code").first()
        return parent.code if parent else ""

    def judge(self, outcome: Outcome, values: dict) -> None:
        outcome.label = f"{values.get('code', '')} {values.get('name', '')}".strip()
        if outcome.action == ERROR:
            return
        existing = self.places.units.get(values["code"])
        if existing is not None:
            differ = [self.header(k) for k in COMPARED if k in values and values[k] != getattr(existing, k)]
            if values.get("parent", "") != self._parent_code(existing):
                differ.append(self.header("parent"))
            if differ:
                outcome.fail(
                    "",
                    _(
                        "Đơn vị mã %(c)s đã có, khác tệp ở: %(d)s. Đổi tên, chuyển trực thuộc, hợp nhất "
                        "được ghi ở trang đơn vị."
                    )
                    % {"c": values["code"], "d": ", ".join(differ)},
                )
            else:
                outcome.action = UNCHANGED
            return
        if not values.get("parent"):
            outcome.fail(
                self.header("parent"),
                _("Hãy ghi mã đơn vị cấp trên; đơn vị cấp cao nhất (tỉnh) chỉ tạo ở trang quản trị."),
            )
            return
        parent = self.attempt(outcome, "parent", self.places.unit, values["parent"])
        if parent is None:
            return
        parent = Unit.objects.get(pk=parent.pk)  # fresh: a sibling added before moved its counters
        founded = values["valid_from"]
        on = max(founded, parent.valid_from) if parent.valid_from else founded
        fields = {
            k: values[k] for k in ("code", "name", "kind", "branch_type", "deciding_body") if k in values
        }
        unit = reorganisation.create(parent, on, by=self.user, valid_from=founded, **fields)
        self.places.add_unit(unit)
        outcome.action = CREATE
