"""Walks every URL and API endpoint as every role, in and out of scope.

The property: a record outside the user's scope answers exactly like a record that does
not exist (404 for pages and endpoints that take an id), for every method; lists never
contain it. Each route that takes an id must be listed in ROUTES, so a new page cannot
be added without joining this walk.
"""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from ptdv.org import reorganisation
from ptdv.people import membership
from ptdv.people.models import PartyMember
from ptdv.scope import scope_paths
from tests.exchange.sheets import job as import_job
from tests.factories import member, scan, unit
from tests.logins import log_in

MISSING = 987654
CASE_RECORDS = ("case-document-", "case-verification-", "case-introduction-", "case-consent-")

# route name → which World object its id is, for the user's own tree and the other tree.
ROUTES = {
    "web:unit": "unit",
    "web:reorganise": "unit",
    "web:member": "member",
    "web:member-event": "member",
    "web:member-record": "member",
    "web:person": "person",
    "web:person-edit": "person",
    "web:person-admit": "person",
    "unit-detail": "unit",
    "unit-move": "unit",
    "unit-rename": "unit",
    "unit-merge": "unit",
    "unit-dissolve": "unit",
    "unit-ptdv-since": "unit",
    "village-detail": "village",
    "village-assign": "village",
    "person-detail": "person",
    "member-detail": "member",
    "member-events": "member",
    "web:case": "case",
    "web:case-move": "case",
    "web:case-record": "case",
    "web:case-record-edit": "case",
    "web:case-record-void": "case",
    "web:case-undo": "case",
    "web:case-form": "case",
    "web:scan-upload": "case",
    "web:scan": "scan",
    "web:scan-withdraw": "scan",
    "web:unit-register": "unit",
    "web:unit-batch": "unit",
    "case-detail": "case",
    "case-transitions": "case",
    "case-findings": "case",
    "case-preview": "case",
    "case-checklist": "case",
    "case-events": "case",
    "case-undo": "case",
    "case-document-list": "case",
    "case-document-detail": "case",
    "case-document-void": "case",
    "case-document-history": "case",
    "case-verification-list": "case",
    "case-verification-detail": "case",
    "case-verification-void": "case",
    "case-verification-history": "case",
    "case-introduction-list": "case",
    "case-introduction-detail": "case",
    "case-introduction-void": "case",
    "case-introduction-history": "case",
    "case-consent-list": "case",
    "case-consent-detail": "case",
    "case-consent-void": "case",
    "case-consent-history": "case",
    "accounts:user": "user",
    "accounts:user-active": "user",
    "accounts:user-reset": "user",
    "accounts:user-unlock": "user",
    "accounts:user-two-factor-reset": "user",
    "training:class": "class",
    "training:enrol": "class",
    "training:results": "class",
    "training:print": "class",
    "training:export": "class",
    "plans:plan": "plan",
    "plans:edit": "plan",
    "plans:withdraw": "plan",
    "plans:quotas": "plan",
    "exchange:job": "job",
    "exchange:progress": "job",
    "exchange:confirm": "job",
}


