"""The product's own face in Chromium: the Vietnamese 404 page and a menu bar on one line."""

import pytest
from playwright.sync_api import expect

from ptdv.accounts.models import User
from tests.browser.conftest import PHONE, log_in
from tests.factories import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_NAME = "Cán bộ Ban Tổ chức Huyện ủy Pác Nặm"


@pytest.fixture
def world():
    return World()


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_unknown_address_shows_the_vietnamese_404_page_with_a_way_back(
    new_page, live_server, world, viewport
):
    page = new_page(**({"viewport": viewport} if viewport else {}))
    log_in(page, live_server, "carol", "x-carol")
    response = page.goto(f"{live_server.url}/khong-co-trang-nay/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()
    expect(page).to_have_title("Không tìm thấy trang · PTĐV")
    page.get_by_role("link", name="Về trang chủ").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def test_menu_bar_stays_on_one_line_at_1280_px_with_a_long_user_name(page, live_server, world):
    User.objects.filter(pk=world.alice.pk).update(first_name=LONG_NAME)
    log_in(page, live_server, "alice", "x-alice")
    nav = page.locator("nav.navbar")
    brand = nav.locator(".navbar-brand").bounding_box()
    user = nav.locator("#nav-user").bounding_box()
    # One line: the user button sits level with the brand, and the bar is one row high.
    assert abs(user["y"] + user["height"] / 2 - (brand["y"] + brand["height"] / 2)) < 8
    assert nav.bounding_box()["height"] < 70
    nav.locator("#nav-user .dropdown-toggle").click()
    expect(nav.get_by_text("Đảng bộ huyện Pác Nặm")).to_be_visible()
