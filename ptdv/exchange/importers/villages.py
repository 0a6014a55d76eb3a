"""Importing villages: each created and placed in its branch by ptdv.org.villages.assign.

Rehearsed (ptdv.exchange.importing): the service judges the branch and the date. A village is
the same village when its name (folded), kind and branch are; one that exists is left
unchanged, or refused when its date differs (a move to another branch is recorded, dated, on
the unit page).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ptdv.exchange.importing import CREATE, ERROR, UNCHANGED, Importer, Outcome
from ptdv.exchange.places import village_key
from ptdv.org import villages
from ptdv.org.models import Village
from ptdv.scope import ADMIN, ORGANIZER


class VillageImporter(Importer):
    kind_name = "villages"
    roles = frozenset({ORGANIZER, ADMIN})
    rehearsed = True
    field_columns = {"date": "since"}

    def judge(self, outcome: Outcome, values: dict) -> None:
        outcome.label = values.get("name", "")
        branch = self.attempt(outcome, "branch", self.places.branch, values["branch"])
        if outcome.action == ERROR:
            return
        same = [
            v
            for v in self.places.villages.get(village_key(values["name"]), [])
            if v.kind == values["kind"]
            and v.branch_id == branch.pk
            and village_key(v.name) == village_key(values["name"])
        ]
        if same:
            current = same[0].assignments.filter(valid_to__isnull=True).first()
            if current is not None and current.valid_from != values["since"]:
                outcome.fail(
                    self.header("since"),
                    _("Thôn đã có, sinh hoạt tại chi bộ từ ngày %(d)s.")
                    % {"d": current.valid_from.strftime("%d/%m/%Y")},
                )
            else:
                outcome.action = UNCHANGED
            return
        village = Village(name=values["name"], kind=values["kind"], branch=branch)
        try:
            village.full_clean(exclude=["branch"])
        except ValidationError as error:
            self.refused(outcome, error)
            return
        villages.assign(village, branch, values["since"], by=self.user)
        self.places.add_village(village)
        outcome.action = CREATE