def _names(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{p.namespace}:" if p.namespace else ""
            if p.namespace == "admin":
                continue
            yield from _names(p.url_patterns, prefix + ns)
        elif isinstance(p, URLPattern) and p.name and {"pk", "case_pk"} & set(p.pattern.regex.groupindex):
            yield prefix + p.name


def test_every_route_with_an_id_is_walked():
    assert set(_names(get_resolver().url_patterns)) == set(ROUTES)


def _url(name, pk):
    if name.startswith(CASE_RECORDS):
        # A record of a case: the case's id decides the scope; the record's own id is any.
        nested = {"case_pk": pk} if name.endswith("-list") else {"case_pk": pk, "pk": 1}
        return reverse(name, kwargs=nested)
    kwargs = {"pk": pk}
    extra = {
        "web:reorganise": {"act": "rename"},
        "web:case-move": {"stage": "AWARENESS"},
        "web:case-record": {"kind": "giay-to"},
        "web:case-record-edit": {"kind": "gioi-thieu", "record": 1},
        "web:case-record-void": {"kind": "gioi-thieu", "record": 1},
        "web:case-form": {"slug": "6-knd"},
        "web:scan-upload": {"kind": "giay-to", "record": 1},
    }
    kwargs.update(extra.get(name, {}))
    return reverse(name, kwargs=kwargs)


def _client(user):
    """A session-authenticated client: it serves both the pages and the API."""
    return log_in(APIClient(), user)


def _kinds(world, tree):
    if tree == "pac_nam":
        return {
            "unit": world.phya_ma,
            "member": world.m_phya_ma,
            "person": world.m_phya_ma.person,
            "village": world.v_phya_ma,
            "case": world.case_phya_ma,
            "user": world.carol,
            "class": world.class_cong_bang,
            "plan": world.plan_pac_nam,
            "scan": scan(world.case_phya_ma),
            "job": import_job(world.alice),
        }
    return {
        "unit": world.thon_1,
        "member": world.m_thon_1,
        "person": world.m_thon_1.person,
        "village": world.v_thon_1,
        "case": world.case_thon_1,
        "user": world.olga,
        "class": world.class_tan_canh,
        "plan": world.plan_dak_to,
        "scan": scan(world.case_thon_1),
        "job": import_job(world.olga),
    }


@pytest.mark.parametrize("username", ["alice", "bob", "carol", "victor", "adam", "olga"])
@pytest.mark.parametrize("route", sorted(ROUTES))
def test_out_of_scope_id_answers_like_a_missing_one(world, username, route):
    user = world.users[username]
    outside = _kinds(world, "pac_nam" if username == "olga" else "dak_to")[ROUTES[route]]
    client = _client(user)
    for method in ("get", "post"):
        missing = getattr(client, method)(_url(route, MISSING))
        hidden = getattr(client, method)(_url(route, outside.pk))
        assert hidden.status_code == missing.status_code, (method, route, username)
        # A refusal for the role (403) or the method (405) is the same for any id.
        assert hidden.status_code in ((404, 405) if method == "get" else (403, 404, 405))


READABLE = {
    # role → kinds of record it may open in its own scope
    "alice": {"unit", "member", "person", "village", "case", "class", "plan"},
    # A class is organised above the branches: a branch secretary does not see it; a plan is
    # seen from its unit down (Công Bằng's committee sees its quota, not the district's plan).
    "bob": {"unit", "member", "person", "village", "case", "class"},
    "carol": {"unit", "member", "person", "village", "case"},
    "victor": {"unit", "member", "person", "village", "case", "class", "plan"},
    "adam": {"unit", "village", "plan"},
    "olga": {"unit", "member", "person", "village", "case", "class", "plan"},
}
GET_ROUTES = [
    "web:unit",
    "web:member",
    "web:case",
    "unit-detail",
    "village-detail",
    "person-detail",
    "member-detail",
    "case-detail",
    "case-findings",
    "training:class",
    "training:print",
    "training:export",
    "plans:plan",
]


@pytest.mark.parametrize("username", sorted(READABLE))
@pytest.mark.parametrize("route", GET_ROUTES)
def test_in_scope_records_open_for_roles_that_may_read_them(world, username, route):
    user = world.users[username]
    record = _kinds(world, "dak_to" if username == "olga" else "pac_nam")[ROUTES[route]]
    status = _client(user).get(_url(route, record.pk)).status_code
    assert status == (200 if ROUTES[route] in READABLE[username] else 404)


def test_branch_secretary_sees_only_her_branch(world, client_for):
    carol = client_for(world.carol)
    assert carol.get(reverse("web:member", args=[world.m_phya_ma.pk])).status_code == 200
    assert carol.get(reverse("web:member", args=[world.m_na_pai.pk])).status_code == 404
    assert carol.get(reverse("web:unit", args=[world.cong_bang.pk])).status_code == 404


@pytest.mark.parametrize(
    "url", ["/api/units/", "/api/villages/", "/api/persons/", "/api/members/", "/api/cases/"]
)
def test_api_lists_hold_nothing_from_another_tree(world, url):
    alice_ids = {r["id"] for r in _client(world.alice).get(url).json()["results"]}
    olga_ids = {r["id"] for r in _client(world.olga).get(url).json()["results"]}
    assert alice_ids and olga_ids
    assert not alice_ids & olga_ids


def test_pages_list_nothing_from_another_tree(world, client_for):
    alice = client_for(world.alice)
    for url in (
        "/don-vi/",
        "/dang-vien/",
        "/dang-vien/?q=tran van son",
        "/ho-so/",
        "/viec-can-lam/",
        "/nguoi/",
        "/nguoi/?q=y binh",
    ):
        body = alice.get(url).content.decode()
        assert "Trần Văn Sơn" not in body and "Đăk Tô" not in body and "Y Bình" not in body
    assert "Hà Thị Hoa" in alice.get("/ho-so/").content.decode()


def test_viewer_does_not_see_ethnicity_religion_or_citizen_id(world, client_for):
    person = world.m_phya_ma.person
    page = client_for(world.victor).get(reverse("web:member", args=[world.m_phya_ma.pk])).content.decode()
    assert person.citizen_id not in page and "Dân tộc" not in page
    data = _client(world.victor).get(f"/api/persons/{person.pk}/").json()
    assert not {"ethnicity", "religion", "citizen_id"} & set(data)
    organizer = _client(world.alice).get(f"/api/persons/{person.pk}/").json()
    assert organizer["ethnicity"] == "02"


def test_admin_sees_no_personal_data(world):
    adam = _client(world.adam)
    assert adam.get("/api/persons/").json()["results"] == []
    assert adam.get("/api/members/").json()["results"] == []
    assert adam.get("/api/units/").json()["results"]


def test_anonymous_is_sent_to_login_or_refused(world):
    anonymous = APIClient()
    assert anonymous.get("/don-vi/").status_code == 302
    assert anonymous.get("/api/units/").status_code == 401


def _merge_phya_ma_into_thon_1(world):
    """Phya Mạ (Pác Nặm, Bắc Kạn) merged into Thôn 1 (Đăk Tô, Kon Tum) on 1/7/2025, after one of
    its members died there: the dead member and Phya Mạ's case stay with the dissolved branch."""
    dead = member(world.phya_ma, "Lục Văn Chiến")
    membership.record(dead, "DIED", date(2024, 2, 2))
    reorganisation.merge([world.phya_ma], world.thon_1, date(2025, 7, 1))
    return dead


def test_a_successors_officer_sees_the_predecessors_records(world, client_for):
    dead = _merge_phya_ma_into_thon_1(world)
    olga = client_for(world.olga)
    assert olga.get(reverse("web:member", args=[dead.pk])).status_code == 200
    assert olga.get(reverse("web:case", args=[world.case_phya_ma.pk])).status_code == 200
    assert olga.get(reverse("web:unit", args=[world.phya_ma.pk])).status_code == 200
    # The rest of Bắc Kạn is not hers.
    assert olga.get(reverse("web:member", args=[world.m_na_pai.pk])).status_code == 404


def test_an_outsider_still_gets_404_after_a_merge(world, client_for):
    dead = _merge_phya_ma_into_thon_1(world)
    quang_ngai = unit(None, "QN", "Đảng bộ tỉnh Quảng Ngãi", "PROVINCE")
    quinn = client_for(world.user("quinn", "organizer", quang_ngai))
    assert quinn.get(reverse("web:member", args=[dead.pk])).status_code == 404
    assert quinn.get(reverse("web:case", args=[world.case_phya_ma.pk])).status_code == 404


def test_a_branch_secretarys_scope_is_unchanged_by_a_merge_elsewhere(world, client_for):
    _merge_phya_ma_into_thon_1(world)
    assert scope_paths(world.carol) == [world.phya_ma.path]
    carol = client_for(world.carol)
    assert carol.get(reverse("web:case", args=[world.case_phya_ma.pk])).status_code == 200
    assert carol.get(reverse("web:member", args=[world.m_na_pai.pk])).status_code == 404
    assert carol.get(reverse("web:member", args=[world.m_thon_1.pk])).status_code == 404


def test_scope_costs_one_query_per_user_object(world, django_assert_num_queries):
    _merge_phya_ma_into_thon_1(world)
    olga = type(world.olga).objects.select_related("unit").get(pk=world.olga.pk)
    with django_assert_num_queries(1):  # the merged-into-subtree paths, cached on the user after
        PartyMember.objects.visible_to(olga)
        PartyMember.objects.visible_to(olga)


# The list exports (ptdv.web.views.exports): the other tree is in no file, for any role, and a
# unit filter outside scope answers like a missing unit.
EXPORTS = ["web:members-export", "web:people-export", "web:board-export", "web:todo-export"]
OTHER_TREE = {"pac_nam": ("Lý Văn Dũng", "Đàm Thị Ánh", "Hà Thị Hoa"), "dak_to": ("Trần Văn Sơn", "Y Bình")}


@pytest.mark.parametrize("username", ["alice", "bob", "carol", "victor", "adam", "olga"])
@pytest.mark.parametrize("route", EXPORTS)
def test_exports_hold_nothing_from_another_tree(world, username, route):
    client = _client(world.users[username])
    text = b"".join(client.get(reverse(route, args=["csv"])).streaming_content).decode("utf-8")
    assert not [name for name in OTHER_TREE["pac_nam" if username == "olga" else "dak_to"] if name in text]
    outside = (world.phya_ma if username == "olga" else world.thon_1).pk
    if route != "web:todo-export":  # the to-do list has no unit filter
        hidden = client.get(reverse(route, args=["xlsx"]), {"unit": outside})
        assert hidden.status_code == client.get(reverse(route, args=["xlsx"]), {"unit": MISSING}).status_code
        assert hidden.status_code == 404
