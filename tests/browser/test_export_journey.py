"""A branch secretary searches her members and downloads what she found: the file holds the
search typed on the page (sent by the download button with the form), read back with openpyxl."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import World, member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_secretary_downloads_the_members_her_search_found(page, live_server, tmp_path):
    world = World()
    member(world.phya_ma, "Hoàng Thị Lan", sex="F")
    log_in(page, live_server, "carol", "x-carol")
    page.goto(f"{live_server.url}/dang-vien/")
    expect(page.get_by_role("link", name="Hoàng Thị Lan")).to_be_visible()
    page.get_by_label("Tìm đảng viên").fill("lan")  # typed, not yet searched
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải Excel").click()
    saved = Path(tmp_path) / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("Đảng viên ") and saved.suffix == ".xlsx"
    rows = list(load_workbook(saved).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["Hoàng Thị Lan"]  # not Lý Văn Dũng: the search went along
