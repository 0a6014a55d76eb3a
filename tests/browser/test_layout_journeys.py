"""The board's overdue filter on a desktop and a 390 px phone; the tree opened level by level."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, SHOTS
from tests.browser.conftest import log_in as browser_log_in
from tests.web.overdue import LONG_AGO, resolved

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    browser_log_in(page, live_server, username, "x-" + username)
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


@pytest.fixture
def overdue_behind_others(world):
    """More cases on time than a column shows, then one overdue case sorted after them all."""
    for _ in range(31):
        resolved(world, "Hà Thị An", timezone.localdate())
    resolved(world, "Hà Thị Yến", LONG_AGO)
    return world


def filter_overdue(page):
    page.get_by_label("Chỉ hồ sơ quá hạn").check()
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator("#board-total")).to_contain_text("1 hồ sơ quá hạn")


def fits_width(page, width):
    widths = page.evaluate("() => [document.body.scrollWidth, document.documentElement.scrollWidth]")
    assert max(widths) <= width + 2, widths


def test_the_overdue_filter_on_a_desktop(page, live_server, overdue_behind_others):
    SHOTS.mkdir(parents=True, exist_ok=True)
    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/ho-so/")
    stages = page.locator("#stage-nav > *")
    expect(stages).to_have_count(9)
    for i in range(9):  # every stage named on screen at 1280 px, none behind the sideways scroll
        box = stages.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= DESKTOP["width"], box
    expect(page.locator("#board-scroll-cue")).to_be_visible()

    filter_overdue(page)
    resolved_column = page.locator('section[data-stage="BRANCH_RESOLVED"]')
    expect(resolved_column.locator("h2 .badge")).to_have_text("1")
    expect(page.locator('section[data-stage="SOURCE"] h2 .badge')).to_have_text("0")
    expect(page.locator("#board").get_by_text("Hiện 0/")).to_have_count(0)
    page.locator("#stage-nav").get_by_role("link", name="Chi bộ đề nghị").click()
    card = resolved_column.get_by_role("link", name="Hà Thị Yến")
    expect(card).to_be_in_viewport()
    expect(page.locator("#board").get_by_role("link", name="Hà Thị An")).to_have_count(0)
    page.screenshot(path=str(SHOTS / "board-overdue-desktop.png"), full_page=True)
    fits_width(page, DESKTOP["width"])


def test_the_overdue_filter_on_a_phone(new_page, live_server, overdue_behind_others):
    phone = new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    log_in(phone, live_server, "alice")
    phone.goto(f"{live_server.url}/ho-so/")
    filter_overdue(phone)
    # Cards by stage, one stage under the other: only the stage with a case shows a column.
    expect(phone.locator("#board section:visible")).to_have_count(1)
    card = phone.locator('section[data-stage="BRANCH_RESOLVED"]').get_by_role("link", name="Hà Thị Yến")
    expect(card).to_be_visible()
    phone.locator("#stage-nav").get_by_role("link", name="Chi bộ đề nghị").click()
    expect(card).to_be_in_viewport()
    phone.screenshot(path=str(SHOTS / "board-overdue-phone.png"), full_page=True)
    fits_width(phone, PHONE["width"])

    phone.goto(f"{live_server.url}/viec-can-lam/")
    cards = phone.locator("#todo-cards li.card")
    expect(cards).to_have_count(32)
    expect(cards.first).to_contain_text("Hà Thị Yến")
    expect(cards.first).to_contain_text("quá hạn")
    expect(phone.locator("#todo")).to_be_hidden()
    fits_width(phone, PHONE["width"])


def test_the_tree_opens_level_by_level_on_a_phone(new_page, live_server, world):
    phone = new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    log_in(phone, live_server, "alice")
    phone.goto(f"{live_server.url}/don-vi/")
    tree = phone.locator("#unit-tree")
    phya_ma = tree.get_by_role("link", name="Chi bộ thôn Phya Mạ")
    expect(phya_ma).to_be_hidden()
    opener = tree.get_by_role("button", name="Mở hoặc đóng cấp dưới của Đảng bộ xã Công Bằng")
    opener.click()
    expect(phya_ma).to_be_visible()
    expect(opener).to_have_attribute("aria-expanded", "true")
    tree.get_by_role("button", name="Mở hoặc đóng cấp dưới của Đảng bộ huyện Pác Nặm").click()
    expect(phya_ma).to_be_hidden()
    expect(tree.get_by_role("link", name="Đảng bộ xã Công Bằng")).to_be_hidden()

    phone.get_by_role("searchbox", name="Tìm đơn vị").fill("na pai")
    phone.get_by_role("button", name="Tìm").click()
    expect(tree.get_by_role("link", name="Chi bộ thôn Nà Pài")).to_be_visible()
    expect(phya_ma).to_be_hidden()
    fits_width(phone, PHONE["width"])
