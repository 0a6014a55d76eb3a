"""The strict Content-Security-Policy holds in a real browser: the main pages, as their users
open them, make Chromium report no violation (an inline style or script would)."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_journeys import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Chromium reports a blocked inline style or script on the console and as an event.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def _violations(page) -> list[str]:
    seen = []
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            seen.append(message.text)
            if "Content Security Policy" in message.text or "CSP violation" in message.text
            else None
        ),
    )
    return seen


def _visit(page, url, heading):
    response = page.goto(url)
    policy = [part.strip() for part in response.header_value("content-security-policy").split(";")]
    assert "style-src 'self'" in policy and "script-src 'self'" in policy
    expect(page.get_by_role("heading", name=heading, level=1).first).to_be_visible()


def test_the_main_pages_break_no_policy(page, live_server, world):
    violations = _violations(page)
    log_in(page, live_server, "alice", "x-alice")
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()
    page.get_by_role("link", name="Tổ chức đảng", exact=True).click()
    expect(page.get_by_role("heading", name="Tổ chức đảng", level=1)).to_be_visible()
    # The commune's branches are fetched from the page opened there (connect-src 'self').
    page.get_by_role("button", name="Mở hoặc đóng cấp dưới của Đảng bộ xã Công Bằng").click()
    expect(page.locator("#unit-tree .tree-row").filter(has_text="Chi bộ thôn Phya Mạ")).to_have_css(
        "padding-left", "40px"
    )
    _visit(page, f"{live_server.url}/dang-vien/", "Đảng viên")
    page.get_by_role("searchbox", name="Tìm đảng viên").press_sequentially("ly van")  # htmx swaps rows
    expect(page.locator("#members tbody tr")).to_have_count(1)
    _visit(page, f"{live_server.url}/dang-vien/{world.m_phya_ma.pk}/", "Lý Văn Dũng")
    _visit(page, f"{live_server.url}/ho-so/", "Hồ sơ phát triển đảng viên")
    _visit(page, f"{live_server.url}/ho-so/{world.case_phya_ma.pk}/", "Hà Thị Hoa")
    _visit(page, f"{live_server.url}/viec-can-lam/", "Việc cần làm")
    _visit(page, f"{live_server.url}/thong-bao/", "Thông báo")
    _visit(page, f"{live_server.url}/tai-khoan/", "Tài khoản của tôi")
    assert violations == []


def test_the_admin_and_the_read_log_break_no_policy(page, live_server, world):
    violations = _violations(page)
    log_in(page, live_server, "adam", "x-adam")
    _visit(page, f"{live_server.url}/quan-tri/", "quản trị")
    page.goto(f"{live_server.url}/quan-tri/accounts/user/")
    expect(page.locator("#result_list")).to_be_visible()
    page.goto(f"{live_server.url}/quan-tri/accounts/user/{world.alice.pk}/change/")
    expect(page.locator("#content form")).to_be_visible()
    _visit(page, f"{live_server.url}/nhat-ky/", "Nhật ký xem dữ liệu nhạy cảm")
    assert violations == []
