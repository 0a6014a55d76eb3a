"""Báo cáo tiến độ phát triển đảng viên: a subtree's admissions in a period against its plans.

Admissions come from the kept summaries (ptdv.people.summaries), targets from the plans covering
the period (`targets`), awareness-class and waiting-dossier counts from the case events of the
subtree's branches as the tree stood at the period's end (ptdv.org.lineage).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ptdv.org import lineage
from ptdv.org.models import Unit
from ptdv.people import summaries
from ptdv.people.choices import Education
from ptdv.plans.achievement import PlanTargets, targets_by_unit
from ptdv.plans.percent import sentence, share, vn_percent
from ptdv.regulation import format_vn
from ptdv.reports import cases
from ptdv.reports.figures import Copied, with_children
from ptdv.reports.layout import Chart, Layout, Table
from ptdv.reports.units import UnitRef


@dataclass
class Among(Copied):
    """Of the admitted: the categories officials report (the person's, at admission)."""

    farmers: int = 0
    youth_union: int = 0
    ethnic_minority: int = 0
    religious: int = 0
    women: int = 0
    aged_18_30: int = 0
    by_education: dict[str, int] = field(default_factory=dict)


@dataclass
class ProgressRow:
    """One child unit's line of the table."""

    unit: UnitRef
    admitted: int
    target: int | None
    percent: Decimal | None
    among: Among
    recognised: int
    removed: int

    @property
    def below_target(self) -> bool:
        return self.target is not None and self.admitted < self.target


@dataclass
class Progress:
    unit: UnitRef
    start: date
    end: date
    predecessors: bool
    admitted: int
    target: int | None
    plan: str
    percent: Decimal | None
    among: Among
    sent_to_awareness_class: int
    waiting_at_deciding_body: int
    recognised: int
    removed: int
    rows: list[ProgressRow]

    @property
    def below_target(self) -> list[UnitRef]:
        return [row.unit for row in self.rows if row.below_target]

    @property
    def admitted_nobody(self) -> list[UnitRef]:
        return [row.unit for row in self.rows if row.admitted == 0]


def _row(unit: Unit, admissions, targets: PlanTargets | None) -> ProgressRow:
    target = targets.target if targets is not None else None
    return ProgressRow(
        unit=UnitRef.of(unit),
        admitted=admissions.admitted,
        target=target,
        percent=share(admissions.admitted, target or 0),
        among=Among.of(admissions),
        recognised=admissions.recognised,
        removed=admissions.removed,
    )


def build(unit: Unit, start: date, end: date, *, predecessors: bool = True) -> Progress:
    """The progress of `unit`'s subtree from `start` to `end` (both included): the unit and its
    children (as the tree stood at the end) read together, whatever their number."""
    units = with_children(unit, end)
    admissions = summaries.admissions_by_unit(units, start, end, predecessors=predecessors)
    targets = targets_by_unit(units, start, end)
    whole, *rows = [_row(u, admissions[u.pk], targets[u.pk]) for u in units]
    branch_ids = lineage.branches_under(unit, end, predecessors=predecessors)
    return Progress(
        unit=whole.unit,
        start=start,
        end=end,
        predecessors=predecessors,
        admitted=whole.admitted,
        target=whole.target,
        plan=targets[unit.pk].document if targets[unit.pk] is not None else "",
        percent=whole.percent,
        among=whole.among,
        sent_to_awareness_class=cases.sent_to_awareness_class(branch_ids, start, end),
        waiting_at_deciding_body=cases.waiting_at_deciding_body(branch_ids, end),
        recognised=whole.recognised,
        removed=whole.removed,
        rows=rows,
    )


AMONG_LABELS = (
    ("farmers", gettext_lazy("Nông dân")),
    ("youth_union", gettext_lazy("Đoàn viên thanh niên")),
    ("ethnic_minority", gettext_lazy("Người dân tộc thiểu số")),
    ("religious", gettext_lazy("Người có đạo")),
    ("women", gettext_lazy("Nữ")),
    ("aged_18_30", gettext_lazy("Tuổi từ 18 đến 30")),
)


def layout(report: Progress) -> Layout:
    """The page, print and Excel form of the report: facts, the per-unit table, two charts."""
    facts = [
        (_("Kết nạp đảng viên"), report.admitted),
        (_("Chỉ tiêu"), report.target if report.target is not None else ""),
        (_("Theo kế hoạch"), report.plan),
        (_("Tỷ lệ đạt chỉ tiêu"), vn_percent(report.percent)),
        (_("Đánh giá"), sentence(report.admitted, report.target or 0)),
    ]
    facts += [
        (_("Trong đó: %(what)s") % {"what": label}, getattr(report.among, name))
        for name, label in AMONG_LABELS
    ]
    facts += [
        (_("Trình độ: %(level)s") % {"level": label}, report.among.by_education.get(code, 0))
        for code, label in Education.choices
    ]
    facts += [
        (_("Quần chúng đi học lớp bồi dưỡng nhận thức về Đảng"), report.sent_to_awareness_class),
        (_("Hồ sơ đang trình cấp có thẩm quyền"), report.waiting_at_deciding_body),
        (_("Đảng viên dự bị được công nhận chính thức"), report.recognised),
        (_("Đảng viên dự bị bị xóa tên"), report.removed),
    ]
    headers = [_("Đơn vị"), _("Kết nạp"), _("Chỉ tiêu"), _("Tỷ lệ")]
    headers += [str(label) for _name, label in AMONG_LABELS] + [_("Công nhận chính thức"), _("Xóa tên")]
    rows = [
        [
            row.unit.name,
            row.admitted,
            row.target if row.target is not None else "",
            vn_percent(row.percent),
        ]
        + [getattr(row.among, name) for name, _label in AMONG_LABELS]
        + [row.recognised, row.removed]
        for row in report.rows
    ]
    tables = [Table(_("Kết quả theo đơn vị trực thuộc"), headers, rows)]
    tables.append(
        Table(_("Đơn vị chưa đạt chỉ tiêu"), [_("Đơn vị")], [[u.name] for u in report.below_target])
    )
    tables.append(
        Table(
            _("Đơn vị chưa kết nạp được đảng viên"), [_("Đơn vị")], [[u.name] for u in report.admitted_nobody]
        )
    )
    names = [row.unit.name for row in report.rows]
    charts = [
        Chart(
            _("Kết nạp theo đơn vị"),
            names,
            [
                {"label": _("Kết nạp"), "data": [row.admitted for row in report.rows]},
                {"label": _("Chỉ tiêu"), "data": [row.target for row in report.rows]},
            ],
        ),
        Chart(
            _("Cơ cấu đảng viên mới"),
            [str(label) for _name, label in AMONG_LABELS],
            [
                {
                    "label": _("Số người"),
                    "data": [getattr(report.among, name) for name, _label in AMONG_LABELS],
                }
            ],
        ),
    ]
    period = _("Từ ngày %(start)s đến ngày %(end)s") % {
        "start": format_vn(report.start),
        "end": format_vn(report.end),
    }
    return Layout(_("Báo cáo tiến độ phát triển đảng viên"), report.unit.name, period, facts, tables, charts)
