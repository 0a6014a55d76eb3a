"""Demo plans and quotas, consistent with the seed articles (DOMAIN.md figures).

- Pác Nặm: "Kế hoạch số 25/KH/HU", 2021–2025, target 450, with quotas to its communes and
  agency branches that add up to less than 450 (the plan page shows the shortfall) and none
  for the military branch (shown as "chưa giao").
- xã Công Bằng: its yearly plan for 2023, target 9 (1 admitted by 30/6/2023).
- Đăk Tô: the term 2015–2020, target 400: 425 admitted by 30/6/2020 = 106,25%; Tân Cảnh's
  quota of 50 against its 51 admissions (ptdv.demo.cases.TAN_CANH_ADMISSIONS) is exactly the
  article's "đạt 102% chỉ tiêu".
The admissions are the demo's own (ptdv.demo.cases); only these targets are chosen here.
"""

from datetime import date

from ptdv.org.models import Unit
from ptdv.plans.models import Plan, Quota

PAC_NAM_QUOTAS = {
    **{"BK.PN.X01": 30, "BK.PN.X02": 40, "BK.PN.X03": 25, "BK.PN.X04": 25, "BK.PN.X05": 45},
    **{"BK.PN.X06": 30, "BK.PN.X07": 45, "BK.PN.X08": 40, "BK.PN.X09": 40, "BK.PN.X10": 45},
    # Each agency branch 3, but the military branch (A04), which gets none.
    **{f"BK.PN.A{n:02d}": 3 for n in range(1, 24) if n != 4},
}
DAK_TO_QUOTAS = {
    **{"KT.DT.X01": 50, "KT.DT.X02": 50, "KT.DT.X03": 45, "KT.DT.X04": 40, "KT.DT.X05": 35},
    **{"KT.DT.X06": 30, "KT.DT.X07": 30, "KT.DT.X08": 35, "KT.DT.TT": 48},
    **{"KT.DT.A01": 5, "KT.DT.A02": 5, "KT.DT.A03": 8, "KT.DT.A04": 8, "KT.DT.A05": 8},
}


def _plan(code, number, issued, starts, ends, target, title, quotas=None) -> Plan:
    units = Unit.objects.in_bulk([code, *(quotas or {})], field_name="code")
    plan = Plan.objects.create(
        unit=units[code],
        number=number,
        issued_on=issued,
        title=title,
        starts_on=starts,
        ends_on=ends,
        target=target,
    )
    Quota.objects.bulk_create([Quota(plan=plan, unit=units[c], target=t) for c, t in (quotas or {}).items()])
    return plan


def demo_plans() -> None:
    _plan(
        "BK.PN",
        "25/KH/HU",
        date(2021, 3, 15),
        date(2021, 1, 1),
        date(2025, 12, 31),
        450,
        "Kế hoạch phát triển đảng viên giai đoạn 2021–2025",
        PAC_NAM_QUOTAS,
    )
    _plan(
        "BK.PN.X01",
        "08/KH/ĐU",
        date(2023, 1, 10),
        date(2023, 1, 1),
        date(2023, 12, 31),
        9,
        "Kế hoạch kết nạp đảng viên năm 2023",
    )
    _plan(
        "KT.DT",
        "15/KH/HU",
        date(2015, 9, 10),
        date(2015, 8, 1),
        date(2020, 7, 31),
        400,
        "Kế hoạch phát triển đảng viên nhiệm kỳ 2015–2020",
        DAK_TO_QUOTAS,
    )
