"""Importing development cases: opened in the source stage by ptdv.cases.transitions.open_case.

A case is rehearsed (ptdv.exchange.importing): the service itself judges each row — the
branch active on the day, the date not ahead, a person on one path at a time (the
regulation's DUPLICATE_PERSON) — in a savepoint that a preview rolls back. A new case enters
at the source stage; a later stage is reached by the moves recorded on the case page, each
judged by the regulation on its date, so a row naming a later stage for a new case is
refused. A row matching an existing case (person, branch, date of entering the source) that
agrees with it is left unchanged.
"""

from django.utils.translation import gettext as _

from ptdv.cases import transitions
from ptdv.cases.models import Case
from ptdv.exchange.importers.finding import PersonFinder
from ptdv.exchange.importers.members import find_person
from ptdv.exchange.importers.persons import in_file_duplicate
from ptdv.exchange.importing import CREATE, ERROR, UNCHANGED, Importer, Outcome
from ptdv.regulation import STAGE_LABELS, Stage
from ptdv.scope import ORGANIZER

COMPARED = ("source_organisation", "source_category", "stage", "hardship_area", "youth_union_exists")
FLAGS = ("hardship_area", "youth_union_exists")


class CaseImporter(Importer):
    kind_name = "cases"
    roles = frozenset({ORGANIZER})
    rehearsed = True
    field_columns = {"date": "opened_on", "unit": "branch", "person": "full_name", "historical": "stage"}

    def __init__(self, user):
        super().__init__(user)
        self.finder = PersonFinder(user)
        self.seen: dict = {}

    def prepare(self, parsed_rows):
        self.finder.prepare([values for _outcome, values in parsed_rows])

    def judge(self, outcome: Outcome, values: dict) -> None:
        outcome.label = values.get("full_name", "")
        person = find_person(self, self.finder, outcome, values)
        branch = self.attempt(outcome, "branch", self.places.branch, values["branch"])
        if outcome.action == ERROR:
            return
        key = (person.pk, values["opened_on"])
        if (earlier := in_file_duplicate(self.seen, key, outcome.number)) is not None:
            outcome.fail(self.header("full_name"), _("Trùng với dòng %(n)s của tệp.") % {"n": earlier})
            return
        existing = Case.objects.filter(person=person, branch=branch, opened_on=values["opened_on"]).first()
        if existing is not None:
            differ = [self.header(k) for k in COMPARED if k in values and values[k] != getattr(existing, k)]
            if differ:
                outcome.fail(
                    "",
                    _("Hồ sơ đã có, khác tệp ở: %(c)s. Các bước của hồ sơ được ghi ở trang hồ sơ.")
                    % {"c": ", ".join(differ)},
                )
            else:
                outcome.action = UNCHANGED
            return
        stage = values.get("stage", Stage.SOURCE)
        if stage != Stage.SOURCE:
            outcome.fail(
                self.header("stage"),
                _(
                    "Hồ sơ mới chỉ nhập ở giai đoạn “%(s)s”; giai đoạn “%(t)s” đạt được bằng các bước ghi ở "
                    "trang hồ sơ, theo ngày của từng bước."
                )
                % {"s": STAGE_LABELS[Stage.SOURCE], "t": STAGE_LABELS[Stage(stage)]},
            )
            return
        transitions.open_case(
            person,
            branch,
            values["opened_on"],
            by=self.user,
            source_organisation=values["source_organisation"],
            source_category=values["source_category"],
            **{k: values[k] for k in FLAGS if k in values},
        )
        outcome.action = CREATE
