"""Correcting and withdrawing the checklist records of a case (documents, verification,
introductions): the only code that changes them after they were entered.

A correction names the version it was made on (ptdv.versioning); a withdrawal keeps the row
with who, when and why. Either way the regulation reads the case anew at the next look
(ptdv.cases.facts ignores withdrawn records), so a wrong introducer stops blocking at once.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ptdv import versioning


def _check_open(record) -> None:
    if not record.case.is_open:
        raise ValidationError(_("Hồ sơ đã kết thúc; không sửa được giấy tờ của hồ sơ."))
    if record.voided:
        raise ValidationError(_("Bản ghi này đã bị hủy; hãy ghi một bản ghi mới."))


@transaction.atomic
def add(case, related: str, data: dict, *, by):
    """A new checklist record of an open `case` (`related`: documents, relatives, introductions)."""
    if not case.is_open:
        raise ValidationError(_("Hồ sơ đã kết thúc; không sửa được giấy tờ của hồ sơ."))
    manager = getattr(case, related)
    fields = {name: value for name, value in data.items() if name != "version"}
    if any(f.name == "recorded_by" for f in manager.model._meta.fields):
        fields["recorded_by"] = by
    return manager.create(**fields)


@transaction.atomic
def correct(record, changes: dict, version: int | None, *, by) -> None:
    """Write `changes` to `record` if it is still at `version`."""
    _check_open(record)
    versioning.check(record, version)
    for name, value in changes.items():
        setattr(record, name, value)
    if hasattr(record, "recorded_by"):
        record.recorded_by = by
    versioning.save(record, version)


@transaction.atomic
def void(record, reason: str, version: int | None, *, by) -> None:
    """Withdraw `record` with `reason`: kept in the history, no longer read by any rule."""
    _check_open(record)
    versioning.check(record, version)
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do hủy.")})
    record.voided_at = timezone.now()
    record.voided_by = by
    record.void_reason = reason.strip()
    record._change_reason = record.void_reason  # shown with the record's history
    versioning.save(record, version)
