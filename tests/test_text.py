"""Text typed anywhere is stored normalised (ptdv.text); citizen IDs are 12 ASCII digits."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.test import APIClient

from ptdv.cases.models import DossierDocument
from ptdv.org import reorganisation
from ptdv.people.models import Person
from ptdv.text import normalise
from tests.factories import person, person_form

# "Hoàng Văn Bình" as it arrives from a decomposing keyboard, padded with the invisible and
# misleading characters a copied spreadsheet or a prankster brings along.
UNTIDY = "\u202e Hoa\u0300ng\u200b\u00a0\u00a0Va\u0306n\tBi\u0300nh\u2066\u0000\ufeff "
TIDY = "Hoàng Văn Bình"


def test_normalise_makes_nfc_and_drops_invisible_and_control_characters():
    assert normalise(UNTIDY) == TIDY


def test_multiline_text_keeps_its_line_breaks():
    assert normalise(" Dòng\u200b 1 \r\n\r\n\u202eDòng  2 \n", multiline=True) == "Dòng 1\n\nDòng 2"


@given(st.text())
def test_normalised_text_is_stable_nfc_and_has_no_invisible_characters(text):
    once = normalise(text)
    assert normalise(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in once)
    assert once == once.strip() and "  " not in once


def _person_data(world, **overrides):
    return person_form(world, **{"full_name": UNTIDY, "citizen_id": "006094000888", **overrides})


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_name_from_the_page_is_stored_normalised(world, client_for):
    assert client_for(world.carol).post("/nguoi/moi/", _person_data(world)).status_code == 302
    assert Person.objects.get(citizen_id="006094000888").full_name == TIDY


def test_a_name_from_the_api_is_stored_and_answered_normalised(world):
    created = _api(world.carol).post("/api/persons/", _person_data(world), format="json")
    assert created.status_code == 201 and created.json()["full_name"] == TIDY
    assert Person.objects.get(citizen_id="006094000888").full_name == TIDY


def test_a_name_of_only_invisible_characters_is_refused_as_empty(world, client_for):
    data = _person_data(world, full_name="\u200b\u202e\u2066 \u00ad")
    assert client_for(world.carol).post("/nguoi/moi/", data).status_code == 400
    assert _api(world.carol).post("/api/persons/", data, format="json").status_code == 400
    assert not Person.objects.filter(citizen_id="006094000888").exists()


def test_text_written_by_services_is_normalised_too(world):
    """Whatever the door (a service, the admin, a command), the row is written normalised:
    the pre_save receiver of ptdv.text sees every save of a ptdv model."""
    assert person(world.phya_ma, UNTIDY).full_name == TIDY
    on = world.na_pai.valid_from
    renamed = reorganisation.rename(world.na_pai, f"Chi bộ thôn{UNTIDY}", on, by=world.alice)
    assert renamed.name == f"Chi bộ thôn {TIDY}"
    document = DossierDocument.objects.create(
        case=world.case_phya_ma, kind="APPLICATION", date=world.case_phya_ma.opened_on, note=UNTIDY
    )
    document.refresh_from_db()
    assert document.note == TIDY


def test_a_stage_record_typed_on_the_case_page_is_stored_normalised(world, client_for):
    case = world.case_phya_ma
    data = {
        "AWARENESS-date": "2024-05-01",
        "AWARENESS-version": case.version,
        "AWARENESS-class_name": "  Lớp\u200b NTVĐ\u202e  5/2024 ",
    }
    response = client_for(world.alice).post(f"/ho-so/{case.pk}/chuyen/AWARENESS/", data)
    assert response.status_code == 302
    assert case.events.get(stage="AWARENESS").data["class_name"] == "Lớp NTVĐ 5/2024"


@pytest.mark.parametrize(
    "citizen_id",
    [
        "\uff10\uff10\uff16\uff10\uff19\uff10\uff10\uff10\uff10\uff10\uff10\uff10",  # fullwidth
        "\u0660\u0660\u0666\u0660\u0669\u0660\u0660\u0660\u0660\u0660\u0660\u0660",  # Arabic-Indic
        "\u09e6" * 12,  # Bengali
    ],
    ids=["fullwidth", "arabic-indic", "bengali"],
)
def test_citizen_ids_accept_only_ascii_digits(world, client_for, citizen_id):
    taken = world.m_phya_ma.person.citizen_id  # 12 ASCII digits; the lookalike above spells another
    data = _person_data(world, full_name=TIDY, citizen_id=citizen_id)
    page = client_for(world.carol).post("/nguoi/moi/", data)
    assert page.status_code == 400 and "12 chữ số" in page.content.decode()
    api = _api(world.carol).post("/api/persons/", data, format="json")
    assert api.status_code == 400 and "12 chữ số" in str(api.json())
    assert Person.objects.filter(citizen_id__in=[citizen_id, taken]).count() == 1


def test_a_lookalike_spelling_of_an_existing_citizen_id_cannot_create_a_second_person(world):
    taken = world.m_phya_ma.person.citizen_id
    fullwidth = taken.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    data = _person_data(world, full_name=TIDY, citizen_id=fullwidth)
    api = _api(world.carol).post("/api/persons/", data, format="json")
    assert api.status_code == 400 and "12 chữ số" in str(api.json())
    assert Person.objects.filter(full_name=TIDY).count() == 0
