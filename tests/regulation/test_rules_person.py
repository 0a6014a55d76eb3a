"""AGE_MIN, AGE_MAX, EDUCATION, READMISSION, DUPLICATE_PERSON."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ptdv.regulation.dates import add_months
from ptdv.regulation.rules import check
from ptdv.regulation.rules_person import age_max, age_min, education, readmission
from ptdv.regulation.stages import Stage

from .builders import MEETING, SETTINGS, VERSION, codes, valid_case

births = st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31))
feb_29_births = st.sampled_from([date(y, 2, 29) for y in range(1948, 2010, 4)])
offsets = st.integers(min_value=-45, max_value=45)


def _rule_on(rule, meeting, **changes):
    facts = valid_case(branch_meeting_date=meeting, **changes)
    return rule(facts, meeting, VERSION, SETTINGS)


@given(birth=births | feb_29_births, offset=offsets)
def test_applicant_must_be_full_18_years_in_months_on_the_meeting_date(birth, offset):
    eighteenth = add_months(birth, 216)
    meeting = eighteenth + timedelta(days=offset)
    fired = codes(_rule_on(age_min, meeting, birth_date=birth)) == ["AGE_MIN"]
    assert fired == (meeting < eighteenth)


def test_born_on_29_february_is_18_on_28_february_of_a_common_year():
    born = date(2008, 2, 29)
    assert _rule_on(age_min, date(2026, 2, 27), birth_date=born)
    assert not _rule_on(age_min, date(2026, 2, 28), birth_date=born)


def test_age_min_message_names_birth_meeting_and_the_day_of_18():
    [finding] = _rule_on(age_min, date(2025, 2, 3), birth_date=date(2007, 3, 15))
    assert "03/02/2025" in finding.message
    assert "15/03/2007" in finding.message
    assert "17 tuổi 10 tháng" in finding.message
    assert "15/03/2025" in finding.message
    assert finding.blocks == (Stage.BRANCH_RESOLVED,)


@given(birth=births | feb_29_births, offset=offsets)
def test_over_60_years_needs_province_consent(birth, offset):
    boundary = add_months(birth, 721)  # first day with more than 720 full months
    meeting = boundary + timedelta(days=offset)
    fired = codes(_rule_on(age_max, meeting, birth_date=birth)) == ["AGE_MAX"]
    assert fired == (meeting >= boundary)


def test_exactly_60_years_needs_no_consent_but_a_month_more_does():
    born = date(1964, 2, 29)
    assert not _rule_on(age_max, date(2024, 2, 29), birth_date=born)
    assert not _rule_on(age_max, date(2024, 3, 28), birth_date=born)
    [finding] = _rule_on(age_max, date(2024, 3, 29), birth_date=born)
    assert "29/02/1964" in finding.message and "Ban Thường vụ Tỉnh ủy" in finding.message


def test_province_consent_allows_admission_over_60():
    over_60 = {"birth_date": date(1960, 1, 1)}
    assert _rule_on(age_max, MEETING, **over_60)
    assert not _rule_on(age_max, MEETING, province_consent_over_60=date(2025, 1, 5), **over_60)


@pytest.mark.parametrize("level", ["THCS", "THPT", "COLLEGE"])
def test_lower_secondary_diploma_or_higher_is_enough_everywhere(level):
    assert not _rule_on(education, MEETING, education=level)


def test_primary_school_is_not_enough_outside_hardship_areas():
    [finding] = _rule_on(education, MEETING, education="PRIMARY")
    assert finding.code == "EDUCATION"
    assert "hoàn thành tiểu học" in finding.message
    assert "trung học cơ sở" in finding.message


@pytest.mark.parametrize("place", [{"hardship_area": True}, {"fisherman": True}])
def test_primary_school_is_enough_in_hardship_areas_and_for_fishermen(place):
    assert not _rule_on(education, MEETING, education="PRIMARY", **place)
    assert _rule_on(education, MEETING, education="NONE", **place)


def test_respected_elder_in_hardship_area_needs_literacy_and_province_consent():
    elder = {"education": "NONE", "hardship_area": True, "respected_elder": True}
    [finding] = _rule_on(education, MEETING, **elder)
    assert "biết đọc, biết viết" in finding.message
    assert _rule_on(education, MEETING, literate=True, **elder)
    assert not _rule_on(education, MEETING, literate=True, province_consent_elder=date(2025, 1, 2), **elder)


def test_respected_elder_outside_hardship_areas_gets_no_exemption():
    elder = {"education": "NONE", "respected_elder": True, "literate": True}
    assert _rule_on(education, MEETING, province_consent_elder=date(2025, 1, 2), **elder)


def _former(**changes):
    base = {
        "former_member": True,
        "left_party_date": date(2021, 3, 10),
        "province_consent_readmission": date(2025, 1, 20),
    }
    return {**base, **changes}


def test_readmission_waits_36_months_after_leaving():
    left = date(2022, 3, 10)
    [finding] = _rule_on(readmission, MEETING, **_former(left_party_date=left))
    assert finding.code == "READMISSION"
    assert "10/03/2022" in finding.message and "03/02/2025" in finding.message
    assert "34 tháng" in finding.message and "10/03/2025" in finding.message
    assert not _rule_on(readmission, date(2025, 3, 10), **_former(left_party_date=left))
    assert _rule_on(readmission, date(2025, 3, 9), **_former(left_party_date=left))


@given(left=births, offset=offsets, convicted=st.booleans())
def test_readmission_wait_is_36_months_or_60_after_a_cleared_conviction(left, offset, convicted):
    wait = 60 if convicted else 36
    meeting = add_months(left, wait) + timedelta(days=offset)
    facts = _former(left_party_date=left, cleared_conviction=convicted)
    assert bool(_rule_on(readmission, meeting, **facts)) == (meeting < add_months(left, wait))


def test_readmission_needs_province_consent_and_happens_only_once():
    assert len(_rule_on(readmission, MEETING, **_former(province_consent_readmission=None))) == 1
    assert len(_rule_on(readmission, MEETING, **_former(previously_readmitted=True))) == 1
    assert len(_rule_on(readmission, MEETING, **_former(barred_reason=True))) == 1
    assert not _rule_on(readmission, MEETING, **_former())


def test_readmission_rules_do_not_concern_first_admissions():
    assert not _rule_on(readmission, MEETING, former_member=False, barred_reason=True)


def test_duplicate_citizen_id_blocks_creating_the_case():
    facts = valid_case(duplicate_of="hồ sơ đang mở của Lò Văn A (chi bộ bản Nà Cọ)")
    [finding] = check(facts, MEETING)
    assert finding.code == "DUPLICATE_PERSON"
    assert "Lò Văn A" in finding.message
    assert finding.blocks == (Stage.SOURCE,)
    assert not check(valid_case(duplicate_of=None), MEETING)
