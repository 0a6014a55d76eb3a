"""Two-factor login in Chromium: enrol an authenticator from the profile, then log in with it.

The test plays the authenticator app: it reads the key shown on the page and computes
the six-digit code itself.
"""

import re
from base64 import b32decode

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from ptdv.accounts import two_factor
from tests.browser.conftest import PHONE, SHOTS, submit_password
from tests.factories import World
from tests.logins import code_at, next_code, time_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def key_shown_on(page) -> bytes:
    secret = page.locator("#otp-secret").inner_text()
    return b32decode(re.sub(r"\s", "", secret))


def enrol_on_page(page):
    """Scan (here: read) the key, type the app's code; the page then shows the recovery codes."""
    expect(page.locator("svg.otp-qr")).to_be_visible()
    page.get_by_label("Mã xác thực").fill(code_at(key_shown_on(page), time_step()))
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("heading", name="Mã dự phòng")).to_be_visible()
    codes = page.locator("#recovery-codes li")
    expect(codes).to_have_count(two_factor.RECOVERY_CODE_COUNT)
    return codes.all_inner_texts()


def test_branch_secretary_enrols_from_the_profile_and_logs_in_with_password_and_code(page, live_server):
    world = World()
    submit_password(page, live_server, "carol", "x-carol")
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()

    page.locator("#nav-user").get_by_role("button", name="carol").click()
    page.get_by_role("link", name="Tài khoản của tôi").click()
    section = page.locator("#two-factor")
    expect(section).to_contain_text("Xác thực hai lớp")
    section.get_by_role("link", name="Bật xác thực hai lớp").click()
    expect(page.get_by_role("heading", name="Bật xác thực hai lớp", level=1)).to_be_visible()
    recovery = enrol_on_page(page)
    assert len(set(recovery)) == two_factor.RECOVERY_CODE_COUNT
    page.get_by_role("link", name=re.compile(r"^Tôi đã cất giữ các mã")).click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()

    page.locator("#nav-user").get_by_role("button", name="carol").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
    submit_password(page, live_server, "carol", "x-carol")
    expect(page.get_by_role("heading", name="Nhập mã xác thực")).to_be_visible()
    page.get_by_label("Mã xác thực").fill("000000")
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_text("Mã xác thực không đúng hoặc đã dùng. Còn 4 lần thử.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/tai-khoan/xac-minh/"))

    page.wait_for_timeout(1_500)  # after a wrong code, django-otp makes the device wait a second
    device = TOTPDevice.objects.get(user=world.carol, confirmed=True)
    page.get_by_label("Mã xác thực").fill(next_code(device))
    page.get_by_role("button", name="Xác nhận").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def test_organizer_is_made_to_enrol_at_first_login_on_a_phone(new_page, live_server):
    World()
    page = new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page.goto(f"{live_server.url}/dang-vien/")
    expect(page).to_have_url(re.compile(r"/dang-nhap/"))
    page.get_by_label("Tên đăng nhập").fill("alice")
    page.get_by_label("Mật khẩu").fill("x-alice")
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_text("Vai trò của bạn bắt buộc xác thực hai lớp.")).to_be_visible()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 2
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "two-factor-enrol-phone.png"), full_page=True)
    enrol_on_page(page)
    page.get_by_role("link", name=re.compile(r"^Tôi đã cất giữ các mã")).click()

    expect(page).to_have_url(re.compile(r"/dang-vien/$"))
    expect(page.get_by_role("heading", name="Đảng viên", level=1)).to_be_visible()
