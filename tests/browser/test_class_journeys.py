"""An awareness class in Chromium: open it, enrol six source cases at once, record their
certificates in one form — on a desktop and on a 390 px phone."""

import pytest
from playwright.sync_api import expect

from ptdv.cases.models import Case
from ptdv.regulation import Stage
from tests.browser.conftest import DESKTOP, PHONE, SHOTS, log_in
from tests.factories import World
from tests.training.helpers import source_cases

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {
    "desktop": {"viewport": DESKTOP},
    "phone": {"viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
}


def _fits(page, screen):
    if screen == "phone":
        widths = page.evaluate("() => [document.body.scrollWidth, document.documentElement.scrollWidth]")
        assert max(widths) <= PHONE["width"] + 2, (page.url, widths)


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_enrol_a_class_of_six_and_record_their_certificates(new_page, live_server, screen):
    world = World()
    cases = source_cases(world, 6)
    page = new_page(**SCREENS[screen])
    log_in(page, live_server, "bob", "x-bob")
    page.goto(f"{live_server.url}/lop-boi-duong/")
    page.get_by_role("link", name="Mở lớp mới").click()
    page.get_by_label("Đơn vị tổ chức").select_option(str(world.cong_bang.pk))
    page.get_by_label("Cơ sở mở lớp").fill("Trung tâm chính trị xã Công Bằng")
    page.get_by_label("Tên lớp").fill("Lớp bồi dưỡng nhận thức về Đảng tháng 6/2024")
    page.get_by_label("Ngày khai giảng").fill("2024-06-10")
    page.get_by_label("Ngày bế giảng").fill("2024-06-14")
    page.get_by_label("Địa điểm").fill("Hội trường xã")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", name="Lớp bồi dưỡng nhận thức về Đảng tháng 6/2024")).to_be_visible()

    page.get_by_role("link", name="Ghi danh học viên").click()
    _fits(page, screen)
    for case in cases:
        page.get_by_label(case.person.full_name).check()
    page.get_by_role("button", name="Ghi danh những người đã chọn").click()
    expect(page.get_by_role("heading", name="Danh sách học viên (6)")).to_be_visible()
    _fits(page, screen)

    page.get_by_role("link", name="Ghi kết quả, giấy chứng nhận").click()
    for i in range(6):
        page.locator(f'[name="form-{i}-result"]').select_option("PASSED")
        page.locator(f'[name="form-{i}-cert_no"]').fill(f"{i + 1}/GCN-TTCT")
        page.locator(f'[name="form-{i}-cert_date"]').fill("2024-06-14")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"class-results-{screen}.png"), full_page=True)
    _fits(page, screen)
    page.get_by_role("button", name="Ghi kết quả cả lớp").click()
    expect(page.get_by_text("6 người chuyển sang “Học lớp nhận thức về Đảng”")).to_be_visible()
    expect(page.locator("#enrolled")).to_contain_text("6/GCN-TTCT")
    page.screenshot(path=str(SHOTS / f"class-{screen}.png"), full_page=True)

    assert {c.stage for c in Case.objects.filter(pk__in=[c.pk for c in cases])} == {Stage.AWARENESS}
    page.get_by_role("link", name="In danh sách").click()
    expect(page.locator("#class-list tbody tr")).to_have_count(6)
    expect(page.get_by_role("button", name="In")).to_be_visible()
