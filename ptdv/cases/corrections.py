"""Changing the facts of a case (hardship area, former member, …) after it was opened.

While a case is open its officers keep these facts current. Once it is closed (official,
withdrawn, not admitted, removed) they are the record of what was decided, so they change
only by an organizer's correction with a reason, which the case's history keeps
(django-simple-history's change reason) and shows.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ptdv import versioning
from ptdv.cases import historical as paper
from ptdv.cases.models import Case
from ptdv.scope import ORGANIZER


@transaction.atomic
def change_facts(case: Case, changes: dict, *, by, version: int | None, reason: str = "") -> Case:
    """Write `changes` to `case` if it is still at `version` (ptdv.versioning); refuse, writing
    nothing, what `by` may not change."""
    versioning.check(case, version)
    reason = reason.strip()
    if not case.is_open:
        if getattr(by, "role", None) != ORGANIZER:
            raise ValidationError(
                _("Hồ sơ đã kết thúc (%(s)s): chỉ cán bộ Ban Tổ chức được đính chính, kèm lý do.")
                % {"s": case.get_stage_display()}
            )
        if not reason:
            raise ValidationError({"reason": _("Đính chính hồ sơ đã kết thúc phải ghi lý do.")})
    if "historical" in changes:
        paper.check_may_change(case, changes["historical"], by)
    for name, value in changes.items():
        setattr(case, name, value)
    if reason:
        case._change_reason = reason
    versioning.save(case, version)
    return case
