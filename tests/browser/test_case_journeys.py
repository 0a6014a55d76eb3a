"""A development case walked through its page in Chromium, as an organizer would click it."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from ptdv.cases.models import Case
from ptdv.people.choices import MemberStatus
from ptdv.regulation import Stage
from tests.browser.conftest import PHONE, SHOTS
from tests.browser.conftest import log_in as browser_log_in
from tests.cases.conftest import complete_dossier, record_checklist
from tests.factories import World, member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    browser_log_in(page, live_server, username, "x-" + username)
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()


def add_introducers(world):
    """Two official members of Phya Mạ, as in tests/cases' `ready`: the branch then has 3 official."""
    world.introducers = [
        member(world.phya_ma, "Lục Văn Kiên", admitted=date(2005, 1, 1)),
        member(world.phya_ma, "Ma Thị Nhung", admitted=date(2008, 1, 1), sex="F"),
    ]


def move_section(page, stage):
    """The stage's <details> under "Chuyển bước", opened."""
    section = page.locator(f'details[data-move="{stage}"]')
    expect(section).to_have_count(1)
    section.locator("summary").click()
    expect(section).to_have_attribute("open", "")
    return section


def move_through_page(page, stage, fields):
    """Fill the move's form by its Vietnamese labels, submit, and see the badge change."""
    section = move_section(page, stage)
    for label, value in fields.items():
        section.get_by_label(label).fill(value)
    section.get_by_role("button", name=f"Ghi: {Stage(stage).label}").click()
    expect(page.locator("#case-stage")).to_have_text(Stage(stage).label)
    expect(page.get_by_text("Đã lưu.")).to_be_visible()


def unit_counts_on_page(page, live_server, unit):
    page.goto(f"{live_server.url}/don-vi/{unit.pk}/")
    expect(page.get_by_role("heading", name=unit.name, level=1)).to_be_visible()
    return {
        key: int(page.locator(f"#count-{key}").inner_text().replace(".", ""))
        for key in ("total", "official", "probationary")
    }


def test_a_case_walks_from_source_to_official_and_the_member_appears_in_the_branch_counts(page, live_server):
    world = World()
    add_introducers(world)
    case = world.case_phya_ma
    case_url = f"{live_server.url}/ho-so/{case.pk}/"

    log_in(page, live_server, "alice")
    page.goto(case_url)
    expect(page.get_by_role("heading", name=re.compile(r"^Hà Thị Hoa"), level=1)).to_be_visible()
    expect(page.locator("#case-stage")).to_have_text(Stage.SOURCE.label)

    move_through_page(
        page,
        "AWARENESS",
        {
            "Ngày khai giảng lớp": "2024-05-01",
            "Lớp bồi dưỡng nhận thức về Đảng": "Lớp NTVĐ 5/2024",
            "Số giấy chứng nhận": "CN-01",
            "Ngày cấp giấy chứng nhận": "2024-05-10",
        },
    )
    move_through_page(page, "DOSSIER", {"Ngày": "2024-06-01"})

    record_checklist(case, world)
    page.reload()
    expect(page.locator("#documents li")).to_have_count(6)

    move_through_page(
        page,
        "BRANCH_RESOLVED",
        {
            "Ngày họp chi bộ": "2025-02-03",
            "Số đảng viên chính thức được triệu tập": "3",
            "Số phiếu tán thành": "3",
        },
    )
    move_through_page(
        page,
        "COMMITTEE_RESOLVED",
        {"Ngày họp đảng ủy": "2025-02-10", "Tổng số cấp ủy viên": "9", "Số phiếu tán thành": "8"},
    )
    move_through_page(
        page, "SUBMITTED", {"Ngày trình": "2025-02-12", "Cấp nhận hồ sơ": "Ban Thường vụ Huyện ủy"}
    )
    move_through_page(
        page,
        "DECIDED",
        {
            "Ngày quyết định kết nạp": "2025-03-01",
            "Số quyết định": "123-QĐ/HU",
            "Ngày chi bộ nhận quyết định": "2025-03-05",
        },
    )
    timeline = page.locator("#timeline li")
    expect(timeline.last).to_contain_text("01/03/2025")
    expect(timeline.last).to_contain_text("123-QĐ/HU")
    expect(timeline.last).to_contain_text("05/03/2025")

    before = unit_counts_on_page(page, live_server, world.phya_ma)
    assert before == {"total": 3, "official": 3, "probationary": 0}, before  # Dũng and the introducers
    page.goto(case_url)
    move_through_page(page, "PROBATION", {"Ngày lễ kết nạp": "2025-03-15"})
    member_link = page.get_by_role("link", name="hồ sơ đảng viên")
    expect(member_link).to_be_visible()

    on_probation = unit_counts_on_page(page, live_server, world.phya_ma)
    assert on_probation["probationary"] == before["probationary"] + 1, (before, on_probation)
    assert on_probation["official"] == before["official"], (before, on_probation)
    assert on_probation["total"] == before["total"] + 1, (before, on_probation)

    page.goto(case_url)
    move_through_page(
        page,
        "RECOGNITION_PROPOSED",
        {
            "Ngày họp chi bộ": "2026-03-20",
            "Số đảng viên chính thức được triệu tập": "3",
            "Số phiếu tán thành": "3",
        },
    )
    move_through_page(
        page, "OFFICIAL", {"Ngày quyết định công nhận": "2026-06-01", "Số quyết định": "45-QĐ/HU"}
    )
    expect(page.locator("details[data-move]")).to_have_count(0)  # the path has ended

    page.get_by_role("link", name="hồ sơ đảng viên").click()
    expect(page).to_have_url(re.compile(r"/dang-vien/\d+/$"))
    heading = page.get_by_role("heading", name=re.compile(r"^Hà Thị Hoa"), level=1)
    expect(heading).to_contain_text("Chính thức")
    expect(page.get_by_text(re.compile(r"vào Đảng 15/03/2025 · chính thức 15/03/2026"))).to_be_visible()

    after = unit_counts_on_page(page, live_server, world.phya_ma)
    assert after["official"] == before["official"] + 1, (before, after)
    assert after["probationary"] == before["probationary"], (before, after)

    case.refresh_from_db()
    assert case.stage == Stage.OFFICIAL
    assert case.member.status == MemberStatus.OFFICIAL
    assert (case.member.admitted_on, case.member.official_on) == (date(2025, 3, 15), date(2026, 3, 15))
    assert [e.stage for e in case.events.all()] == [
        "SOURCE",
        "AWARENESS",
        "DOSSIER",
        "BRANCH_RESOLVED",
        "COMMITTEE_RESOLVED",
        "SUBMITTED",
        "DECIDED",
        "PROBATION",
        "RECOGNITION_PROPOSED",
        "OFFICIAL",
    ]
    assert {e.recorded_by.username for e in case.events.all()[1:]} == {"alice"}


