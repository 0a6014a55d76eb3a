"""Forms and scans from the case and unit pages: thin views over ptdv.paperwork.

Every download and every scan goes through the scope (404 out of it, as if missing) and is only
for the officers who work with the people (SENSITIVE_ROLES): a viewer or an administrator gets no
person's papers. Each one shown is written to the read log (ptdv.audit.reads).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ptdv.audit.models import ReadChannel
from ptdv.audit.reads import record_reads
from ptdv.cases.facts import effective_events
from ptdv.cases.models import Case, CaseEvent, DossierDocument, RelativeVerification
from ptdv.org.models import Unit
from ptdv.paperwork import attachments, catalogue, documents, pdf
from ptdv.paperwork.context import offered
from ptdv.paperwork.models import Scan
from ptdv.paperwork.rendering import FormError
from ptdv.people.models import PartyMember
from ptdv.regulation import STAGE_LABELS, Stage
from ptdv.scope import SENSITIVE_ROLES, VERIFICATION_ROLES, can_edit
from ptdv.web.views.common import require_editor, scoped_get

# At most this many cases in one zip: a larger batch is asked for per branch.
BATCH_LIMIT = 300
# The case events whose act is a paper worth scanning (resolutions, decisions, certificates).
SCANNED_STAGES = [s.value for s in Stage if s not in (Stage.SOURCE, Stage.DOSSIER)]
RECORD_KINDS = {"giay-to": DossierDocument, "tham-tra": RelativeVerification, "su-kien": CaseEvent}


def _officer(request) -> None:
    """People's papers are for the officers of the case; anyone else finds nothing here."""
    if request.user.role not in SENSITIVE_ROLES:
        raise Http404


