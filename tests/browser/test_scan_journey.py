"""An officer attaches a scan to a dossier record from the case page, then opens it."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in as browser_log_in
from tests.factories import World
from tests.paperwork.samples import PNG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_branch_secretary_attaches_a_scan_to_the_application_and_opens_it(
    page, live_server, settings, tmp_path
):
    settings.PTDV_SCAN_DIR = tmp_path / "scans"
    world = World()
    case = world.case_phya_ma
    document = case.documents.create(kind="APPLICATION", date=date(2024, 6, 2))

    browser_log_in(page, live_server, "carol", "x-carol")
    page.goto(f"{live_server.url}/ho-so/{case.pk}/")
    record = page.locator(f'[data-scan-record="giay-to-{document.pk}"]')
    record.get_by_text("Đính kèm bản quét").click()
    # A PNG saved with a .pdf name: judged by its bytes, stored and shown as the PNG it is.
    record.get_by_label("Tệp bản quét").set_input_files(
        {"name": "don-xin-vao-dang.pdf", "mimeType": "application/pdf", "buffer": PNG}
    )
    record.get_by_role("button", name="Tải lên").click()
    expect(page.get_by_text("Đã đính kèm bản quét")).to_be_visible()
    link = page.locator(f'[data-scan-record="giay-to-{document.pk}"] [data-scan] a')
    expect(link).to_have_text("don-xin-vao-dang.pdf")
    expect(page.locator(f'[data-scan-record="giay-to-{document.pk}"]')).to_contain_text("PNG")

    with page.expect_popup() as popup_info:
        link.click()
    popup = popup_info.value
    popup.wait_for_load_state()
    assert "/ban-quet/" in popup.url
    response = page.request.get(popup.url)
    assert response.status == 200 and response.headers["content-type"] == "image/png"
    assert response.body() == PNG
    popup.close()
