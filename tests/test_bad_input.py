"""No request of any kind produces a server error: junk into every route answers 4xx or 2xx/3xx."""

import pytest
from rest_framework.test import APIClient

from tests.logins import log_in
from tests.test_scope import ROUTES, _kinds, _url

pytestmark = pytest.mark.django_db

JUNK = [
    {},
    {"date": "not-a-date", "kind": "ZZZ", "branch": "x", "parent": "-1", "into": "", "village": "abc"},
    {"date": "9999-12-31", "kind": "TRANSFERRED", "branch": "99999999", "name": "x" * 5000},
    {"date": "0001-01-01", "kind": "DIED", "birth_date": "1900-02-30", "citizen_id": "1" * 40},
    {"name": "\x00", "code": "\x00", "full_name": "\x00", "note": "🙂" * 300},
]


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_junk_posts_never_give_a_server_error(world, route):
    client = log_in(APIClient(), world.alice)
    record = _kinds(world, "pac_nam")[ROUTES[route]]
    for payload in JUNK:
        for fmt in ("multipart", "json"):
            response = client.post(_url(route, record.pk), payload, format=fmt)
            assert response.status_code < 500, (route, payload, fmt)


@pytest.mark.parametrize("act", ["rename", "move", "merge", "dissolve", "child", "village", "nope"])
def test_junk_into_every_reorganisation_act(world, act):
    client = log_in(APIClient(), world.alice)
    for payload in JUNK:
        assert client.post(f"/don-vi/{world.na_pai.pk}/{act}/", payload).status_code < 500


@pytest.mark.parametrize(
    "url",
    [
        "/dang-vien/?page=abc",
        "/dang-vien/?unit=999999",
        "/dang-vien/?q=%00",
        "/dang-vien/?status=ZZ&page=-1",
        "/dang-vien/?unit=abc",
        "/api/members/?cursor=zzz",
        "/api/units/?page_size=abc",
        "/api/members/?q=%00",
    ],
)
def test_junk_query_strings(world, client_for, url):
    assert client_for(world.alice).get(url).status_code < 500
