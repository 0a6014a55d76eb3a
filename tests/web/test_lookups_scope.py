"""The pickers' lookups (/chon/<source>/) as every role, in and out of scope.

Like tests/test_scope.py for the routes with an id: a lookup never returns a record outside
the user's scope, a unit outside it given to narrow the search answers like a missing one,
the viewer never sees a digit of a citizen ID, and the picker fields accept no id the user
may not see, whatever is posted.
"""

import pytest

from ptdv.cases.models import Case
from ptdv.org.models import Unit, Village
from ptdv.people.models import PartyMember, Person
from ptdv.pickers import SOURCES
from tests.factories import member, person

pytestmark = pytest.mark.django_db

MISSING = 987654
MODELS = {"don-vi": Unit, "chi-bo": Unit, "cap-tren": Unit, "thon": Village, "nguoi": Person}
MODELS["dang-vien"] = PartyMember
USERNAMES = ["alice", "bob", "carol", "victor", "adam", "olga"]


def _ids(client, source, **params):
    return [r["value"] for r in client.get(f"/chon/{source}/", params).json()["results"]]


def test_every_picker_source_is_walked():
    assert set(MODELS) == set(SOURCES)


@pytest.mark.parametrize("username", USERNAMES)
@pytest.mark.parametrize("source", sorted(MODELS))
def test_a_lookup_returns_only_records_in_the_user_scope(world, client_for, username, source):
    person(world.thon_1, "Hoàng Thị Mai")  # a namesake in the other tree
    person(world.phya_ma, "Hoàng Thị Mai")
    member(world.thon_1, "Hoàng Văn Bình")
    member(world.na_pai, "Hoàng Văn Bình")
    user = world.users[username]
    client = client_for(user)
    visible = set(MODELS[source].objects.visible_to(user).values_list("pk", flat=True))
    for query in ("", "hoang", "thon", "chi bo"):
        found = _ids(client, source, q=query)
        assert set(found) <= visible, (source, query)
    everything = set(_ids(client, source))
    if username == "adam" and source in ("nguoi", "dang-vien"):
        assert everything == set()  # the administrator sees no personal data
    else:
        assert bool(everything) == SOURCES[source].offered(user).exists(), source


@pytest.mark.parametrize("source", sorted(MODELS))
def test_a_unit_outside_the_scope_narrows_a_lookup_like_a_missing_one(world, client_for, source):
    alice = client_for(world.alice)
    missing = alice.get(f"/chon/{source}/", {"trong": MISSING})
    hidden = alice.get(f"/chon/{source}/", {"trong": world.tan_canh.pk})
    assert missing.status_code == hidden.status_code == 404
    assert alice.get(f"/chon/{source}/", {"trong": world.cong_bang.pk}).status_code == 200


def test_the_viewer_never_sees_a_digit_of_a_citizen_id(world, client_for):
    candidate = person(world.phya_ma, "Hoàng Thị Mai", sex="F", citizen_id="006190001234")
    victor, alice = client_for(world.victor), client_for(world.alice)
    for source in ("nguoi", "dang-vien"):
        body = victor.get(f"/chon/{source}/").content.decode()
        assert "CCCD" not in body and "1234" not in body, source
    assert "CCCD …1234" in alice.get("/chon/nguoi/", {"q": "mai"}).json()["results"][0]["text"]
    assert candidate.pk in _ids(victor, "nguoi")


def test_an_unknown_source_is_missing_and_the_anonymous_are_sent_to_log_in(world, client, client_for):
    assert client_for(world.alice).get("/chon/mat-khau/").status_code == 404
    assert client.get("/chon/nguoi/").status_code == 302


def test_a_picker_field_refuses_an_id_outside_the_scope_like_a_missing_one(world, client_for):
    """The page no longer lists the choices, so the posted id is all there is: it is validated
    against the same scoped queryset the lookup searches."""
    body = {
        "person": world.case_phya_ma.person.pk,
        "branch": world.phya_ma.pk,
        "source_organisation": "YOUTH_UNION",
        "source_category": "YOUTH",
        "date": "2024-06-01",
    }
    carol = client_for(world.carol)
    cases = Case.objects.count()
    for field, outside in (("helper", world.m_na_pai.pk), ("branch", world.na_pai.pk)):
        hidden = carol.post("/ho-so/moi/", {**body, field: outside})
        missing = carol.post("/ho-so/moi/", {**body, field: MISSING})
        assert hidden.status_code == missing.status_code == 400
        assert hidden.context["form"].errors[field] == missing.context["form"].errors[field]
    assert Case.objects.count() == cases
