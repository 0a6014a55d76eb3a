"""Bad input about people is refused with a Vietnamese message, by the form and the API alike."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from ptdv.people.models import Person
from tests.factories import person_form

pytestmark = pytest.mark.django_db


def _form(world, **overrides):
    defaults = {"full_name": "  Hoàng   Thị Lan ", "sex": "F", "birth_date": "1995-04-02"}
    return person_form(world, **{**defaults, "citizen_id": "006195000777", **overrides})


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_valid_person_is_saved_with_a_tidy_name(world, client_for):
    response = client_for(world.carol).post("/nguoi/moi/", _form(world))
    assert response.status_code == 302
    person = Person.objects.get(citizen_id="006195000777")
    assert person.full_name == "Hoàng Thị Lan" and person.search_name == "hoang thi lan"
    assert person.history.first().history_user == world.carol


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("citizen_id", "12345", "12 chữ số"),
        ("citizen_id", "00619500077x", "12 chữ số"),
        ("birth_date", (timezone.localdate() + timedelta(days=1)).isoformat(), "tương lai"),
        ("full_name", "", "Trường này"),
    ],
)
def test_bad_person_input_is_refused_and_nothing_saved(world, client_for, field, value, message):
    before = Person.objects.count()
    response = client_for(world.carol).post("/nguoi/moi/", _form(world, **{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    api = _api(world.carol).post("/api/persons/", _form(world, **{field: value}), format="json")
    assert api.status_code == 400 and message in str(api.json())
    assert Person.objects.count() == before


def test_a_duplicate_citizen_id_is_refused(world, client_for):
    taken = world.m_phya_ma.person.citizen_id
    response = client_for(world.carol).post("/nguoi/moi/", _form(world, citizen_id=taken))
    assert response.status_code == 400 and "đã có trong hệ thống" in response.content.decode()
    api = _api(world.carol).post("/api/persons/", _form(world, citizen_id=taken), format="json")
    assert api.status_code == 400 and "đã có trong hệ thống" in str(api.json())


def test_a_unit_outside_scope_cannot_be_chosen(world):
    api = _api(world.carol).post("/api/persons/", _form(world, unit=world.thon_1.pk), format="json")
    assert api.status_code == 400
    assert not Person.objects.filter(citizen_id="006195000777").exists()


def test_the_api_creates_and_updates_a_person(world):
    client = _api(world.carol)
    created = client.post("/api/persons/", _form(world), format="json")
    assert created.status_code == 201, created.json()
    body = {"education": "COLLEGE", "version": created.json()["version"]}
    changed = client.patch(f"/api/persons/{created.json()['id']}/", body, format="json")
    assert changed.status_code == 200 and changed.json()["education"] == "COLLEGE"
