"""Pages of development cases: the pipeline board, the case page, moves, and "việc cần làm"."""

from datetime import date
from typing import NamedTuple

from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Count, F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ptdv import changes
from ptdv.audit.models import ReadChannel
from ptdv.audit.reads import record_reads
from ptdv.cases import checklist as checklists
from ptdv.cases import forms as case_forms
from ptdv.cases import records, transitions
from ptdv.cases.deadlines import case_deadlines, deadline_rows, due_item, working_calendar
from ptdv.cases.facts import effective_events, in_scope, other_path
from ptdv.cases.models import OPEN_STAGES, Case, CaseDeadline, CaseEvent, Introduction, SourceCategory
from ptdv.org.models import Unit
from ptdv.people.models import PartyMember
from ptdv.regulation import PATH, Stage, allowed_transitions, next_stage, role_may_move
from ptdv.scope import VERIFICATION_ROLES, can_edit
from ptdv.web import exports
from ptdv.web.views import paperwork
from ptdv.web.views.common import apply, require_editor, scoped_get

CARDS_PER_COLUMN = 30


class BoardQuery(NamedTuple):
    """The board as the user's filters leave it: one builder for the page and its exports."""

    cases: QuerySet  # every filter applied, any stage (the columns count in it)
    unit: Unit | None
    stages: list[Stage]  # the columns shown
    overdue_only: bool
    today: date

    @property
    def shown(self) -> QuerySet:
        """The cases of the columns shown: what the board's export holds."""
        return self.cases.filter(stage__in=[s.value for s in self.stages])


def board_query(request) -> BoardQuery:
    """The user's cases narrowed by `unit=` (404 outside scope), `category=`, `overdue=1`
    and `stage=` (one open stage; every open stage without it)."""
    cases = Case.objects.visible_to(request.user)
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = scoped_get(request, Unit, int(request.GET["unit"]))
        cases = cases.filter(branch__path__startswith=unit.path)
    if request.GET.get("category") in SourceCategory.values:
        cases = cases.filter(source_category=request.GET["category"])
    today = timezone.localdate()
    overdue_only = request.GET.get("overdue") == "1"
    if overdue_only:
        cases = cases.filter(pk__in=deadline_rows(cases, today, "overdue").order_by().values("case_id"))
    stages = [s for s in PATH if s.value in OPEN_STAGES]
    if request.GET.get("stage") in OPEN_STAGES:
        stages = [Stage(request.GET["stage"])]
    return BoardQuery(cases, unit, stages, overdue_only, today)


@login_required
def board(request):
    """Columns by stage with counts; cards with person, branch, next deadline and findings.

    Every filter, "Chỉ hồ sơ quá hạn" included, narrows the cases before they are counted and
    cut to CARDS_PER_COLUMN, so a column's count is the number of cases the filter lets through.
    The deadlines and findings are the kept ones (ptdv.cases.derived): no card is judged here.
    """
    cases, unit, stages, overdue_only, today = board_query(request)
    counts = dict(cases.values_list("stage").annotate(n=Count("id")).order_by())
    open_stages = [s for s in PATH if s.value in OPEN_STAGES]
    calendar = working_calendar()
    cards: dict[str, list] = {}
    for case in _cards(cases, stages):
        due = case.open_deadlines
        notes = checklists.merged([row.finding for row in case.kept_findings.all()])
        next_due = due_item(due[0], today, calendar) if due else None
        cards.setdefault(case.stage, []).append({"case": case, "next": next_due, "findings": notes})
    columns = [
        {"stage": stage, "count": counts.get(stage.value, 0), "cards": cards.get(stage.value, [])}
        for stage in stages
    ]
    return render(
        request,
        "web/board.html",
        {
            "columns": columns,
            "unit": unit,
            "categories": SourceCategory.choices,
            "stages": stages,
            "filters": request.GET,
            "overdue_only": overdue_only,
            "total": sum(c["count"] for c in columns),
            "open_stages": open_stages,
            "exports": exports.links(request, "web:board-export"),
        },
    )


