"""A viewer opens the progress report, sees its chart and downloads its Excel file, whose
figures are the page's."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_viewer_reads_the_progress_report_and_downloads_its_excel(page, live_server, tmp_path):
    world = World()
    log_in(page, live_server, "victor", "x-victor")
    page.goto(
        f"{live_server.url}/bao-cao/progress/?unit={world.pac_nam.pk}&from=2021-01-01&to={date.today()}"
    )
    expect(page.get_by_role("heading", name="Báo cáo tiến độ phát triển đảng viên")).to_be_visible()
    expect(page.locator("canvas[data-chart='0']")).to_be_visible()
    drawn = "() => window.Chart && Chart.getChart(document.querySelector(\"canvas[data-chart='0']\"))"
    page.wait_for_function(drawn)  # Chart.js drew it from the page's JSON (no inline script)
    admitted = page.locator("#report-facts dt:text-is('Kết nạp đảng viên') + dd").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Excel").click()
    saved = Path(tmp_path) / download.value.suggested_filename
    download.value.save_as(saved)
    sheet = load_workbook(saved)["Tổng hợp"]
    facts = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0] and len(row) > 1}
    assert sheet["B2"].value is None and sheet["A2"].value == "Đảng bộ huyện Pác Nặm"
    assert str(facts["Kết nạp đảng viên"]) == admitted
