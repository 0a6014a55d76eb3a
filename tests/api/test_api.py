from datetime import date

import pytest
from rest_framework.test import APIClient

from ptdv.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def _token_client(user):
    client = APIClient()
    _, token = ApiToken.objects.create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_token_authentication_and_cursor_pagination(world):
    client = _token_client(world.alice)
    first = client.get("/api/units/", {"page_size": 2}).json()
    assert len(first["results"]) == 2 and first["next"] and "cursor=" in first["next"]
    second = client.get(first["next"]).json()
    assert {u["id"] for u in first["results"]}.isdisjoint({u["id"] for u in second["results"]})


def test_units_carry_their_parent(world):
    units = {u["code"]: u for u in _token_client(world.alice).get("/api/units/").json()["results"]}
    assert units["BK.PN.X01.T01"]["parent"] == world.cong_bang.pk
    assert units["BK.PN"]["parent"] is None  # Bắc Kạn is outside alice's scope


def test_schema_lists_the_scoped_endpoints(world):
    schema = _token_client(world.alice).get("/api/schema/", {"format": "json"}).json()
    for path in (
        "/api/units/",
        "/api/villages/",
        "/api/persons/",
        "/api/members/",
        "/api/members/{id}/events/",
    ):
        assert path in schema["paths"], path


def test_member_search_and_events_through_the_api(world):
    client = _token_client(world.bob)
    found = client.get("/api/members/", {"q": "ly van dung"}).json()["results"]
    assert [m["full_name"] for m in found] == ["Lý Văn Dũng"]
    refused = client.post(
        f"/api/members/{world.m_phya_ma.pk}/events/",
        {"kind": "TRANSFERRED", "date": "2009-01-01", "branch": world.na_pai.pk},
        format="json",
    )
    assert refused.status_code == 400 and "trước ngày vào Đảng" in str(refused.json())
    created = client.post(
        f"/api/members/{world.m_phya_ma.pk}/events/",
        {"kind": "TRANSFERRED", "date": "2020-01-01", "branch": world.na_pai.pk},
        format="json",
    )
    assert created.status_code == 201
    events = client.get(f"/api/members/{world.m_phya_ma.pk}/events/").json()
    assert [e["kind"] for e in events] == ["ADMITTED", "RECOGNISED", "TRANSFERRED"]


def test_move_refuses_an_own_descendant_as_parent(world):
    response = _token_client(world.alice).post(
        f"/api/units/{world.pac_nam.pk}/move/", {"parent": world.phya_ma.pk}, format="json"
    )
    assert response.status_code == 400


def test_village_assignment_through_the_api(world):
    client = _token_client(world.alice)
    moved = client.post(
        f"/api/villages/{world.v_na_pai.pk}/assign/", {"branch": world.phya_ma.pk, "date": "2024-01-01"}
    )
    assert moved.status_code == 200 and moved.json()["branch"] == world.phya_ma.pk
    outside = client.post(f"/api/villages/{world.v_na_pai.pk}/assign/", {"branch": world.thon_1.pk})
    assert outside.status_code == 400


def test_committee_cannot_reorganise(world):
    response = _token_client(world.bob).post(
        f"/api/units/{world.na_pai.pk}/move/", {"parent": world.pac_nam.pk, "date": date.today().isoformat()}
    )
    assert response.status_code == 403
