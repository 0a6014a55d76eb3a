"""Finding the person a row names, with one or two queries per chunk of rows.

A person is found by their citizen ID, or — for a row or a record without one — by their
folded name, birth date and village (the namesakes rule of ptdv.people.namesakes, with the
village added: two people of one name and birth date in one village are taken to be one).
An ID held by someone outside the user's scope is refused with ptdv.people.identity's
neutral message, so an import cannot test where an ID is held.
"""

from django.utils.translation import gettext as _

from ptdv.exchange.values import Invalid
from ptdv.people import identity
from ptdv.people.models import Person
from ptdv.people.names import fold
from ptdv.scope import scope_paths


def folded_name(full_name: str) -> str:
    return fold(full_name)[:120]


class PersonFinder:
    def __init__(self, user, *, related=("unit", "village__branch")):
        self.user = user
        self.paths = scope_paths(user) if getattr(user, "unit_id", None) else []
        self.related = related
        self.by_id: dict[str, Person] = {}
        self.by_name: dict[tuple, list[Person]] = {}

    def in_scope(self, person: Person) -> bool:
        return any(person.unit.path.startswith(p) for p in self.paths)

    def prepare(self, rows: list[dict]) -> None:
        """Look up the chunk's citizen IDs (anywhere) and names (in scope) at once."""
        ids = {r["citizen_id"] for r in rows if r.get("citizen_id")}
        names = {folded_name(r["full_name"]) for r in rows if r.get("full_name")}
        # Both: a province holds thousands of people of a common name, few of them born the same day.
        births = {r["birth_date"] for r in rows if r.get("birth_date")}
        self.by_id = {
            p.citizen_id: p for p in Person.objects.filter(citizen_id__in=ids).select_related(*self.related)
        }
        self.by_name = {}
        found = (
            Person.objects.visible_to(self.user)
            .filter(search_name__in=names, birth_date__in=births)
            .select_related(*self.related)
        )
        for person in found:
            self.by_name.setdefault((person.search_name, person.birth_date), []).append(person)

    def holder(self, citizen_id: str | None) -> Person | None:
        """The person in scope holding `citizen_id`; Invalid when held outside the scope."""
        if not citizen_id or citizen_id not in self.by_id:
            return None
        person = self.by_id[citizen_id]
        if not self.in_scope(person):
            raise Invalid(identity.NEUTRAL_MESSAGE)
        return person

    def same_name(self, full_name: str, birth_date, village) -> list[Person]:
        """People in scope with the name, birth date and village (None: living in no village)."""
        found = self.by_name.get((folded_name(full_name), birth_date), [])
        return [p for p in found if p.village_id == getattr(village, "pk", None)]

    def find(self, values: dict, village) -> Person | None:
        """The person the row names: by citizen ID, else by name, birth date and village."""
        person = self.holder(values.get("citizen_id"))
        if person is not None:
            return person
        candidates = [
            p
            for p in self.same_name(values["full_name"], values["birth_date"], village)
            if not (values.get("citizen_id") and p.citizen_id)
        ]
        if len(candidates) > 1:
            raise Invalid(
                _(
                    "Có %(n)s người cùng họ tên, ngày sinh và thôn (mã %(pks)s); "
                    "hãy ghi số CCCD để chọn đúng người."
                )
                % {"n": len(candidates), "pks": ", ".join(str(p.pk) for p in candidates)}
            )
        return candidates[0] if candidates else None
