"""Every edit names the version it was made on; a stale or missing one is refused and writes nothing.

Sequential checks here; the same checks under real concurrency are in tests/test_races.py.
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from ptdv.cases.models import Case
from ptdv.people.models import Person
from tests.factories import person_edit_form

pytestmark = pytest.mark.django_db

STALE = "Hồ sơ vừa được người khác cập nhật"


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _records(world):
    """(API url, a field change, the model) for each versioned record alice may edit."""
    person = world.m_phya_ma.person
    case = world.case_phya_ma
    return [
        (f"/api/persons/{person.pk}/", {"education": "COLLEGE"}, Person, person.pk, "education"),
        (f"/api/cases/{case.pk}/", {"fisherman": True}, Case, case.pk, "fisherman"),
    ]


@pytest.mark.parametrize("index", [0, 1], ids=["person", "case"])
def test_reads_carry_the_version_in_the_body_and_as_etag(world, index):
    url, _, model, pk, _ = _records(world)[index]
    response = _api(world.alice).get(url)
    version = model.objects.get(pk=pk).version
    assert response.json()["version"] == version
    assert response["ETag"] == f'"{version}"'


@pytest.mark.parametrize("index", [0, 1], ids=["person", "case"])
def test_an_edit_with_the_current_version_is_saved_and_bumps_it(world, index):
    url, change, model, pk, field = _records(world)[index]
    client = _api(world.alice)
    etag = client.get(url)["ETag"]
    by_header = client.patch(url, change, format="json", HTTP_IF_MATCH=f"W/{etag}")
    assert by_header.status_code == 200, by_header.json()
    record = model.objects.get(pk=pk)
    assert getattr(record, field) == next(iter(change.values()))
    assert by_header["ETag"] == f'"{record.version}"' and by_header.json()["version"] == record.version
    by_body = client.patch(url, {**change, "version": record.version}, format="json")
    assert by_body.status_code == 200 and model.objects.get(pk=pk).version == record.version + 1


@pytest.mark.parametrize("index", [0, 1], ids=["person", "case"])
@pytest.mark.parametrize("method", ["patch", "put"])
def test_an_edit_without_a_version_is_refused_with_428(world, index, method):
    url, change, model, pk, field = _records(world)[index]
    client = _api(world.alice)
    body = {**client.get(url).json(), **change}
    del body["version"]
    before = model.objects.get(pk=pk)
    response = getattr(client, method)(url, body, format="json")
    assert response.status_code == 428 and "Thiếu phiên bản" in response.json()["detail"]
    after = model.objects.get(pk=pk)
    assert getattr(after, field) == getattr(before, field) and after.version == before.version


@pytest.mark.parametrize("index", [0, 1], ids=["person", "case"])
def test_a_stale_version_is_refused_and_nothing_of_the_loser_is_written(world, index):
    url, change, model, pk, field = _records(world)[index]
    client = _api(world.alice)
    before = model.objects.get(pk=pk)
    stale_body = client.patch(url, {**change, "version": 99}, format="json")
    assert stale_body.status_code == 409 and STALE in stale_body.json()["detail"]
    stale_header = client.patch(url, change, format="json", HTTP_IF_MATCH='"99"')
    assert stale_header.status_code == 412 and STALE in stale_header.json()["detail"]
    after = model.objects.get(pk=pk)
    assert getattr(after, field) == getattr(before, field) and after.version == before.version


def test_if_match_wins_over_the_body_and_must_be_a_version(world):
    url, change, model, pk, _ = _records(world)[0]
    client = _api(world.alice)
    current = model.objects.get(pk=pk).version
    stale = client.patch(url, {**change, "version": current}, format="json", HTTP_IF_MATCH='"99"')
    assert stale.status_code == 412
    junk = client.patch(url, change, format="json", HTTP_IF_MATCH="*")
    assert junk.status_code == 400 and "If-Match" in junk.json()["detail"]
    assert model.objects.get(pk=pk).version == current


def test_a_new_record_starts_at_version_0_whatever_the_body_says(world):
    body = {
        "full_name": "Lò Thị Mai",
        "sex": "F",
        "birth_date": "1996-01-02",
        "education": "THPT",
        "occupation": "FARMER",
        "unit": world.phya_ma.pk,
        "version": 41,
    }
    created = _api(world.carol).post("/api/persons/", body, format="json")
    assert created.status_code == 201 and created.json()["version"] == 0 and created["ETag"] == '"0"'


def test_a_case_move_bumps_the_version_an_edit_then_needs(world):
    case = world.case_phya_ma
    client = _api(world.alice)
    etag = client.get(f"/api/cases/{case.pk}/")["ETag"]
    move = {"stage": "WITHDRAWN", "date": "2024-04-01", "version": case.version, "reason": "Chuyển đi"}
    assert client.post(f"/api/cases/{case.pk}/transitions/", move, format="json").status_code == 201
    stale = client.patch(f"/api/cases/{case.pk}/", {"fisherman": True}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412 and not Case.objects.get(pk=case.pk).fisherman


def test_the_schema_documents_the_version_statuses(world):
    schema = _api(world.alice).get("/api/schema/", {"format": "json"}).json()
    for path in ("/api/persons/{id}/", "/api/cases/{id}/"):
        for method in ("put", "patch"):
            operation = schema["paths"][path][method]
            assert {"409", "412", "428"} <= set(operation["responses"]), (path, method)
            assert "If-Match" in {p["name"] for p in operation.get("parameters", [])}


def test_the_person_edit_page_carries_the_version_and_refuses_a_stale_submit(world, client_for):
    person = world.m_phya_ma.person
    url = reverse("web:person-edit", args=[person.pk])
    page = client_for(world.carol).get(url).content.decode()
    assert f'name="version" value="{person.version}"' in page
    first = client_for(world.bob).post(url, person_edit_form(person, education="COLLEGE"))
    assert first.status_code == 302
    second = client_for(world.carol).post(url, person_edit_form(person, religion="BUDDHISM"))
    assert second.status_code == 400 and STALE in second.content.decode()
    saved = Person.objects.get(pk=person.pk)
    assert (saved.education, saved.religion) == ("COLLEGE", person.religion)
    assert saved.version == person.version + 1


def test_the_person_edit_page_needs_its_version(world, client_for):
    person = world.m_phya_ma.person
    data = person_edit_form(person, education="COLLEGE")
    del data["version"]
    response = client_for(world.carol).post(reverse("web:person-edit", args=[person.pk]), data)
    assert response.status_code == 400
    assert Person.objects.get(pk=person.pk).education == person.education