def _cards(cases, stages) -> list[Case]:
    """The first CARDS_PER_COLUMN cases of each stage, in the board's order: one query for
    every column (a window numbering each stage's cases), one for their kept findings and one
    for their deadlines not met, however many cases there are."""
    order = [F(name[1:]).desc() if name.startswith("-") else F(name).asc() for name in Case._meta.ordering]
    ranked = cases.filter(stage__in=[s.value for s in stages]).annotate(
        rank=Window(RowNumber(), partition_by=F("stage"), order_by=order)
    )
    return list(
        ranked.filter(rank__lte=CARDS_PER_COLUMN)
        .select_related("person", "branch")
        .prefetch_related(
            "kept_findings",
            Prefetch(
                "kept_deadlines",
                queryset=CaseDeadline.objects.filter(met_on__isnull=True).order_by("id"),
                to_attr="open_deadlines",
            ),
        )
    )


def _next_moves(user, case):
    current = Stage(case.stage)
    allowed = allowed_transitions(current, transitions.grassroots_branch(case))
    return [
        s
        for s in [*PATH, Stage.WITHDRAWN, Stage.NOT_ADMITTED, Stage.REMOVED]
        if s in allowed and role_may_move(user.role, current, s)
    ]


def _event_details(event) -> list[tuple[str, str]]:
    """The event's record as (label, value) pairs, labelled by the stage's own form."""
    fields = case_forms.STAGE_FORMS.get(Stage(event.stage), case_forms.StageForm).base_fields
    details = []
    for name, value in event.data.items():
        if name not in fields or value in (None, "", False):
            continue
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            value = f"{value[8:]}/{value[5:7]}/{value[:4]}"
        details.append((fields[name].label, "có" if value is True else value))
    return details


def _initial(case) -> dict:
    deciding = case.branch.deciding_unit()
    return {"version": case.version, "receiving_body": deciding.name if deciding else ""}


class Row(NamedTuple):
    record: object
    edit_form: object
    void_form: object
    failed: str  # "edit" or "void" when that form was just refused, to show it open


def _rows(request, case, kind, records_in_order, failed) -> list[Row]:
    """Each checklist record with its correction and withdrawal forms (open ones only)."""
    rows = []
    for item in records_in_order:
        edit = void = None
        if not item.voided and can_edit(request.user) and case.is_open:
            prefix = f"r{item.pk}"
            edit = RECORDS[kind].form(instance=item, user=request.user, case=case, prefix=prefix)
            void = case_forms.VoidForm(prefix=f"v{item.pk}", initial={"version": item.version})
        which = ""
        if failed and failed["record"] == (kind, item.pk):
            which = failed["key"]
            edit, void = (failed["form"], void) if which == "edit" else (edit, failed["form"])
        rows.append(Row(item, edit, void, which))
    return rows


def _timeline(case) -> list[tuple]:
    """Every event with its details, whether a later correction undid it, and what it undid."""
    events = list(case.events.all())
    undone = {e.reverts_id for e in events if e.reverts_id}
    return [(e, _event_details(e), e.pk in undone) for e in events]


def _undo_form(user, case, bound):
    """The form undoing the last move, when `user` may (transitions.may_undo)."""
    last = transitions.may_undo(case, user)
    if last is None and bound is None:
        return None
    form = bound or case_forms.UndoForm(prefix="undo", initial={"version": case.version})
    # A refused undo is shown with its reason, even when no move may be undone any more.
    return {"event": last or effective_events(case)[-1], "form": form}


def _case_context(request, case, bound=None, failed=None, undo_form=None):
    record_reads(request, [case.person_id], ReadChannel.PAGE)
    today = timezone.localdate()
    moves = []
    initial = _initial(case)
    for stage in _next_moves(request.user, case):
        form_class = case_forms.STAGE_FORMS[stage]
        form = (
            bound
            if bound is not None and bound.prefix == stage.value
            else form_class(prefix=stage.value, initial=initial)
        )
        moves.append({"stage": stage, "form": form})
    return {
        "case": case,
        "events": _timeline(case),
        "undo": _undo_form(request.user, case, undo_form),
        "documents": _rows(request, case, "giay-to", case.documents.all(), failed),
        "relatives": _rows(request, case, "tham-tra", case.relatives.all(), failed),
        "introductions": _rows(request, case, "gioi-thieu", case.introductions.all(), failed),
        "checklist": _checklist(request, case, bound, today),
        "deadlines": case_deadlines(case, today, working_calendar()),
        "moves": moves,
        "editable": can_edit(request.user) and case.is_open,
        "sees_verification": request.user.role in VERIFICATION_ROLES,
        "document_form": case_forms.DocumentForm(user=request.user),
        "relative_form": case_forms.RelativeForm(user=request.user),
        "introduction_form": case_forms.IntroductionForm(user=request.user, case=case),
        "history": changes.versions(request.user, case.history),
        **paperwork.case_section(request, case),
    }


