"""Member records carry what officers file by: card and dossier number, home town, phone
(issue 9). Home town and phone are sensitive like ethnicity: the roles that may not see
ethnicity do not see them either, on pages, in the API, and in the change history."""

import pytest
from rest_framework.test import APIClient

from tests.factories import person_edit_form
from tests.logins import log_in

pytestmark = pytest.mark.django_db


def _member_page(world, client_for, user):
    return client_for(user).get(f"/dang-vien/{world.m_phya_ma.pk}/").content.decode()


def test_branch_secretary_records_card_and_dossier_number_on_the_member_page(world, client_for):
    member = world.m_phya_ma
    carol = client_for(world.carol)
    response = carol.post(
        f"/dang-vien/{member.pk}/so-the-ho-so/",
        {"card_number": " 57.012345 ", "dossier_number": "PN-0231", "version": member.version},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.card_number, member.dossier_number, member.version) == ("57.012345", "PN-0231", 1)
    page = _member_page(world, client_for, world.victor)
    assert "57.012345" in page and "PN-0231" in page
    assert (
        'Số thẻ đảng viên</span>: <span class="text-muted text-decoration-line-through">—</span> → 57.012345'
        in page
    )


def test_stale_member_record_edit_writes_nothing(world, client_for):
    member = world.m_phya_ma
    carol = client_for(world.carol)
    carol.post(f"/dang-vien/{member.pk}/so-the-ho-so/", {"card_number": "1", "version": 0})
    response = carol.post(f"/dang-vien/{member.pk}/so-the-ho-so/", {"card_number": "2", "version": 0})
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.card_number == "1"


def test_viewer_may_not_edit_member_record_numbers(world, client_for):
    response = client_for(world.victor).post(
        f"/dang-vien/{world.m_phya_ma.pk}/so-the-ho-so/", {"card_number": "9", "version": 0}
    )
    assert response.status_code == 403
    assert "Sửa số thẻ" not in _member_page(world, client_for, world.victor)


def test_home_town_and_phone_are_edited_with_the_person_and_phone_spaces_are_cleaned(world, client_for):
    person = world.m_phya_ma.person
    response = client_for(world.carol).post(
        f"/nguoi/{person.pk}/sua/",
        person_edit_form(person, home_town="Xã Công Bằng, Pác Nặm, Bắc Kạn", phone="0912 345 678"),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.home_town, person.phone) == ("Xã Công Bằng, Pác Nặm, Bắc Kạn", "0912345678")


def test_a_phone_that_is_not_a_vietnamese_number_is_refused_in_vietnamese(world, client_for):
    person = world.m_phya_ma.person
    response = client_for(world.carol).post(
        f"/nguoi/{person.pk}/sua/", person_edit_form(person, phone="12345")
    )
    assert response.status_code == 400
    assert "Số điện thoại phải gồm 10 chữ số" in response.content.decode()
    person.refresh_from_db()
    assert person.phone == ""


def test_viewer_sees_neither_home_town_nor_phone_on_pages_or_history(world, client_for):
    person = world.m_phya_ma.person
    client_for(world.carol).post(
        f"/nguoi/{person.pk}/sua/", person_edit_form(person, home_town="Nà Pài", phone="0912345678")
    )
    assert "0912345678" in _member_page(world, client_for, world.carol)
    page = _member_page(world, client_for, world.victor)
    assert "0912345678" not in page and "Nà Pài</" not in page and "Quê quán</dt>" not in page


def test_api_edits_card_number_with_its_version_and_hides_phone_from_viewer(world):
    member = world.m_phya_ma
    person = member.person
    person.phone, person.home_town = "0912345678", "Nà Pài"
    person.save()
    carol = log_in(APIClient(), world.carol)
    response = carol.patch(f"/api/members/{member.pk}/", {"card_number": "57.1"}, format="json")
    assert response.status_code == 428
    response = carol.patch(
        f"/api/members/{member.pk}/", {"card_number": "57.1"}, format="json", headers={"If-Match": '"0"'}
    )
    assert response.status_code == 200 and response.json()["card_number"] == "57.1"
    assert carol.get(f"/api/persons/{person.pk}/").json()["phone"] == "0912345678"
    viewer = log_in(APIClient(), world.victor).get(f"/api/persons/{person.pk}/").json()
    assert "phone" not in viewer and "home_town" not in viewer


def test_api_viewer_cannot_edit_member_numbers(world):
    response = log_in(APIClient(), world.victor).patch(
        f"/api/members/{world.m_phya_ma.pk}/", {"card_number": "9", "version": 0}, format="json"
    )
    assert response.status_code == 403
