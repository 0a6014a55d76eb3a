"""The API's outer walls: sign-in on every route, bounded JSON bodies, no scope leak through ids."""

import pytest
from django.urls import URLPattern, reverse
from rest_framework.test import APIClient

from ptdv.api import urls as api_urls
from ptdv.api.parsers import MAX_DEPTH, nesting_depth_exceeds
from ptdv.org.models import UnitKind
from tests.factories import unit
from tests.logins import log_in

pytestmark = pytest.mark.django_db

METHODS = ("get", "post", "put", "patch", "delete")
PLACEHOLDERS = {"pk": "1", "case_pk": "1", "format": "json", "rest": "khong-co/"}


def _api_urls():
    """One URL per route of ptdv.api.urls, so a route added there joins the walk by itself."""
    for pattern in api_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        kwargs = {name: PLACEHOLDERS[name] for name in pattern.pattern.regex.groupindex}
        if pattern.name:
            yield reverse(pattern.name, kwargs=kwargs)
        else:
            yield "/api/" + kwargs["rest"]


def _signed_in(user):
    return log_in(APIClient(), user)


def test_every_api_route_refuses_an_anonymous_request_with_401(world):
    anonymous = APIClient()
    urls = list(_api_urls())
    assert "/api/schema/" in urls and "/api/cases/" in urls
    for url in urls:
        for method in METHODS:
            response = getattr(anonymous, method)(url)
            assert response.status_code == 401, (method, url, response.status_code)


def test_anonymous_case_list_is_refused_and_names_the_token_scheme(world):
    response = APIClient().get("/api/cases/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_the_schema_opens_for_a_signed_in_user(world):
    response = _signed_in(world.victor).get("/api/schema/", {"format": "json"})
    assert response.status_code == 200 and "/api/cases/" in response.json()["paths"]


def _nested(depth):
    return "[" * depth + "]" * depth


def test_a_json_body_nested_a_thousand_deep_is_refused_in_vietnamese(world):
    response = _signed_in(world.alice).generic(
        "POST", "/api/persons/", _nested(1000), content_type="application/json"
    )
    assert response.status_code == 400
    assert "lồng nhau quá sâu" in response.json()["detail"]


def test_json_nesting_is_refused_just_past_the_limit(world):
    client = _signed_in(world.alice)
    past = client.generic("POST", "/api/persons/", _nested(MAX_DEPTH + 1), content_type="application/json")
    assert "lồng nhau quá sâu" in past.json()["detail"]
    at = client.generic("POST", "/api/persons/", _nested(MAX_DEPTH), content_type="application/json")
    assert at.status_code == 400 and "detail" not in at.json()


def test_nesting_depth_counts_objects_and_lists():
    assert not nesting_depth_exceeds({"a": [1, {"b": 2}]}, 3)
    assert nesting_depth_exceeds({"a": [1, {"b": []}]}, 3)
    assert not nesting_depth_exceeds("text", 0)


def test_a_users_own_unit_does_not_reveal_its_parent(world):
    for user, own in ((world.alice, "BK.PN"), (world.bob, "BK.PN.X01"), (world.carol, "BK.PN.X01.T01")):
        units = {u["code"]: u for u in _signed_in(user).get("/api/units/").json()["results"]}
        assert units[own]["parent"] is None, user
        assert world.bac_kan.pk not in {u["parent"] for u in units.values()}
        one = _signed_in(user).get(f"/api/units/{units[own]['id']}/").json()
        assert one["parent"] is None
    below = {u["code"]: u for u in _signed_in(world.alice).get("/api/units/").json()["results"]}
    assert below["BK.PN.X01"]["parent"] == world.pac_nam.pk


def test_a_moved_unit_answers_with_its_new_parent(world):
    # A branch sits under a grassroots committee (ptdv.org.rules), so it moves to another one.
    new_home = unit(world.pac_nam, "BK.PN.X02", "Đảng bộ xã Mới", UnitKind.GRASSROOTS_COMMITTEE)
    response = _signed_in(world.alice).post(
        f"/api/units/{world.na_pai.pk}/move/",
        {"parent": new_home.pk, "date": "2024-01-01"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["parent"] == new_home.pk


def test_an_address_the_api_does_not_have_answers_a_json_404(world):
    client = _signed_in(world.alice)
    for url in ("/api/cases/-1.5/", "/api/khong-co/", f"/api/cases/{world.case_phya_ma.pk}.9/"):
        response = client.get(url)
        assert response.status_code == 404 and response["Content-Type"] == "application/json", url
        assert response.json()["detail"]


def test_the_schema_documents_events_and_findings_as_plain_lists(world):
    """They are answered unpaginated; the schema said "cursor pages" and, for events, "201"."""
    paths = _signed_in(world.alice).get("/api/schema/", {"format": "json"}).json()["paths"]
    for path in ("/api/members/{id}/events/", "/api/cases/{id}/findings/"):
        ok = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok["type"] == "array", path
        assert "cursor" not in {p["name"] for p in paths[path]["get"].get("parameters", [])}


def test_the_schema_documents_the_refusals(world):
    paths = _signed_in(world.alice).get("/api/schema/", {"format": "json"}).json()["paths"]
    assert {"400", "401", "403", "404"} <= set(paths["/api/persons/{id}/"]["patch"]["responses"])
    assert {"401", "404"} <= set(paths["/api/cases/"]["get"]["responses"])  # 404: a forged cursor
    refusal = paths["/api/cases/{id}/transitions/"]["post"]["responses"]["400"]
    assert "TransitionRefusal" in str(refusal)


@pytest.mark.parametrize(
    "body",
    [
        {"stage": "AWARENESS", "date": [None, None], "version": 0, "class_name": "Lớp"},
        {"stage": "AWARENESS", "date": 0, "version": 0, "class_name": "Lớp"},
        {"stage": ["AWARENESS"], "date": "2024-04-01", "version": 0},
        [{"stage": "AWARENESS"}],
    ],
)
def test_a_transition_with_values_a_form_cannot_read_is_refused_not_a_server_error(world, body):
    client = _signed_in(world.carol)
    client.raise_request_exception = False
    response = client.post(f"/api/cases/{world.case_phya_ma.pk}/transitions/", body, format="json")
    assert response.status_code == 400, response.content
    world.case_phya_ma.refresh_from_db()
    assert world.case_phya_ma.stage == "SOURCE"
