"""An organizer imports people from Excel: a sheet with errors is previewed with them, the
fixed sheet is previewed clean, confirmed, written by the worker, and the people are there."""

import threading

import pytest
from django.db import connection
from playwright.sync_api import expect

from ptdv.exchange import work
from tests.browser.conftest import log_in as browser_log_in
from tests.exchange.sheets import kind_sheet, person_record
from tests.factories import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Worker(threading.Thread):
    """`ptdv work` beside the live server, as in production: polls until stopped."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stopping = threading.Event()

    def run(self):
        try:
            while not self.stopping.is_set():
                if not work.run_once():
                    self.stopping.wait(0.3)
        finally:
            connection.close()


@pytest.fixture
def worker(settings, tmp_path):
    settings.PTDV_IMPORT_DIR = tmp_path / "imports"
    running = Worker()
    running.start()
    yield running
    running.stopping.set()
    running.join(timeout=30)


def test_upload_see_errors_fix_confirm_and_find_the_people(page, live_server, worker, tmp_path):
    world = World()
    good = [person_record(world, 1), person_record(world, 2)]
    bad = [good[0], {**good[1], "unit": "BK.KHONG.CO"}]
    browser_log_in(page, live_server, "alice", "x-alice")

    page.goto(f"{live_server.url}/nhap-du-lieu/")
    page.get_by_label("Loại dữ liệu").select_option(label="Người")
    page.get_by_label("Tệp Excel (.xlsx) hoặc CSV").set_input_files(
        kind_sheet(tmp_path / "nguoi.xlsx", "persons", bad)
    )
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    rows = page.locator("#job-rows")
    expect(rows).to_contain_text("Không có đơn vị nào mã BK.KHONG.CO.")
    expect(rows).to_contain_text("Mã đơn vị quản lý")
    expect(page.locator("#job-fix")).to_be_visible()
    expect(page.locator("#job-confirm")).to_have_count(0)

    page.goto(f"{live_server.url}/nhap-du-lieu/")
    page.get_by_label("Loại dữ liệu").select_option(label="Người")
    page.get_by_label("Tệp Excel (.xlsx) hoặc CSV").set_input_files(
        kind_sheet(tmp_path / "nguoi-sua.xlsx", "persons", good)
    )
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    confirm = page.get_by_role("button", name="Xác nhận nhập 2 dòng")
    expect(confirm).to_be_visible()
    expect(page.locator("#job-counts")).to_contain_text("Thêm mới: 2")
    confirm.click()
    expect(page.locator("#job-state")).to_contain_text("Đã nhập xong")

    page.goto(f"{live_server.url}/nguoi/?q={good[1]['full_name']}")
    expect(page.locator("#people")).to_contain_text(good[1]["full_name"])
