"""Pages of the awareness classes (/lop-boi-duong/): thin — scope, parse, call the service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render

from ptdv.cases.models import Case
from ptdv.org.models import Unit
from ptdv.people.names import fold
from ptdv.regulation import Stage
from ptdv.training import forms, listing, services
from ptdv.training.models import AwarenessClass
from ptdv.web.views.common import apply, scoped_get

# A district-wide class can have hundreds of people waiting: the page shows this many, and the
# filters find the rest, so it stays light on a phone.
SHOWN = 200
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _class(request, pk) -> AwarenessClass:
    return scoped_get(request, AwarenessClass, pk, AwarenessClass.objects.select_related("unit"))


def _require_organiser(request) -> None:
    if not services.may_organise(request.user):
        raise PermissionDenied


@login_required
def class_list(request):
    classes = (
        AwarenessClass.objects.visible_to(request.user)
        .select_related("unit")
        .annotate(enrolled=Count("enrolments"))
    )
    context = {"classes": classes, "may_organise": services.may_organise(request.user)}
    return render(request, "training/list.html", context)


@login_required
def class_new(request):
    _require_organiser(request)
    form = forms.ClassForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        made = form.save(commit=False)
        made.created_by = request.user
        made.save()
        messages.success(request, "Đã mở lớp.")
        return redirect("training:class", pk=made.pk)
    return render(
        request, "training/form.html", {"form": form}, status=400 if request.method == "POST" else 200
    )


@login_required
def class_detail(request, pk):
    awareness_class = _class(request, pk)
    context = {
        "c": awareness_class,
        "enrolments": listing.enrolments(awareness_class),
        "may_organise": services.may_organise(request.user),
    }
    return render(request, "training/detail.html", context)


def _candidates(request, awareness_class, filters):
    """Source cases of the organiser's subtree not in a class yet, narrowed by the filters."""
    cases = (
        Case.objects.visible_to(request.user)
        .filter(stage=Stage.SOURCE, branch__path__startswith=awareness_class.unit.path)
        .exclude(enrolments__result="")
        .exclude(enrolments__awareness_class=awareness_class)
        .select_related("person", "branch")
    )
    if filters.is_valid():
        if folded := fold(filters.cleaned_data["q"]):
            cases = cases.filter(person__search_name__contains=folded)
        if branch := filters.cleaned_data["branch"]:
            cases = cases.filter(branch=branch)
    return cases


@login_required
def class_enrol(request, pk):
    """Ghi danh: tick several source cases and put them into the class at once."""
    awareness_class = _class(request, pk)
    _require_organiser(request)
    branches = (
        Unit.objects.visible_to(request.user).branches().filter(path__startswith=awareness_class.unit.path)
    )
    filters = forms.FilterForm(request.GET, branches=branches)
    form = forms.EnrolForm(
        request.POST or None, user=request.user, initial={"version": awareness_class.version}
    )

    def enrol(data):
        services.enrol(awareness_class, data["cases"], by=request.user, version=data["version"])

    if request.method == "POST" and apply(request, form, enrol):
        return redirect("training:class", pk=awareness_class.pk)
    candidates = _candidates(request, awareness_class, filters)
    context = {
        "c": awareness_class,
        "form": form,
        "filters": filters,
        "candidates": candidates[:SHOWN],
        "total": candidates.count(),
        "shown": SHOWN,
        "ticked": {str(v) for v in form["cases"].value() or ()},
    }
    return render(request, "training/enrol.html", context, status=400 if request.method == "POST" else 200)


def _record(request, awareness_class, formset, by_id) -> tuple[int | None, list[str]]:
    """Record the posted results: (how many moved, no errors) or (None, what to tell)."""
    if not formset.is_valid():
        return None, []
    ids = sorted(f.cleaned_data["enrolment"] for f in formset)
    if ids != sorted(by_id):
        return None, [
            "Danh sách lớp vừa được người khác thay đổi; hãy tải lại trang và kiểm tra trước khi ghi."
        ]
    rows = [
        (by_id[d["enrolment"]], d["result"], d["cert_no"], d["cert_date"])
        for d in (f.cleaned_data for f in formset)
    ]
    try:
        return services.record_results(awareness_class, rows, by=request.user, version=_version(request)), []
    except ValidationError as refused:
        return None, refused.messages


def _version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


def _rows(formset, by_id):
    """Each row of the form with its enrolment (posted rows no longer in the list are dropped)."""
    rows = []
    for form in formset:
        value = str(form["enrolment"].value())
        if value.isdigit() and int(value) in by_id:
            rows.append((form, by_id[int(value)]))
    return rows


@login_required
def class_results(request, pk):
    """Kết quả lớp: one form, a row per enrolled person not yet moved by this class."""
    awareness_class = _class(request, pk)
    _require_organiser(request)
    by_id = {e.pk: e for e in listing.enrolments(awareness_class).filter(event__isnull=True)}
    initial = [
        {"enrolment": e.pk, "result": e.result, "cert_no": e.cert_no, "cert_date": e.cert_date}
        for e in by_id.values()
    ]
    formset = forms.ResultFormSet(
        request.POST or None, initial=initial, form_kwargs={"starts_on": awareness_class.starts_on}
    )
    errors = []
    if request.method == "POST":
        moved, errors = _record(request, awareness_class, formset, by_id)
        if moved is not None:
            messages.success(request, f"Đã ghi kết quả; {moved} người chuyển sang “{Stage.AWARENESS.label}”.")
            return redirect("training:class", pk=awareness_class.pk)
    context = {
        "c": awareness_class,
        "formset": formset,
        "rows": _rows(formset, by_id),
        "errors": errors,
        "moved": listing.enrolments(awareness_class).filter(event__isnull=False),
    }
    return render(request, "training/results.html", context, status=400 if request.method == "POST" else 200)


@login_required
def class_print(request, pk):
    awareness_class = _class(request, pk)
    context = {
        "c": awareness_class,
        "heading": listing.heading(awareness_class),
        "headers": listing.HEADERS,
        "rows": listing.rows(awareness_class),
    }
    return render(request, "training/print.html", context)


@login_required
def class_export(request, pk):
    awareness_class = _class(request, pk)
    response = HttpResponse(listing.xlsx(awareness_class), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="lop-boi-duong-{awareness_class.pk}.xlsx"'
    return response
