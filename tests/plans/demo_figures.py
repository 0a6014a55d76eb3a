"""The articles' plan figures, asserted from ptdv.plans.achievement on the demo (tests/test_demo.py
calls this on its one build, so the demo is not built twice)."""

from datetime import date

from ptdv.org.models import Unit
from ptdv.plans import achievement, quotas
from ptdv.plans.models import Plan, Quota


def _unit(code):
    return Unit.objects.get(code=code)


def plans_reproduce_the_articles():
    pac_nam, cong_bang, dak_to, tan_canh = map(_unit, ("BK.PN", "BK.PN.X01", "KT.DT", "KT.DT.X01"))

    # Đăk Tô: 425 admitted in the term to 30/6/2020 of a target of 400 — 106,25% — 306 of them
    # Youth Union members; Tân Cảnh 102% of its quota.
    term = Plan.objects.get(unit=dak_to, number="15/KH/HU")
    progress = achievement.progress(dak_to, term, date(2020, 6, 30))
    assert (progress.admitted, progress.target, progress.admissions.youth_union) == (425, 400, 306)
    assert progress.sentence == "đạt 106,25% chỉ tiêu"
    quota = Quota.objects.get(plan=term, unit=tan_canh)
    tan_canh_progress = achievement.progress(tan_canh, quota, date(2020, 6, 30))
    assert (tan_canh_progress.admitted, tan_canh_progress.target) == (51, 50)
    assert tan_canh_progress.sentence == "đạt 102% chỉ tiêu"

    # Pác Nặm: plan 25/KH/HU, 450 for 2021–2025; 220 admitted to 30/6/2023, 96 of them farmers.
    targets = achievement.targets_for(pac_nam, date(2021, 1, 1), date(2023, 6, 30))
    assert (targets.document, targets.target) == ("Kế hoạch số 25/KH/HU", 450)
    plan = Plan.objects.get(unit=pac_nam, number="25/KH/HU")
    progress = achievement.progress(pac_nam, plan, date(2023, 6, 30))
    assert (progress.admitted, progress.admissions.farmers) == (220, 96)
    table = quotas.table(plan)
    assert (table.handed, table.uncovered) == (431, 19)
    assert [u.name for u in table.without_quota] == ["Chi bộ Quân sự huyện"]

    # xã Công Bằng: yearly target 9 for 2023; 1 admitted to 30/6/2023.
    yearly = achievement.targets_for(cong_bang, date(2023, 1, 1), date(2023, 6, 30))
    assert (yearly.target, yearly.is_quota) == (9, False)
    plan_2023 = Plan.objects.get(unit=cong_bang, number="08/KH/ĐU")
    assert achievement.progress(cong_bang, plan_2023, date(2023, 6, 30)).admitted == 1
