"""Độ đầy đủ dữ liệu: how much of their people's records a unit's subtree has filled in, so
officials know what to clean (a share per field on the unit page, each with the list of those
who lack it).

The fields are the person attributes of DOMAIN.md that a record may lack (`FIELDS`). The date
of birth is not among them: the database refuses a person without one.

The counts are kept, not scanned per request: one `DataCompleteness` row per managing unit
(`Person.unit`) and group (people with a party membership — the member list — or without —
the person list), changed by the receivers below in the transaction of the save that changes
them: a person's `pre_save` reads what the stored row counted, `post_save` adds the difference
(a new membership moves the person from one group to the other). The unit page adds up its
subtree's rows: one query, however many people a province has. Bulk loaders and upgrades call
`rebuild` (`ptdv rebuild_summaries`, `ptdv refresh --summaries`).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Sum

from ptdv.people.models import DataCompleteness, PartyMember, Person
from ptdv.scope import sees_field


@dataclass(frozen=True)
class Field:
    """A field of a person's record: `key` is the Person field, the kept column and the word
    of the lists' `missing=` filter."""

    key: str
    label: str
    nullable: bool = False  # missing is NULL (and, for text, empty)
    text: bool = True

    def lacking(self, prefix: str = "") -> Q:
        """The people (through `prefix`, e.g. "person__") who lack this field."""
        name = f"{prefix}{self.key}"
        missing = Q(**{f"{name}__isnull": True}) if self.nullable else Q()
        return missing | Q(**{name: ""}) if self.text else missing

    @property
    def attname(self) -> str:
        return Person._meta.get_field(self.key).attname


FIELDS = {
    f.key: f
    for f in (
        Field("citizen_id", "Số CCCD", nullable=True),
        Field("village", "Nơi cư trú (thôn, bản, tổ dân phố)", nullable=True, text=False),
        Field("education", "Trình độ học vấn"),
        Field("occupation", "Nghề nghiệp"),
        Field("ethnicity", "Dân tộc"),
        Field("religion", "Tôn giáo"),
        Field("home_town", "Quê quán"),
        Field("phone", "Số điện thoại"),
    )
}
COLUMNS = ("people", *FIELDS)


def asked(user, key: str) -> Field | None:
    """The field a list's `missing=` names, if `user` may see who lacks it (who has no
    ethnicity or citizen ID recorded is itself sensitive: ptdv.scope.FIELD_ROLES); None
    otherwise, and for a word that names no field."""
    field = FIELDS.get(key)
    return field if field is not None and sees_field(user, key) else None


# --- Reading -----------------------------------------------------------------------------


@dataclass
class Group:
    """The people of a subtree in one group, and how many have each field filled."""

    members: bool
    people: int
    filled: dict[str, int]

    def missing(self, key: str) -> int:
        return self.people - self.filled[key]


def of_subtree(unit) -> dict[bool, Group]:
    """The kept counts of the people managed in `unit`'s subtree, by group (True: members):
    one query over the subtree's kept rows."""
    rows = (
        DataCompleteness.objects.filter(unit__path__startswith=unit.path)
        .values("members")
        .annotate(**{f"n_{c}": Sum(c) for c in COLUMNS})
        .order_by()
    )
    groups = {members: Group(members, 0, dict.fromkeys(FIELDS, 0)) for members in (True, False)}
    for row in rows:
        group = groups[row["members"]]
        group.people = row["n_people"] or 0
        group.filled = {key: row[f"n_{key}"] or 0 for key in FIELDS}
    return groups


# --- Keeping -----------------------------------------------------------------------------

# What one person adds to the kept counts: ((unit id, member?), (1, filled flags…)).
Contribution = tuple[tuple[int, bool], tuple[int, ...]]


def _contribution(values: dict, members: bool) -> Contribution:
    flags = tuple(int(values[f.key] not in (None, "")) for f in FIELDS.values())
    return (values["unit"], bool(members)), (1, *flags)


def _stored(pk) -> Contribution | None:
    """What the stored row of person `pk` counts (None when there is none)."""
    row = (
        Person.objects.filter(pk=pk)
        .annotate(has_membership=Exists(PartyMember.objects.filter(person=OuterRef("pk"))))
        .values("unit", "has_membership", *FIELDS)
        .first()
    )
    return _contribution(row, row["has_membership"]) if row else None


def _of_instance(person: Person, members: bool) -> Contribution:
    values = {"unit": person.unit_id, **{f.key: getattr(person, f.attname) for f in FIELDS.values()}}
    return _contribution(values, members)


def _apply(before: Contribution | None, after: Contribution | None) -> None:
    """Take `before` out of the kept counts and put `after` in: atomic increments, so two
    saves at once cannot lose one another's change."""
    if before == after:
        return
    deltas: dict[tuple[int, bool], list[int]] = defaultdict(lambda: [0] * len(COLUMNS))
    for contribution, sign in ((before, -1), (after, 1)):
        if contribution is not None:
            key, counts = contribution
            deltas[key] = [d + sign * c for d, c in zip(deltas[key], counts, strict=True)]
    changed = {key: delta for key, delta in deltas.items() if any(delta)}
    DataCompleteness.objects.bulk_create(
        [DataCompleteness(unit_id=unit, members=members) for unit, members in changed], ignore_conflicts=True
    )
    for (unit, members), delta in changed.items():
        DataCompleteness.objects.filter(unit_id=unit, members=members).update(
            **{column: F(column) + d for column, d in zip(COLUMNS, delta, strict=True) if d}
        )


_WATCHED = frozenset({"unit", *FIELDS})


def _watched(update_fields) -> bool:
    return update_fields is None or bool(_WATCHED & set(update_fields))


def person_before(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """pre_save receiver of Person: remember what the stored row counted."""
    if not raw and _watched(update_fields):
        instance._completeness_before = _stored(instance.pk) if instance.pk else None


def person_saved(sender, instance, created, raw=False, update_fields=None, **kwargs) -> None:
    """post_save receiver of Person: count the row as it now stands instead."""
    if raw or not _watched(update_fields):
        return
    before = getattr(instance, "_completeness_before", None)
    instance._completeness_before = None
    _apply(before, _of_instance(instance, before[0][1] if before else False))


def person_deleted(sender, instance, **kwargs) -> None:
    """post_delete receiver of Person (a person with a membership cannot be deleted)."""
    _apply(_of_instance(instance, False), None)


def membership_started(sender, instance, created, raw=False, **kwargs) -> None:
    """post_save receiver of PartyMember: a new membership moves the person to the members."""
    if created and not raw:
        now = _stored(instance.person_id)
        if now is not None:
            (unit, _members), counts = now
            _apply(((unit, False), counts), ((unit, True), counts))


def rebuild(*, person=Person, member=PartyMember, kept=DataCompleteness) -> int:
    """Recompute every kept row from the people: one grouped query, then the rows replaced.
    Returns how many rows are kept. (The models are parameters for migration 0007, which
    fills the rows of an existing database with its historical models.)"""
    counted = {f"n_{f.key}": Count("id", filter=~f.lacking()) for f in FIELDS.values()}
    grouped = (
        person.objects.annotate(has_membership=Exists(member.objects.filter(person=OuterRef("pk"))))
        .values("unit", "has_membership")
        .annotate(n_people=Count("id"), **counted)
        .order_by()
    )
    rows = [
        kept(unit_id=row["unit"], members=row["has_membership"], **{c: row[f"n_{c}"] for c in COLUMNS})
        for row in grouped
    ]
    with transaction.atomic():
        kept.objects.all().delete()
        kept.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
