"""Percentages as officials write them: a decimal comma, two decimals at most."""

from decimal import Decimal

from ptdv.plans import percent


def test_achievement_reads_like_the_articles():
    assert percent.sentence(425, 400) == "đạt 106,25% chỉ tiêu"
    assert percent.sentence(51, 50) == "đạt 102% chỉ tiêu"
    assert percent.sentence(1, 3) == "đạt 33,33% chỉ tiêu"
    assert percent.sentence(2, 3) == "đạt 66,67% chỉ tiêu"  # rounded half up


def test_large_percentages_group_thousands_with_dots_and_no_target_says_so():
    assert percent.vn_percent(percent.share(12345, 10)) == "123.450%"
    assert percent.vn_percent(Decimal("1.50")) == "1,5%"
    assert percent.share(3, 0) is None and percent.vn_percent(None) == ""
    assert percent.sentence(3, 0) == "chưa có chỉ tiêu"
