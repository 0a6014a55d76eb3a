"""A move recorded by mistake is undone by a compensating event; the member records follow."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ptdv.cases import transitions
from ptdv.cases.facts import last_events
from ptdv.cases.models import Case, CaseEvent
from ptdv.people import summaries
from tests.cases.conftest import MEETING, VOTE, blocking_codes, move
from tests.factories import case as new_case

pytestmark = pytest.mark.django_db
CEREMONY = date(2025, 3, 15)


def _to_probation(case, by):
    move(case, "BRANCH_RESOLVED", MEETING, by, **VOTE)
    move(case, "COMMITTEE_RESOLVED", date(2025, 2, 10), by, members=9, votes_for=8)
    move(case, "SUBMITTED", date(2025, 2, 12), by, receiving_body="Huyện ủy")
    move(case, "DECIDED", date(2025, 3, 1), by, decision_no="9-QĐ/HU")
    move(case, "PROBATION", CEREMONY, by)


def _undo(client, case, reason="Ghi nhầm hồ sơ"):
    case.refresh_from_db()
    return client.post(f"/ho-so/{case.pk}/hoan-tac/", {"undo-reason": reason, "undo-version": case.version})


def test_an_organizer_undoes_a_mistaken_ceremony_and_the_admission_is_reversed(world, ready, client_for):
    before = summaries.totals(world.phya_ma, CEREMONY)
    _to_probation(ready, world.alice)
    ready.refresh_from_db()
    admitted = ready.member
    client = client_for(world.alice)
    assert _undo(client, ready).status_code == 302
    ready.refresh_from_db()
    assert ready.stage == "DECIDED" and ready.member is None
    admitted.refresh_from_db()
    assert admitted.status == "LEFT"
    assert [e.kind for e in admitted.events.order_by("id")] == ["ADMITTED", "REVERSED"]
    assert summaries.totals(world.phya_ma, CEREMONY) == before
    reversal = ready.events.get(reverts__isnull=False)
    assert reversal.reverts.stage == "PROBATION" and reversal.reason == "Ghi nhầm hồ sơ"
    assert reversal.recorded_by == world.alice and reversal.date == timezone.localdate()
    page = client.get(f"/ho-so/{ready.pk}/").content.decode()
    assert f'data-reverts="{reversal.reverts_id}"' in page and "Hủy bước “Đảng viên dự bị”" in page
    # The ceremony recorded again, rightly this time, starts the same membership anew.
    move(ready, "PROBATION", date(2025, 3, 16), world.alice)
    ready.refresh_from_db()
    assert ready.member == admitted and ready.member.status == "PROBATIONARY"
    assert ready.member.admitted_on == date(2025, 3, 16)


def test_undoing_a_recognition_makes_the_member_probationary_again(world, ready):
    _to_probation(ready, world.alice)
    move(ready, "RECOGNITION_PROPOSED", date(2026, 3, 20), world.alice, **VOTE)
    move(ready, "OFFICIAL", date(2026, 4, 1), world.alice, decision_no="45-QĐ/HU")
    ready.refresh_from_db()
    transitions.undo(ready, "Nhầm hồ sơ", by=world.alice, version=ready.version)
    ready.refresh_from_db()
    assert ready.stage == "RECOGNITION_PROPOSED"
    assert ready.member.status == "PROBATIONARY" and ready.member.official_on is None
    assert summaries.totals(world.phya_ma, date(2026, 3, 16)).official == 3


def test_undoing_a_removal_restores_the_member(world, ready):
    _to_probation(ready, world.alice)
    move(ready, "REMOVED", date(2025, 9, 1), world.alice, reason="Vi phạm tư cách")
    ready.refresh_from_db()
    transitions.undo(ready, "Xóa tên nhầm người", by=world.alice, version=ready.version)
    ready.refresh_from_db()
    assert ready.stage == "PROBATION" and ready.is_open
    assert ready.member.status == "PROBATIONARY" and ready.member.left_on is None


def test_the_author_may_undo_their_own_move_on_the_same_day_only(world, ready, client_for):
    move(ready, "BRANCH_RESOLVED", MEETING, world.carol, **VOTE)
    assert _undo(client_for(world.bob), ready).status_code == 400  # not the author, not an organizer
    ready.refresh_from_db()
    assert ready.stage == "BRANCH_RESOLVED"
    CaseEvent.objects.filter(case=ready, stage="BRANCH_RESOLVED").update(
        recorded_at=timezone.now() - timedelta(days=1)
    )
    refused = _undo(client_for(world.carol), ready)
    assert refused.status_code == 400 and "cùng ngày" in refused.content.decode()
    assert 'id="undo"' not in client_for(world.carol).get(f"/ho-so/{ready.pk}/").content.decode()
    assert _undo(client_for(world.alice), ready).status_code == 302
    ready.refresh_from_db()
    assert ready.stage == "DOSSIER"


def test_after_an_undo_the_regulation_judges_the_case_again(world, ready):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, **VOTE)
    ready.refresh_from_db()
    transitions.undo(ready, "Họp chi bộ chưa đủ người", by=world.alice, version=ready.version)
    ready.refresh_from_db()
    assert "BRANCH_RESOLVED" not in last_events(ready)
    ready.introductions.update(months_together=6)
    assert "INTRODUCER_TOGETHER" in blocking_codes(ready, world.alice)
    ready.introductions.update(months_together=24)
    # The meeting recorded again, on its true date (before the day of the undo).
    move(ready, "BRANCH_RESOLVED", date(2025, 2, 4), world.alice, **VOTE)
    assert last_events(ready)["BRANCH_RESOLVED"].date == date(2025, 2, 4)


def test_only_the_last_move_can_be_undone_with_a_reason_on_the_current_version(world, ready):
    with pytest.raises(ValidationError, match="lý do"):
        transitions.undo(ready, " ", by=world.alice, version=Case.objects.get(pk=ready.pk).version)
    with pytest.raises(ValidationError, match="người khác cập nhật"):
        transitions.undo(ready, "Nhầm", by=world.alice, version=99)
    fresh = new_case(world.phya_ma, "Vi Văn Tám", by=world.alice)
    with pytest.raises(ValidationError, match="bước ghi sau cùng"):
        transitions.undo(fresh, "Nhầm", by=world.alice, version=fresh.version)
    ready.refresh_from_db()
    transitions.undo(ready, "Nhầm", by=world.alice, version=ready.version)  # DOSSIER → AWARENESS
    ready.refresh_from_db()
    assert ready.stage == "AWARENESS"
    assert ready.events.filter(reverts__isnull=False).count() == 1
