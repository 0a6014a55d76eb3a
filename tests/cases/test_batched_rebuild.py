"""The batched rebuild (derived.refresh with ptdv.cases.facts.Surroundings) gives every case what
deriving it alone gives, in a fixed number of queries per batch.

On the province fixture: introducers official or not on their introduction day, branch sizes
on the meeting date, an open case of a current member (DUPLICATE_PERSON) and a commune whose
committee decides itself (COMMITTEE_VOTE's delegation), all read from what a batch loads.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ptdv.cases import derived
from ptdv.cases.models import OPEN_STAGES, Case, CaseFinding, CaseState
from ptdv.org.models import DecidingBody, Unit
from ptdv.people.models import PartyMember
from tests.cases.kept import assert_in_step

pytestmark = pytest.mark.django_db


def _facts(name: str) -> list:
    return [state.facts[name] for state in CaseState.objects.all()]


def test_the_batched_rebuild_equals_deriving_each_case_alone(province):
    case = Case.objects.filter(stage__in=OPEN_STAGES).order_by("id").first()
    member = PartyMember.objects.current().exclude(person__cases__isnull=False).order_by("id").first()
    # Written without signals, as a bulk load would: only the rebuild sees them.
    Case.objects.filter(pk=case.pk).update(person=member.person)
    Unit.objects.filter(pk=province.communes[0].pk).update(deciding_body=DecidingBody.SELF)
    derived.rebuild()
    assert_in_step()
    duplicates = set(CaseFinding.objects.filter(code="DUPLICATE_PERSON").values_list("case_id", flat=True))
    assert case.pk in duplicates
    assert True in _facts("committee_delegated") and False in _facts("committee_delegated")
    assert any(n for n in _facts("branch_official_members") if n)
    officials = {i["is_official_on_intro_date"] for introducers in _facts("introducers") for i in introducers}
    assert officials == {True, False} or officials == {True}


def test_the_rebuild_reads_a_fixed_number_of_queries_per_batch(province):
    # The fixture's 150 cases are one batch: their ids and branches, the cases with their records
    # (5), what surrounds them (4), the calendar, the deletes (3) and the inserts of
    # BATCH rows each (state, findings, deadlines); the old one-case-at-a-time path made ~900.
    with CaptureQueriesContext(connection) as captured:
        derived.rebuild()
    assert Case.objects.count() <= derived.BATCH
    assert len(captured) <= 30
