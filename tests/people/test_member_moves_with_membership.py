"""Issue 6, High 5: a member's person record moves only with the membership.

The person's unit decides who sees their sensitive data and the membership's branch who sees
the member; editing the person to another unit would leave the two apart. A transfer
(ptdv.people.membership.record, TRANSFERRED) moves both in one transaction.
"""

import re
from datetime import date

import pytest
from django.db.models import F
from rest_framework.test import APIClient

from ptdv.people import membership
from ptdv.people.models import PartyMember, Person
from ptdv.web.forms import PersonForm
from tests.factories import person

pytestmark = pytest.mark.django_db

REFUSAL = "chỉ chuyển đơn vị quản lý cùng với sinh hoạt đảng"


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _edit_form_data(someone, user, **changes) -> dict:
    """What the edit page posts back: every field as shown (hidden ones too), then `changes`."""
    form = PersonForm(instance=someone, user=user)
    data = {name: form[name].value() for name in form.fields}
    data = {name: value for name, value in data.items() if value is not None and value is not False}
    data["birth_date"] = someone.birth_date.isoformat()
    return {**data, **changes}


def _body(someone, **changes) -> dict:
    return {"version": someone.version, **changes}


def test_the_person_page_cannot_move_a_member_to_another_unit(world, client_for):
    someone = world.m_phya_ma.person
    page = client_for(world.alice).get(f"/nguoi/{someone.pk}/sua/").content.decode()
    assert REFUSAL in page and re.search(r'<select name="unit"[^>]* disabled', page)
    posted = _edit_form_data(someone, world.alice, unit=world.na_pai.pk, full_name="Lý Văn Dũng Mới")
    response = client_for(world.alice).post(f"/nguoi/{someone.pk}/sua/", posted)
    assert response.status_code == 302
    someone.refresh_from_db()
    assert someone.full_name == "Lý Văn Dũng Mới"  # the rest of the record is still edited
    assert someone.unit == world.phya_ma == PartyMember.objects.get(person=someone).branch


def test_the_api_refuses_to_move_a_member_to_another_unit(world):
    someone = world.m_phya_ma.person
    refused = _api(world.alice).patch(
        f"/api/persons/{someone.pk}/", _body(someone, unit=world.na_pai.pk), format="json"
    )
    assert refused.status_code == 400 and REFUSAL in refused.json()["unit"][0]
    assert Person.objects.get(pk=someone.pk).unit == world.phya_ma


def test_a_person_who_is_not_a_member_still_moves_freely(world):
    candidate = person(world.phya_ma, "Lò Thị Hiền", sex="F")
    moved = _api(world.alice).patch(
        f"/api/persons/{candidate.pk}/", _body(candidate, unit=world.na_pai.pk), format="json"
    )
    assert moved.status_code == 200 and Person.objects.get(pk=candidate.pk).unit == world.na_pai


def test_a_transfer_moves_membership_and_person_and_the_old_branch_loses_sight(world, client_for):
    member = world.m_phya_ma
    carol = world.carol  # Phya Mạ's secretary
    assert client_for(carol).get(f"/nguoi/{member.person.pk}/", follow=True).status_code == 200
    membership.record(member, "TRANSFERRED", date(2024, 6, 1), branch=world.na_pai, by=world.alice)
    member.refresh_from_db()
    assert member.branch == member.person.unit == world.na_pai
    assert client_for(carol).get(f"/nguoi/{member.person.pk}/").status_code == 404
    assert client_for(carol).get(f"/dang-vien/{member.pk}/").status_code == 404
    assert _api(carol).get(f"/api/persons/{member.person.pk}/").status_code == 404
    secretary = world.user("dung", "branch", world.na_pai)
    seen = _api(secretary).get(f"/api/persons/{member.person.pk}/").json()
    assert seen["citizen_id"] == member.person.citizen_id


def test_every_current_member_lives_in_their_branch(world):
    membership.record(world.m_phya_ma, "TRANSFERRED", date(2024, 6, 1), branch=world.na_pai)
    members = PartyMember.objects.current()
    assert members.exists() and not members.exclude(person__unit=F("branch")).exists()
