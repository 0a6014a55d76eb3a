"""Account journeys in Chromium: an organizer makes an account on her phone; its owner must
choose a password at first login."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.test_journeys import assert_fits_phone, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Suoi-Nam-Cat-trong-xanh"


def test_organizer_creates_an_account_whose_owner_must_choose_a_password(new_page, live_server, world):
    organizer = new_page(viewport=PHONE)
    log_in(organizer, live_server, "alice", "x-alice")
    organizer.goto(f"{live_server.url}/tai-khoan/")
    organizer.get_by_role("link", name="Quản lý người dùng").click()
    expect(organizer.get_by_role("heading", name="Người dùng", level=1)).to_be_visible()
    assert_fits_phone(organizer)
    organizer.get_by_role("link", name="Tạo tài khoản").click()
    organizer.get_by_label("Tên đăng nhập").fill("bithu.napai")
    organizer.get_by_label("Họ và tên").fill("Lục Văn Pác")
    organizer.get_by_label("Vai trò").select_option(label="Bí thư / chi ủy chi bộ")
    organizer.get_by_role("combobox", name="Đơn vị").press_sequentially("na pai")
    organizer.get_by_role("option", name="Chi bộ thôn Nà Pài").click()
    organizer.get_by_role("button", name="Tạo tài khoản").click()
    password = organizer.locator("#secret").inner_text().strip()
    assert_fits_phone(organizer)

    owner = new_page(viewport=PHONE)
    log_in(owner, live_server, "bithu.napai", password)
    expect(owner).to_have_url(re.compile(r"/tai-khoan/doi-mat-khau/$"))
    owner.goto(f"{live_server.url}/ho-so/")
    expect(owner).to_have_url(re.compile(r"/tai-khoan/doi-mat-khau/$"))
    owner.get_by_label("Mật khẩu cũ").fill(password)
    owner.get_by_label(re.compile(r"^Mật khẩu mới")).fill("matkhau2024")
    owner.get_by_label("Xác nhận mật khẩu mới").fill("matkhau2024")
    owner.get_by_role("button", name="Đổi mật khẩu").click()
    expect(owner.get_by_text(re.compile("quá phổ biến"))).to_be_visible()
    owner.get_by_label("Mật khẩu cũ").fill(password)
    owner.get_by_label(re.compile(r"^Mật khẩu mới")).fill(NEW_PASSWORD)
    owner.get_by_label("Xác nhận mật khẩu mới").fill(NEW_PASSWORD)
    owner.get_by_role("button", name="Đổi mật khẩu").click()
    expect(owner.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    owner.goto(f"{live_server.url}/ho-so/")
    expect(owner.get_by_role("heading", name="Hồ sơ phát triển", level=1)).to_be_visible()
