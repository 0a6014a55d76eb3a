"""Báo cáo số lượng đảng viên tại một ngày: total, official, probationary, by category, per unit.

Read from the kept totals (ptdv.people.summaries), for the unit's subtree and each of its
children as the tree stood on that day (ptdv.org.lineage).
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ptdv.org.models import Unit
from ptdv.people import summaries
from ptdv.people.choices import Education
from ptdv.regulation import format_vn
from ptdv.reports.figures import Copied, with_children
from ptdv.reports.layout import Chart, Layout, Table
from ptdv.reports.units import UnitRef

CATEGORY_LABELS = (
    ("women", gettext_lazy("Nữ")),
    ("ethnic_minority", gettext_lazy("Người dân tộc thiểu số")),
    ("religious", gettext_lazy("Người có đạo")),
    ("youth_union", gettext_lazy("Đoàn viên thanh niên")),
    ("farmers", gettext_lazy("Nông dân")),
)


@dataclass
class Count(Copied):
    """The members of a subtree on a day, and of them the categories officials report."""

    total: int = 0
    official: int = 0
    probationary: int = 0
    women: int = 0
    ethnic_minority: int = 0
    religious: int = 0
    youth_union: int = 0
    farmers: int = 0
    by_education: dict[str, int] = field(default_factory=dict)


@dataclass
class TotalsRow:
    unit: UnitRef
    count: Count


@dataclass
class MemberTotals:
    unit: UnitRef
    as_of: date
    predecessors: bool
    count: Count
    rows: list[TotalsRow]


def build(unit: Unit, on: date, *, predecessors: bool = True) -> MemberTotals:
    """The members of `unit`'s subtree and of each child (as the tree stood on `on`), read together."""
    units = with_children(unit, on)
    by_unit = summaries.totals_by_unit(units, on, predecessors=predecessors)
    whole, *rows = [TotalsRow(UnitRef.of(u), Count.of(by_unit[u.pk])) for u in units]
    return MemberTotals(unit=whole.unit, as_of=on, predecessors=predecessors, count=whole.count, rows=rows)


def layout(report: MemberTotals) -> Layout:
    count = report.count
    facts = [
        (_("Tổng số đảng viên"), count.total),
        (_("Đảng viên chính thức"), count.official),
        (_("Đảng viên dự bị"), count.probationary),
    ]
    facts += [
        (_("Trong đó: %(what)s") % {"what": label}, getattr(count, name)) for name, label in CATEGORY_LABELS
    ]
    facts += [
        (_("Trình độ: %(level)s") % {"level": label}, count.by_education.get(code, 0))
        for code, label in Education.choices
    ]
    headers = [_("Đơn vị"), _("Tổng số"), _("Chính thức"), _("Dự bị")]
    headers += [str(label) for _name, label in CATEGORY_LABELS]
    rows = [
        [row.unit.name, row.count.total, row.count.official, row.count.probationary]
        + [getattr(row.count, name) for name, _label in CATEGORY_LABELS]
        for row in report.rows
    ]
    chart = Chart(
        _("Đảng viên theo đơn vị"),
        [row.unit.name for row in report.rows],
        [
            {"label": _("Chính thức"), "data": [row.count.official for row in report.rows]},
            {"label": _("Dự bị"), "data": [row.count.probationary for row in report.rows]},
        ],
    )
    return Layout(
        _("Báo cáo số lượng đảng viên"),
        report.unit.name,
        _("Tại ngày %(day)s") % {"day": format_vn(report.as_of)},
        facts,
        [Table(_("Số lượng theo đơn vị trực thuộc"), headers, rows)],
        [chart],
    )
