"""Playwright fixtures for the browser suite: Debian's Chromium, never a downloaded browser.

One Chromium per test session; a fresh browser context (cookies, storage) per test.
The whole suite is skipped when /usr/bin/chromium is missing.

Playwright's sync API keeps an asyncio event loop running in the test thread, so
Django's "async unsafe" guard would refuse the ORM calls tests make (and the database
flush after a transactional test); DJANGO_ALLOW_ASYNC_UNSAFE is set while the browser
runs and restored afterwards.
"""

import os
import re
from pathlib import Path

import pytest

from ptdv.accounts import two_factor
from ptdv.accounts.models import User
from tests.logins import authenticator, next_code

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SHOTS = Path("/tmp/ptdv-shots")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    expect.set_options(timeout=TIMEOUT_MS)
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class PageProblems:
    """JavaScript errors and failed static files seen by a page; a test ends with none."""

    def __init__(self, page):
        self.errors = []
        page.on("pageerror", lambda error: self.errors.append(f"JavaScript error: {error}"))
        page.on("response", self._response)

    def _response(self, response):
        kind = response.request.resource_type
        if kind in {"stylesheet", "script", "image", "font"} and response.status >= 400:
            self.errors.append(f"{kind} {response.url} answered {response.status}")


def _new_page(browser, request, **context_options):
    # Reduced motion: Bootstrap then scrolls and collapses at once, so screenshots are not mid-animation.
    options = dict(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", reduced_motion="reduce")
    context = browser.new_context(**{**options, **context_options})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    problems = PageProblems(page)
    request.node.stash.setdefault(_PAGES, []).append(page)
    return context, page, problems


_PAGES = pytest.StashKey[list]()


@pytest.fixture
def new_page(browser, request):
    """Factory for extra pages with their own context, e.g. a phone: new_page(viewport=PHONE)."""
    opened = []

    def make(**context_options):
        context, page, problems = _new_page(browser, request, **context_options)
        opened.append((context, problems))
        return page

    yield make
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for context, _problems in opened:
        context.close()
    problems = [e for _context, p in opened for e in p.errors]
    if problems and not failed:
        pytest.fail("The page had problems:\n" + "\n".join(problems))


@pytest.fixture
def page(new_page):
    """A desktop-sized page in a fresh context (not logged in)."""
    return new_page(viewport=DESKTOP)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, and screenshot the pages of a failed test."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    if report.when == "call" and report.failed:
        SHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", item.name)
        for i, page in enumerate(item.stash.get(_PAGES, [])):
            try:
                page.screenshot(path=str(SHOTS / f"FAILED-{name}-{i}.png"), full_page=True)
            except Exception:  # noqa: BLE001 - a screenshot must never hide the real failure
                pass
    return report


def submit_password(page, live_server, username, password):
    """The first login step, as a person fills it."""
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def log_in(page, live_server, username, password):
    """Log in through the form; organizers and admins then type their authenticator's code.

    Their authenticator is enrolled beforehand (tests/logins.py), as for any officer
    past their first login; enrolment itself is the journey of test_two_factor.py.
    """
    from playwright.sync_api import expect

    user = User.objects.get(username=username)
    device = authenticator(user) if two_factor.is_required(user) else None
    submit_password(page, live_server, username, password)
    if device is not None:
        expect(page.get_by_role("heading", name="Nhập mã xác thực")).to_be_visible()
        page.get_by_label("Mã xác thực").fill(next_code(device))
        page.get_by_role("button", name="Xác nhận").click()
