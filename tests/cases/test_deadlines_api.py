"""GET /api/deadlines/: the kept deadlines, filtered by case, unit, day and status, paged."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from tests.cases.conftest import MEETING, VOTE, move

pytestmark = pytest.mark.django_db

DECIDED_ON = date(2025, 3, 20)


def _get(user, **params):
    client = APIClient()
    client.force_authenticate(user)
    response = client.get("/api/deadlines/", params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def decided(world, ready):
    """The ready case voted on 3/2/2025, submitted, decided on 20/3/2025 (DECISION_DUE met)."""
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, **VOTE)
    move(ready, "COMMITTEE_RESOLVED", date(2025, 2, 10), world.alice, members=5, votes_for=5)
    move(ready, "SUBMITTED", date(2025, 2, 12), world.alice, receiving_body="Huyện ủy Pác Nặm")
    move(ready, "DECIDED", DECIDED_ON, world.alice, decision_no="12-QĐ/HU")
    return ready


def test_a_met_deadline_is_listed_with_the_day_it_was_met(world, decided):
    met = _get(world.alice, status="met")
    assert [(d["code"], d["met_on"], d["status"]) for d in met] == [("DECISION_DUE", "2025-03-20", "done")]
    assert [d["code"] for d in _get(world.alice)] == ["CEREMONY_DUE"]


def test_as_of_a_day_before_the_decision_it_was_still_to_be_met(world, decided):
    before = _get(world.alice, as_of="2025-03-01")
    assert [(d["code"], d["met_on"]) for d in before] == [("DECISION_DUE", None)]
    assert _get(world.alice, as_of="2025-03-01", status="met") == []
    assert [d["code"] for d in _get(world.alice, as_of="2025-03-01", status="due")] == ["DECISION_DUE"]
    assert _get(world.alice, as_of="2025-03-01", status="overdue") == []


def test_overdue_due_and_the_case_and_unit_filters(world, decided):
    assert [d["code"] for d in _get(world.alice, status="overdue")] == ["CEREMONY_DUE"]
    assert _get(world.alice, status="due") == []
    assert len(_get(world.alice, case=decided.pk)) == 1
    assert _get(world.alice, case=world.case_thon_1.pk) == []
    assert len(_get(world.alice, unit=world.phya_ma.pk)) == 1
    assert _get(world.alice, unit=world.na_pai.pk) == []
    # A unit outside the scope filters like one that does not exist.
    assert _get(world.alice, unit=world.dak_to.pk) == _get(world.alice, unit=999999) == []


def test_bad_filters_are_refused_in_vietnamese(world):
    client = APIClient()
    client.force_authenticate(world.alice)
    for params in ({"status": "late"}, {"as_of": "20/3/2025"}, {"case": "x"}):
        response = client.get("/api/deadlines/", params)
        # each field's message, and the list of {code, message, field} every API refusal carries
        assert response.status_code == 400 and set(response.json()) == {*params, "errors"}