def test_an_expired_certificate_blocks_the_branch_vote_with_its_message(page, new_page, live_server):
    world = World()
    add_introducers(world)
    case = complete_dossier(world.case_phya_ma, world, cert_date=date(2020, 1, 15))
    assert Case.objects.get(pk=case.pk).stage == Stage.DOSSIER
    case_url = f"{live_server.url}/ho-so/{case.pk}/"

    log_in(page, live_server, "carol")
    page.goto(case_url)
    badge = page.locator("#case-stage")
    expect(badge).to_have_text("Lập hồ sơ")

    section = move_section(page, "BRANCH_RESOLVED")
    expect(section.locator("summary")).to_have_text("Chi bộ đề nghị")
    expect(section.get_by_role("link", name=re.compile("Chưa đủ điều kiện theo quy định"))).to_be_visible()
    checklist = page.locator("#checklist")
    expect(checklist.locator('[data-codes~="AWARENESS_CERT"]')).to_be_visible()
    # The checklist judges the same facts as the move: Phya Mạ has 3 official members.
    expect(checklist.locator('[data-codes~="BRANCH_SIZE"]')).to_have_count(0)

    section.get_by_label("Ngày họp chi bộ").fill("2025-02-03")
    section.get_by_label("Số đảng viên chính thức được triệu tập").fill("3")
    section.get_by_label("Số phiếu tán thành").fill("3")
    section.get_by_role("button", name="Ghi: Chi bộ đề nghị").click()

    # The page comes back with the move's section open, the refusal on its form, and each
    # finding once, in the checklist judged on the typed meeting date.
    section = page.locator('details[data-move="BRANCH_RESOLVED"]')
    expect(section).to_have_attribute("open", "")
    expect(section.locator("form .alert-danger[role=alert]")).to_contain_text("Chưa ghi được")
    refusal = page.get_by_text(re.compile("cấp ngày 15/01/2020"))
    expect(refusal).to_have_count(1)
    expect(refusal).to_contain_text("03/02/2025")
    expect(badge).to_have_text("Lập hồ sơ")
    expect(page.get_by_text("Đã lưu.")).to_have_count(0)
    # What was typed is kept, so the officer only fixes what is wrong.
    expect(section.get_by_label("Ngày họp chi bộ")).to_have_value("2025-02-03")
    expect(section.get_by_label("Số phiếu tán thành")).to_have_value("3")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "case-refused-desktop.png"), full_page=True)

    assert Case.objects.get(pk=case.pk).stage == Stage.DOSSIER
    assert [e.stage for e in case.events.all()] == ["SOURCE", "AWARENESS", "DOSSIER"]

    phone = new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    log_in(phone, live_server, "carol")
    phone.goto(case_url)
    expect(phone.locator("#case-stage")).to_have_text("Lập hồ sơ")
    phone_section = move_section(phone, "BRANCH_RESOLVED")
    phone.screenshot(path=str(SHOTS / "case-phone.png"), full_page=True)
    phone_section.evaluate("d => d.scrollIntoView({block: 'start'})")
    phone.screenshot(path=str(SHOTS / "case-phone-move.png"))
    case_widths = phone.evaluate("() => [document.body.scrollWidth, document.documentElement.scrollWidth]")

    phone.goto(f"{live_server.url}/ho-so/")
    expect(phone.locator("#board").get_by_role("link", name="Hà Thị Hoa")).to_be_visible()
    phone.screenshot(path=str(SHOTS / "board-phone.png"), full_page=True)
    board_widths = phone.evaluate("() => [document.body.scrollWidth, document.documentElement.scrollWidth]")
    assert max(case_widths) <= PHONE["width"] + 2, case_widths
    assert max(board_widths) <= PHONE["width"] + 2, board_widths
