"""A person's record as it stood on a day, read from its history (django-simple-history).

Admission figures count the person as they were when admitted: a farmer admitted in 2023 who
became an official in 2024 is still one of the farmers admitted in 2023. The record of a day
is the last version written on or before it; a record first written after that day (the
admission entered afterwards, a bulk load) stands as first written. An edit written later
is a later change and leaves that day's record alone — unless it is a correction
(đính chính: the record was wrong, also then), written with the reason CORRECTION
(`mark_correction`): the fields it changed are changed in every earlier day's record too.
"""

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ptdv.people.models import Person

# The history reason of an edit that corrects the record rather than changing it.
CORRECTION = "đính chính"
CORRECTION_LABEL = _("Đính chính (hồ sơ ghi sai từ trước): sửa cả số liệu lúc kết nạp")


def mark_correction(person: Person) -> None:
    """The next save of `person` corrects their record, past days' included."""
    person._change_reason = CORRECTION


@dataclass(frozen=True)
class Version:
    written: date
    correction: bool
    fields: dict


def versions(person_ids, names) -> dict[int, list[Version]]:
    """{person id: their versions of the fields `names`, oldest first}: one query."""
    rows = (
        Person.history.filter(id__in=person_ids)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_date", "history_change_reason", *names)
    )
    found: dict[int, list[Version]] = {}
    for pk, when, reason, *values in rows:
        fields = dict(zip(names, values, strict=True))
        found.setdefault(pk, []).append(Version(timezone.localdate(when), reason == CORRECTION, fields))
    return found


def record_on(history: list[Version], day: date, current: dict) -> dict:
    """The fields as they stood on `day` (the person's `current` fields without any history)."""
    if not history:
        return current
    base = max((i for i, v in enumerate(history) if v.written <= day), default=0)
    record = dict(history[base].fields)
    for before, later in pairwise(history[base:]):
        if later.correction:
            record.update({k: v for k, v in later.fields.items() if before.fields[k] != v})
    return record
