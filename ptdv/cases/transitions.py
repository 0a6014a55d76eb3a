"""Opening a case and moving it along the path: the only code that appends case events.

Each move is checked against the path, the user's role, the order of dates, the case's
version (two officers moving the same case: one wins) and the regulation in force on the
act's date. A refusal writes nothing. Admission and recognition move the member records
(ptdv.people.membership) in the same transaction, and the case's kept deadlines and findings
(ptdv.cases.derived) are derived once, from what the act left, before it commits.
"""

from dataclasses import replace
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ptdv.cases import derived
from ptdv.cases import historical as paper
from ptdv.cases.facts import (
    branch_official_members,
    effective_events,
    facts_for,
    last_events,
    regulation_settings,
    with_committee_meeting,
)
from ptdv.cases.models import Case, CaseEvent
from ptdv.org.models import UnitKind
from ptdv.people import membership
from ptdv.people.choices import MemberEventKind
from ptdv.regulation import (
    CaseFacts,
    Finding,
    Stage,
    allowed_transitions,
    blocking,
    check_transition,
    format_vn,
    official_date,
    probation_end,
    role_may_move,
    version_on,
)
from ptdv.regulation.rules_meetings import branch_size, branch_vote
from ptdv.scope import ORGANIZER, can_edit


class TransitionRefused(ValidationError):
    """A move the regulation forbids; `findings` says why, with citations."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__([f"{f.message} ({f.citation})" if f.citation else f.message for f in findings])


def _refuse(message: str, **params):
    raise ValidationError(message % params if params else message)


def grassroots_branch(case: Case) -> bool:
    return case.branch.kind == UnitKind.GRASSROOTS_BRANCH


@transaction.atomic
@derived.deferring
def open_case(
    person,
    branch,
    on: date,
    *,
    by,
    source_organisation: str,
    source_category: str,
    helper=None,
    historical: bool = False,
    **flags,
) -> Case:
    """Put `person` into the source (nguồn) of `branch`; DUPLICATE_PERSON refuses a second path.

    `historical` marks a case whose acts were done on paper (ptdv.cases.historical decides who
    may and for which dates).
    """
    if historical:
        paper.check_may_mark(branch, on, by)
    if not branch.is_branch or not branch.active_on(on):
        _refuse(_("Hồ sơ phải thuộc một chi bộ đang hoạt động vào ngày %(d)s."), d=format_vn(on))
    if on > timezone.localdate():
        _refuse(_("Ngày %(d)s ở tương lai."), d=format_vn(on))
    case = Case(
        person=person,
        branch=branch,
        opened_on=on,
        source_organisation=source_organisation,
        source_category=source_category,
        helper=helper,
        historical=historical,
        created_by=by,
        **flags,
    )
    if duplicate := _duplicate_person(case, on, by):
        raise TransitionRefused(duplicate)
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:
        # A simultaneous opening for the same person won (constraint one_open_case_per_person):
        # now committed, it gives the loser the same refusal as a sequential duplicate.
        if duplicate := _duplicate_person(case, on, by):
            raise TransitionRefused(duplicate) from None
        _refuse(_("Người này đang có một hồ sơ mở; hãy liên hệ Ban Tổ chức cấp trên."))
    CaseEvent.objects.create(
        case=case,
        stage=Stage.SOURCE,
        date=on,
        recorded_by=by,
        data={
            "source_organisation": source_organisation,
            "source_category": source_category,
            "helper": helper.pk if helper else None,
        },
    )
    return case


def _duplicate_person(case: Case, on: date, by) -> list[Finding]:
    """DUPLICATE_PERSON for opening `case`, in the words `by` may read (ptdv.cases.facts).

    Judged as a new case even when historical: a person never has two paths at once.
    """
    facts = replace(facts_for(case, viewer=by), historical=False)
    found = blocking(check_transition(facts, Stage.SOURCE, on, regulation_settings()), Stage.SOURCE)
    return [f for f in found if f.code == "DUPLICATE_PERSON"]


def judge_move(case: Case, target: Stage, on: date, data: dict, *, by) -> tuple[CaseFacts, list[Finding]]:
    """The facts `by` moving `case` to `target` by an act on `on` is judged on, and every
    finding (errors and warnings) on them: the move's judgement, and the case page's checklist
    (ptdv.cases.checklist), so that the page and the move cannot disagree.

    They block nothing only for a paper act of a historical case (ptdv.cases.historical).
    """
    settings = regulation_settings()
    as_history = paper.recorded_as_history(case, on, by)
    meeting = {**data, "date": on} if target == Stage.BRANCH_RESOLVED else None
    facts = replace(facts_for(case, meeting=meeting, viewer=by), historical=as_history)
    if target in (Stage.COMMITTEE_RESOLVED, Stage.DECIDED) and "members" in data:
        facts = with_committee_meeting(facts, {**data, "date": on})
    if target == Stage.RECOGNITION_PROPOSED:
        return facts, _recognition_meeting(case, facts, on, data)
    return facts, check_transition(facts, target, on, settings)


def findings_for_move(case: Case, target: Stage, on: date, data: dict, *, by) -> list[Finding]:
    """Every finding for `by` moving `case` to `target` by an act on `on` (judge_move)."""
    return judge_move(case, target, on, data, by=by)[1]


def _recognition_meeting(case: Case, facts: CaseFacts, on: date, data: dict) -> list[Finding]:
    """The branch meeting on recognition follows the size and two-thirds rules too."""
    version = version_on(on)
    if version is None:
        return check_transition(facts, Stage.RECOGNITION_PROPOSED, on, regulation_settings())
    meeting = replace(
        facts,
        branch_meeting_date=on,
        branch_official_members=branch_official_members(case.branch_id, on),
        summoned_official_members=data.get("summoned"),
        votes_for=data.get("votes_for"),
    )
    found = branch_size(meeting, on, version, regulation_settings()) + branch_vote(
        meeting, on, version, regulation_settings()
    )
    blocks = () if facts.historical else (Stage.RECOGNITION_PROPOSED,)
    return [replace(f, blocks=blocks) for f in found]


def check_preconditions(case: Case, target: Stage, on: date, *, by, reason: str = "") -> None:
    """What `move` refuses before the regulation is asked (the path, the role, the dates, a
    reason for closing): also the first answer of a previewed move (ptdv.api.cases)."""
    current = Stage(case.stage)
    if target not in allowed_transitions(current, grassroots_branch(case)):
        _refuse(_("Không thể chuyển hồ sơ từ “%(a)s” sang “%(b)s”."), a=current.label, b=target.label)
    if not role_may_move(by.role, current, target):
        _refuse(_("Vai trò của bạn không được ghi bước “%(b)s”."), b=target.label)
    last = effective_events(case)[-1] if case.events.exists() else None
    if on > timezone.localdate():
        _refuse(_("Ngày %(d)s ở tương lai."), d=format_vn(on))
    if last and on < last.date:
        _refuse(
            _("Ngày %(d)s trước ngày của bước trước (%(s)s, %(l)s)."),
            d=format_vn(on),
            s=Stage(last.stage).label,
            l=format_vn(last.date),
        )
    if target in (Stage.WITHDRAWN, Stage.NOT_ADMITTED, Stage.REMOVED) and not reason.strip():
        _refuse(_("Hãy ghi lý do."))
    if target == Stage.RECOGNITION_PROPOSED and on < probation_end(case.member.admitted_on):
        _refuse(
            _("Chưa hết 12 tháng dự bị (đến %(d)s)."), d=format_vn(probation_end(case.member.admitted_on))
        )


@transaction.atomic
@derived.deferring
def move(case: Case, target: str, on: date, data: dict, *, by, version: int, reason: str = "") -> CaseEvent:
    """Record the act that moves `case` to `target`; refuse with a Vietnamese message otherwise."""
    case = Case.objects.select_for_update().select_related("branch", "person").get(pk=case.pk)
    if case.version != version:
        _refuse(_("Hồ sơ vừa được người khác cập nhật; hãy tải lại trang và kiểm tra trước khi ghi."))
    target = Stage(target)
    check_preconditions(case, target, on, by=by, reason=reason)
    blockers = blocking(findings_for_move(case, target, on, data, by=by), target)
    if blockers:
        raise TransitionRefused(blockers)
    _member_side_effects(case, target, on, data, by, reason)
    event = CaseEvent.objects.create(
        case=case, stage=target, date=on, data=data, reason=reason, recorded_by=by
    )
    case.stage = target
    case.version += 1
    case.save()
    return event


def _member_side_effects(case: Case, target: Stage, on: date, data: dict, by, reason: str) -> None:
    """The ceremony makes a probationary member; recognition an official one; removal ends it."""
    if target == Stage.PROBATION:
        decided = last_events(case).get(Stage.DECIDED)
        case.member = membership.admit(
            case.person,
            case.branch,
            on,
            decision_no=decided.data.get("decision_no", "") if decided else "",
            by=by,
        )
    elif target == Stage.OFFICIAL:
        # Official from the end of probation, even when the decision comes later.
        membership.record(
            case.member,
            MemberEventKind.RECOGNISED,
            official_date(case.member.admitted_on),
            decision_no=data.get("decision_no", ""),
            by=by,
        )
    elif target == Stage.REMOVED:
        membership.record(case.member, MemberEventKind.REMOVED, on, note=reason, by=by)


def may_undo(case: Case, user) -> CaseEvent | None:
    """The move `user` may undo on `case`: the last one in force, by an organizer, or by the
    user who recorded it on the same day; None when there is none."""
    events = effective_events(case)
    last = events[-1] if events else None
    if last is None or last.stage == Stage.SOURCE or not can_edit(user):
        return None
    own_today = (
        last.recorded_by_id == user.pk and timezone.localdate(last.recorded_at) == timezone.localdate()
    )
    return last if user.role == ORGANIZER or own_today else None


@transaction.atomic
@derived.deferring
def undo(case: Case, reason: str, *, by, version: int) -> CaseEvent:
    """Undo the last move, recorded by mistake: a compensating event returns the case to the
    stage before it and reverses what the move did to the member records. Nothing is deleted;
    the regulation reads the case without both events from now on (ptdv.cases.facts)."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("branch", "person", "member")
        .get(pk=case.pk)
    )
    if case.version != version:
        _refuse(_("Hồ sơ vừa được người khác cập nhật; hãy tải lại trang và kiểm tra trước khi ghi."))
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do hủy bước.")})
    undone = may_undo(case, by)
    if undone is None:
        _refuse(
            _(
                "Không hủy được bước này: chỉ Ban Tổ chức, hoặc người đã ghi bước trong cùng ngày, "
                "được hủy bước ghi sau cùng của hồ sơ."
            )
        )
    back_to = Stage(effective_events(case)[-2].stage)
    _undo_member_side_effects(case, Stage(undone.stage), reason, by)
    event = CaseEvent.objects.create(
        case=case,
        stage=back_to,
        date=timezone.localdate(),
        reason=reason.strip(),
        reverts=undone,
        recorded_by=by,
    )
    case.stage = back_to
    case.version += 1
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:
        # Reopening a closed case while the person has another open one (one_open_case_per_person).
        _refuse(_("Người này đang có một hồ sơ mở khác; không mở lại hồ sơ này được."))
    return event


def _undo_member_side_effects(case: Case, undone: Stage, reason: str, by) -> None:
    """Reverse what the undone move did to the member records (see _member_side_effects)."""
    if undone not in (Stage.PROBATION, Stage.OFFICIAL, Stage.REMOVED) or case.member is None:
        return
    last = case.member.events.order_by("-date", "-id").first()
    note = _("Hủy bước “%(s)s” ghi nhầm ở hồ sơ phát triển đảng viên: %(r)s") % {
        "s": undone.label,
        "r": reason,
    }
    membership.reverse(case.member, last, note=note, by=by)
    if undone == Stage.PROBATION:
        case.member = None
