"""check, check_transition and blocking: the engine around the rules, and its purity."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ptdv.regulation.facts import CaseFacts, Introducer, RelativeCheck
from ptdv.regulation.findings import Finding, Severity
from ptdv.regulation.rules import RULE_CODES, blocking, check, check_transition
from ptdv.regulation.stages import Stage

from .builders import MEETING, codes, valid_case

PACKAGE = Path(__file__).resolve().parents[2] / "ptdv" / "regulation"

DOMAIN_RULE_CODES = {
    "AGE_MIN",
    "AGE_MAX",
    "EDUCATION",
    "AWARENESS_CERT",
    "AWARENESS_CERT_EXPIRING",
    "APPLICATION",
    "VERIFICATION",
    "INTRODUCERS",
    "INTRODUCER_OFFICIAL",
    "INTRODUCER_TOGETHER",
    "COMMENTS",
    "BRANCH_SIZE",
    "BRANCH_VOTE",
    "COMMITTEE_VOTE",
    "READMISSION",
    "DUPLICATE_PERSON",
    "NO_REGULATION",
}

# Code → (facts that make it fire, as_of); the valid case on MEETING is where none fires.
FIRING = {
    "AGE_MIN": (valid_case(birth_date=date(2007, 3, 15)), MEETING),
    "AGE_MAX": (valid_case(birth_date=date(1960, 1, 1)), MEETING),
    "EDUCATION": (valid_case(education="PRIMARY"), MEETING),
    "AWARENESS_CERT": (valid_case(awareness_cert_date=date(2020, 1, 15)), MEETING),
    "AWARENESS_CERT_EXPIRING": (
        valid_case(awareness_cert_date=date(2020, 3, 1), branch_meeting_date=None),
        MEETING,
    ),
    "APPLICATION": (valid_case(application_date=None), MEETING),
    "VERIFICATION": (valid_case(relatives=(RelativeCheck("Mẹ", "Lường Thị Ngân"),)), MEETING),
    "INTRODUCERS": (valid_case(introducers=()), MEETING),
    "INTRODUCER_OFFICIAL": (
        valid_case(
            introducers=(
                Introducer("A", months_together=20, intro_date=date(2025, 1, 10)),
                Introducer("B", False, months_together=20, intro_date=date(2025, 1, 10)),
            )
        ),
        MEETING,
    ),
    "INTRODUCER_TOGETHER": (
        valid_case(
            introducers=(
                Introducer("A", months_together=20, intro_date=date(2025, 1, 10)),
                Introducer("B", months_together=6, intro_date=date(2025, 1, 10)),
            )
        ),
        MEETING,
    ),
    "COMMENTS": (valid_case(comments_mass_org_date=None), MEETING),
    "BRANCH_SIZE": (
        valid_case(branch_official_members=2, summoned_official_members=2, votes_for=2),
        MEETING,
    ),
    "BRANCH_VOTE": (valid_case(votes_for=5), MEETING),
    "COMMITTEE_VOTE": (valid_case(committee_members=7, committee_votes_for=4), MEETING),
    "READMISSION": (valid_case(former_member=True, left_party_date=date(2023, 1, 1)), MEETING),
    "DUPLICATE_PERSON": (valid_case(duplicate_of="đảng viên Lò Văn A"), MEETING),
    "NO_REGULATION": (valid_case(), date(2016, 7, 24)),
}


def test_rule_codes_are_exactly_those_of_domain():
    assert set(RULE_CODES) == DOMAIN_RULE_CODES
    assert set(FIRING) == DOMAIN_RULE_CODES


def test_a_complete_dossier_has_no_finding():
    assert check(valid_case(), MEETING) == []


@pytest.mark.parametrize("code", sorted(DOMAIN_RULE_CODES))
def test_each_rule_fires_on_the_fact_it_is_about_and_only_then(code):
    facts, as_of = FIRING[code]
    assert set(codes(check(facts, as_of))) == {code}
    assert code not in codes(check(valid_case(), MEETING))


def test_findings_cite_the_version_in_force_on_the_date_checked():
    facts = valid_case(votes_for=5)
    [before] = check(facts, date(2025, 1, 19))
    [after] = check(facts, date(2025, 7, 1))
    assert before.citation == "Quy định 24-QĐ/TW, Hướng dẫn 01-HD/TW năm 2021"
    assert after.citation == "Quy định 294-QĐ/TW, Hướng dẫn 06-HD/TW"


def test_a_date_before_every_regulation_gives_only_no_regulation():
    facts = valid_case(votes_for=1, birth_date=date(2010, 1, 1))
    [finding] = check(facts, date(2015, 3, 1))
    assert finding.code == "NO_REGULATION"
    assert finding.message.startswith("Ngày 01/03/2015 trước mọi văn bản quy định mà hệ thống biết")
    assert "25/07/2016" in finding.message
    assert blocking([finding], Stage.BRANCH_RESOLVED) == [finding]
    assert not check(valid_case(), date(2016, 7, 25))


def test_missing_items_are_errors_only_when_recording_the_branch_resolution():
    early = CaseFacts(birth_date=date(1995, 1, 1), stage=Stage.DOSSIER)
    assert check(early, date(2024, 10, 1)) == []
    findings = check_transition(early, Stage.BRANCH_RESOLVED, date(2024, 10, 1))
    blocked = blocking(findings, Stage.BRANCH_RESOLVED)
    assert set(codes(blocked)) >= {
        "EDUCATION",
        "AWARENESS_CERT",
        "APPLICATION",
        "VERIFICATION",
        "INTRODUCERS",
        "COMMENTS",
        "BRANCH_SIZE",
        "BRANCH_VOTE",
    }
    messages = [f.message for f in blocked]
    assert "Chưa có Giấy chứng nhận học lớp nhận thức về Đảng" in messages
    assert "Chưa có Đơn xin vào Đảng (mẫu 1-KNĐ)" in messages


def test_check_transition_judges_on_the_date_of_the_act_when_no_meeting_date_is_typed():
    facts = valid_case(branch_meeting_date=None, awareness_cert_date=date(2020, 1, 15))
    assert "AWARENESS_CERT" not in codes(check(facts, MEETING))
    found = check_transition(facts, Stage.BRANCH_RESOLVED, MEETING)
    [finding] = [f for f in found if f.code == "AWARENESS_CERT"]
    assert "03/02/2025" in finding.message


def test_a_complete_dossier_may_move_to_branch_resolved():
    assert (
        blocking(check_transition(valid_case(), Stage.BRANCH_RESOLVED, MEETING), Stage.BRANCH_RESOLVED) == []
    )


def test_dossier_errors_block_the_branch_resolution_not_later_steps():
    findings = check(valid_case(votes_for=5), MEETING)
    assert codes(blocking(findings, Stage.BRANCH_RESOLVED)) == ["BRANCH_VOTE"]
    assert blocking(findings, Stage.COMMITTEE_RESOLVED) == []


def test_warnings_never_block():
    facts, as_of = FIRING["AWARENESS_CERT_EXPIRING"]
    [warning] = check(facts, as_of)
    assert warning.severity == Severity.WARNING
    assert all(blocking([warning], stage) == [] for stage in Stage)


def test_historical_cases_keep_their_findings_but_block_nothing():
    facts = valid_case(votes_for=5, historical=True)
    [finding] = check(facts, MEETING)
    assert finding.severity == Severity.ERROR
    assert finding.blocks == ()
    assert blocking([finding], Stage.BRANCH_RESOLVED) == []
    old = valid_case(historical=True)
    [no_regulation] = check(old, date(2010, 1, 1))
    assert no_regulation.blocks == ()


def test_finding_as_a_dict_for_the_api():
    [finding] = check(valid_case(votes_for=5), MEETING)
    assert finding.to_dict() == {
        "code": "BRANCH_VOTE",
        "severity": "error",
        "message": finding.message,
        "citation": "Quy định 232-QĐ/TW",
    }
    assert isinstance(finding, Finding)


def test_regulation_package_never_mentions_django():
    for path in PACKAGE.glob("*.py"):
        assert "django" not in path.read_text(encoding="utf-8").lower(), path.name


def test_importing_the_regulation_engine_does_not_import_django():
    code = (
        "import sys, ptdv.regulation; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    root = PACKAGE.parents[1]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, env={"PYTHONPATH": str(root)})
    assert result.returncode == 0
