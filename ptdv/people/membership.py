"""Member movements: the only code that appends MemberEvent rows.

Each movement is checked, appended, and the member's cached fields and kept summaries
(ptdv.people.summary_rows) follow, in one transaction with the member row locked, so two
officers recording at once cannot interleave. Refusals are ValidationErrors with Vietnamese
messages; nothing is written.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ptdv.people import summary_rows
from ptdv.people.choices import LEAVING_EVENTS, MemberEventKind, MemberStatus
from ptdv.people.models import MemberEvent, PartyMember, Person

# Kinds an officer records on an existing member; admission and transfer-in start one.
MOVEMENT_KINDS = frozenset({MemberEventKind.RECOGNISED, MemberEventKind.TRANSFERRED} | LEAVING_EVENTS)


def _vn(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _check_date(on: date) -> None:
    if on > timezone.localdate():
        raise ValidationError({"date": _("Ngày %(d)s ở tương lai.") % {"d": _vn(on)}})


def _check_branch(branch, on: date) -> None:
    if not branch.is_branch:
        raise ValidationError({"branch": _("%(u)s không phải là chi bộ.") % {"u": branch.name}})
    if not branch.active_on(on):
        raise ValidationError(
            {"branch": _("Chi bộ %(u)s không hoạt động vào ngày %(d)s.") % {"u": branch.name, "d": _vn(on)}}
        )


MEMBER_MOVES_WITH_MEMBERSHIP = _lazy(
    "Đảng viên chỉ chuyển đơn vị quản lý cùng với sinh hoạt đảng: "
    "hãy ghi sự kiện “Chuyển chi bộ trong Đảng bộ” ở trang đảng viên."
)


def check_person_unit(person: Person, unit) -> None:
    """Refuse moving a member's person record on its own.

    The person's unit decides who sees their sensitive data, the membership's branch who
    sees the member: they stay together, and only `record(..., TRANSFERRED)` moves both.
    """
    moved = person.pk is not None and unit is not None and unit.pk != person.unit_id
    if moved and PartyMember.objects.filter(person=person).exists():
        raise ValidationError({"unit": MEMBER_MOVES_WITH_MEMBERSHIP})


def _start(person: Person, branch, on: date, kind, status, decision_no, by) -> PartyMember:
    _check_date(on)
    _check_branch(branch, on)
    member = PartyMember.objects.filter(person=person).first()
    if member is not None and not _start_reversed(member):
        raise ValidationError(_("%(p)s đã có hồ sơ đảng viên.") % {"p": person.full_name})
    # A membership whose start was undone as a mistake is started again on the same row
    # (one membership per person), its history kept.
    member = member or PartyMember(person=person)
    member.branch, member.status, member.left_on, member.official_on = branch, status, None, None
    member.admitted_on = on if kind == MemberEventKind.ADMITTED else None
    member.save()
    MemberEvent.objects.create(
        member=member,
        kind=kind,
        date=on,
        branch=branch,
        status_after=status,
        decision_no=decision_no,
        recorded_by=by,
    )
    summary_rows.refresh_member(member)
    _move_person(person, branch)
    return member


def _start_reversed(member: PartyMember) -> bool:
    """Whether the membership's start was undone: it stands as if never begun."""
    last = member.events.order_by("-date", "-id").first()
    return member.status == MemberStatus.LEFT and last is not None and last.kind == MemberEventKind.REVERSED


@transaction.atomic
def reverse(member: PartyMember, event: MemberEvent, *, note: str, by=None) -> MemberEvent:
    """Undo `event`, recorded by mistake, with a compensating event: the member stands where
    the event before it left them (no membership at all when `event` started it).

    Dated as the event it undoes, so counts on any day no longer see the mistake.
    """
    member = PartyMember.objects.select_for_update().get(pk=member.pk)
    last = member.events.order_by("-date", "-id").first()
    if last is None or last.pk != event.pk:
        raise ValidationError(_("Chỉ hủy được sự kiện ghi sau cùng của đảng viên."))
    before = member.events.exclude(pk=event.pk).order_by("-date", "-id").first()
    member.branch = before.branch if before else event.branch
    member.status = before.status_after if before else MemberStatus.LEFT
    if event.kind == MemberEventKind.RECOGNISED:
        member.official_on = None
    if member.status != MemberStatus.LEFT:
        member.left_on = None
    reversal = MemberEvent.objects.create(
        member=member,
        kind=MemberEventKind.REVERSED,
        date=event.date,
        branch=member.branch,
        status_after=member.status,
        note=note,
        recorded_by=by,
    )
    member.save()
    summary_rows.refresh_member(member)
    _move_person(member.person, member.branch)
    return reversal


