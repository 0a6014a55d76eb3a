"""The page says what is missing, in Vietnamese: the next step's checklist is the move's own
judgement, item by item with form codes; people see labels, never rule codes; deadlines say
"hạn" once and "đến hạn hôm nay" on the day."""

import re
from datetime import date

import pytest
from django.template.loader import render_to_string
from rest_framework.test import APIClient

from ptdv.cases import checklist, transitions
from ptdv.cases.deadlines import case_deadlines, working_calendar
from ptdv.cases.models import CaseEvent, DocumentKind
from ptdv.notices import reminders
from ptdv.regulation import RULE_CODES, RULE_LABELS, Stage, blocking
from tests.cases.conftest import MEETING, complete_dossier, move
from tests.factories import member

pytestmark = pytest.mark.django_db

CERT_TOO_OLD = "cấp ngày 15/01/2020 đã quá 60 tháng"


def _text(html: str) -> str:
    """What a person reads: the page without its tags and attributes."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _in_dossier(world):
    """Hà Thị Hoa's case in DOSSIER with no paper recorded yet, certificate given."""
    case = world.case_phya_ma
    move(case, "AWARENESS", date(2024, 5, 1), world.alice, class_name="Lớp 5/2024", cert_date="2024-05-10")
    move(case, "DOSSIER", date(2024, 6, 1), world.alice)
    case.refresh_from_db()
    return case


def _expired(world):
    world.introducers = [
        member(world.phya_ma, "Lục Văn Kiên"),
        member(world.phya_ma, "Ma Thị Nhung", sex="F"),
    ]
    case = complete_dossier(world.case_phya_ma, world, cert_date=date(2020, 1, 15))
    case.refresh_from_db()
    return case


def test_a_blocked_next_step_lists_each_missing_item_with_its_form_code_not_no_problem(world, client_for):
    case = _in_dossier(world)
    page = _text(client_for(world.carol).get(f"/ho-so/{case.pk}/").content.decode())
    assert "Không có vấn đề" not in page
    assert "Cần có cho bước tiếp theo: Chi bộ đề nghị (6-KNĐ)" in page
    assert "Còn thiếu Đơn xin vào Đảng mẫu 1-KNĐ" in page
    assert "Còn thiếu Lý lịch của người xin vào Đảng mẫu 2-KNĐ" in page
    assert "Còn thiếu Nhận xét của chi ủy nơi cư trú mẫu 5-KNĐ" in page
    assert "Chưa có Đơn xin vào Đảng (mẫu 1-KNĐ)" in page
    assert "Đã có Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng" in page


def test_the_checklist_is_the_judgement_the_move_makes(world):
    case = _in_dossier(world)
    case.documents.create(kind=DocumentKind.APPLICATION, date=date(2024, 6, 2))
    on = date(2025, 2, 3)
    listed = checklist.for_case(case, on, by=world.carol)
    refused = blocking(
        transitions.findings_for_move(case, Stage.BRANCH_RESOLVED, on, {}, by=world.carol), "BRANCH_RESOLVED"
    )
    shown = {m for row in listed.rows for m in row.messages}
    assert shown == {f.message for f in refused if f.code not in checklist.MEETING_CODES}
    statuses = {row.label: row.status for row in listed.rows}
    assert statuses["Đơn xin vào Đảng"] == checklist.PRESENT
    assert statuses["Lý lịch của người xin vào Đảng"] == checklist.MISSING
    assert listed.blocked and listed.stage == Stage.BRANCH_RESOLVED


def test_a_present_item_that_breaks_a_rule_is_wrong_not_missing(world):
    case = _expired(world)
    row = next(
        r for r in checklist.for_case(case, MEETING, by=world.carol).rows if "AWARENESS_CERT" in r.codes
    )
    assert row.status == checklist.WRONG and row.status_label == "Chưa đạt"
    assert any(CERT_TOO_OLD in m for m in row.messages)


