"""Importing persons: created or updated through the checks of the person form.

Each row is validated as the page validates a person (Person.full_clean: required fields,
choices, the citizen-ID and phone formats, a birth date not in the future, the name and age
checks of ptdv.people.checks), the citizen ID as ptdv.people.identity words it, and a
member's person may not change unit on its own (ptdv.people.membership). An empty cell of a
row that updates a person keeps what is stored.
"""

import copy

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ptdv.exchange.importers.finding import PersonFinder, folded_name
from ptdv.exchange.importing import CREATE, ERROR, UNCHANGED, UPDATE, Importer, Outcome
from ptdv.people import identity
from ptdv.people.membership import MEMBER_MOVES_WITH_MEMBERSHIP
from ptdv.people.models import PartyMember, Person, clean_phone
from ptdv.scope import ORGANIZER
from ptdv.web.forms import PersonForm

# The person form's fields; its unit and village are resolved in the user's scope below.
FIELDS = tuple(name for name in PersonForm.Meta.fields if name not in ("unit", "village"))
# Fields the model derives or keeps itself; the unit and village are resolved in scope here.
NOT_VALIDATED = ["unit", "village", "search_name", "sort_key", "version"]


def in_file_duplicate(seen: dict, key, number: int):
    """The number of an earlier row of the file with `key`, remembering this one."""
    if key is None:
        return None
    earlier = seen.get(key)
    if earlier is None:
        seen[key] = number
    return earlier


class PersonImporter(Importer):
    kind_name = "persons"
    roles = frozenset({ORGANIZER})

    def __init__(self, user):
        super().__init__(user)
        self.finder = PersonFinder(user)
        self.seen: dict = {}
        self.members: set[int] = set()

    def prepare(self, parsed_rows):
        self.finder.prepare([values for _outcome, values in parsed_rows])
        found = [*self.finder.by_id.values(), *(p for ps in self.finder.by_name.values() for p in ps)]
        pks = {p.pk for p in found}
        self.members = set(PartyMember.objects.filter(person_id__in=pks).values_list("person_id", flat=True))

    def _place(self, outcome: Outcome, values: dict):
        unit = self.attempt(outcome, "unit", self.places.unit, values["unit"])
        village = None
        if values.get("village"):
            village = self.attempt(
                outcome, "village", self.places.village, values["village"], values.get("village_branch")
            )
        return unit, village

    def _duplicates(self, outcome: Outcome, values: dict, village) -> None:
        keys = (
            ("citizen_id", values.get("citizen_id")),
            (
                "full_name",
                (folded_name(values["full_name"]), values["birth_date"], getattr(village, "pk", None)),
            ),
        )
        for column, key in keys:
            earlier = in_file_duplicate(self.seen, (column, key) if key else None, outcome.number)
            if earlier is not None:
                outcome.fail(self.header(column), _("Trùng với dòng %(n)s của tệp.") % {"n": earlier})

    def _namesake_without_village(self, values: dict, village) -> list[Person]:
        """Same name and birth date where one side has no village: they cannot be told apart."""
        found = self.finder.by_name.get((folded_name(values["full_name"]), values["birth_date"]), [])
        return [p for p in found if village is None or p.village_id is None]

    def judge(self, outcome: Outcome, values: dict) -> None:
        outcome.label = values.get("full_name", "")
        if "phone" in values:
            values["phone"] = clean_phone(values["phone"])
        unit, village = self._place(outcome, values)
        existing = self.attempt(outcome, "citizen_id", self.finder.find, values, village)
        if outcome.action == ERROR:
            return
        self._duplicates(outcome, values, village)
        if outcome.action == ERROR:
            return
        if existing is None:
            if found := self._namesake_without_village(values, village):
                from ptdv.people.namesakes import warning

                outcome.fail(self.header("full_name"), warning(found))
                return
            person = Person(unit=unit, village=village, **{k: values[k] for k in FIELDS if k in values})
        else:
            if existing.citizen_id and values.get("citizen_id") == existing.citizen_id:
                renamed = folded_name(values["full_name"]) != existing.search_name
                if renamed and values["birth_date"] != existing.birth_date:
                    refusal = identity.refusal(existing.citizen_id, self.user)
                    outcome.fail(self.header("citizen_id"), refusal.messages[0])
                    return
            person = copy.copy(existing)
            changed = [k for k in FIELDS if k in values and values[k] != getattr(existing, k)]
            for key in changed:
                setattr(person, key, values[key])
            if unit is not None and unit.pk != existing.unit_id:
                if existing.pk in self.members:
                    outcome.fail(self.header("unit"), MEMBER_MOVES_WITH_MEMBERSHIP)
                    return
                person.unit, changed = unit, [*changed, "unit"]
            if village is not None and village.pk != existing.village_id:
                person.village, changed = village, [*changed, "village"]
            if not changed:
                outcome.action = UNCHANGED
                return
            outcome.action = UPDATE
            outcome.label += " — " + _("sửa: %(c)s") % {"c": ", ".join(self.header(k) for k in changed)}
        try:
            person.full_clean(exclude=NOT_VALIDATED, validate_unique=False)
        except ValidationError as error:
            self.refused(outcome, error)
            return
        outcome.action = outcome.action if existing is not None else CREATE
        outcome.plan = person

    def write(self, outcome: Outcome) -> None:
        person = outcome.plan
        if person.pk is not None:
            person.version += 1
        with identity.unique_citizen_id(person, self.user):
            person.save()
        self.finder.by_name.setdefault((person.search_name, person.birth_date), []).append(person)
