"""Admissions against targets: what a plan or quota achieved, at any date (hand-checked)."""

from datetime import date

import pytest

from ptdv.plans import achievement, services
from ptdv.plans.models import Quota
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admitted(world):
    """Admissions (ceremony dates) in Công Bằng: 3 in Phya Mạ, 2 in Nà Pài in 2022–2023, and one
    before the plan of 2021–2025 began; two of the five are farmers (the factory's default)."""
    for name, day in (("Lò Văn An", date(2022, 3, 1)), ("Lò Văn Ba", date(2022, 9, 1))):
        factories.member(world.phya_ma, name, admitted=day, occupation="FARMER", official=False)
    factories.member(
        world.phya_ma, "Lò Văn Ca", admitted=date(2023, 5, 2), occupation="PUBLIC_EMPLOYEE", official=False
    )
    for name, day in (("Đàm Văn Dư", date(2023, 2, 1)), ("Đàm Văn Em", date(2023, 8, 1))):
        factories.member(world.na_pai, name, admitted=day, occupation="WORKER", official=False)
    factories.member(
        world.na_pai, "Đàm Văn Gia", admitted=date(2020, 12, 31), occupation="FARMER", official=False
    )


def test_a_plan_counts_the_admissions_of_its_units_subtree_in_its_period(world, admitted):
    plan = world.plan_pac_nam
    plan.target, plan.farmers = 8, 4
    progress = achievement.progress(world.pac_nam, plan, date(2024, 1, 1))
    # 5 admitted from 1/1/2021 to 1/1/2024 (the one of 31/12/2020 is before the period).
    assert (progress.admitted, progress.target, progress.until) == (5, 8, date(2024, 1, 1))
    assert progress.sentence == "đạt 62,5% chỉ tiêu" and progress.shortfall == 3
    assert progress.categories() == [{"name": "farmers", "label": "nông dân", "target": 4, "admitted": 2}]


def test_achievement_at_an_earlier_date_counts_up_to_that_day(world, admitted):
    progress = achievement.progress(world.pac_nam, world.plan_pac_nam, date(2023, 6, 30))
    assert progress.admitted == 4 and progress.percent_text == "0,89%"  # 4 of 450


def test_achievement_never_counts_past_the_periods_end(world, admitted):
    plan = factories.plan(world.cong_bang, "08/KH/ĐU", date(2022, 1, 1), date(2022, 12, 31), 2)
    progress = achievement.progress(world.cong_bang, plan, date(2025, 1, 1))
    assert (progress.admitted, progress.until, progress.sentence) == (
        2,
        date(2022, 12, 31),
        "đạt 100% chỉ tiêu",
    )


def test_a_quota_is_achieved_by_its_own_unit(world, admitted):
    quota = Quota.objects.get(pk=world.quota_cong_bang.pk)
    quota.target = 4
    progress = achievement.progress(world.cong_bang, quota, date(2024, 1, 1))
    assert progress.sentence == "đạt 125% chỉ tiêu"


def test_each_child_is_counted_alone_in_one_call(world, admitted):
    by_unit = achievement.admitted_by_unit(
        [world.phya_ma, world.na_pai], date(2021, 1, 1), date(2023, 12, 31)
    )
    assert (by_unit[world.phya_ma.pk].admitted, by_unit[world.na_pai.pk].admitted) == (3, 2)


def test_the_basis_comes_from_the_setting(settings):
    assert achievement.basis() == "ceremony"
    settings.PTDV_ACHIEVEMENT_BASIS = "decision"
    assert achievement.basis() == "decision"


def test_targets_for_prefers_the_units_own_shortest_covering_plan(world):
    term = world.plan_pac_nam
    yearly = factories.plan(
        world.pac_nam, "30/KH/HU", date(2023, 1, 1), date(2023, 12, 31), 95, youth_union=40
    )
    first_half = achievement.targets_for(world.pac_nam, date(2023, 1, 1), date(2023, 6, 30))
    assert (first_half.document, first_half.target, first_half.sub_targets) == (
        "Kế hoạch số 30/KH/HU",
        95,
        {"youth_union": 40},
    )
    assert not first_half.is_quota
    whole = achievement.targets_for(world.pac_nam, date(2021, 1, 1), date(2023, 6, 30))
    assert (whole.document, whole.target, whole.starts_on, whole.ends_on) == (
        "Kế hoạch số 25/KH/HU",
        450,
        date(2021, 1, 1),
        date(2025, 12, 31),
    )
    services.withdraw(yearly, "Nhập nhầm", yearly.version, by=world.alice)
    assert achievement.targets_for(world.pac_nam, date(2023, 1, 1), date(2023, 6, 30)).target == term.target


def test_targets_for_a_child_is_the_quota_handed_to_it(world):
    targets = achievement.targets_for(world.cong_bang, date(2021, 1, 1), date(2023, 6, 30))
    assert (targets.target, targets.is_quota, targets.document, targets.unit_name) == (
        40,
        True,
        "Kế hoạch số 25/KH/HU",
        "Đảng bộ huyện Pác Nặm",
    )


def test_targets_for_a_period_no_plan_covers_is_none(world):
    assert achievement.targets_for(world.pac_nam, date(2020, 6, 1), date(2021, 6, 30)) is None
    assert achievement.targets_for(world.phya_ma, date(2021, 1, 1), date(2021, 12, 31)) is None
    services.withdraw(world.plan_pac_nam, "Thay bằng kế hoạch mới", 0, by=world.alice)
    assert achievement.targets_for(world.cong_bang, date(2021, 1, 1), date(2021, 12, 31)) is None