def _download(document, *, inline=False) -> HttpResponse:
    response = HttpResponse(document.content, content_type=document.content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{document.file_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _as_requested(request, document):
    """The Word file, or its PDF when ?format=pdf and LibreOffice is installed."""
    if request.GET.get("format") != "pdf":
        return _download(document)
    content = pdf.to_pdf(document.content)
    name = document.file_name.rsplit(".", 1)[0] + ".pdf"
    return _download(documents.Download(name, content, "application/pdf"))


@login_required
def case_form(request, pk, slug):
    _officer(request)
    case = scoped_get(
        request, Case, pk, Case.objects.select_related("person__village", "branch", "helper__person")
    )
    form = catalogue.BY_SLUG.get(slug)
    if form is None or form.source == catalogue.UNIT:
        raise Http404
    try:
        response = _as_requested(request, documents.for_case(form, case))
    except FormError as error:
        messages.error(request, str(error))
        return redirect("web:case", pk=case.pk)
    record_reads(request, [case.person_id], ReadChannel.DOCUMENT)
    return response


@login_required
def unit_register(request, pk):
    """18-KNĐ for the unit's subtree, as Word or (?format=xlsx) Excel."""
    _officer(request)
    unit = scoped_get(request, Unit, pk)
    fmt = "xlsx" if request.GET.get("format") == "xlsx" else "docx"
    members = PartyMember.objects.visible_to(request.user)
    try:
        register = documents.probation_register(unit, timezone.localdate(), members, fmt)
        response = _download(register) if fmt == "xlsx" else _as_requested(request, register)
    except FormError as error:
        messages.error(request, str(error))
        return redirect("web:unit", pk=unit.pk)
    shown = members.filter(branch__path__startswith=unit.path, status="PROBATIONARY")
    record_reads(request, shown.values_list("person_id", flat=True), ReadChannel.DOCUMENT)
    return response


@login_required
def unit_batch(request, pk):
    """One form for every case of the unit's subtree at a stage, in one zip."""
    _officer(request)
    unit = scoped_get(request, Unit, pk)
    form = catalogue.BY_SLUG.get(request.GET.get("form", ""))
    stage = request.GET.get("stage", "")
    if form is None or form.source == catalogue.UNIT or stage not in STAGE_LABELS:
        raise Http404
    cases = list(
        Case.objects.visible_to(request.user)
        .filter(branch__path__startswith=unit.path, stage=stage)
        .select_related("person__village", "branch", "helper__person")[: BATCH_LIMIT + 1]
    )
    if not cases or len(cases) > BATCH_LIMIT:
        messages.error(
            request,
            _("Không có hồ sơ nào ở bước này.")
            if not cases
            else _("Quá %(n)s hồ sơ: hãy tải theo từng chi bộ.") % {"n": BATCH_LIMIT},
        )
        return redirect("web:unit", pk=unit.pk)
    try:
        response = _download(documents.batch(form, cases, f"{unit.name} {STAGE_LABELS[Stage(stage)]}"))
    except FormError as error:
        messages.error(request, str(error))
        return redirect("web:unit", pk=unit.pk)
    record_reads(request, [c.person_id for c in cases], ReadChannel.DOCUMENT)
    return response


def unit_section(request, unit) -> dict:
    """The unit page's 18-KNĐ register and batch download (web/_unit_paperwork.html)."""
    if request.user.role not in SENSITIVE_ROLES:
        return {"unit_paperwork": None}
    return {
        "unit_paperwork": {
            "forms": catalogue.CASE_FORMS,
            "stages": [(s.value, STAGE_LABELS[s]) for s in Stage if s != Stage.SOURCE],
        }
    }


class ScanForm(forms.Form):
    file = forms.FileField(label=_("Bản quét (PDF, JPEG, PNG)"))
    replaces = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("Lý do thay bản cũ"), max_length=300, required=False)


class ScanWithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Lý do hủy"), max_length=300)


def _record_of(request, case, kind, record_pk):
    model = RECORD_KINDS.get(kind)
    if model is None or (model is RelativeVerification and request.user.role not in VERIFICATION_ROLES):
        raise Http404
    records = model.objects.visible_to(request.user).filter(case=case)
    if model is CaseEvent:  # an act in force: not a move undone, nor the undoing itself
        records = records.filter(stage__in=SCANNED_STAGES, reverts__isnull=True, reverted_by__isnull=True)
    return get_object_or_404(records, pk=record_pk)


@login_required
@require_POST
def scan_upload(request, pk, kind, record):
    require_editor(request)
    case = scoped_get(request, Case, pk)
    target = _record_of(request, case, kind, record)
    form = ScanForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn tệp bản quét."))
        return redirect("web:case", pk=case.pk)
    replaces = None
    if form.cleaned_data["replaces"]:
        replaces = get_object_or_404(_scans(request).filter(case=case), pk=form.cleaned_data["replaces"])
    try:
        attachments.attach(
            target,
            form.cleaned_data["file"],
            by=request.user,
            replaces=replaces,
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã đính kèm bản quét."))
    return redirect(reverse("web:case", args=[case.pk]) + "#scans")


def _scans(request):
    scans = Scan.objects.visible_to(request.user)
    if request.user.role not in VERIFICATION_ROLES:
        scans = scans.filter(verification__isnull=True)
    return scans


@login_required
def scan_open(request, pk):
    """The scan itself, inline, never from a guessable address: its id in a scoped lookup."""
    scan = get_object_or_404(_scans(request).select_related("case"), pk=pk)
    try:
        content = attachments.read(scan)
    except OSError as missing:
        raise Http404 from missing
    record_reads(request, [scan.case.person_id], ReadChannel.DOCUMENT)
    name = f"ban-quet-{scan.pk}.{scan.extension}"
    return _download(documents.Download(name, content, scan.kind), inline=True)


@login_required
@require_POST
def scan_withdraw(request, pk):
    require_editor(request)
    scan = get_object_or_404(_scans(request), pk=pk)
    form = ScanWithdrawForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Hãy ghi lý do hủy."))
        attachments.withdraw(scan, form.cleaned_data["reason"], by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã hủy bản quét; bản ghi vẫn giữ trong lịch sử."))
    return redirect(reverse("web:case", args=[scan.case_id]) + "#scans")


def case_section(request, case) -> dict:
    """The case page's "Biểu mẫu" and "Bản quét" sections (web/_case_paperwork.html)."""
    if request.user.role not in SENSITIVE_ROLES:
        return {"paperwork": None}
    scans = list(_scans(request).filter(case=case).select_related("recorded_by", "voided_by"))
    by_record: dict[tuple[str, int], list] = {}
    for scan in scans:
        if scan.document_id:
            key = ("giay-to", scan.document_id)
        elif scan.verification_id:
            key = ("tham-tra", scan.verification_id)
        else:
            key = ("su-kien", scan.event_id)
        by_record.setdefault(key, []).append(scan)
    records = [("giay-to", d, str(d)) for d in case.documents.filter(voided_at__isnull=True)]
    if request.user.role in VERIFICATION_ROLES:
        records += [("tham-tra", r, str(r)) for r in case.relatives.filter(voided_at__isnull=True)]
    records += [("su-kien", e, str(e)) for e in effective_events(case) if e.stage in SCANNED_STAGES]
    return {
        "paperwork": {
            "forms": offered(case),
            "pdf": pdf.available(),
            "records": [
                {
                    "kind": kind,
                    "record": record,
                    "label": label,
                    "scans": by_record.get((kind, record.pk), []),
                }
                for kind, record, label in records
            ],
            "can_attach": can_edit(request.user),
            "max_mb": settings.PTDV_SCAN_MAX_MB,
        }
    }
