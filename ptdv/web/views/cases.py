"""Pages of development cases: the pipeline board, the case page, moves, and "việc cần làm"."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ptdv import changes
from ptdv.audit.models import ReadChannel
from ptdv.audit.reads import record_reads
from ptdv.cases import forms as case_forms
from ptdv.cases import transitions
from ptdv.cases.deadlines import case_deadlines, due_items, working_calendar
from ptdv.cases.facts import facts_for, in_scope, other_path, regulation_settings
from ptdv.cases.models import OPEN_STAGES, Case, CaseEvent, DossierDocument, SourceCategory
from ptdv.org.models import BRANCH_KINDS, Unit
from ptdv.people.models import PartyMember
from ptdv.regulation import PATH, Stage, allowed_transitions, blocking, check, role_may_move
from ptdv.scope import VERIFICATION_ROLES, can_edit
from ptdv.web.views.common import apply, require_editor, scoped_get

CARDS_PER_COLUMN = 30


def _filtered(request):
    cases = Case.objects.visible_to(request.user)
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = scoped_get(request, Unit, int(request.GET["unit"]))
        cases = cases.filter(branch__path__startswith=unit.path)
    if request.GET.get("category") in SourceCategory.values:
        cases = cases.filter(source_category=request.GET["category"])
    return cases, unit


@login_required
def board(request):
    """Columns by stage with counts; cards with person, branch, next deadline and findings."""
    cases, unit = _filtered(request)
    today = timezone.localdate()
    counts = dict(cases.values_list("stage").annotate(n=Count("id")).order_by())
    stages = [s for s in PATH if s.value in OPEN_STAGES]
    if request.GET.get("stage") in OPEN_STAGES:
        stages = [Stage(request.GET["stage"])]
    calendar = working_calendar()
    overdue_only = request.GET.get("overdue") == "1"
    columns = []
    for stage in stages:
        cards = []
        for case in _cards(cases.filter(stage=stage)):
            due = [i for i in case_deadlines(case, today, calendar) if i.status != "done"]
            if overdue_only and not any(i.status == "overdue" for i in due):
                continue
            findings = check(facts_for(case, viewer=request.user), today, regulation_settings())
            cards.append({"case": case, "next": due[0] if due else None, "findings": findings})
        columns.append({"stage": stage, "count": counts.get(stage.value, 0), "cards": cards})
    return render(
        request,
        "web/board.html",
        {
            "columns": columns,
            "unit": unit,
            "categories": SourceCategory.choices,
            "stages": stages,
            "filters": request.GET,
            "units": Unit.objects.visible_to(request.user)
            .exclude(kind__in=BRANCH_KINDS)
            .filter(valid_to__isnull=True),
            "open_stages": [s for s in PATH if s.value in OPEN_STAGES],
        },
    )


def _cards(cases):
    return cases.select_related("person", "branch").prefetch_related(
        Prefetch("events", queryset=CaseEvent.objects.order_by("date", "id")),
        "documents",
        "relatives",
        "introductions__introducer__person",
    )[:CARDS_PER_COLUMN]


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


# Decided by the numbers typed into the move's own form, so not known beforehand.
MEETING_CODES = {"BRANCH_VOTE", "COMMITTEE_VOTE"}


def _blocked_on(case, stage, on, user):
    """What would block the move if its act were dated `on`: the warning shown before it,
    judged on the same facts as the move itself (transitions.findings_for_move)."""
    found = blocking(transitions.findings_for_move(case, stage, on, {}, by=user), stage)
    return [f for f in found if f.code not in MEETING_CODES]


def _initial(case) -> dict:
    deciding = case.branch.deciding_unit()
    return {"version": case.version, "receiving_body": deciding.name if deciding else ""}


def _case_context(request, case, bound=None):
    record_reads(request, [case.person_id], ReadChannel.PAGE)
    today = timezone.localdate()
    facts = facts_for(case, viewer=request.user)
    findings = check(facts, today, regulation_settings())
    moves = []
    for stage in _next_moves(request.user, case):
        form_class = case_forms.STAGE_FORMS[stage]
        form = (
            bound
            if bound is not None and bound.prefix == stage.value
            else form_class(prefix=stage.value, initial=_initial(case))
        )
        # Once a date was typed (and refused), judge the warning on that date, not today.
        typed = form.cleaned_data.get("date") if form.is_bound and hasattr(form, "cleaned_data") else None
        blocked = _blocked_on(case, stage, typed or today, request.user)
        moves.append({"stage": stage, "form": form, "blocked": blocked})
    return {
        "case": case,
        "events": [(e, _event_details(e)) for e in case.events.select_related("recorded_by")],
        "documents": case.documents.all(),
        "relatives": case.relatives.all(),
        "introductions": case.introductions.select_related("introducer__person"),
        "findings": findings,
        "deadlines": case_deadlines(case, today, working_calendar()),
        "moves": moves,
        "editable": can_edit(request.user) and case.is_open,
        "sees_verification": request.user.role in VERIFICATION_ROLES,
        "document_form": case_forms.DocumentForm(user=request.user),
        "relative_form": case_forms.RelativeForm(user=request.user),
        "introduction_form": case_forms.IntroductionForm(user=request.user, case=case),
        "history": changes.versions(request.user, case.history),
    }


@login_required
def case_detail(request, pk):
    case = scoped_get(request, Case, pk, Case.objects.select_related("person", "branch", "member"))
    return render(request, "web/case_detail.html", _case_context(request, case))


@login_required
@require_POST
def case_move(request, pk, stage):
    case = scoped_get(request, Case, pk, Case.objects.select_related("person", "branch", "member"))
    require_editor(request)
    if stage not in case_forms.STAGE_FORMS:
        return redirect("web:case", pk=case.pk)
    form = case_forms.STAGE_FORMS[Stage(stage)](request.POST, prefix=stage)

    def record(data):
        transitions.move(
            case,
            stage,
            data["date"],
            form.stage_data(),
            by=request.user,
            version=data["version"],
            reason=data.get("reason", ""),
        )

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


# URL word → (form, its name in the page's context, how to record it).
RECORDS = {
    "giay-to": (
        case_forms.DocumentForm,
        "document_form",
        lambda case, d, by: DossierDocument.objects.create(case=case, recorded_by=by, **d),
    ),
    "tham-tra": (case_forms.RelativeForm, "relative_form", lambda case, d, by: case.relatives.create(**d)),
    "gioi-thieu": (
        case_forms.IntroductionForm,
        "introduction_form",
        lambda case, d, by: case.introductions.create(**d),
    ),
}


@login_required
@require_POST
def case_record(request, pk, kind):
    """Add a checklist record to an open case: a document, a verification, an introduction."""
    case = scoped_get(request, Case, pk, Case.objects.select_related("person", "branch", "member"))
    require_editor(request)
    if kind not in RECORDS or not case.is_open:
        return redirect("web:case", pk=case.pk)
    form_class, name, create = RECORDS[kind]
    form = form_class(request.POST, user=request.user, case=case)
    if apply(request, form, lambda data: create(case, data, request.user)):
        return redirect("web:case", pk=case.pk)
    context = _case_context(request, case)
    context[name] = form
    return render(request, "web/case_detail.html", context, status=400)


@login_required
def todo(request):
    """Việc cần làm: due and overdue deadlines in the user's scope, soonest first."""
    items = due_items(Case.objects.visible_to(request.user), timezone.localdate())
    return render(request, "web/todo.html", {"items": items})