def test_after_a_refused_move_each_finding_is_shown_once(world, client_for):
    case = _expired(world)
    response = client_for(world.carol).post(
        f"/ho-so/{case.pk}/chuyen/BRANCH_RESOLVED/",
        {
            "BRANCH_RESOLVED-date": "2025-02-03",
            "BRANCH_RESOLVED-version": case.version,
            "BRANCH_RESOLVED-summoned": 3,
            "BRANCH_RESOLVED-votes_for": 1,
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count(CERT_TOO_OLD) == 1
    # Judged on what was typed, like the move: the meeting's own numbers too.
    assert page.count("Cần ít nhất 2 phiếu tán thành") == 1
    assert "Chưa ghi được: hồ sơ chưa đủ điều kiện theo quy định" in page


def test_a_case_with_nothing_missing_for_its_next_step_says_so(world, ready, client_for):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, summoned=3, votes_for=3)
    page = _text(client_for(world.bob).get(f"/ho-so/{ready.pk}/").content.decode())
    assert "Cần có cho bước tiếp theo: Đảng ủy cơ sở đề nghị (8-KNĐ)" in page
    assert "Đủ điều kiện theo quy định để ghi bước này." in page
    assert "Còn thiếu" not in page and "Chưa đạt" not in page


def test_people_see_rule_labels_never_rule_codes_on_the_case_page(world, client_for):
    case = _expired(world)
    page = _text(client_for(world.alice).get(f"/ho-so/{case.pk}/").content.decode())
    assert not any(code in page for code in RULE_CODES)
    assert "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng" in page


def test_board_cards_show_short_vietnamese_labels_merged_not_rule_codes(world, client_for):
    case = world.case_phya_ma
    # A branch vote recorded on paper, with nothing of the dossier: every rule speaks at once.
    CaseEvent.objects.create(
        case=case, stage=Stage.BRANCH_RESOLVED, date=MEETING, data={"summoned": 3, "votes_for": 3}
    )
    case.stage = Stage.BRANCH_RESOLVED
    case.save()
    page = _text(client_for(world.alice).get("/ho-so/").content.decode())
    assert not any(re.search(rf"\b{code}\b", page) for code in RULE_CODES)
    assert page.count(RULE_LABELS["COMMENTS"]) == 1  # two findings, one label
    assert RULE_LABELS["INTRODUCERS"] in page and RULE_LABELS["APPLICATION"] in page


def test_every_rule_code_has_a_short_vietnamese_label():
    assert set(RULE_LABELS) == set(RULE_CODES)
    assert all(label and label != code for code, label in RULE_LABELS.items())


def test_deadlines_say_han_once_on_the_case_page_board_and_todo(world, ready, client_for):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, summoned=3, votes_for=3)
    client = client_for(world.alice)
    for url in (f"/ho-so/{ready.pk}/", "/ho-so/", "/viec-can-lam/"):
        page = _text(client.get(url).content.decode())
        assert not re.search(r"[Hh]ạn [^.]*: hạn \d", page), url
    case_page = _text(client.get(f"/ho-so/{ready.pk}/").content.decode())
    assert re.search(r"Hạn ra quyết định kết nạp: \d\d/\d\d/\d{4}", case_page)


def test_an_item_due_today_is_shown_as_due_today_not_due_soon(world, ready):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, summoned=3, votes_for=3)
    calendar = working_calendar()
    due = case_deadlines(ready, MEETING, calendar)[0].deadline.due_date
    item = case_deadlines(ready, due, calendar)[0]
    assert item.status == "due_today"
    badge = render_to_string("web/_due_status.html", {"item": item})
    assert "đến hạn hôm nay" in badge and "sắp đến hạn" not in badge


def test_a_reminder_names_the_date_once_and_says_due_today(world, ready):
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, summoned=3, votes_for=3)
    calendar = working_calendar()
    due = case_deadlines(ready, MEETING, calendar)[0].deadline.due_date
    text = reminders.message(case_deadlines(ready, due, calendar)[0], due)
    assert (
        text
        == f"Hạn ra quyết định kết nạp: {due:%d/%m/%Y} — Hà Thị Hoa (Chi bộ thôn Phya Mạ), đến hạn hôm nay"
    )


def test_the_api_documents_every_deadline_status_and_keeps_rule_codes(world):
    client = APIClient()
    client.force_authenticate(world.alice)
    schema = client.get("/api/schema/", {"format": "json"}).json()
    schemas = schema["components"]["schemas"]
    status = schemas["DueItem"]["properties"]["status"]
    assert "due_today: đến hạn hôm nay" in status["description"]
    assert set(schemas["DueItemStatusEnum"]["enum"]) == {
        "done",
        "overdue",
        "due_today",
        "due_soon",
        "pending",
    }
    case = _expired(world)
    codes = {f["code"] for f in client.get(f"/api/cases/{case.pk}/findings/", {"as_of": "2025-02-03"}).json()}
    assert codes and codes <= set(RULE_CODES)
