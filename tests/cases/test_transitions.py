"""The path of a case, checked against the regulation in force on each act's date."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ptdv.cases import transitions
from ptdv.cases.models import Case
from ptdv.org import adoption
from ptdv.people import summaries
from tests.cases.conftest import MEETING, complete_dossier, move
from tests.factories import case as new_case
from tests.factories import member

pytestmark = pytest.mark.django_db


def test_a_case_walks_from_source_to_official_member_and_counts_follow(world, ready):
    case, alice = ready, world.alice
    move(case, "BRANCH_RESOLVED", MEETING, alice, summoned=3, votes_for=3)
    move(case, "COMMITTEE_RESOLVED", date(2025, 2, 10), alice, members=9, votes_for=8)
    move(case, "SUBMITTED", date(2025, 2, 12), alice, receiving_body="Ban Thường vụ Huyện ủy")
    move(case, "DECIDED", date(2025, 3, 1), alice, decision_no="123-QĐ/HU", received_on="2025-03-05")
    before = summaries.totals(world.phya_ma, date(2025, 3, 15))
    move(case, "PROBATION", date(2025, 3, 15), alice)
    after = summaries.totals(world.phya_ma, date(2025, 3, 15))
    assert after.probationary == before.probationary + 1

    case.refresh_from_db()
    assert case.member.admitted_on == date(2025, 3, 15) and case.member.status == "PROBATIONARY"
    with pytest.raises(ValidationError, match="Chưa hết 12 tháng dự bị"):
        move(case, "RECOGNITION_PROPOSED", date(2026, 3, 1), alice, summoned=3, votes_for=3)
    move(case, "RECOGNITION_PROPOSED", date(2026, 3, 20), alice, summoned=3, votes_for=3)
    # The recognition decision comes late; the member is official from the end of probation.
    move(case, "OFFICIAL", date(2026, 6, 1), alice, decision_no="45-QĐ/HU")
    case.refresh_from_db()
    assert case.stage == "OFFICIAL"
    assert case.member.status == "OFFICIAL" and case.member.official_on == date(2026, 3, 15)
    assert summaries.totals(world.phya_ma, date(2026, 3, 15)).official == 4
    assert [e.stage for e in case.events.all()][-3:] == ["PROBATION", "RECOGNITION_PROPOSED", "OFFICIAL"]


def test_an_expired_certificate_blocks_the_branch_vote_with_its_facts(world):
    world.introducers = [
        member(world.phya_ma, "Lục Văn Kiên"),
        member(world.phya_ma, "Ma Thị Nhung", sex="F"),
    ]
    case = complete_dossier(world.case_phya_ma, world, cert_date=date(2020, 1, 15))
    with pytest.raises(transitions.TransitionRefused) as refused:
        move(case, "BRANCH_RESOLVED", MEETING, world.alice, summoned=3, votes_for=3)
    codes = {f.code for f in refused.value.findings}
    assert "AWARENESS_CERT" in codes
    message = next(f.message for f in refused.value.findings if f.code == "AWARENESS_CERT")
    assert "15/01/2020" in message and "03/02/2025" in message
    # 03/02/2025 falls under Quy định 232-QĐ/TW (20/1/2025–30/6/2025).
    assert all(f.citation.startswith("Quy định 232-QĐ/TW") for f in refused.value.findings)
    assert Case.objects.get(pk=case.pk).stage == "DOSSIER"


def test_branch_vote_needs_two_thirds_of_summoned_members(world, ready):
    with pytest.raises(transitions.TransitionRefused, match="Cần ít nhất 2 phiếu"):
        move(ready, "BRANCH_RESOLVED", MEETING, world.alice, summoned=3, votes_for=1)
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, summoned=3, votes_for=2)


def test_a_branch_of_two_official_members_cannot_vote(world):
    world.introducers = [member(world.phya_ma, "Lục Văn Kiên")]
    case = complete_dossier(world.case_phya_ma, world)
    with pytest.raises(transitions.TransitionRefused) as refused:
        move(case, "BRANCH_RESOLVED", MEETING, world.alice, summoned=2, votes_for=2)
    assert "BRANCH_SIZE" in {f.code for f in refused.value.findings}


def test_committee_stage_is_skipped_for_a_grassroots_branch(world, ready):
    world.phya_ma.kind = "GRASSROOTS_BRANCH"
    world.phya_ma.save()
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, summoned=3, votes_for=3)
    with pytest.raises(ValidationError, match="Không thể chuyển"):
        move(ready, "COMMITTEE_RESOLVED", date(2025, 2, 10), world.alice, members=9, votes_for=9)
    move(ready, "SUBMITTED", date(2025, 2, 10), world.alice, receiving_body="Huyện ủy")


def test_who_may_move_a_case(world, ready):
    with pytest.raises(ValidationError, match="Vai trò"):
        move(ready, "BRANCH_RESOLVED", MEETING, world.victor, summoned=3, votes_for=3)
    move(ready, "BRANCH_RESOLVED", MEETING, world.carol, summoned=3, votes_for=3)
    with pytest.raises(ValidationError, match="Vai trò"):
        move(ready, "COMMITTEE_RESOLVED", date(2025, 2, 10), world.carol, members=9, votes_for=9)
    move(ready, "COMMITTEE_RESOLVED", date(2025, 2, 10), world.bob, members=9, votes_for=9)
    move(ready, "SUBMITTED", date(2025, 2, 11), world.bob, receiving_body="Huyện ủy")
    with pytest.raises(ValidationError, match="Vai trò"):
        move(ready, "DECIDED", date(2025, 3, 1), world.bob, decision_no="1")
    move(ready, "DECIDED", date(2025, 3, 1), world.alice, decision_no="1")


def test_the_second_of_two_simultaneous_moves_is_told_the_case_changed(world, ready):
    ready.refresh_from_db()
    stale = ready.version
    transitions.move(
        ready, "BRANCH_RESOLVED", MEETING, {"summoned": 3, "votes_for": 3}, by=world.alice, version=stale
    )
    with pytest.raises(ValidationError, match="người khác cập nhật"):
        transitions.move(ready, "WITHDRAWN", MEETING, {}, by=world.bob, version=stale, reason="Chuyển đi")
    assert Case.objects.get(pk=ready.pk).stage == "BRANCH_RESOLVED"
    assert ready.events.count() == 4


def test_a_person_who_is_a_member_or_has_an_open_case_is_refused(world):
    with pytest.raises(transitions.TransitionRefused) as refused:
        transitions.open_case(
            world.m_phya_ma.person,
            world.phya_ma,
            date(2024, 1, 1),
            by=world.alice,
            source_organisation="BRANCH",
            source_category="FARMER",
        )
    assert [f.code for f in refused.value.findings] == ["DUPLICATE_PERSON"]
    with pytest.raises(transitions.TransitionRefused, match="đang có hồ sơ mở"):
        transitions.open_case(
            world.case_phya_ma.person,
            world.na_pai,
            date(2024, 4, 1),
            by=world.alice,
            source_organisation="BRANCH",
            source_category="FARMER",
        )


def test_acts_are_dated_in_order_and_closing_needs_a_reason(world):
    case = world.case_phya_ma
    with pytest.raises(ValidationError, match="trước ngày của bước trước"):
        move(case, "AWARENESS", date(2024, 2, 1), world.alice, class_name="Lớp", cert_no="", cert_date=None)
    with pytest.raises(ValidationError, match="lý do"):
        move(case, "WITHDRAWN", date(2024, 4, 1), world.alice)
    move(case, "WITHDRAWN", date(2024, 4, 1), world.carol, reason="Đi làm ăn xa")
    case.refresh_from_db()
    assert case.stage == "WITHDRAWN" and case.events.last().reason == "Đi làm ăn xa"


def test_historical_cases_record_facts_without_blocking(world):
    adoption.set_ptdv_since(world.bac_kan, date(2020, 1, 1))  # the paper years end in 2020
    case = new_case(world.na_pai, "Nông Văn Lâm", by=world.alice, on=date(2019, 1, 1))
    case.historical = True
    case.save()
    move(case, "AWARENESS", date(2019, 2, 1), world.alice, class_name="Lớp 2019", cert_no="", cert_date=None)
    move(case, "DOSSIER", date(2019, 3, 1), world.alice)
    move(case, "BRANCH_RESOLVED", date(2019, 4, 1), world.alice, summoned=1, votes_for=0)
    assert Case.objects.get(pk=case.pk).stage == "BRANCH_RESOLVED"


def test_removing_a_probationary_member_ends_the_membership(world, ready):
    alice = world.alice
    move(ready, "BRANCH_RESOLVED", MEETING, alice, summoned=3, votes_for=3)
    move(ready, "COMMITTEE_RESOLVED", date(2025, 2, 10), alice, members=9, votes_for=8)
    move(ready, "SUBMITTED", date(2025, 2, 12), alice, receiving_body="Huyện ủy")
    move(ready, "DECIDED", date(2025, 3, 1), alice, decision_no="9")
    move(ready, "PROBATION", date(2025, 3, 15), alice)
    move(ready, "REMOVED", date(2025, 9, 1), alice, reason="Vi phạm tư cách")
    ready.refresh_from_db()
    assert ready.member.status == "LEFT" and ready.member.left_on == date(2025, 9, 1)
