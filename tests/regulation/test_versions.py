"""Regulation versions are a table: the one in force on a date decides numbers and citation."""

from datetime import date
from fractions import Fraction

import pytest

from ptdv.regulation.versions import VERSIONS, Settings, version_on


@pytest.mark.parametrize(
    ("day", "title"),
    [
        (date(2016, 7, 25), "Quy định 29-QĐ/TW, Hướng dẫn 01-HD/TW năm 2016"),
        (date(2021, 7, 29), "Quy định 29-QĐ/TW, Hướng dẫn 01-HD/TW năm 2016"),
        (date(2021, 7, 30), "Quy định 24-QĐ/TW, Hướng dẫn 01-HD/TW năm 2021"),
        (date(2025, 1, 19), "Quy định 24-QĐ/TW, Hướng dẫn 01-HD/TW năm 2021"),
        (date(2025, 1, 20), "Quy định 232-QĐ/TW"),
        (date(2025, 6, 30), "Quy định 232-QĐ/TW"),
        (date(2025, 7, 1), "Quy định 294-QĐ/TW, Hướng dẫn 06-HD/TW"),
        (date(2040, 1, 1), "Quy định 294-QĐ/TW, Hướng dẫn 06-HD/TW"),
    ],
)
def test_version_in_force_is_picked_at_each_boundary(day, title):
    assert version_on(day).title == title


def test_no_version_before_25_july_2016():
    assert version_on(date(2016, 7, 24)) is None


def test_versions_follow_each_other_without_gap_or_overlap():
    for earlier, later in zip(VERSIONS, VERSIONS[1:], strict=False):
        assert (later.valid_from - earlier.valid_to).days == 1
    assert VERSIONS[-1].valid_to is None


def test_the_numbers_are_the_same_in_all_four_versions():
    for version in VERSIONS:
        assert version.min_age_months == 216
        assert version.max_age_months == 720
        assert version.awareness_cert_valid_months == 60
        assert version.vote_fraction == Fraction(2, 3)
        assert version.branch_min_official == 3
        assert version.readmission_wait_months == 36
        assert version.readmission_wait_after_conviction_months == 60
        assert version.probation_months == 12
        assert version.decision_due_working_days == 60
        assert version.decision_extension_working_days == 30


def test_unconfirmed_parameters_are_settings_with_common_defaults():
    settings = Settings()
    assert settings.verification_valid_months == 12
    assert settings.introduction_valid_months == 6
    assert settings.youth_union_age == (16, 30)
