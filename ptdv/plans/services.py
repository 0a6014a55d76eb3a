"""Entering plans and quotas: the only code that writes them.

Plans and quotas are entered by the organisers (Ban Tổ chức) and the administrator; everyone in
scope reads them. A correction names the version it was made on (ptdv.versioning) and, like a
withdrawal, says why; the reason is kept with the record's history. Nothing is deleted.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ptdv import versioning
from ptdv.plans.models import CATEGORIES, Plan, Quota
from ptdv.scope import ADMIN, ORGANIZER

PLANNER_ROLES = frozenset({ORGANIZER, ADMIN})
# What a quota row carries besides its unit: the target and the sub-targets.
QUOTA_FIELDS = ("target", *CATEGORIES)


def may_plan(user) -> bool:
    """Whether `user` enters plans and quotas (the pages show the buttons by this same rule)."""
    return getattr(user, "role", None) in PLANNER_ROLES


def _reason(reason: str, message: str) -> str:
    if not (reason or "").strip():
        raise ValidationError({"reason": message})
    return reason.strip()


@transaction.atomic
def correct(plan: Plan, changes: dict, version: int | None, *, reason: str, by) -> None:
    """Write `changes` to a standing plan still at `version`, with the reason for the correction."""
    versioning.check(plan, version)
    if plan.voided:
        raise ValidationError(_("Kế hoạch đã bị thu hồi; không sửa được."))
    for name, value in changes.items():
        setattr(plan, name, value)
    plan.recorded_by = by
    plan._change_reason = _reason(reason, _("Hãy ghi lý do sửa kế hoạch."))
    versioning.save(plan, version)


def _void(record, reason: str, by) -> None:
    record.voided_at = timezone.now()
    record.voided_by = by
    record.void_reason = reason
    record._change_reason = reason


@transaction.atomic
def withdraw(plan: Plan, reason: str, version: int | None, *, by) -> None:
    """Withdraw a plan and its standing quotas with `reason`; all are kept in the history."""
    versioning.check(plan, version)
    if plan.voided:
        raise ValidationError(_("Kế hoạch đã bị thu hồi."))
    reason = _reason(reason, _("Hãy ghi lý do thu hồi kế hoạch."))
    for quota in plan.quotas.filter(voided_at__isnull=True):
        _void(quota, reason, by)
        quota.save()
    _void(plan, reason, by)
    versioning.save(plan, version)


def quota_values(quota: Quota | None) -> dict | None:
    return None if quota is None else {name: getattr(quota, name) for name in QUOTA_FIELDS}


@transaction.atomic
def set_quotas(plan: Plan, rows: dict, version: int | None, *, reason: str, by) -> int:
    """Hand the plan's quotas to its children in one act: `rows` maps each child unit to its
    values (QUOTA_FIELDS) or None for no quota. Returns how many quotas changed.

    The whole table names the plan's version, so two officers filling it at once cannot
    interleave their rows: the second is told to reload. Changing a quota that was handed
    already needs a reason; a row left empty withdraws it.
    """
    versioning.check(plan, version)
    if plan.voided:
        raise ValidationError(_("Kế hoạch đã bị thu hồi; không giao được chỉ tiêu."))
    standing = {q.unit_id: q for q in plan.quotas.filter(voided_at__isnull=True)}
    changed = [
        (unit, values) for unit, values in rows.items() if values != quota_values(standing.get(unit.pk))
    ]
    if any(unit.pk in standing for unit, _new in changed):
        reason = _reason(reason, _("Hãy ghi lý do điều chỉnh chỉ tiêu đã giao."))
    if not Plan.objects.filter(pk=plan.pk, version=version).update(version=F("version") + 1):
        raise versioning.StaleVersion()
    plan.version = version + 1
    for unit, values in changed:
        if (quota := standing.get(unit.pk)) is not None:
            if values is None:
                _void(quota, reason, by)
            else:
                for name, value in values.items():
                    setattr(quota, name, value)
                quota.recorded_by = by
                quota.version += 1
                quota._change_reason = reason
            quota.save()
        if values is not None and quota is None:
            Quota.objects.create(plan=plan, unit=unit, recorded_by=by, **values)
    return len(changed)
