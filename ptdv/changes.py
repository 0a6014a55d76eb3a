"""What each version of a record changed, for the "Lịch sử thay đổi" list on the pages.

simple-history keeps whole versions; `diff_against` of two neighbours gives the changed
fields. Shown with the field's Vietnamese name and its values as people read them (choice
labels, dates, a related record's name), and never a field the viewer may not read
(ptdv.scope.sees_field) — the history must not show what the page itself hides. Bookkeeping
fields (the version counter, search keys) are not changes a person made.
"""

from dataclasses import dataclass, field
from itertools import islice, pairwise

from django.db import models

from ptdv.scope import sees_field

HIDDEN = "(ẩn)"
EMPTY = "—"
OUT_OF_SCOPE = "(ngoài phạm vi)"


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Version:
    """One entry of the history list: the historical row and what it changed."""

    record: object
    changes: list[Change] = field(default_factory=list)


def _shown_fields(model) -> dict[str, models.Field]:
    return {f.name: f for f in model._meta.concrete_fields if f.editable and not f.primary_key}


def _display(model_field, value, user) -> str:
    if value in (None, ""):
        return EMPTY
    if model_field.is_relation:
        related = model_field.related_model
        manager = related.objects
        found = manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()
        return str(found.filter(pk=value).first() or OUT_OF_SCOPE)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return "Có" if value else "Không"
    if isinstance(model_field, models.DateField) and hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _versions_of(history, user, limit: int) -> list[Version]:
    rows = list(history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    if not rows:
        return []
    fields = _shown_fields(rows[0].instance_type)
    result = []
    for newer, older in islice(pairwise([*rows, None]), limit):
        entry = Version(newer)
        if older is not None and newer.history_type == "~":
            delta = newer.diff_against(older, included_fields=list(fields))
            for change in delta.changes:
                model_field = fields[change.field]
                visible = sees_field(user, change.field)
                entry.changes.append(
                    Change(
                        label=str(model_field.verbose_name),
                        old=_display(model_field, change.old, user) if visible else HIDDEN,
                        new=_display(model_field, change.new, user) if visible else HIDDEN,
                    )
                )
        result.append(entry)
    return result


def versions(user, *histories, limit: int = 20) -> list[Version]:
    """The newest `limit` versions of one record's history (or of several, e.g. a member's
    person and membership records, merged newest first), each with its changes against the
    version before it; a creation lists no changes."""
    merged = [v for history in histories for v in _versions_of(history, user, limit)]
    merged.sort(key=lambda v: v.record.history_date, reverse=True)
    return merged[:limit]
