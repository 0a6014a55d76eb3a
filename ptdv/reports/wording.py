"""Figures in the words officials write them: "09 đảng viên", "2.700 đồng chí", "6 tháng đầu
năm 2023", "toàn huyện"."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ptdv.org.models import UnitKind
from ptdv.regulation import format_vn


def count(n: int) -> str:
    """A count as reviews write it: two digits at least ("09", "23"), dots for thousands."""
    return f"{n:02d}" if n < 10 else f"{n:,}".replace(",", ".")


def period(start: date, end: date) -> str:
    """ "6 tháng đầu năm 2023", "năm 2023", "nhiệm kỳ 2015–2020", or "từ 01/01/2021 đến 30/06/2023"."""
    if start.year == end.year and (start.month, start.day) == (1, 1):
        if (end.month, end.day) == (6, 30):
            return _("6 tháng đầu năm %(year)s") % {"year": start.year}
        if (end.month, end.day) == (12, 31):
            return _("năm %(year)s") % {"year": start.year}
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (7, 1, 12, 31):
        return _("6 tháng cuối năm %(year)s") % {"year": start.year}
    return _("từ ngày %(start)s đến ngày %(end)s") % {"start": format_vn(start), "end": format_vn(end)}


WHOLE = {
    UnitKind.PROVINCE: gettext_lazy("toàn tỉnh"),
    UnitKind.DISTRICT: gettext_lazy("toàn huyện"),
    UnitKind.GRASSROOTS_BRANCH: gettext_lazy("toàn chi bộ"),
    UnitKind.BRANCH: gettext_lazy("toàn chi bộ"),
}


def whole(kind: str) -> str:
    """How a review names its own organisation as a whole: "toàn huyện", "toàn Đảng bộ"."""
    return str(WHOLE.get(kind, gettext_lazy("toàn Đảng bộ")))
