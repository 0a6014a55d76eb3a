"""Searchable pickers in Chromium: an organizer on a phone picks one of several namesakes."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from ptdv.cases.models import Case
from tests.browser.conftest import PHONE, SHOTS
from tests.browser.test_case_journeys import log_in
from tests.browser.test_content_security_policy import _violations
from tests.browser.test_journeys import assert_fits_phone
from tests.factories import World, case, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMESAKE = "Hoàng Thị Mai"


def picker(page, label):
    """The search box of the picker labelled `label` (required fields add " *")."""
    return page.get_by_role("combobox", name=re.compile(rf"^{label}( \*)?$"))


def pick(page, label, typed, entry):
    """Type into the picker labelled `label` and choose the proposed entry matching `entry`."""
    box = picker(page, label)
    box.click()
    box.press_sequentially(typed)
    page.get_by_role("option", name=entry).click()


def test_organizer_on_a_phone_picks_a_person_among_namesakes_by_birth_date(new_page, live_server):
    world = World()
    births = [date(1995, 3, 12), date(1998, 7, 1), date(2001, 11, 30)]
    namesakes = [
        person(world.phya_ma, NAMESAKE, birth=born, sex="F", village=world.v_phya_ma) for born in births
    ]
    case(world.phya_ma, NAMESAKE, by=world.alice, birth=date(1990, 1, 1), sex="F")  # not offered again
    person(world.phya_ma, "Hoàng Văn Mạnh")
    page = new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    violations = _violations(page)
    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/ho-so/moi/")
    expect(page.get_by_role("heading", name="Đưa người vào nguồn phát triển đảng viên")).to_be_visible()

    box = picker(page, "Người")
    box.click()
    box.press_sequentially("hoang thi mai")  # typed without diacritics
    entries = page.locator("#id_person-ts-dropdown").get_by_role("option")
    expect(entries).to_have_count(3)
    expect(page.locator(".ts-dropdown .spinner-border")).to_have_count(0)
    expect(entries.nth(1)).to_contain_text("sinh 01/07/1998")
    expect(entries.nth(1)).to_contain_text("Thôn Phya Mạ")
    expect(entries.nth(1)).to_contain_text(f"CCCD …{namesakes[1].citizen_id[-4:]}")
    assert_fits_phone(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "picker-namesakes-phone.png"))
    page.get_by_role("option", name="sinh 01/07/1998").click()

    pick(page, "Chi bộ", "phya", re.compile(r"Chi bộ thôn Phya Mạ"))
    page.get_by_label("Tổ chức giới thiệu nguồn").select_option(label="Đoàn Thanh niên")
    page.get_by_label("Loại nguồn").select_option(label="Đoàn viên thanh niên")
    page.get_by_label("Ngày đưa vào nguồn").fill("2024-06-01")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("heading", name=re.compile(rf"^{NAMESAKE}"), level=1)).to_be_visible()
    opened = Case.objects.get(person__full_name=NAMESAKE, opened_on=date(2024, 6, 1))
    assert opened.person == namesakes[1] and opened.branch == world.phya_ma
    assert violations == []
