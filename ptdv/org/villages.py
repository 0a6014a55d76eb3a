"""Which branch a village lives its party life in, with dated history."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ptdv.org import rules
from ptdv.org.models import Unit, Village, VillageAssignment


@transaction.atomic
def assign(village: Village, branch: Unit, on: date, *, by=None) -> Village:
    """From `on`, `village` shares in `branch`'s party life (refused for a dissolved unit)."""
    rules.check_date(on)
    if not branch.is_branch:
        raise ValidationError({"branch": _("Thôn chỉ được gắn với một chi bộ.")})
    if not branch.active_on(on):
        raise ValidationError(
            {
                "branch": _("Chi bộ %(u)s đã giải thể hoặc chưa thành lập vào ngày %(d)s.")
                % {"u": branch.name, "d": on.strftime("%d/%m/%Y")}
            }
        )
    current = village.assignments.filter(valid_to__isnull=True).first() if village.pk else None
    if current and current.branch_id == branch.pk:
        raise ValidationError({"branch": _("Thôn đang sinh hoạt ở chi bộ này.")})
    if current and on < current.valid_from:
        raise ValidationError(
            {
                "date": _("Ngày chuyển trước ngày thôn vào chi bộ hiện tại (%(d)s).")
                % {"d": current.valid_from.strftime("%d/%m/%Y")}
            }
        )
    if current:
        current.valid_to = on
        current.save(update_fields=["valid_to"])
    village.branch = branch
    village.save()
    VillageAssignment.objects.create(village=village, branch=branch, valid_from=on, recorded_by=by)
    return village
