"""Kept deadlines and findings (ptdv.cases.derived) follow every write, the calendar and the day."""

from datetime import date

import pytest
from django.core.management import call_command

from ptdv.cases import derived, records, transitions
from ptdv.cases.models import CalendarDay, CaseDeadline, CaseFinding, CaseState
from ptdv.people import membership, summaries
from ptdv.people.models import BranchTotal, MemberStanding
from tests.cases.conftest import MEETING, VOTE, move
from tests.cases.kept import assert_in_step

pytestmark = pytest.mark.django_db


def codes(case) -> set[str]:
    return set(CaseFinding.objects.filter(case=case).values_list("code", flat=True))


def test_a_move_keeps_its_deadline_and_an_undo_takes_it_away(world, ready):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, **VOTE)
    kept = CaseDeadline.objects.get(case=ready)
    assert (kept.code, kept.basis_date, kept.met_on) == ("DECISION_DUE", MEETING, None)
    ready.refresh_from_db()
    transitions.undo(ready, "ghi nhầm", by=world.alice, version=ready.version)
    assert not CaseDeadline.objects.filter(case=ready).exists()
    assert_in_step()


def test_withdrawing_an_introduction_is_a_finding_at_once(world, ready):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, **VOTE)
    assert "INTRODUCERS" not in codes(ready)
    intro = ready.introductions.first()
    records.void(intro, "ghi nhầm người giới thiệu", intro.version, by=world.alice)
    assert "INTRODUCERS" in codes(ready)
    assert_in_step()


def test_a_person_edit_changes_the_findings(world, ready):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, **VOTE)
    person = ready.person
    person.birth_date = date(2015, 1, 1)
    person.save()
    assert "AGE_MIN" in codes(ready)
    assert_in_step()


def test_an_introducer_who_leaves_before_the_introduction_is_found(world, ready):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, **VOTE)
    first = world.introducers[0]
    membership.reverse(first, first.events.order_by("-date", "-id").first(), note="ghi nhầm", by=world.alice)
    assert "INTRODUCER_OFFICIAL" in codes(ready)
    assert_in_step()


def test_a_day_off_moves_every_kept_due_date(world, ready):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, **VOTE)
    before = CaseDeadline.objects.get(case=ready).due_date
    CalendarDay.objects.create(date=date(2025, 3, 3), kind="DAY_OFF", note="Nghỉ bù")
    assert CaseDeadline.objects.get(case=ready).due_date > before
    CalendarDay.objects.all().delete()
    assert CaseDeadline.objects.get(case=ready).due_date == before
    assert_in_step()


def test_refresh_judges_open_cases_on_the_new_day_and_twice_changes_nothing(world, ready):
    # Certificate of 10/5/2024, valid 60 months: within 90 days of the end on 1/3/2029.
    derived.refresh_open(date(2028, 1, 1))
    assert "AWARENESS_CERT_EXPIRING" not in codes(ready)
    changed = derived.refresh_open(date(2029, 3, 1))
    assert "AWARENESS_CERT_EXPIRING" in codes(ready) and changed["findings"] >= 1
    assert_in_step()
    assert derived.refresh_open(date(2029, 3, 1)) == {"findings": 0, "deadlines": 0, "derived": 0}


def test_refresh_derives_cases_loaded_without_kept_state(world, ready):
    CaseState.objects.all().delete()
    CaseFinding.objects.all().delete()
    call_command("refresh", "--date", "2025-01-10")
    assert_in_step(on=date(2025, 1, 10))
    call_command("refresh", "--rebuild", "--date", "2025-01-11")
    assert_in_step(on=date(2025, 1, 11))


def test_refresh_with_summaries_rebuilds_the_kept_member_counts(world):
    today = date.today()
    before = summaries.totals(world.pac_nam, today)
    assert before.total > 0
    BranchTotal.objects.all().delete()  # as after an upgrade: members, and no kept counts yet
    MemberStanding.objects.all().delete()
    call_command("refresh")
    assert summaries.totals(world.pac_nam, today).total == 0
    call_command("refresh", "--summaries")
    assert summaries.totals(world.pac_nam, today) == before
