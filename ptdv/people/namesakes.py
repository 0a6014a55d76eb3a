"""Namesakes (người trùng họ tên và ngày sinh): a warning, never a refusal.

Two people may well share a name and a birth date, but far more often the second record is
the first one typed again. So when a record's name or birth date is new, the people in the
user's scope with the same folded name and birth date are named back: the page asks to
confirm, the API answers them in `warnings` (docs/validation.md). People outside the user's
scope are not mentioned, as for the citizen ID (ptdv.people.identity).
"""

from django.utils.translation import gettext as _

from ptdv.people.models import Person
from ptdv.people.names import fold


def namesakes(person: Person, full_name: str, birth_date, user) -> list[Person]:
    """People in `user`'s scope with `full_name` and `birth_date`, other than `person`, when the
    name or birth date differs from what `person` has stored (a new record, or a change)."""
    folded = fold(full_name)[:120]
    if person.pk is not None and (person.search_name, person.birth_date) == (folded, birth_date):
        return []
    same = Person.objects.visible_to(user).filter(search_name=folded, birth_date=birth_date)
    return list(same.exclude(pk=person.pk).select_related("unit")[:5])


def warning(found: list[Person]) -> str:
    entry = _("%(name)s (%(unit)s, mã %(pk)s)")
    listed = "; ".join(entry % {"name": p.full_name, "unit": p.unit.name, "pk": p.pk} for p in found)
    return _("Đã có người cùng họ tên và ngày sinh: %(list)s. Hãy kiểm tra đây có phải người đó không.") % {
        "list": listed
    }
