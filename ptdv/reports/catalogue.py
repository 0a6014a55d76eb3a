"""The reports by name (`progress`, `structure`, `totals`, `review`) and the one way their
parameters are read, shared by the page, the API and `ptdv report`."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ptdv.org import lineage
from ptdv.org.models import Unit
from ptdv.reports import progress, review, structure, totals
from ptdv.reports.layout import Layout

PERIOD = "period"
AS_OF = "as_of"
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})


@dataclass(frozen=True)
class Query:
    """A report's dates: a period (start, end) or one day (as_of = end); predecessors' past."""

    start: date | None
    end: date
    predecessors: bool = True


@dataclass(frozen=True)
class ReportKind:
    name: str
    title: str
    dated: str  # PERIOD or AS_OF
    builder: Callable
    layout: Callable[[object], Layout]

    @lineage.remembered()
    def build(self, unit: Unit, query: Query):
        if self.dated == PERIOD:
            return self.builder(unit, query.start, query.end, predecessors=query.predecessors)
        return self.builder(unit, query.end, predecessors=query.predecessors)


REPORTS = {
    kind.name: kind
    for kind in (
        ReportKind(
            "progress", _lazy("Báo cáo tiến độ phát triển đảng viên"), PERIOD, progress.build, progress.layout
        ),
        ReportKind(
            "structure", _lazy("Báo cáo cơ cấu tổ chức đảng"), AS_OF, structure.build, structure.layout
        ),
        ReportKind("totals", _lazy("Báo cáo số lượng đảng viên"), AS_OF, totals.build, totals.layout),
        ReportKind("review", _lazy("Báo cáo sơ kết, tổng kết"), PERIOD, review.build, review.layout),
    )
}


def parse_date(text: str, label: str) -> date:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValidationError(
        _("%(label)s không phải là ngày hợp lệ (dd/mm/yyyy): %(value)s") % {"label": label, "value": text}
    )


def parse_query(kind: ReportKind, params: Mapping, today: date) -> Query:
    """Dates from `from`/`to` (a period; default: this year to today) or `as_of` (default: today)."""
    predecessors = str(params.get("predecessors", "1")).strip().lower() not in FALSE_WORDS
    if kind.dated == AS_OF:
        as_of = params.get("as_of")
        return Query(None, parse_date(as_of, _("Ngày")) if as_of else today, predecessors)
    start_text, end_text = params.get("from"), params.get("to")
    start = parse_date(start_text, _("Từ ngày")) if start_text else date(today.year, 1, 1)
    end = parse_date(end_text, _("Đến ngày")) if end_text else today
    if start > end:
        raise ValidationError(_("Từ ngày phải trước hoặc bằng đến ngày."))
    return Query(start, end, predecessors)
