"""Report pages (/bao-cao/<name>/): thin — scope the unit, read the dates, build, render.

The page, its print layout and its Excel download render the same builder output
(ptdv.reports.render), so their numbers agree with the API and `ptdv report`.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ptdv import pickers
from ptdv.exchange import writing
from ptdv.org.models import Unit
from ptdv.reports import render as output
from ptdv.reports import review_document
from ptdv.reports.catalogue import PERIOD, REPORTS, parse_query

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportForm(forms.Form):
    """The page's choices: the unit (a picker over the user's scope), the dates, and whether a
    unit formed by a merger includes its predecessors' past (on by default)."""

    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Đơn vị"), required=False)
    predecessors = forms.ChoiceField(
        label=_("Gồm cả số liệu của các đơn vị tiền thân"),
        choices=[("1", _("Có")), ("0", _("Không"))],
        required=False,
    )

    def __init__(self, *args, user, dated, **kwargs):
        super().__init__(*args, **kwargs)
        pickers.use_picker(self, "unit", pickers.UNITS, user, queryset=Unit.objects.visible_to(user))
        # `from` and `to`, as in the API and the command (not Python names: set here).
        dates = {"from": _("Từ ngày"), "to": _("Đến ngày")} if dated == PERIOD else {"as_of": _("Tại ngày")}
        for name, label in dates.items():
            self.fields[name] = forms.DateField(label=label, required=False, widget=DATE_INPUT)
        self.order_fields(["unit", *dates, "predecessors"])


def _kind(name):
    if name not in REPORTS:
        raise Http404
    return REPORTS[name]


def _unit(request):
    """The unit asked for, in the user's scope (404 otherwise, as if it did not exist);
    the user's own unit when none is asked."""
    unit = pickers.within_unit(request.user, request.GET.get("unit") or request.user.unit_id)
    if unit is None:  # a user bound to no unit (the national admin) has no report of their own
        raise Http404
    return unit


def _built(request, name):
    """(kind, unit, report, error): a refused date is shown on the page, never a 500."""
    kind = _kind(name)
    unit = _unit(request)
    try:
        query = parse_query(kind, request.GET, timezone.localdate())
    except ValidationError as error:
        return kind, unit, None, error.messages[0]
    return kind, unit, kind.build(unit, query), None


def _report(request, name):
    """(kind, unit, layout, error) of the report asked for."""
    kind, unit, report, error = _built(request, name)
    return kind, unit, (kind.layout(report) if report is not None else None), error


def _refused(request, kind, unit, error):
    context = {"kind": kind, "unit": unit, "error": error, "reports": REPORTS.values()}
    return render(request, "web/report.html", context, status=400)


@login_required
def report_page(request, name):
    kind, unit, layout, error = _report(request, name)
    initial = {"unit": unit.pk, "predecessors": "1"}
    form = ReportForm(request.GET or None, initial=initial, user=request.user, dated=kind.dated)
    context = {"kind": kind, "unit": unit, "form": form, "error": error, "query": request.GET.urlencode()}
    context["reports"] = REPORTS.values()
    if layout is not None:
        context.update(output.page_context(layout))
    return render(request, "web/report.html", context, status=400 if error else 200)


@login_required
def report_print(request, name):
    kind, unit, layout, error = _report(request, name)
    if error:
        return _refused(request, kind, unit, error)
    return render(request, "web/report_print.html", {"kind": kind, "unit": unit, "layout": layout})


def _table_file(request, name, content_of, fmt):
    """The report's tables as a file (Excel or CSV) rendered from its one layout."""
    kind, unit, layout, error = _report(request, name)
    if error:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_of(layout), content_type=writing.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = writing.content_disposition(f"bao-cao-{kind.name}-{unit.code}.{fmt}")
    return response


@login_required
def report_xlsx(request, name):
    return _table_file(request, name, output.as_xlsx, writing.XLSX)


@login_required
def report_csv(request, name):
    return _table_file(request, name, output.as_csv, writing.CSV)


@login_required
def report_docx(request, name):
    """The narrative review as a Word document (the review report only)."""
    if name != "review":
        raise Http404
    kind, unit, report, error = _built(request, name)
    if error:
        return _refused(request, kind, unit, error)
    try:
        content = review_document.for_unit(report, unit)
    except review_document.TemplateProblem as problem:
        return _refused(request, kind, unit, problem.message)
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="bao-cao-so-ket-{unit.code}.docx"'
    return response
