"""Pages of plans and quotas (/ke-hoach/): thin — scope, parse, call the service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from ptdv import changes
from ptdv.cases.models import Case
from ptdv.plans import achievement, forecast, forms, quotas, services
from ptdv.plans.models import Plan, Quota
from ptdv.web.views.common import apply, scoped_get


def _plan(request, pk) -> Plan:
    return scoped_get(request, Plan, pk, Plan.objects.select_related("unit"))


def _require_planner(request) -> None:
    if not services.may_plan(request.user):
        raise PermissionDenied


def _status(request) -> int:
    return 400 if request.method == "POST" else 200


@login_required
def plan_list(request):
    """The plans of the user's scope, and the quotas handed to it by plans above it."""
    plans = Plan.objects.visible_to(request.user).select_related("unit")
    received = (
        Quota.objects.visible_to(request.user)
        .filter(voided_at__isnull=True, plan__voided_at__isnull=True)
        .exclude(plan__in=plans)
        .select_related("unit", "plan__unit")
    )
    context = {"plans": plans, "received": received, "may_plan": services.may_plan(request.user)}
    return render(request, "plans/list.html", context)


@login_required
def plan_new(request):
    _require_planner(request)
    form = forms.PlanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        plan = form.save(commit=False)
        plan.recorded_by = request.user
        plan.save()
        messages.success(request, "Đã lưu kế hoạch.")
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/form.html", {"form": form}, status=_status(request))


def _forecasts(plan, table, progress, today):
    """The plan's and each child's forecast while the period runs (None once it is over).

    Cases are counted, never shown: the plan is in the user's scope, so is its unit's subtree,
    and the figures hold no one's name (an admin, who sees no case, still sees the forecast)."""
    if plan.voided or today >= plan.ends_on:
        return None, {}
    cases = Case.objects.filter(branch__path__startswith=plan.unit.path)
    goals = [forecast.Goal(plan.unit, plan.target, progress.admitted)]
    goals += [forecast.Goal(r.unit, r.quota.target, r.achieved) for r in table.rows if r.quota]
    found = forecast.for_units(cases, goals, end=plan.ends_on, today=today, basis=achievement.basis())
    return found.pop(plan.unit.pk), found


@login_required
def plan_detail(request, pk):
    plan = _plan(request, pk)
    today = timezone.localdate()
    table = quotas.table(plan)
    progress = achievement.progress_of_plan(plan, today)
    admitted = achievement.admitted_by_unit([r.unit for r in table.rows], plan.starts_on, progress.until)
    for row in table.rows:
        row.achieved = admitted[row.unit.pk].admitted
    outlook, by_unit = _forecasts(plan, table, progress, today)
    context = {
        "plan": plan,
        "table": table,
        "progress": progress,
        "outlook": outlook,
        "rows": [(r, by_unit.get(r.unit.pk)) for r in table.rows],
        "may_plan": services.may_plan(request.user) and not plan.voided,
        "history": changes.versions(request.user, plan.history),
    }
    return render(request, "plans/detail.html", context)


@login_required
def plan_edit(request, pk):
    """Sửa kế hoạch: a correction on the version the page was read at, with its reason."""
    plan = _plan(request, pk)
    _require_planner(request)
    form = forms.CorrectionForm(
        request.POST or None, instance=plan, user=request.user, initial={"version": plan.version}
    )

    def correct(data):
        # Validating the form wrote the new values onto `plan`; the service is given them on the
        # record as it stands, so it judges the version and the reason before anything is saved.
        fields = {name: data[name] for name in form.Meta.fields if name != "unit"}
        services.correct(
            Plan.objects.get(pk=plan.pk), fields, data["version"], reason=data["reason"], by=request.user
        )

    if request.method == "POST" and apply(request, form, correct):
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/form.html", {"form": form, "plan": plan}, status=_status(request))


@login_required
def plan_withdraw(request, pk):
    plan = _plan(request, pk)
    _require_planner(request)
    form = forms.WithdrawForm(request.POST or None, initial={"version": plan.version})

    def withdraw(data):
        services.withdraw(plan, data["reason"], data["version"], by=request.user)

    if request.method == "POST" and apply(request, form, withdraw):
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/withdraw.html", {"form": form, "plan": plan}, status=_status(request))


@login_required
def plan_quotas(request, pk):
    """Giao chỉ tiêu: one form, a row per child unit (a column may be pasted from Excel)."""
    plan = _plan(request, pk)
    _require_planner(request)
    table = quotas.table(plan)
    by_id = {r.unit.pk: r for r in table.rows}
    initial = [{"unit": r.unit.pk, **(services.quota_values(r.quota) or {})} for r in table.rows]
    head = forms.QuotaHeadForm(request.POST or None, initial={"version": plan.version})
    formset = forms.QuotaFormSet(request.POST or None, initial=initial)
    if request.method == "POST" and head.is_valid() and formset.is_valid():
        posted = {f.cleaned_data["unit"]: f for f in formset}
        if set(posted) != set(by_id):
            head.add_error(None, "Danh sách đơn vị vừa thay đổi; hãy tải lại trang rồi nhập lại.")
        else:
            rows = {by_id[pk].unit: f.values() for pk, f in posted.items()}
            try:
                changed = services.set_quotas(
                    plan,
                    rows,
                    head.cleaned_data["version"],
                    reason=head.cleaned_data["reason"],
                    by=request.user,
                )
            except ValidationError as refused:
                head.add_error(None, refused)
            else:
                messages.success(request, f"Đã lưu chỉ tiêu ({changed} đơn vị thay đổi).")
                return redirect("plans:plan", pk=plan.pk)
    rows = [(f, by_id.get(_int(f["unit"].value()))) for f in formset]
    context = {"plan": plan, "head": head, "formset": formset, "rows": [(f, r) for f, r in rows if r]}
    return render(request, "plans/quotas.html", context, status=_status(request))


def _int(value):
    return int(value) if str(value).isdigit() else None
