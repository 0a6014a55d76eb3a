"""Searchable pickers of units, villages, people and members, instead of selects of thousands.

A province has thousands of members and dozens of branches named "Chi bộ thôn 1": a select
listing them all made the new-case page 157 KB and showed namesakes as identical lines. Each
picker here names a `Source`: what may be chosen (the user's scope, through `visible_to`),
how a typed text finds it (diacritics ignored, ptdv.people.names.fold), and an entry that tells
namesakes apart. The form field still validates the submitted id against the scoped queryset;
the page renders only the chosen option, and ptdv/web/static/ptdv/pickers.js (Tom Select) asks the lookup
endpoint (ptdv.web.views.lookups) for one page of matches as the user types.
"""

from abc import ABC, abstractmethod

from django import forms
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse

from ptdv.cases.models import OPEN_STAGES
from ptdv.org.models import BRANCH_KINDS, Unit, UnitKind, Village
from ptdv.people.models import PartyMember, Person
from ptdv.people.names import fold, place_key
from ptdv.scope import sees_sensitive

# An id longer than this is no id of ours (and would overflow a 64-bit column on PostgreSQL).
MAX_ID_DIGITS = 18
# Entries per answer: enough to pick from on a phone; typing more narrows the rest down.
PAGE_SIZE = 20


def _parent_names(paths) -> dict[str, str]:
    """The name of each path's parent unit, in one query. Only names: a user knows which
    commune their branch belongs to, even when the commune itself is outside their scope."""
    step = Unit.steplen
    parents = Unit.objects.filter(path__in={p[:-step] for p in paths if len(p) > step})
    names = dict(parents.values_list("path", "name"))
    return {p: names.get(p[:-step], "") for p in paths}


def _joined(*parts) -> str:
    return " · ".join(part for part in parts if part)


class Source(ABC):
    """One kind of record a picker chooses from."""

    name = ""  # in the lookup's URL
    within_lookup = ""  # from the record to the path of the unit it sits under

    @abstractmethod
    def choosable(self, user) -> QuerySet:
        """What a form field of this picker accepts."""

    def offered(self, user, within=None) -> QuerySet:
        """What the picker proposes (at most what it accepts), optionally under unit `within`."""
        queryset = self.choosable(user)
        return queryset if within is None else queryset.filter(**{self.within_lookup: within.path})

    @abstractmethod
    def page(self, queryset, text: str) -> list:
        """The first PAGE_SIZE records of `queryset` matching `text`, in display order."""

    @abstractmethod
    def labels(self, records, user) -> list[tuple[int, str]]:
        """(id, entry) for each record, fetched together."""


class UnitSource(Source):
    """Active units (a dissolved one takes nothing new), by tree order, with their parent."""

    within_lookup = "path__startswith"

    def __init__(self, name, kinds=None):
        self.name = name
        self.kinds = kinds

    def choosable(self, user):
        units = Unit.objects.visible_to(user).filter(valid_to__isnull=True)
        return units if self.kinds is None else units.filter(kind__in=self.kinds)

    def page(self, queryset, text):
        # Unit names have no folded column: a scope holds at most a few thousand units,
        # folded here in one pass over their names.
        wanted = fold(text)
        ids = [pk for pk, name in queryset.values_list("pk", "name") if wanted in fold(name)][:PAGE_SIZE]
        return list(queryset.filter(pk__in=ids))

    def labels(self, records, user):
        parents = _parent_names([u.path for u in records])
        return [(u.pk, _joined(u.name, parents[u.path])) for u in records]


class VillageSource(Source):
    """Villages in Vietnamese alphabetical order, each with the commune of its branch."""

    name = "thon"
    within_lookup = "branch__path__startswith"

    def choosable(self, user):
        return Village.objects.visible_to(user).select_related("branch")

    def page(self, queryset, text):
        wanted = fold(text)
        found = [v for v in queryset if wanted in fold(v.name)]
        return sorted(found, key=lambda v: place_key(v.name))[:PAGE_SIZE]

    def labels(self, records, user):
        communes = _parent_names([v.branch.path for v in records])
        return [(v.pk, _joined(str(v), communes[v.branch.path])) for v in records]


