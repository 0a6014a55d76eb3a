"""A person's record that knows the domain, refused or warned alike by the page and the API:
ages at entry, citizen-ID province and century/sex digit, names, separators, namesakes."""

from datetime import date

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from ptdv.people.models import Person
from tests.factories import person, person_edit_form, person_form

pytestmark = pytest.mark.django_db


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _born_years_ago(years):
    today = timezone.localdate()
    return today.replace(year=today.year - years).isoformat()


def _refused_everywhere(world, client_for, data, message):
    before = Person.objects.count()
    page = client_for(world.carol).post("/nguoi/moi/", data)
    assert page.status_code == 400 and message in page.content.decode()
    api = _api(world.carol).post("/api/persons/", data, format="json")
    assert api.status_code == 400 and message in str(api.json())
    assert Person.objects.count() == before


@pytest.mark.parametrize("birth", ["1850-06-01", _born_years_ago(10)], ids=["born-1850", "ten-years-old"])
def test_a_person_too_old_or_too_young_to_enter_is_refused(world, client_for, birth):
    _refused_everywhere(world, client_for, person_form(world, birth_date=birth), "từ 14 đến 110 tuổi")


def test_the_age_bounds_are_settings(world, client_for, settings):
    settings.PTDV_PERSON_MIN_AGE = 10
    response = client_for(world.carol).post("/nguoi/moi/", person_form(world, birth_date=_born_years_ago(10)))
    assert response.status_code == 302


def test_a_person_entered_long_ago_is_not_refused_for_ageing(world, client_for, settings):
    kept = person(world.phya_ma, "Lò Văn Cao", birth=date(1990, 5, 1))
    settings.PTDV_PERSON_MAX_AGE = 30
    edit = person_edit_form(kept, religion="BUDDHISM")
    assert client_for(world.carol).post(f"/nguoi/{kept.pk}/sua/", edit).status_code == 302
    changed = person_edit_form(Person.objects.get(pk=kept.pk), birth_date="1980-05-01")
    assert client_for(world.carol).post(f"/nguoi/{kept.pk}/sua/", changed).status_code == 400


def test_a_citizen_id_with_an_unknown_province_code_is_refused(world, client_for):
    _refused_everywhere(world, client_for, person_form(world, citizen_id="999094000123"), "mã tỉnh")


@pytest.mark.parametrize(
    ("sex", "birth", "citizen_id"),
    [
        ("M", "1994-02-03", "006194000123"),  # 1 = a woman born 1900–1999
        ("F", "1994-02-03", "006094000123"),  # 0 = a man
        ("M", "2005-02-03", "006005000123"),  # 0 = born 1900–1999, not 2005
    ],
)
def test_a_citizen_id_whose_century_sex_digit_contradicts_birth_and_sex_is_refused(
    world, client_for, sex, birth, citizen_id
):
    data = person_form(world, sex=sex, birth_date=birth, citizen_id=citizen_id)
    _refused_everywhere(world, client_for, data, "Chữ số thứ tư của số CCCD")


@pytest.mark.parametrize("typed", ["006 094 000 123", "006.094.000.123", "006-094-000-123"])
def test_a_citizen_id_typed_with_spaces_or_dots_is_cleaned(world, client_for, typed):
    page = client_for(world.carol).post("/nguoi/moi/", person_form(world, citizen_id=typed))
    assert page.status_code == 302
    assert Person.objects.get(citizen_id="006094000123").full_name == "Lò Văn Pọm"
    data = person_form(world, citizen_id=typed.replace("123", "124"), full_name="Lò Văn Pẻng")
    api = _api(world.carol).post("/api/persons/", data, format="json")
    assert api.status_code == 201 and api.json()["citizen_id"] == "006094000124"


@pytest.mark.parametrize("name", ["Nguyen 123", "Lò Văn Pọm!", "Hoàng_Thị", "''"])
def test_a_name_with_digits_or_symbols_is_refused(world, client_for, name):
    _refused_everywhere(world, client_for, person_form(world, full_name=name), "chỉ gồm chữ cái")


@pytest.mark.parametrize("name", ["H'Hen Niê", "Ksor H’Bơ", "Nguyễn Thị Ngọc-Anh"])
def test_names_with_apostrophes_and_hyphens_are_accepted(world, client_for, name):
    assert client_for(world.carol).post("/nguoi/moi/", person_form(world, full_name=name)).status_code == 302


def test_a_namesake_in_scope_is_named_and_the_page_asks_to_confirm(world, client_for):
    first = person(world.phya_ma, "Lò Văn Pọm", birth=date(1994, 2, 3))
    client = client_for(world.carol)
    again = client.post("/nguoi/moi/", person_form(world, full_name="lò văn PỌM"))
    body = again.content.decode()
    assert again.status_code == 400 and "cùng họ tên và ngày sinh" in body and f"mã {first.pk}" in body
    assert 'type="checkbox" name="namesake_confirmed"' in body
    assert Person.objects.filter(search_name="lo van pom").count() == 1
    confirmed = client.post("/nguoi/moi/", person_form(world, namesake_confirmed="on"))
    assert confirmed.status_code == 302
    assert Person.objects.filter(search_name="lo van pom").count() == 2


def test_the_api_answers_a_namesake_in_warnings(world):
    first = person(world.phya_ma, "Lò Văn Pọm", birth=date(1994, 2, 3))
    created = _api(world.carol).post("/api/persons/", person_form(world), format="json")
    assert created.status_code == 201
    assert f"mã {first.pk}" in created.json()["warnings"][0]
    alone = _api(world.carol).post(
        "/api/persons/", person_form(world, full_name="Lò Văn Pẻng"), format="json"
    )
    assert alone.json()["warnings"] == []


def test_a_namesake_outside_scope_is_not_mentioned(world, client_for):
    person(world.thon_1, "Lò Văn Pọm", birth=date(1994, 2, 3))
    assert client_for(world.carol).post("/nguoi/moi/", person_form(world)).status_code == 302
