"""INTRODUCERS, INTRODUCER_OFFICIAL, INTRODUCER_TOGETHER."""

from datetime import date

import pytest

from ptdv.regulation.facts import Introducer
from ptdv.regulation.rules_introducers import (
    introducer_official,
    introducer_together,
    introducers,
)
from ptdv.regulation.versions import Settings

from .builders import MEETING, SETTINGS, VERSION, valid_case

ONE = (Introducer("Hoàng Văn Sơn", months_together=24, intro_date=date(2025, 1, 10)),)
YOUTH = {"birth_date": date(2000, 4, 1)}  # 24 years old at the meeting
YU_RESOLUTION = {"youth_union_resolution_date": date(2025, 1, 12)}


def _run(rule, settings=SETTINGS, **changes):
    return rule(valid_case(**changes), MEETING, VERSION, settings)


def test_two_official_members_introduce():
    assert not _run(introducers)
    [finding] = _run(introducers, introducers=ONE)
    assert finding.message == "Cần hai đảng viên chính thức giới thiệu (mẫu 3-KNĐ), hiện có 1"


def test_youth_union_age_applicant_may_be_introduced_by_youth_union_and_one_member():
    assert not _run(introducers, introducers=ONE, **YOUTH, **YU_RESOLUTION)
    [finding] = _run(introducers, introducers=ONE, **YOUTH)
    assert "4-KNĐ" in finding.message and "chưa có nghị quyết" in finding.message


def test_youth_union_resolution_still_needs_one_official_member():
    assert _run(introducers, introducers=(), **YOUTH, **YU_RESOLUTION)


def test_youth_union_path_is_not_open_to_an_applicant_past_youth_union_age():
    older = {"birth_date": date(1990, 5, 10)}  # 34 years old
    assert _run(introducers, introducers=ONE, **older, **YU_RESOLUTION)


@pytest.mark.parametrize(
    ("birth", "youth"),
    [
        (date(1994, 1, 13), True),  # turns 31 on 13/01/2025, the day after the resolution
        (date(1994, 1, 12), False),  # 31 on the day of the resolution
        (date(2009, 1, 12), True),  # 16 on the day of the resolution
        (date(2009, 1, 13), False),  # not yet 16
    ],
)
def test_youth_union_age_band_is_16_to_30_on_the_resolution_date(birth, youth):
    findings = _run(introducers, introducers=ONE, birth_date=birth, **YU_RESOLUTION)
    assert (not findings) == youth


def test_where_there_is_no_youth_union_the_trade_union_introduces():
    no_yu = {"youth_union_exists": False, **YOUTH}
    assert not _run(introducers, introducers=ONE, trade_union_resolution_date=date(2025, 1, 12), **no_yu)
    [finding] = _run(introducers, introducers=ONE, **YU_RESOLUTION, **no_yu)
    assert "4A-KNĐ" in finding.message


def test_introductions_older_than_the_configured_validity_are_an_error():
    old = (
        Introducer("Hoàng Văn Sơn", months_together=24, intro_date=date(2024, 8, 2)),
        Introducer("Nông Thị Lan", months_together=24, intro_date=date(2025, 1, 10)),
    )
    [finding] = _run(introducers, introducers=old)
    assert "Hoàng Văn Sơn" in finding.message and "02/08/2024" in finding.message
    assert not _run(introducers, settings=Settings(introduction_valid_months=None), introducers=old)


def test_each_introducer_is_an_official_member_on_the_introduction_date():
    probationary = Introducer(
        "Vi Văn Bình", is_official_on_intro_date=False, months_together=20, intro_date=date(2025, 1, 10)
    )
    [finding] = _run(introducer_official, introducers=(ONE[0], probationary))
    assert finding.code == "INTRODUCER_OFFICIAL"
    assert "Vi Văn Bình" in finding.message and "10/01/2025" in finding.message
    assert not _run(introducer_official)


@pytest.mark.parametrize(("months", "fires"), [(11, True), (12, False), (30, False)])
def test_introducer_worked_or_lived_with_the_applicant_at_least_12_months(months, fires):
    introducer = Introducer("Vi Văn Bình", months_together=months, intro_date=date(2025, 1, 10))
    findings = _run(introducer_together, introducers=(ONE[0], introducer))
    assert bool(findings) == fires
    if fires:
        assert "11 tháng" in findings[0].message and "10/01/2025" in findings[0].message


def test_replacement_introducer_needs_no_12_months_together():
    replacement = Introducer("Vi Văn Bình", months_together=2, replacement=True)
    assert not _run(introducer_together, introducers=(ONE[0], replacement))