def _checklist(request, case, bound, today):
    """The next step's checklist; once that step was typed and refused, judged on what was
    typed (its date and meeting numbers), exactly as the refused move was."""
    typed = getattr(bound, "cleaned_data", None) if bound is not None else None
    if not (typed and typed.get("date") and bound.prefix == _next_step(case)):
        return checklists.for_case(case, today, by=request.user)
    # Field errors: the move was not tried, so its own numbers are not judged yet.
    tried = all(name == NON_FIELD_ERRORS for name in bound.errors)
    data = bound.stage_data() if tried else None
    return checklists.for_case(case, typed["date"], by=request.user, data=data)


def _next_step(case) -> str | None:
    following = next_stage(Stage(case.stage), transitions.grassroots_branch(case))
    return following.value if following else None


def with_records(cases):
    """A case with everything its page reads, each relation in one query: the timeline, the
    checklist and the rules all read these (ptdv.cases.facts filters them in Python)."""
    return cases.select_related("person", "branch", "member").prefetch_related(
        Prefetch("events", queryset=CaseEvent.objects.select_related("recorded_by", "reverts")),
        "documents",
        "relatives",
        Prefetch("introductions", queryset=Introduction.objects.select_related("introducer__person")),
    )


@login_required
def case_detail(request, pk):
    case = scoped_get(request, Case, pk, with_records(Case.objects))
    return render(request, "web/case_detail.html", _case_context(request, case))


REFUSED_SEE_CHECKLIST = _(
    "Chưa ghi được: hồ sơ chưa đủ điều kiện theo quy định; xem từng mục còn thiếu "
    "hoặc chưa đạt ở phần “Cần có cho bước tiếp theo”."
)


@login_required
@require_POST
def case_move(request, pk, stage):
    case = scoped_get(request, Case, pk, Case.objects.select_related("person", "branch", "member"))
    require_editor(request)
    if stage not in case_forms.STAGE_FORMS:
        return redirect("web:case", pk=case.pk)
    form = case_forms.STAGE_FORMS[Stage(stage)](request.POST, prefix=stage)

    def record(data):
        try:
            transitions.move(
                case,
                stage,
                data["date"],
                form.stage_data(),
                by=request.user,
                version=data["version"],
                reason=data.get("reason", ""),
            )
        except transitions.TransitionRefused:
            if stage != _next_step(case):
                raise
            # The checklist above the form lists each finding, judged the same way: say it once.
            raise ValidationError(REFUSED_SEE_CHECKLIST) from None

    if apply(request, form, record):
        return redirect("web:case", pk=case.pk)
    case.refresh_from_db()
    return render(request, "web/case_detail.html", _case_context(request, case, bound=form), status=400)


@login_required
def case_new(request):
    require_editor(request)
    form = case_forms.CaseOpenForm(request.POST or None, user=request.user)
    created = {}

    def open_case(data):
        flags = {k: data[k] for k in ("hardship_area", "youth_union_exists", "historical")}
        created["case"] = transitions.open_case(
            data["person"],
            data["branch"],
            data["date"],
            by=request.user,
            helper=data["helper"],
            source_organisation=data["source_organisation"],
            source_category=data["source_category"],
            **flags,
        )

    if request.method == "POST" and apply(request, form, open_case):
        return redirect("web:case", pk=created["case"].pk)
    context = {"form": form, "other_path": _other_path_url(request.user, form)}
    return render(request, "web/case_form.html", context, status=400 if request.method == "POST" else 200)


