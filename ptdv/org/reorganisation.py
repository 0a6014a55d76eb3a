"""Reorganisation acts on the tree: create, rename, move, merge A+B→C, dissolve.

Each act is dated, recorded as a UnitChange, and keeps lineage: a merged unit is
kept (dissolved) and names the unit it went into, its members are transferred by
dated events, so counts for dates before the merge still add up.

What an act may do (kinds under kinds, dates, sibling names) is decided by ptdv.org.rules,
the same for the pages and the API. An act changes the tree at once, so it is refused when
dated ahead: it is recorded on the day it takes effect.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ptdv.org import lineage, rules
from ptdv.org.models import Unit, UnitChange, UnitChangeKind, Village
from ptdv.org.villages import assign
from ptdv.people import membership
from ptdv.people.choices import MemberEventKind
from ptdv.people.models import PartyMember


def _vn(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _check_active(unit: Unit, on: date) -> None:
    if not unit.active_on(on):
        raise ValidationError(_("%(u)s không hoạt động vào ngày %(d)s.") % {"u": unit.name, "d": _vn(on)})


@transaction.atomic
def create(parent: Unit | None, on: date, *, by=None, **fields) -> Unit:
    """A new unit under `parent` (a new root when None), established on `on`."""
    rules.check_date(on)
    if parent is not None:
        _check_active(parent, on)
        if parent.is_branch:
            raise ValidationError(_("Chi bộ không có tổ chức đảng trực thuộc."))
    rules.check_place(fields.get("kind"), parent)
    rules.check_name_free(fields.get("name", ""), parent)
    if Unit.objects.filter(code=fields.get("code")).exists():
        raise ValidationError({"code": _("Mã đơn vị này đã có.")})
    fields.setdefault("valid_from", on)
    unit = Unit.objects.add_child(parent, fields) if parent else Unit.objects.add_root(fields)
    UnitChange.objects.create(
        unit=unit,
        kind=UnitChangeKind.CREATED,
        date=on,
        new_name=unit.name,
        new_parent=parent,
        recorded_by=by,
    )
    return unit


@transaction.atomic
def rename(unit: Unit, new_name: str, on: date, *, by=None) -> Unit:
    new_name = " ".join(new_name.split())
    if not new_name:
        raise ValidationError({"name": _("Tên mới không được để trống.")})
    rules.check_date(on)
    _check_active(unit, on)
    rules.check_name_free(new_name, Unit.objects.get_parent(unit), exclude=unit)
    UnitChange.objects.create(
        unit=unit,
        kind=UnitChangeKind.RENAMED,
        date=on,
        old_name=unit.name,
        new_name=new_name,
        recorded_by=by,
    )
    unit.name = new_name
    unit.save(update_fields=["name"])
    return unit


@transaction.atomic
def move(unit: Unit, new_parent: Unit, on: date, *, by=None) -> Unit:
    """Place `unit` (with its subtree) under `new_parent`."""
    unit.refresh_from_db()
    new_parent.refresh_from_db()
    if new_parent.pk == unit.pk or new_parent.path.startswith(unit.path):
        raise ValidationError(
            {"parent": _("Không thể đặt một đơn vị trực thuộc chính nó hoặc đơn vị cấp dưới của nó.")}
        )
    if new_parent.is_branch:
        raise ValidationError({"parent": _("Chi bộ không có tổ chức đảng trực thuộc.")})
    rules.check_date(on)
    _check_active(unit, on)
    _check_active(new_parent, on)
    old_parent = Unit.objects.get_parent(unit)
    if old_parent is not None and old_parent.pk == new_parent.pk:
        raise ValidationError(
            {"parent": _("%(u)s đã trực thuộc %(p)s.") % {"u": unit.name, "p": new_parent.name}}
        )
    rules.check_place(unit.kind, new_parent)
    rules.check_name_free(unit.name, new_parent, exclude=unit)
    Unit.objects.move(unit, new_parent, "last-child")
    UnitChange.objects.create(
        unit=unit,
        kind=UnitChangeKind.MOVED,
        date=on,
        old_parent=old_parent,
        new_parent=new_parent,
        recorded_by=by,
    )
    lineage.replace_placements(unit)
    return Unit.objects.get(pk=unit.pk)


def _close(unit: Unit, on: date) -> None:
    unit.valid_to = on
    unit.save(update_fields=["valid_to"])


@transaction.atomic
def dissolve(unit: Unit, on: date, *, note: str = "", by=None) -> Unit:
    """Dissolve an empty unit: its members, villages and sub-units must have gone first."""
    rules.check_date(on)
    _check_active(unit, on)
    if Unit.objects.filter(path__startswith=unit.path, valid_to__isnull=True).exclude(pk=unit.pk).exists():
        raise ValidationError(
            _("Còn tổ chức đảng trực thuộc đang hoạt động; hãy chuyển hoặc giải thể trước.")
        )
    if PartyMember.objects.current().filter(branch=unit).exists():
        raise ValidationError(_("Còn đảng viên đang sinh hoạt; hãy chuyển sinh hoạt trước khi giải thể."))
    if Village.objects.filter(branch=unit).exists():
        raise ValidationError(_("Còn thôn, bản đang sinh hoạt ở chi bộ này; hãy chuyển trước."))
    _close(unit, on)
    UnitChange.objects.create(
        unit=unit,
        kind=UnitChangeKind.DISSOLVED,
        date=on,
        old_name=unit.name,
        note=note,
        recorded_by=by,
    )
    return unit


@transaction.atomic
def merge(sources: list[Unit], into: Unit, on: date, *, by=None) -> Unit:
    """Merge `sources` into `into` on `on`: sub-units, villages and members move over.

    To merge A+B into a new C, create C first and merge A and B into it.
    """
    if len(sources) < 1 or any(s.pk == into.pk for s in sources):
        raise ValidationError(_("Hãy chọn các đơn vị hợp nhất khác với đơn vị nhận."))
    rules.check_date(on)
    for source in sources:
        _check_active(source, on)
        if into.path.startswith(source.path):
            raise ValidationError(_("Không thể hợp nhất một đơn vị vào đơn vị cấp dưới của nó."))
        if source.is_branch != into.is_branch:
            raise ValidationError(_("Chỉ hợp nhất chi bộ với chi bộ, đảng bộ với đảng bộ."))
    _check_active(into, on)
    for source in sources:
        source = Unit.objects.get(pk=source.pk)
        for child in Unit.objects.get_children(source).filter(valid_to__isnull=True):
            move(child, into, on, by=by)
        for village in Village.objects.filter(branch=source):
            assign(village, into, on, by=by)
        for member in PartyMember.objects.current().filter(branch=source):
            membership.record(
                member,
                MemberEventKind.TRANSFERRED,
                on,
                branch=into,
                note=_("Hợp nhất %(s)s vào %(i)s") % {"s": source.name, "i": into.name},
                by=by,
            )
        _close(Unit.objects.get(pk=source.pk), on)
    change = UnitChange.objects.create(
        unit=into,
        kind=UnitChangeKind.MERGED,
        date=on,
        new_name=into.name,
        recorded_by=by,
    )
    change.predecessors.set(sources)
    return into
