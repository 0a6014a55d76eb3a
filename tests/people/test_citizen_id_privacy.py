"""A taken citizen ID names its holder only to users who may see that holder.

Otherwise one neutral sentence, the same wherever the holder is, so no editor can use the
person form (page or API) to test whether an ID exists somewhere in the country.
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from ptdv.people.identity import NEUTRAL_MESSAGE
from ptdv.people.models import Person
from tests.factories import person_form

pytestmark = pytest.mark.django_db


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _refusals(world, user, citizen_id):
    """The page's and the API's answers to a new person with `citizen_id`."""
    client = APIClient()
    client.force_login(user)
    page = client.post("/nguoi/moi/", person_form(world, citizen_id=citizen_id))
    api = _api(user).post("/api/persons/", person_form(world, citizen_id=citizen_id), format="json")
    assert page.status_code == 400 and api.status_code == 400
    return page.content.decode(), api.json()["citizen_id"]


def test_a_holder_in_scope_is_named_and_linked(world):
    holder = world.m_phya_ma.person
    page, api = _refusals(world, world.carol, holder.citizen_id)
    assert f'<a href="{reverse("web:person", args=[holder.pk])}">{holder.full_name}</a>' in page
    assert holder.full_name in api[0] and "đã có trong hệ thống" in api[0]


@pytest.mark.parametrize("holder", ["m_na_pai", "m_thon_1"], ids=["same-commune", "other-province"])
def test_a_holder_out_of_scope_gets_the_same_neutral_message_wherever_they_are(world, holder):
    held = getattr(world, holder).person
    page, api = _refusals(world, world.carol, held.citizen_id)
    assert api == [str(NEUTRAL_MESSAGE)]
    assert str(NEUTRAL_MESSAGE) in page
    for revealing in (held.full_name, held.unit.name, "đã có trong hệ thống"):
        assert revealing not in page and revealing not in api[0]
    assert Person.objects.filter(citizen_id=held.citizen_id).count() == 1


def test_the_answer_for_an_out_of_scope_id_does_not_depend_on_where_it_is(world):
    near = _refusals(world, world.carol, world.m_na_pai.person.citizen_id)
    far = _refusals(world, world.carol, world.m_thon_1.person.citizen_id)
    assert near[1] == far[1]


def test_changing_a_person_to_an_out_of_scope_id_is_refused_neutrally(world):
    mine = world.case_phya_ma.person
    body = {"citizen_id": world.m_thon_1.person.citizen_id, "version": mine.version}
    response = _api(world.carol).patch(f"/api/persons/{mine.pk}/", body, format="json")
    assert response.status_code == 400 and response.json()["citizen_id"] == [str(NEUTRAL_MESSAGE)]
    assert Person.objects.get(pk=mine.pk).citizen_id == mine.citizen_id


def test_a_person_keeps_their_own_citizen_id_on_edit(world):
    mine = world.case_phya_ma.person
    body = {"citizen_id": mine.citizen_id, "education": "COLLEGE", "version": mine.version}
    assert _api(world.carol).patch(f"/api/persons/{mine.pk}/", body, format="json").status_code == 200