def _other_path_url(user, form) -> str | None:
    """After a DUPLICATE_PERSON refusal, a link to the person's other case or membership,
    when it is in the user's scope (otherwise the refusal names nothing)."""
    person = getattr(form, "cleaned_data", {}).get("person")
    other = other_path(person) if form.errors and person else None
    if other is None or not in_scope(other, user):
        return None
    return reverse("web:member" if isinstance(other, PartyMember) else "web:case", args=[other.pk])


class RecordKind(NamedTuple):
    form: type
    context_name: str  # the empty form's name in the page's context
    related: str  # the case's related name for these records


# URL word → what the page records under it.
RECORDS = {
    "giay-to": RecordKind(case_forms.DocumentForm, "document_form", "documents"),
    "tham-tra": RecordKind(case_forms.RelativeForm, "relative_form", "relatives"),
    "gioi-thieu": RecordKind(case_forms.IntroductionForm, "introduction_form", "introductions"),
}


def _open_case_for_edit(request, pk, kind):
    case = scoped_get(request, Case, pk, Case.objects.select_related("person", "branch", "member"))
    require_editor(request)
    if kind not in RECORDS:
        raise Http404
    return case


@login_required
@require_POST
def case_record(request, pk, kind):
    """Add a checklist record to an open case: a document, a verification, an introduction."""
    case = _open_case_for_edit(request, pk, kind)
    if not case.is_open:
        return redirect("web:case", pk=case.pk)
    spec = RECORDS[kind]
    form = spec.form(request.POST, user=request.user, case=case)

    def create(data):
        records.add(case, spec.related, data, by=request.user)

    if apply(request, form, create):
        return redirect("web:case", pk=case.pk)
    context = _case_context(request, case)
    context[spec.context_name] = form
    return render(request, "web/case_detail.html", context, status=400)


def _record(case, kind, record_pk):
    """One record of the case, 404 if it belongs to another case (the case was scoped)."""
    return get_object_or_404(getattr(case, RECORDS[kind].related).all(), pk=record_pk)


@login_required
@require_POST
def case_record_edit(request, pk, kind, record):
    """Correct a checklist record, on the version the page showed."""
    case = _open_case_for_edit(request, pk, kind)
    item = _record(case, kind, record)
    form = RECORDS[kind].form(request.POST, instance=item, user=request.user, case=case, prefix=f"r{item.pk}")
    changes = {}

    def correct(data):
        changes.update({k: v for k, v in data.items() if k != "version"})
        records.correct(item, changes, data.get("version"), by=request.user)

    return _after(request, case, form, correct, ("edit", kind, item.pk))


@login_required
@require_POST
def case_record_void(request, pk, kind, record):
    """Withdraw a checklist record with a reason; it stays in the history."""
    case = _open_case_for_edit(request, pk, kind)
    item = _record(case, kind, record)
    form = case_forms.VoidForm(request.POST, prefix=f"v{item.pk}")

    def withdraw(data):
        records.void(item, data["reason"], data["version"], by=request.user)

    return _after(request, case, form, withdraw, ("void", kind, item.pk))


def _after(request, case, form, action, failed):
    """Back to the case page when `action` succeeded; the page with the refused form otherwise."""
    if apply(request, form, action):
        return redirect("web:case", pk=case.pk)
    key, kind, record_pk = failed
    context = _case_context(request, case, failed={"key": key, "record": (kind, record_pk), "form": form})
    return render(request, "web/case_detail.html", context, status=400)


@login_required
@require_POST
def case_undo(request, pk):
    """Undo the last move, recorded by mistake, with a reason (transitions.undo)."""
    case = scoped_get(request, Case, pk, Case.objects.select_related("person", "branch", "member"))
    require_editor(request)
    form = case_forms.UndoForm(request.POST, prefix="undo")

    def undo(data):
        transitions.undo(case, data["reason"], by=request.user, version=data["version"])

    if apply(request, form, undo):
        return redirect("web:case", pk=case.pk)
    case.refresh_from_db()
    return render(request, "web/case_detail.html", _case_context(request, case, undo_form=form), status=400)
