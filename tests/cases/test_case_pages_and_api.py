import re
from datetime import date

import pytest
from rest_framework.test import APIClient

from ptdv.cases.models import CalendarDay, Case
from tests.cases.conftest import MEETING, complete_dossier, move
from tests.factories import member, person

pytestmark = pytest.mark.django_db


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _expired(world):
    world.introducers = [
        member(world.phya_ma, "Lục Văn Kiên"),
        member(world.phya_ma, "Ma Thị Nhung", sex="F"),
    ]
    case = complete_dossier(world.case_phya_ma, world, cert_date=date(2020, 1, 15))
    case.refresh_from_db()
    return case


def test_findings_endpoint_answers_as_of_a_date(world):
    case = _expired(world)
    response = _api(world.bob).get(f"/api/cases/{case.pk}/findings/", {"as_of": "2025-02-03"})
    assert response.status_code == 200
    cert = [
        f for f in response.json() if f["code"] == "AWARENESS_CERT_EXPIRING" or f["code"] == "AWARENESS_CERT"
    ]
    assert cert and set(cert[0]) == {"code", "severity", "message", "citation"}
    assert _api(world.bob).get(f"/api/cases/{case.pk}/findings/", {"as_of": "03/02/2025"}).status_code == 400
    before = _api(world.bob).get(f"/api/cases/{case.pk}/findings/", {"as_of": "2015-01-01"}).json()
    assert [f["code"] for f in before] == ["NO_REGULATION"]


def test_transition_endpoint_refuses_with_findings_and_changes_nothing(world):
    case = _expired(world)
    body = {
        "stage": "BRANCH_RESOLVED",
        "date": "2025-02-03",
        "version": case.version,
        "summoned": 3,
        "votes_for": 3,
    }
    response = _api(world.alice).post(f"/api/cases/{case.pk}/transitions/", body, format="json")
    assert response.status_code == 400
    assert "AWARENESS_CERT" in {f["code"] for f in response.json()["findings"]}
    assert Case.objects.get(pk=case.pk).stage == "DOSSIER"


def test_transition_endpoint_moves_the_case(world):
    case = world.case_phya_ma
    body = {
        "stage": "AWARENESS",
        "date": "2024-05-01",
        "version": case.version,
        "class_name": "Lớp 5/2024",
        "cert_no": "CN-9",
        "cert_date": "2024-05-10",
    }
    response = _api(world.carol).post(f"/api/cases/{case.pk}/transitions/", body, format="json")
    assert response.status_code == 201 and response.json()["stage"] == "AWARENESS"
    stale = _api(world.carol).post(
        f"/api/cases/{case.pk}/transitions/", {**body, "stage": "DOSSIER"}, format="json"
    )
    assert stale.status_code == 400 and "người khác cập nhật" in str(stale.json())
    bad = _api(world.carol).post(f"/api/cases/{case.pk}/transitions/", {"stage": "NOPE"}, format="json")
    assert bad.status_code == 400


def test_cases_are_opened_through_the_api_with_duplicate_refusal(world):
    fresh = person(world.phya_ma, "Giàng A Chư")
    body = {
        "person": fresh.pk,
        "branch": world.phya_ma.pk,
        "opened_on": "2024-06-01",
        "source_organisation": "YOUTH_UNION",
        "source_category": "YOUTH",
    }
    assert _api(world.carol).post("/api/cases/", body, format="json").status_code == 201
    again = _api(world.carol).post("/api/cases/", body, format="json")
    assert (
        again.status_code == 400
        and "DUPLICATE_PERSON" not in str(again.json())
        or "đang có hồ sơ mở" in str(again.json())
    )
    assert _api(world.carol).delete(f"/api/cases/{world.case_phya_ma.pk}/").status_code == 405


def test_case_page_shows_findings_checklist_and_a_warning_before_a_blocked_move(world, client_for):
    case = _expired(world)
    body = client_for(world.alice).get(f"/ho-so/{case.pk}/").content.decode()
    assert "Chưa đủ điều kiện theo quy định" in body and "AWARENESS_CERT" in body
    assert "Đơn xin vào Đảng (1-KNĐ)" in body and "Lục Văn Kiên" in body


def test_branch_vote_through_the_page_is_refused_with_the_message(world, client_for):
    case = _expired(world)
    response = client_for(world.carol).post(
        f"/ho-so/{case.pk}/chuyen/BRANCH_RESOLVED/",
        {
            "BRANCH_RESOLVED-date": "2025-02-03",
            "BRANCH_RESOLVED-version": case.version,
            "BRANCH_RESOLVED-summoned": 3,
            "BRANCH_RESOLVED-votes_for": 3,
        },
    )
    assert response.status_code == 400
    assert "15/01/2020" in response.content.decode()
    assert Case.objects.get(pk=case.pk).stage == "DOSSIER"


