"""A review with made-up figures, to try an uploaded template before it is used."""

from datetime import date

from ptdv.reports.progress import Among, Progress
from ptdv.reports.review import Review
from ptdv.reports.totals import Count, MemberTotals
from ptdv.reports.units import UnitRef


def review() -> Review:
    unit = UnitRef(0, "MAU", "Đảng bộ mẫu")
    start, end = date(2023, 1, 1), date(2023, 6, 30)
    progress = Progress(
        unit, start, end, True, 23, 25, "Kế hoạch số 01/KH", None, Among(farmers=9), 6, 2, 15, 1, []
    )
    totals = MemberTotals(unit, end, True, Count(total=240, official=230, probationary=10), [])
    return Review(unit, start, end, True, "6 tháng đầu năm 2023", ["Câu mẫu."], progress, totals)
