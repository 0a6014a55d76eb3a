"""Property: whatever is done to the cases, their kept state equals a fresh computation.

Random sequences of moves, undos, record corrections and withdrawals, member events of the
introducers, person edits and calendar changes; after each sequence, every case's kept facts,
dates, findings and deadlines are what computing them from scratch gives (``judge`` through
``check`` and ``deadlines_for``), and so they are after ``ptdv refresh`` on a later day.
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptdv.cases import derived, records, transitions
from ptdv.cases.facts import effective_events
from ptdv.cases.models import CalendarDay, Case
from ptdv.people import membership
from ptdv.regulation import Stage, next_stage
from tests.cases.kept import assert_in_step

pytestmark = pytest.mark.django_db

#: The record each target stage asks for, as the pages would send it.
STAGE_DATA = {
    Stage.AWARENESS: {"class_name": "Lớp NTVĐ", "cert_no": "CN-9", "cert_date": "2024-05-10"},
    Stage.BRANCH_RESOLVED: {"summoned": 3, "votes_for": 3},
    Stage.COMMITTEE_RESOLVED: {"members": 5, "votes_for": 5},
    Stage.SUBMITTED: {"receiving_body": "Huyện ủy", "extended": True, "extension_reason": "bổ sung"},
    Stage.DECIDED: {"decision_no": "1-QĐ/HU"},
    Stage.RECOGNITION_PROPOSED: {"summoned": 3, "votes_for": 3},
    Stage.OFFICIAL: {"decision_no": "2-QĐ/HU"},
}


def _by(world, case):
    return world.alice if case.branch_id == world.phya_ma.pk else world.olga


def _move(world, case, k):
    target = next_stage(Stage(case.stage), transitions.grassroots_branch(case))
    if target is None:
        return
    # After the dossier of `ready` is complete (its introductions are of 15/12/2024).
    last = max(effective_events(case)[-1].date, date(2025, 1, 1))
    on = min(last + timedelta(days=40 * (k + 1)), timezone.localdate())
    transitions.move(
        case, target, on, dict(STAGE_DATA.get(target, {})), by=_by(world, case), version=case.version
    )


def _undo(world, case, k):
    transitions.undo(case, "ghi nhầm", by=_by(world, case), version=case.version)


def _correct(world, case, k):
    doc = case.documents.filter(voided_at__isnull=True).order_by("id")[k % 3 : k % 3 + 1].first()
    if doc is not None:
        records.correct(doc, {"date": doc.date - timedelta(days=30 * k)}, doc.version, by=_by(world, case))


def _withdraw(world, case, k):
    kind = (case.introductions if k % 2 else case.documents).filter(voided_at__isnull=True).first()
    if kind is not None:
        records.void(kind, "ghi nhầm", kind.version, by=_by(world, case))


def _introducer(world, case, k):
    introducer = world.introducers[k % 2]
    last = introducer.events.order_by("-date", "-id").first()
    if k % 3:
        membership.reverse(introducer, last, note="ghi nhầm", by=world.alice)
    else:
        membership.record(introducer, "RECOGNISED", date(2024, 1, 1 + k), by=world.alice)


def _person(world, case, k):
    person = case.person
    person.birth_date = date(1960 + 9 * k, 1, 15)
    person.save()


def _calendar(world, case, k):
    day = date(2025, 3, 3) + timedelta(days=19 * k)  # where the deadlines of the moves fall
    deleted, _ = CalendarDay.objects.filter(date=day).delete()
    if not deleted:
        CalendarDay.objects.create(date=day, kind="DAY_OFF" if k % 2 else "MAKEUP", note="đổi ngày")


OPS = {
    "move": _move,
    "undo": _undo,
    "correct": _correct,
    "withdraw": _withdraw,
    "introducer": _introducer,
    "person": _person,
    "calendar": _calendar,
}


#: Moves are drawn more often, so that sequences reach the stages whose deadlines run.
WEIGHTED = ["move"] * 5 + sorted(OPS)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(WEIGHTED), st.booleans(), st.integers(min_value=0, max_value=5)),
        min_size=1,
        max_size=14,
    ),
    later=st.integers(min_value=1, max_value=2000),
)
def test_kept_state_equals_a_fresh_computation(world, ready, steps, later):
    for name, other, k in steps:
        case = Case.objects.select_related("person", "branch", "member").get(
            pk=(world.case_thon_1 if other else ready).pk
        )
        try:
            OPS[name](world, case, k)
        except ValidationError:
            pass  # a refused act writes nothing; the kept state must still be in step
    assert_in_step()
    day = timezone.localdate() + timedelta(days=later)
    derived.refresh_open(day)
    assert_in_step()  # open cases judged on `day`, closed ones on the day they were last judged
