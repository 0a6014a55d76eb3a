"""A case's dossier over the API: entered, corrected on a version, withdrawn with a reason,
its history read — with the page's forms and services, the page's hidden fields hidden."""

import pytest
from django.apps import apps
from rest_framework.test import APIClient

from ptdv.accounts.models import ApiToken
from tests.cases.conftest import MEETING, VOTE
from tests.factories import member
from tests.factories import person as new_person

pytestmark = pytest.mark.django_db


def _token_client(user):
    client = APIClient()
    _, token = ApiToken.objects.create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_a_document_is_corrected_on_its_version_withdrawn_with_a_reason_and_its_history_kept(world):
    api, case = _token_client(world.alice), world.case_phya_ma
    base = f"/api/cases/{case.pk}/documents/"
    made = api.post(base, {"kind": "APPLICATION", "date": "2024-06-02"}, format="json")
    assert made.status_code == 201 and made["ETag"] == '"0"'
    doc = made.json()
    stale = api.patch(f"{base}{doc['id']}/", {"date": "2024-06-05"}, format="json", HTTP_IF_MATCH='"7"')
    assert stale.status_code == 412
    fixed = api.patch(f"{base}{doc['id']}/", {"date": "2024-06-05", "version": 0}, format="json")
    assert fixed.status_code == 200 and fixed.json()["date"] == "2024-06-05"
    assert fixed.json()["kind"] == "APPLICATION"  # what was not sent stays as it was
    no_reason = api.post(f"{base}{doc['id']}/void/", {"reason": "", "version": 1}, format="json")
    assert no_reason.status_code == 400
    voided = api.post(
        f"{base}{doc['id']}/void/", {"reason": "Ghi nhầm hồ sơ"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert (
        voided.status_code == 200
        and voided.json()["voided"]
        and voided.json()["void_reason"] == "Ghi nhầm hồ sơ"
    )
    assert case.documents.filter(pk=doc["id"]).exists()  # never deleted
    history = api.get(f"{base}{doc['id']}/history/").json()
    assert [h["type"] for h in history] == ["~", "~", "+"]
    assert {h["user"] for h in history} == {"alice"}  # the token's user signs every version
    assert history[0]["reason"] == "Ghi nhầm hồ sơ"
    assert api.delete(f"{base}{doc['id']}/").status_code == 405


def test_a_document_is_refused_with_the_pages_message(world):
    api = _token_client(world.alice)
    refused = api.post(
        f"/api/cases/{world.case_phya_ma.pk}/documents/",
        {"kind": "AWARENESS_CERT", "date": "2024-06-02"},
        format="json",
    )
    assert refused.status_code == 400
    assert refused.json()["errors"] == [
        {"code": "invalid", "message": "Hãy ghi số giấy chứng nhận.", "field": "number"}
    ]
    missing = api.post(
        f"/api/cases/{world.case_phya_ma.pk}/documents/", {"kind": "APPLICATION"}, format="json"
    )
    assert missing.json()["errors"] == [
        {"code": "required", "message": "Trường này là bắt buộc.", "field": "date"}
    ]
    gone = api.get("/api/cases/987654/documents/").json()["errors"]
    assert [e["code"] for e in gone] == ["not_found"]


def test_a_consent_carries_its_purpose_and_lists_among_the_consents_only(world):
    api, case = _token_client(world.alice), world.case_phya_ma
    api.post(f"/api/cases/{case.pk}/documents/", {"kind": "APPLICATION", "date": "2024-06-02"}, format="json")
    without = api.post(f"/api/cases/{case.pk}/consents/", {"date": "2024-06-03"}, format="json")
    assert without.status_code == 400 and "purpose" in without.json()
    made = api.post(
        f"/api/cases/{case.pk}/consents/", {"date": "2024-06-03", "purpose": "OVER_60"}, format="json"
    )
    assert made.status_code == 201 and made.json()["kind"] == "PROVINCE_CONSENT"
    assert [c["purpose"] for c in api.get(f"/api/cases/{case.pk}/consents/").json()] == ["OVER_60"]
    assert len(api.get(f"/api/cases/{case.pk}/documents/").json()) == 2


def test_verification_conclusions_are_hidden_from_the_branch_as_on_the_page(world):
    case = world.case_phya_ma
    alice, carol = _token_client(world.alice), _token_client(world.carol)
    url = f"/api/cases/{case.pk}/verifications/"
    alice.post(url, {"relation": "FATHER", "name": "Hà Văn Tư", "conclusion": "Không vấn đề"}, format="json")
    assert alice.get(url).json()[0]["conclusion"] == "Không vấn đề"
    seen = carol.get(url).json()[0]
    assert "conclusion" not in seen
    # Nor can the branch write it: the page's form has no such field for her.
    carol.patch(f"{url}{seen['id']}/", {"conclusion": "Khác", "version": seen["version"]}, format="json")
    assert case.relatives.get().conclusion == "Không vấn đề"
    history = carol.get(f"{url}{seen['id']}/history/").json()
    assert "Không vấn đề" not in str(history) and "Khác" not in str(history)


def test_an_introducer_from_outside_the_grassroots_organisation_is_refused(world):
    api = _token_client(world.alice)
    refused = api.post(
        f"/api/cases/{world.case_phya_ma.pk}/introductions/",
        {"introducer": world.m_thon_1.pk, "date": "2024-12-15", "months_together": 24},
        format="json",
    )
    assert refused.status_code == 400 and "introducer" in refused.json()


def test_a_viewer_reads_the_dossier_but_writes_nothing(world):
    victor = _token_client(world.victor)
    url = f"/api/cases/{world.case_phya_ma.pk}/documents/"
    assert victor.get(url).status_code == 200
    assert victor.post(url, {"kind": "APPLICATION", "date": "2024-06-02"}, format="json").status_code == 403


def _row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def test_a_previewed_move_writes_nothing_and_answers_the_moves_findings(world, ready):
    api = _token_client(world.alice)
    ready.refresh_from_db()
    body = {"stage": "BRANCH_RESOLVED", "date": MEETING.isoformat(), "version": ready.version, "summoned": 3}
    before = _row_counts()
    preview = api.post(f"/api/cases/{ready.pk}/transitions/preview/", {**body, "votes_for": 1}, format="json")
    assert _row_counts() == before
    assert preview.status_code == 200 and not preview.json()["allowed"]
    move = api.post(f"/api/cases/{ready.pk}/transitions/", {**body, "votes_for": 1}, format="json")
    assert move.status_code == 400 and move.json()["findings"] == preview.json()["blocking"]
    assert [e["code"] for e in move.json()["errors"]] == [f["code"] for f in move.json()["findings"]]
    good = api.post(f"/api/cases/{ready.pk}/transitions/preview/", {**body, **VOTE}, format="json").json()
    assert good["allowed"] and good["blocking"] == []


def test_a_preview_refuses_what_the_move_refuses_before_judging(world):
    api, case = _token_client(world.alice), world.case_phya_ma
    body = {"stage": "OFFICIAL", "date": "2024-06-01", "version": case.version, "decision_no": "1"}
    preview = api.post(f"/api/cases/{case.pk}/transitions/preview/", body, format="json")
    assert preview.status_code == 400 and "Không thể chuyển hồ sơ" in str(preview.json())


def test_the_case_events_carry_each_acts_record_and_the_last_move_can_be_undone(world):
    api, case = _token_client(world.alice), world.case_phya_ma
    body = {"stage": "AWARENESS", "date": "2024-05-01", "version": case.version, "class_name": "Lớp 5/2024"}
    assert api.post(f"/api/cases/{case.pk}/transitions/", body, format="json").status_code == 201
    events = api.get(f"/api/cases/{case.pk}/events/").json()
    assert events[-1]["stage"] == "AWARENESS" and events[-1]["data"]["class_name"] == "Lớp 5/2024"
    no_reason = api.post(f"/api/cases/{case.pk}/undo/", {"reason": "", "version": 1}, format="json")
    assert no_reason.status_code == 400
    undone = api.post(f"/api/cases/{case.pk}/undo/", {"reason": "Ghi nhầm", "version": 1}, format="json")
    assert undone.status_code == 200 and undone.json()["stage"] == "SOURCE"
    events = api.get(f"/api/cases/{case.pk}/events/").json()
    assert [e["undone"] for e in events if e["stage"] == "AWARENESS"][0] is True
    assert case.history.first().history_user == world.alice


def test_the_regulation_versions_and_the_one_in_force_on_a_day(world):
    api = _token_client(world.victor)
    versions = api.get("/api/regulation/versions/").json()
    assert [v["code"] for v in versions][-1] == "294-QD-TW-2025"
    assert versions[-1]["valid_to"] is None and versions[-1]["settings"]["vote_fraction"] == "2/3"
    on = api.get("/api/regulation/versions/", {"on": "2023-01-01"}).json()
    assert [v["title"] for v in on] == ["Quy định 24-QĐ/TW, Hướng dẫn 01-HD/TW năm 2021"]
    assert api.get("/api/regulation/versions/", {"on": "1990-01-01"}).status_code == 404
    assert api.get("/api/regulation/versions/", {"on": "01/01/2023"}).status_code == 400


def test_a_person_is_admitted_over_the_api_and_the_admission_event_written(world):
    api = _token_client(world.bob)
    person = world.case_thon_1.person  # outside bob's scope: refused like a missing one
    refused = api.post(
        "/api/members/", {"person": person.pk, "branch": world.phya_ma.pk, "date": "2020-01-01"}
    )
    assert refused.status_code == 400 and "person" in refused.json()
    newcomer = member(world.na_pai, "Hà Văn Lâm", official=False).person
    twice = api.post(
        "/api/members/", {"person": newcomer.pk, "branch": world.na_pai.pk, "date": "2020-01-01"}
    )
    assert twice.status_code == 400 and "đã có hồ sơ đảng viên" in str(twice.json())
    fresh = new_person(world.phya_ma, "Lò Thị Sen", sex="F")
    made = api.post(
        "/api/members/",
        {"person": fresh.pk, "branch": world.phya_ma.pk, "date": "2020-01-01", "decision_no": "9-QĐ/HU"},
    )
    assert made.status_code == 201 and made.json()["status"] == "PROBATIONARY"
    events = api.get(f"/api/members/{made.json()['id']}/events/").json()
    assert [(e["kind"], e["decision_no"]) for e in events] == [("ADMITTED", "9-QĐ/HU")]
    card = api.patch(
        f"/api/members/{made.json()['id']}/", {"card_number": "123", "version": made.json()["version"]}
    )
    assert card.status_code == 200 and card.json()["card_number"] == "123"


def test_units_and_villages_are_created_and_reorganised_by_organizers_only(world):
    alice, bob = _token_client(world.alice), _token_client(world.bob)
    body = {
        "parent": world.cong_bang.pk,
        "name": "Chi bộ thôn Nà Hoi",
        "code": "BK.PN.X01.T09",
        "kind": "BRANCH",
    }
    assert (
        bob.post("/api/units/", {**body, "branch_type": "VILLAGE", "date": "2024-01-01"}).status_code == 403
    )
    made = alice.post("/api/units/", {**body, "branch_type": "VILLAGE", "date": "2024-01-01"})
    assert made.status_code == 201 and made.json()["parent"] == world.cong_bang.pk
    unit = made.json()["id"]
    renamed = alice.post(
        f"/api/units/{unit}/rename/", {"name": "Chi bộ thôn Nà Hoi Mới", "date": "2024-02-01"}
    )
    assert renamed.status_code == 200 and renamed.json()["name"] == "Chi bộ thôn Nà Hoi Mới"
    village = alice.post(
        "/api/villages/", {"name": "Nà Hoi", "kind": "THON", "branch": unit, "date": "2024-02-01"}
    )
    assert village.status_code == 201 and village.json()["branch"] == unit
    moved = alice.post(
        f"/api/villages/{village.json()['id']}/assign/", {"branch": world.na_pai.pk, "date": "2024-03-01"}
    )
    assert moved.status_code == 200
    merged = alice.post(f"/api/units/{unit}/merge/", {"into": world.phya_ma.pk, "date": "2024-04-01"})
    assert merged.status_code == 200 and merged.json()["valid_to"]
    other = alice.post(
        "/api/units/", {**body, "code": "BK.PN.X01.T10", "name": "Chi bộ Nà Hoi 2", "date": "2024-01-01"}
    )
    gone = alice.post(
        f"/api/units/{other.json()['id']}/dissolve/", {"date": "2024-05-01", "note": "Sáp nhập thôn"}
    )
    assert gone.status_code == 200 and gone.json()["valid_to"]
    outside = alice.post(f"/api/units/{world.thon_1.pk}/rename/", {"name": "X", "date": "2024-02-01"})
    assert outside.status_code == 404
