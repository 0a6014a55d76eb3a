"""On a phone, a blocked case page lists what the branch vote still needs, in Vietnamese."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from ptdv.regulation import RULE_CODES
from tests.browser.conftest import PHONE, SHOTS
from tests.browser.conftest import log_in as browser_log_in
from tests.cases.conftest import move
from tests.factories import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_blocked_case_lists_its_missing_items_with_form_codes_on_a_phone(new_page, live_server):
    world = World()
    case = world.case_phya_ma
    move(case, "AWARENESS", date(2024, 5, 1), world.alice, class_name="Lớp 5/2024", cert_date="2024-05-10")
    move(case, "DOSSIER", date(2024, 6, 1), world.alice)

    phone = new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    browser_log_in(phone, live_server, "carol", "x-carol")
    phone.goto(f"{live_server.url}/ho-so/{case.pk}/")
    checklist = phone.locator("#checklist")
    expect(checklist.get_by_role("heading")).to_have_text("Cần có cho bước tiếp theo: Chi bộ đề nghị (6-KNĐ)")
    expect(checklist.get_by_role("alert")).to_contain_text("Chưa đủ điều kiện theo quy định")
    missing = checklist.locator('[data-status="missing"]')
    expect(missing.filter(has_text="Đơn xin vào Đảng")).to_contain_text("mẫu 1-KNĐ")
    expect(missing.filter(has_text="Lý lịch của người xin vào Đảng")).to_contain_text("mẫu 2-KNĐ")
    expect(missing.filter(has_text="Nhận xét của chi ủy nơi cư trú")).to_contain_text("mẫu 5-KNĐ")
    expect(missing.filter(has_text="Giới thiệu người vào Đảng")).to_contain_text("mẫu 3-KNĐ, 4-KNĐ")
    expect(missing.first).to_contain_text("Còn thiếu")
    expect(checklist.locator('[data-status="present"]')).to_contain_text("Giấy chứng nhận học lớp")
    expect(phone.get_by_text("Không có vấn đề")).to_have_count(0)
    shown = checklist.inner_text()
    assert not any(re.search(rf"\b{code}\b", shown) for code in RULE_CODES), shown
    SHOTS.mkdir(parents=True, exist_ok=True)
    checklist.screenshot(path=str(SHOTS / "checklist-phone.png"))
    widths = phone.evaluate("() => [document.body.scrollWidth, document.documentElement.scrollWidth]")
    assert max(widths) <= PHONE["width"] + 2, widths