def person_entry(person, user) -> str:
    """Name, birth date, village and, for roles that may see it, the ID's last 4 digits."""
    digits = f"CCCD …{person.citizen_id[-4:]}" if person.citizen_id and sees_sensitive(user) else ""
    return _joined(
        person.full_name, f"sinh {person.birth_date:%d/%m/%Y}", person.village and str(person.village), digits
    )


class CandidateSource(Source):
    """People who may be put into the source: not members; the picker leaves out those who
    already have an open case (the field still accepts them, so that the refusal can say
    where the other case is — ptdv.cases.facts)."""

    name = "nguoi"
    within_lookup = "unit__path__startswith"

    def choosable(self, user):
        return Person.objects.visible_to(user).filter(membership__isnull=True).select_related("village")

    def offered(self, user, within=None):
        return super().offered(user, within).exclude(cases__stage__in=OPEN_STAGES)

    def page(self, queryset, text):
        return list(queryset.filter(search_name__contains=fold(text))[:PAGE_SIZE])

    def labels(self, records, user):
        return [(p.pk, person_entry(p, user)) for p in records]


class MemberSource(Source):
    """Current members, each with their birth date and branch."""

    name = "dang-vien"
    within_lookup = "branch__path__startswith"

    def choosable(self, user):
        return PartyMember.objects.visible_to(user).current().select_related("person", "branch")

    def page(self, queryset, text):
        return list(queryset.filter(person__search_name__contains=fold(text))[:PAGE_SIZE])

    def labels(self, records, user):
        return [
            (m.pk, _joined(m.person.full_name, f"sinh {m.person.birth_date:%d/%m/%Y}", m.branch.name))
            for m in records
        ]


UNITS = UnitSource("don-vi")
BRANCHES = UnitSource("chi-bo", BRANCH_KINDS)
# A unit may sit under any unit but a branch (ptdv.org.reorganisation decides the rest).
PARENTS = UnitSource("cap-tren", [kind for kind in UnitKind if kind not in BRANCH_KINDS])
VILLAGES = VillageSource()
CANDIDATES = CandidateSource()
MEMBERS = MemberSource()
SOURCES = {s.name: s for s in (UNITS, BRANCHES, PARENTS, VILLAGES, CANDIDATES, MEMBERS)}


def within_unit(user, pk):
    """The unit a lookup is narrowed to, in the user's scope (404 otherwise, as for any id)."""
    if pk is None:
        return None
    # ASCII digits only ("²".isdigit() is true), and few enough to fit the id column.
    text = str(pk)
    if not (text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS):
        raise Http404
    unit = Unit.objects.visible_to(user).filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit


class PickerSelect(forms.Select):
    """A select holding only the chosen option; ptdv/pickers.js turns it into a search box."""

    def get_context(self, name, value, attrs):
        every = self.choices
        chosen = [v for v in self.format_value(value) if v.isdigit()]
        records = list(every.queryset.filter(pk__in=chosen)) if chosen else []
        self.choices = [("", ""), *((r.pk, every.field.label_from_instance(r)) for r in records)]
        try:
            return super().get_context(name, value, attrs)
        finally:
            self.choices = every


class PickerField(forms.ModelChoiceField):
    """A choice of one `source` record in `user`'s scope, validated against `queryset`."""

    widget = PickerSelect

    def __init__(self, source: Source, user, queryset=None, within=None, **kwargs):
        super().__init__(queryset=source.choosable(user) if queryset is None else queryset, **kwargs)
        self.source, self.user = source, user
        url = reverse("web:lookup", args=[source.name])
        self.widget.attrs.update(
            {
                "data-picker": f"{url}?trong={within.pk}" if within is not None else url,
                "data-placeholder": "Gõ để tìm…",
            }
        )

    def label_from_instance(self, obj):
        return self.source.labels([obj], self.user)[0][1]


def use_picker(form, name: str, source: Source, user, queryset=None, within=None) -> None:
    """Replace the form's field `name` by a picker, keeping its label, help and required."""
    old = form.fields[name]
    form.fields[name] = PickerField(
        source,
        user,
        queryset=queryset,
        within=within,
        label=old.label,
        required=old.required,
        help_text=old.help_text,
        disabled=old.disabled,
    )
