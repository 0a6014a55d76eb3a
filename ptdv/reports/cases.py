"""Case counts that reports read from the dated case events (never from `Case.stage`, which
is only today's cache): people sent to the awareness class in a period, and dossiers waiting
at the deciding body on a date. Both are one aggregate query over the branches given."""

from datetime import date

from django.db.models import OuterRef, Subquery

from ptdv.cases.models import Case, CaseEvent
from ptdv.regulation import Stage


def _standing(branch_ids):
    """Events of the cases of these branches that record a move (not undone, not an undo)."""
    return CaseEvent.objects.filter(
        case__branch_id__in=branch_ids, reverts__isnull=True, reverted_by__isnull=True
    )


def sent_to_awareness_class(branch_ids, start: date, end: date) -> int:
    """Quần chúng đi học lớp bồi dưỡng nhận thức về Đảng: cases that reached AWARENESS in the period."""
    events = _standing(branch_ids).filter(stage=Stage.AWARENESS, date__gte=start, date__lte=end)
    return events.values("case_id").distinct().count()


def last_stage(on: date):
    """Each case's stage by its last move on or before `on` (a subquery over its events): put
    on the cases asked about, so that it runs once a case, not once an event."""
    moves = CaseEvent.objects.filter(case=OuterRef("pk"), date__lte=on).order_by("-date", "-id")
    return Subquery(moves.values("stage")[:1])


def waiting_at_deciding_body(branch_ids, on: date) -> int:
    """Hồ sơ đang trình cấp có thẩm quyền: cases whose last move on or before `on` is SUBMITTED."""
    cases = Case.objects.filter(branch_id__in=branch_ids).annotate(stage_then=last_stage(on))
    return cases.filter(stage_then=Stage.SUBMITTED).count()
