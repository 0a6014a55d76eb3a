"""Issue 6, point 6: only the roles that may see citizen IDs may search by them.

A viewer (lãnh đạo) does not see IDs; finding a member by typing an ID would tell them whose
ID it is. Pages and API share one search (ptdv.people.search).
"""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def _api_names(user, query):
    client = APIClient()
    client.force_authenticate(user)
    return [m["full_name"] for m in client.get("/api/members/", {"q": query}).json()["results"]]


def _page(client, query):
    return client.get("/dang-vien/", {"q": query}).content.decode()


def test_a_viewer_cannot_find_a_member_by_citizen_id(world, client_for):
    citizen_id = world.m_phya_ma.person.citizen_id
    assert "Lý Văn Dũng" not in _page(client_for(world.victor), citizen_id)
    assert _api_names(world.victor, citizen_id) == []
    assert "Lý Văn Dũng" in _page(client_for(world.victor), "ly van dung")  # names still work


def test_an_organizer_finds_a_member_by_citizen_id_on_the_page_and_in_the_api(world, client_for):
    citizen_id = world.m_phya_ma.person.citizen_id
    assert "Lý Văn Dũng" in _page(client_for(world.alice), citizen_id)
    assert _api_names(world.alice, citizen_id) == ["Lý Văn Dũng"]
    assert _api_names(world.carol, citizen_id) == ["Lý Văn Dũng"]
