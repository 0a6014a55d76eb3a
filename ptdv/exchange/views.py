"""The import pages: upload a file, follow its check, read the preview, confirm.

Only the officers who may import (an organizer; an admin for units and villages) reach
them; a job is seen only by the user who uploaded it and within their scope: anyone else
gets 404, as for a record that does not exist.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ptdv.exchange import sheet_templates, uploads, work
from ptdv.exchange.columns import KINDS
from ptdv.exchange.importers import IMPORTERS
from ptdv.exchange.importing import ACTIONS, ERROR
from ptdv.exchange.models import ImportJob, JobState
from ptdv.exchange.writing import CONTENT_TYPES, XLSX, content_disposition

SHOWN_ROWS = 500


def importable_kinds(user) -> list:
    return [
        KINDS[name] for name, importer in IMPORTERS.items() if getattr(user, "role", None) in importer.roles
    ]


def _require_importer(request) -> list:
    kinds = importable_kinds(request.user)
    if not kinds or not request.user.unit_id:
        raise PermissionDenied
    return kinds


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại dữ liệu"))
    file = forms.FileField(label=_("Tệp Excel (.xlsx) hoặc CSV"))

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.name, k.label) for k in kinds]


def _jobs_of(user):
    return ImportJob.objects.visible_to(user).filter(created_by=user)


@login_required
def jobs(request):
    kinds = _require_importer(request)
    form = UploadForm(request.POST or None, request.FILES or None, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        try:
            job = uploads.receive(form.cleaned_data["file"], form.cleaned_data["kind"], request.user)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("exchange:job", pk=job.pk)
    context = {"form": form, "kinds": kinds, "jobs": _jobs_of(request.user)[:20]}
    return render(request, "exchange/jobs.html", context, status=400 if form.errors else 200)


@login_required
def template(request, kind):
    kinds = {k.name: k for k in _require_importer(request)}
    if kind not in kinds:
        raise Http404
    response = HttpResponse(sheet_templates.build(kinds[kind]), content_type=CONTENT_TYPES[XLSX])
    response["Content-Disposition"] = content_disposition(f"Mẫu nhập {kinds[kind].label}.{XLSX}")
    return response


def _job(request, pk) -> ImportJob:
    """The user's own job in their scope; 404 for anything else, as for a missing one (also for
    a user who may not import: a job id says nothing to them)."""
    if not importable_kinds(request.user):
        raise Http404
    return get_object_or_404(_jobs_of(request.user), pk=pk)


def _status(job: ImportJob) -> dict:
    total = job.expected if job.running else job.processed
    return {
        "state": job.state,
        "label": job.get_state_display(),
        "done": work.progress(job),
        "total": total,
        "running": job.running,
    }


@login_required
def job_detail(request, pk):
    job = _job(request, pk)
    first_errors = Case(When(action=ERROR, then=Value(0)), default=Value(1), output_field=IntegerField())
    rows = job.rows.order_by(first_errors, "number")[:SHOWN_ROWS] if not job.running else []
    context = {"job": job, "rows": rows, "actions": ACTIONS, "status": _status(job), "shown": SHOWN_ROWS}
    return render(request, "exchange/job.html", context)


@login_required
def job_progress(request, pk):
    return JsonResponse(_status(_job(request, pk)))


@login_required
@require_POST
def job_confirm(request, pk):
    job = _job(request, pk)
    if job.may_confirm:
        ImportJob.objects.filter(pk=job.pk, state=JobState.PREVIEWED).update(state=JobState.CONFIRMED)
    return redirect("exchange:job", pk=job.pk)