def _move_person(person: Person, branch) -> None:
    """The person goes where the membership goes; an edit of the person opened before this
    move is now stale (ptdv.versioning), so it cannot write the old unit back."""
    if person.unit_id != branch.pk:
        person.unit = branch
        person.version += 1
        person.save(update_fields=["unit", "version", "search_name", "sort_key"])


@transaction.atomic
def admit(person: Person, branch, on: date, *, decision_no: str = "", by=None) -> PartyMember:
    """The admission ceremony: `person` becomes a probationary member of `branch` on `on`."""
    return _start(person, branch, on, MemberEventKind.ADMITTED, MemberStatus.PROBATIONARY, decision_no, by)


@transaction.atomic
def transfer_in(
    person: Person,
    branch,
    on: date,
    *,
    status: str,
    admitted_on: date | None = None,
    official_on: date | None = None,
    decision_no: str = "",
    by=None,
) -> PartyMember:
    """A member arriving from another party organisation outside the system."""
    member = _start(person, branch, on, MemberEventKind.TRANSFERRED_IN, status, decision_no, by)
    member.admitted_on = admitted_on
    member.official_on = official_on
    member.save(update_fields=["admitted_on", "official_on"])
    return member


@transaction.atomic
def record(
    member: PartyMember,
    kind: str,
    on: date,
    *,
    branch=None,
    decision_no: str = "",
    note: str = "",
    by=None,
) -> MemberEvent:
    """Append a movement (recognition, transfer, leaving) to `member`'s history."""
    member = PartyMember.objects.select_for_update().get(pk=member.pk)
    if kind not in MOVEMENT_KINDS:
        raise ValidationError({"kind": _("Loại sự kiện không hợp lệ.")})
    _check_date(on)
    last = member.events.order_by("-date", "-id").first()
    if member.status == MemberStatus.LEFT:
        raise ValidationError(_("Đảng viên đã ra khỏi Đảng bộ; không ghi thêm sự kiện."))
    if member.admitted_on and on < member.admitted_on:
        raise ValidationError(
            {
                "date": _("Ngày %(d)s trước ngày vào Đảng %(a)s.")
                % {"d": _vn(on), "a": _vn(member.admitted_on)}
            }
        )
    if last and on < last.date:
        raise ValidationError(
            {
                "date": _("Ngày %(d)s trước sự kiện gần nhất (%(e)s ngày %(l)s).")
                % {"d": _vn(on), "e": last.get_kind_display(), "l": _vn(last.date)}
            }
        )
    new_branch, status = member.branch, member.status
    if kind == MemberEventKind.RECOGNISED:
        if member.status != MemberStatus.PROBATIONARY:
            raise ValidationError(_("Chỉ đảng viên dự bị mới được công nhận chính thức."))
        status = MemberStatus.OFFICIAL
        member.official_on = on
    elif kind == MemberEventKind.TRANSFERRED:
        if branch is None:
            raise ValidationError({"branch": _("Hãy chọn chi bộ chuyển đến.")})
        if branch.pk == member.branch_id:
            raise ValidationError({"branch": _("Đảng viên đang sinh hoạt ở chi bộ này.")})
        _check_branch(branch, on)
        new_branch = branch
    else:
        status = MemberStatus.LEFT
        member.left_on = on
    event = MemberEvent.objects.create(
        member=member,
        kind=kind,
        date=on,
        branch=new_branch,
        status_after=status,
        decision_no=decision_no,
        note=note,
        recorded_by=by,
    )
    member.branch, member.status = new_branch, status
    member.save()
    summary_rows.refresh_member(member)
    _move_person(member.person, new_branch)
    return event