def test_verification_conclusions_are_for_organizers_and_committees_only(world, client_for):
    world.case_phya_ma.relatives.create(
        relation="FATHER", name="Hà Văn Tư", conclusion="Lịch sử chính trị rõ ràng"
    )
    url = f"/ho-so/{world.case_phya_ma.pk}/"
    assert "Lịch sử chính trị rõ ràng" in client_for(world.bob).get(url).content.decode()
    assert "Lịch sử chính trị rõ ràng" not in client_for(world.carol).get(url).content.decode()
    assert "Lịch sử chính trị rõ ràng" not in client_for(world.victor).get(url).content.decode()


def test_board_counts_cases_by_stage_and_filters(world, client_for):
    client = client_for(world.alice)
    body = client.get("/ho-so/").content.decode()
    assert 'data-stage="SOURCE"' in body and "Hà Thị Hoa" in body
    assert "Hà Thị Hoa" not in client.get("/ho-so/", {"category": "FARMER"}).content.decode()
    assert "Hà Thị Hoa" not in client.get("/ho-so/", {"overdue": "1"}).content.decode()


def test_todo_lists_overdue_deadlines_soonest_first(world, ready, client_for):
    alice = world.alice
    move(ready, "BRANCH_RESOLVED", MEETING, alice, summoned=3, votes_for=3)
    body = client_for(alice).get("/viec-can-lam/").content.decode()
    assert "Hạn ra quyết định kết nạp" in body and "Hà Thị Hoa" in body
    assert "quá hạn" in body
    deadlines = _api(alice).get("/api/deadlines/").json()["results"]
    assert [d["code"] for d in deadlines] == ["DECISION_DUE"] and deadlines[0]["status"] == "overdue"
    assert _api(world.olga).get("/api/deadlines/").json()["results"] == []


def test_admin_days_off_push_the_deadline(world, ready):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, summoned=3, votes_for=3)
    first = _api(world.alice).get("/api/deadlines/").json()["results"][0]["due_date"]
    CalendarDay.objects.create(date=date(2025, 3, 3), kind="DAY_OFF", note="Nghỉ bù")
    assert _api(world.alice).get("/api/deadlines/").json()["results"][0]["due_date"] > first


def test_checklist_records_are_added_from_the_case_page(world, client_for):
    case = world.case_phya_ma
    client = client_for(world.carol)
    assert (
        client.post(
            f"/ho-so/{case.pk}/ghi/giay-to/", {"kind": "APPLICATION", "date": "2024-06-02"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/ho-so/{case.pk}/ghi/tham-tra/",
            {"relation": "FATHER", "name": "Hà Văn Tư", "conclusion": "lén ghi"},
        ).status_code
        == 302
    )
    bad = client.post(
        f"/ho-so/{case.pk}/ghi/gioi-thieu/",
        {"introducer": world.m_thon_1.pk, "date": "2024-06-02", "months_together": 24},
    )
    assert bad.status_code == 400
    assert case.documents.get().kind == "APPLICATION"
    # A branch secretary does not record verification conclusions (organizers and committees only).
    assert case.relatives.get().conclusion == ""
    assert not case.introductions.exists()


def test_introducers_offered_are_members_of_the_same_grassroots_organisation(world, client_for):
    member(world.na_pai, "Lục Văn Kiên")
    alice = client_for(world.alice)
    page = alice.get(f"/ho-so/{world.case_phya_ma.pk}/").content.decode()
    # The introducer picker (ptdv.pickers) asks its lookup for the members it offers.
    url = re.search(r'<select name="introducer"[^>]*data-picker="([^"]+)"', page).group(1)
    offered = " ".join(r["text"] for r in alice.get(url).json()["results"])
    assert "Lục Văn Kiên" in offered and "Trần Văn Sơn" not in offered


def test_board_filters_by_unit(world, client_for):
    client = client_for(world.alice)
    assert "Hà Thị Hoa" in client.get("/ho-so/", {"unit": world.cong_bang.pk}).content.decode()
    assert "Hà Thị Hoa" not in client.get("/ho-so/", {"unit": world.na_pai.pk}).content.decode()
    assert client.get("/ho-so/", {"unit": world.thon_1.pk}).status_code == 404


def test_an_extension_needs_a_reason(world):
    case = world.case_phya_ma
    body = {
        "stage": "SUBMITTED",
        "date": "2024-04-01",
        "version": case.version,
        "receiving_body": "Huyện ủy",
        "extended": True,
    }
    response = _api(world.alice).post(f"/api/cases/{case.pk}/transitions/", body, format="json")
    assert response.status_code == 400 and "Gia hạn phải có lý do" in str(response.json())
