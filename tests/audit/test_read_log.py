"""The read log: who opened which person's sensitive data, searchable by an admin in scope."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ptdv.accounts.models import ApiToken
from ptdv.audit.models import SensitiveRead
from tests.factories import World

pytestmark = pytest.mark.django_db


def _reads(user):
    return list(SensitiveRead.objects.filter(user=user).values_list("person", "channel", "path"))


def test_alice_opening_a_member_writes_a_read(world, client_for):
    member = world.m_phya_ma
    assert client_for(world.alice).get(f"/dang-vien/{member.pk}/").status_code == 200
    assert _reads(world.alice) == [(member.person_id, "PAGE", f"/dang-vien/{member.pk}/")]


def test_victor_who_sees_no_sensitive_fields_writes_no_read(world, client_for):
    victor = client_for(world.victor)
    assert victor.get(f"/dang-vien/{world.m_phya_ma.pk}/").status_code == 200
    assert victor.get(f"/api/members/{world.m_phya_ma.pk}/").status_code == 200
    assert victor.get("/api/persons/").status_code == 200
    assert not SensitiveRead.objects.exists()


def test_person_pages_and_the_case_page_write_reads(world, client_for):
    bob = client_for(world.bob)
    person = world.case_phya_ma.person
    for path in (f"/nguoi/{person.pk}/", f"/nguoi/{person.pk}/sua/", f"/ho-so/{world.case_phya_ma.pk}/"):
        assert bob.get(path).status_code == 200
    assert [r[0] for r in _reads(world.bob)] == [person.pk] * 3


def test_a_searched_citizen_id_never_reaches_the_log(world, client_for):
    citizen_id = world.m_phya_ma.person.citizen_id
    client_for(world.alice).get(f"/api/persons/?q={citizen_id}")
    assert SensitiveRead.objects.exists()
    assert not SensitiveRead.objects.filter(path__contains=citizen_id).exists()


def test_the_api_logs_every_person_of_the_page_it_answers(world, client_for):
    alice = client_for(world.alice)
    listed = alice.get("/api/persons/").json()["results"]
    assert sorted(r[0] for r in _reads(world.alice)) == sorted(p["id"] for p in listed)
    assert {r[1] for r in _reads(world.alice)} == {"API"}
    SensitiveRead.objects.all().delete()
    for path in (
        f"/api/persons/{world.m_phya_ma.person_id}/",
        f"/api/members/{world.m_phya_ma.pk}/",
        f"/api/cases/{world.case_phya_ma.pk}/",
    ):
        assert alice.get(path).status_code == 200
    member_person, case_person = world.m_phya_ma.person_id, world.case_phya_ma.person_id
    assert sorted(r[0] for r in _reads(world.alice)) == sorted([member_person, member_person, case_person])


def test_a_token_reader_is_logged_like_a_page_reader(world):
    _, token = ApiToken.objects.create(user=world.carol)
    response = Client().get(f"/api/members/{world.m_phya_ma.pk}/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200
    assert _reads(world.carol) == [(world.m_phya_ma.person_id, "API", f"/api/members/{world.m_phya_ma.pk}/")]


def test_adam_sees_alices_reads_and_never_the_data_read(world, client_for):
    client_for(world.alice).get(f"/dang-vien/{world.m_phya_ma.pk}/")
    page = client_for(world.adam).get("/nhat-ky/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "alice" in text and "Lý Văn Dũng" in text
    assert world.m_phya_ma.person.citizen_id not in text


def test_the_log_filters_by_reader_person_and_date(world, client_for):
    client_for(world.alice).get(f"/dang-vien/{world.m_phya_ma.pk}/")
    client_for(world.bob).get(f"/dang-vien/{world.m_na_pai.pk}/")
    adam = client_for(world.adam)

    def rows(query):
        return list(adam.get("/nhat-ky/", query).context["page"].object_list)

    assert [r.user for r in rows({"user": world.bob.pk})] == [world.bob]
    assert [r.person.full_name for r in rows({"person": "ly van dung"})] == ["Lý Văn Dũng"]
    today = timezone.localdate()
    assert len(rows({"since": today.isoformat(), "until": today.isoformat()})) == 2
    assert rows({"since": (today + timedelta(days=1)).isoformat()}) == []


def test_a_kon_tum_admin_does_not_see_pac_nam_reads(world, client_for):
    client_for(world.alice).get(f"/dang-vien/{world.m_phya_ma.pk}/")
    kim = World.user("kim", "admin", world.kon_tum, is_staff=True)
    response = client_for(kim).get("/nhat-ky/")
    assert list(response.context["page"].object_list) == []
    assert "Lý Văn Dũng" not in response.content.decode()
    # Nor may she filter by a reader outside her scope.
    assert not client_for(kim).get("/nhat-ky/", {"user": world.alice.pk}).context["page"].object_list


def test_only_the_admin_role_opens_the_log(world, client_for):
    assert client_for(world.alice).get("/nhat-ky/").status_code == 403
