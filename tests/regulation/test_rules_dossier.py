"""AWARENESS_CERT, AWARENESS_CERT_EXPIRING, APPLICATION, VERIFICATION, COMMENTS."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ptdv.regulation.dates import add_months
from ptdv.regulation.facts import RelativeCheck
from ptdv.regulation.findings import Severity
from ptdv.regulation.rules_dossier import (
    application,
    awareness_cert,
    awareness_cert_expiring,
    comments,
    verification,
)
from ptdv.regulation.stages import Stage
from ptdv.regulation.versions import Settings

from .builders import MEETING, SETTINGS, VERSION, valid_case


def _rule_on(rule, meeting, settings=SETTINGS, **changes):
    facts = valid_case(branch_meeting_date=meeting, **changes)
    return rule(facts, meeting, VERSION, settings)


def test_certificate_older_than_60_months_on_the_meeting_date_is_an_error():
    [finding] = _rule_on(
        awareness_cert, date(2025, 2, 3), awareness_cert_date=date(2020, 1, 15), awareness_cert_no=None
    )
    assert finding.message.startswith(
        "Giấy chứng nhận học lớp nhận thức về Đảng cấp ngày 15/01/2020 đã quá 60 tháng "
        "vào ngày chi bộ họp 03/02/2025"
    )
    assert "15/01/2025" in finding.message
    assert finding.severity == Severity.ERROR
    assert finding.citation == "Quy định 232-QĐ/TW"


def test_certificate_exactly_60_months_old_is_valid_one_day_later_it_is_not():
    cert = date(2020, 1, 15)
    assert not _rule_on(awareness_cert, date(2025, 1, 15), awareness_cert_date=cert)
    assert _rule_on(awareness_cert, date(2025, 1, 16), awareness_cert_date=cert)


@given(
    cert=st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 12, 31)),
    offset=st.integers(min_value=-40, max_value=40),
)
def test_certificate_is_valid_through_the_day_60_months_later(cert, offset):
    last_valid = add_months(cert, 60)
    meeting = last_valid + timedelta(days=offset)
    assert bool(_rule_on(awareness_cert, meeting, awareness_cert_date=cert)) == (offset > 0)


def test_certificate_issued_on_29_february_is_valid_through_28_february_five_years_on():
    cert = date(2020, 2, 29)
    assert not _rule_on(awareness_cert, date(2025, 2, 28), awareness_cert_date=cert)
    assert _rule_on(awareness_cert, date(2025, 3, 1), awareness_cert_date=cert)


def test_certificate_dated_after_the_meeting_is_an_error():
    [finding] = _rule_on(awareness_cert, MEETING, awareness_cert_date=date(2025, 2, 10))
    assert "10/02/2025" in finding.message and "03/02/2025" in finding.message


def _expiring(as_of, stage=Stage.DOSSIER, cert=date(2020, 6, 1)):
    facts = valid_case(awareness_cert_date=cert, branch_meeting_date=None, stage=stage)
    return awareness_cert_expiring(facts, as_of, VERSION, SETTINGS)


def test_warns_when_the_certificate_expires_within_90_days_before_the_branch_vote():
    # Valid through 01/06/2025; 90 days before that is 03/03/2025.
    [finding] = _expiring(date(2025, 3, 3))
    assert finding.code == "AWARENESS_CERT_EXPIRING"
    assert finding.severity == Severity.WARNING
    assert finding.blocks == ()
    assert "01/06/2020" in finding.message and "01/06/2025" in finding.message
    assert "còn 90 ngày" in finding.message
    assert not _expiring(date(2025, 3, 2))


def test_warns_that_an_expired_certificate_needs_the_class_again():
    [finding] = _expiring(date(2025, 6, 2))
    assert "đã hết giá trị" in finding.message


def test_no_expiry_warning_once_the_branch_has_voted_or_the_case_is_closed():
    assert not _expiring(date(2025, 5, 1), stage=Stage.BRANCH_RESOLVED)
    assert not _expiring(date(2025, 5, 1), stage=Stage.WITHDRAWN)
    assert _expiring(date(2025, 5, 1), stage=Stage.AWARENESS)


def test_history_may_be_certified_only_after_verification_results():
    facts = valid_case(
        branch_meeting_date=None,
        verification_results_date=date(2024, 12, 15),
        history_certified_date=date(2024, 12, 10),
    )
    [finding] = application(facts, MEETING, VERSION, SETTINGS)
    assert finding.code == "APPLICATION"
    assert "10/12/2024" in finding.message and "15/12/2024" in finding.message
    same_day = valid_case(
        verification_results_date=date(2024, 12, 10), history_certified_date=date(2024, 12, 10)
    )
    assert not application(same_day, MEETING, VERSION, SETTINGS)


def test_application_and_personal_history_must_be_in_the_dossier_at_the_meeting():
    findings = _rule_on(application, MEETING, application_date=None, history_date=None)
    messages = " | ".join(f.message for f in findings)
    assert "1-KNĐ" in messages and "2-KNĐ" in messages
    assert len(findings) == 2


def test_missing_application_is_not_reported_before_a_meeting_date_exists():
    facts = valid_case(branch_meeting_date=None, application_date=None, history_date=None)
    assert not application(facts, MEETING, VERSION, SETTINGS)


def test_every_relative_must_be_verified():
    relatives = (
        RelativeCheck("Cha", "Lò Văn Hạnh", verified=True),
        RelativeCheck("Vợ", "Lường Thị Mai", verified=False),
    )
    [finding] = _rule_on(verification, MEETING, relatives=relatives)
    assert finding.code == "VERIFICATION"
    assert "Vợ Lường Thị Mai" in finding.message


def test_a_parent_who_is_a_party_member_need_not_be_verified():
    member_father = RelativeCheck(
        "Cha", "Lò Văn Hạnh", verified=False, is_party_member=True, exempt_relation=True
    )
    assert member_father.exempt
    assert not _rule_on(verification, MEETING, relatives=(member_father,))


def test_a_spouse_who_is_a_party_member_is_still_verified():
    member_wife = RelativeCheck("Vợ", "Lường Thị Mai", is_party_member=True, exempt_relation=False)
    assert not member_wife.exempt
    assert _rule_on(verification, MEETING, relatives=(member_wife,))


def test_verification_results_must_exist_and_be_recent_enough():
    [missing] = _rule_on(verification, MEETING, verification_results_date=None)
    assert missing.message == "Chưa có kết quả thẩm tra lý lịch"
    [stale] = _rule_on(verification, MEETING, verification_results_date=date(2024, 2, 2))
    assert "02/02/2024" in stale.message and "12 tháng" in stale.message
    assert not _rule_on(verification, MEETING, verification_results_date=date(2024, 2, 3))


def test_verification_validity_is_a_setting_that_can_be_switched_off():
    old = {"verification_results_date": date(2023, 1, 5)}
    assert _rule_on(verification, MEETING, **old)
    no_limit = Settings(verification_valid_months=None)
    assert not _rule_on(verification, MEETING, settings=no_limit, **old)
    assert _rule_on(verification, MEETING, settings=Settings(verification_valid_months=36), **old) == []


def test_comments_of_mass_organisation_and_residence_branch_are_required():
    findings = _rule_on(comments, MEETING, comments_mass_org_date=None, comments_residence_branch_date=None)
    assert [f.code for f in findings] == ["COMMENTS", "COMMENTS"]
    assert "chi ủy nơi cư trú" in findings[1].message
    assert not _rule_on(comments, MEETING)


def test_comments_dated_after_the_meeting_are_an_error():
    [finding] = _rule_on(comments, MEETING, comments_residence_branch_date=date(2025, 2, 4))
    assert "04/02/2025" in finding.message and "03/02/2025" in finding.message
