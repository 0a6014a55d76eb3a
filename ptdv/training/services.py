"""Class acts: enrolling source cases and recording the class's results, each all or nothing.

Recording a passed result is what moves a case to AWARENESS ("Học lớp nhận thức về Đảng"):
the move then carries the class, its opening date and the certificate, exactly the record the
case page's own AWARENESS form asks for (ptdv.cases.forms.AwarenessForm), so the regulation
reads the certificate as it does for any case (ptdv.cases.facts). Enrolling moves nothing —
a person in the class has no certificate yet, and a case's events are never rewritten — but
it is judged by the same move's findings, so a person the move would refuse is told at once.

Every act is one transaction: a refusal of any person (named, in Vietnamese) writes nothing
of the batch.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ptdv import versioning
from ptdv.cases import transitions
from ptdv.regulation import Stage, blocking, format_vn, role_may_move
from ptdv.scope import COMMITTEE, ORGANIZER
from ptdv.training.models import AwarenessClass, Enrolment, Result

# Who organises classes: the organizing board and the commune committees (not a branch).
CLASS_ROLES = frozenset({ORGANIZER, COMMITTEE})


class BatchRefused(ValidationError):
    """Some people of a class act cannot be taken; one Vietnamese line per person."""


def may_organise(user) -> bool:
    return getattr(user, "role", None) in CLASS_ROLES


def stage_data(awareness_class: AwarenessClass, cert_no: str = "", cert_date=None) -> dict:
    """The AWARENESS record of the stage form (class, certificate) for a case of this class."""
    return {
        "class_name": awareness_class.name,
        "cert_no": cert_no,
        "cert_date": cert_date.isoformat() if cert_date else None,
    }


def _claim(awareness_class: AwarenessClass, version: int | None, by) -> AwarenessClass:
    """The class locked for this act, at the version the page was read on."""
    if not may_organise(by):
        raise ValidationError(_("Chỉ Ban Tổ chức và đảng ủy cơ sở ghi danh sách lớp."))
    locked = AwarenessClass.objects.select_for_update().select_related("unit").get(pk=awareness_class.pk)
    versioning.check(locked, version)
    return locked


def _bump(awareness_class: AwarenessClass, version: int) -> None:
    versioning.save(awareness_class, version)


def enrolment_problems(awareness_class: AwarenessClass, case, by) -> list[str]:
    """Why `case` cannot join the class, in Vietnamese; none when it can."""
    if case.stage != Stage.SOURCE:
        return [_("không còn ở giai đoạn nguồn (đang ở “%(s)s”).") % {"s": Stage(case.stage).label}]
    if not case.branch.path.startswith(awareness_class.unit.path):
        return [_("không thuộc đơn vị mở lớp (%(u)s).") % {"u": awareness_class.unit.name}]
    pending = Enrolment.objects.filter(case=case).filter(Q(result="") | Q(awareness_class=awareness_class))
    if other := pending.select_related("awareness_class").first():
        return [_("đã có tên trong lớp “%(c)s”.") % {"c": other.awareness_class.name}]
    if awareness_class.starts_on < case.opened_on:
        return [
            _("lớp khai giảng %(k)s, trước ngày vào nguồn %(o)s.")
            % {"k": format_vn(awareness_class.starts_on), "o": format_vn(case.opened_on)}
        ]
    if not role_may_move(by.role, Stage.SOURCE, Stage.AWARENESS):
        return [_("vai trò của bạn không được ghi bước “%(s)s”.") % {"s": Stage.AWARENESS.label}]
    findings = transitions.findings_for_move(
        case, Stage.AWARENESS, awareness_class.starts_on, stage_data(awareness_class), by=by
    )
    return [f.message for f in blocking(findings, Stage.AWARENESS)]


def _person_line(case, problems: list[str]) -> str:
    return f"{case.person.full_name}: {' '.join(problems)}"


@transaction.atomic
def enrol(awareness_class: AwarenessClass, cases, *, by, version: int | None) -> list[Enrolment]:
    """Put every case of `cases` into the class, or none of them, naming whoever cannot join."""
    awareness_class = _claim(awareness_class, version, by)
    cases = list(cases)
    if not cases:
        raise ValidationError(_("Hãy chọn ít nhất một người."))
    refused = [
        _person_line(case, problems)
        for case in cases
        if (problems := enrolment_problems(awareness_class, case, by))
    ]
    if refused:
        raise BatchRefused(refused)
    made = [
        Enrolment.objects.create(awareness_class=awareness_class, case=case, enrolled_by=by) for case in cases
    ]
    _bump(awareness_class, version)
    return made


@transaction.atomic
def record_results(awareness_class: AwarenessClass, rows, *, by, version: int | None) -> int:
    """Write each row (enrolment, result, certificate no., date); move every passed case to
    AWARENESS through ptdv.cases.transitions.move. All rows or none; returns how many moved.
    """
    awareness_class = _claim(awareness_class, version, by)
    if awareness_class.starts_on > timezone.localdate():
        raise ValidationError(
            _("Lớp khai giảng ngày %(d)s: chưa thể ghi kết quả.")
            % {"d": format_vn(awareness_class.starts_on)}
        )
    refused, moved = [], 0
    for enrolment, result, cert_no, cert_date in rows:
        if enrolment.moved:
            continue  # already in AWARENESS by this class: its certificate is on the case now
        enrolment.result, enrolment.cert_no, enrolment.cert_date = result, cert_no, cert_date
        if result == Result.PASSED:
            try:
                with transaction.atomic():
                    enrolment.event = transitions.move(
                        enrolment.case,
                        Stage.AWARENESS,
                        awareness_class.starts_on,
                        stage_data(awareness_class, cert_no, cert_date),
                        by=by,
                        version=enrolment.case.version,
                    )
            except ValidationError as error:
                refused.append(_person_line(enrolment.case, error.messages))
                continue
            moved += 1
        enrolment.save()
    if refused:
        raise BatchRefused(refused)
    _bump(awareness_class, version)
    return moved
