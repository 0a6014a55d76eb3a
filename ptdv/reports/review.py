"""Báo cáo sơ kết / tổng kết (6 tháng, năm, nhiệm kỳ): the narrative review of a period as a
Word document, in the sentences officials write — "Trong 6 tháng đầu năm 2023, toàn huyện kết
nạp được 23 đảng viên, trong đó có 09 đảng viên là nông dân." — with its tables.

The figures are the progress report's for the period and the totals report's at its end (the
same builders), so the review can never disagree with them. The document itself is rendered by
ptdv.reports.review_document from an editable template.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from ptdv.org.models import Unit
from ptdv.plans.percent import vn_percent
from ptdv.regulation import format_vn
from ptdv.reports import progress, totals
from ptdv.reports.layout import Layout, Table
from ptdv.reports.units import UnitRef
from ptdv.reports.wording import count, period, whole


@dataclass
class Review:
    unit: UnitRef
    start: date
    end: date
    predecessors: bool
    period: str
    sentences: list[str]
    progress: progress.Progress
    totals: totals.MemberTotals


def _sentences(unit: Unit, when: str, p: progress.Progress, t: totals.MemberTotals) -> list[str]:
    everyone = whole(unit.kind)
    among = p.among
    said = [
        _(
            "Trong %(when)s, %(whole)s kết nạp được %(n)s đảng viên, "
            "trong đó có %(farmers)s đảng viên là nông dân."
        )
        % {"when": when, "whole": everyone, "n": count(p.admitted), "farmers": count(among.farmers)}
    ]
    if p.target:
        said.append(
            _("Kết quả đạt %(percent)s so với chỉ tiêu %(target)s đảng viên.")
            % {"percent": vn_percent(p.percent), "target": count(p.target)}
        )
    said.append(
        _(
            "Số đảng viên mới có %(youth)s đoàn viên thanh niên, %(women)s đảng viên nữ, "
            "%(minority)s đảng viên là người dân tộc thiểu số, %(religious)s đảng viên là người có đạo."
        )
        % {
            "youth": count(among.youth_union),
            "women": count(among.women),
            "minority": count(among.ethnic_minority),
            "religious": count(among.religious),
        }
    )
    said.append(
        _(
            "Có %(awareness)s quần chúng đi học lớp bồi dưỡng nhận thức về Đảng; hiện đang trình cấp có "
            "thẩm quyền xem xét %(waiting)s hồ sơ."
        )
        % {"awareness": count(p.sent_to_awareness_class), "waiting": count(p.waiting_at_deciding_body)}
    )
    said.append(
        _("Công nhận %(recognised)s đảng viên chính thức; xóa tên %(removed)s đảng viên dự bị.")
        % {"recognised": count(p.recognised), "removed": count(p.removed)}
    )
    said.append(
        _(
            "Đến ngày %(day)s, %(whole)s có %(total)s đảng viên, trong đó %(official)s đảng viên chính thức, "
            "%(probationary)s đảng viên dự bị."
        )
        % {
            "day": format_vn(t.as_of),
            "whole": everyone,
            "total": count(t.count.total),
            "official": count(t.count.official),
            "probationary": count(t.count.probationary),
        }
    )
    return said


def build(unit: Unit, start: date, end: date, *, predecessors: bool = True) -> Review:
    p = progress.build(unit, start, end, predecessors=predecessors)
    t = totals.build(unit, end, predecessors=predecessors)
    when = period(start, end)
    return Review(UnitRef.of(unit), start, end, predecessors, when, _sentences(unit, when, p, t), p, t)


def layout(report: Review) -> Layout:
    """The review's page and Excel form: its sentences, then the tables of the two reports."""
    progress_layout, totals_layout = progress.layout(report.progress), totals.layout(report.totals)
    return Layout(
        _("Báo cáo sơ kết, tổng kết công tác phát triển đảng viên"),
        report.unit.name,
        report.period[:1].upper() + report.period[1:],
        progress_layout.facts,
        [Table(_("Nội dung báo cáo"), [_("Nội dung")], [[s] for s in report.sentences])]
        + progress_layout.tables[:1]
        + totals_layout.tables,
        progress_layout.charts[:1],
    )
