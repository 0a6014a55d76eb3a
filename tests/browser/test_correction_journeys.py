"""Mistakes corrected on the case page, on a desktop and a 390 px phone: a wrong introducer
corrected unblocks the branch vote; a move recorded by mistake is undone."""

import pytest
from playwright.sync_api import expect

from ptdv.cases.models import Case
from ptdv.regulation import Stage
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_case_journeys import add_introducers, log_in, move_through_page
from tests.cases.conftest import complete_dossier
from tests.factories import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {
    "desktop": {"viewport": DESKTOP},
    "phone": {"viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
}
VOTE = {
    "Ngày họp chi bộ": "2025-02-03",
    "Số đảng viên chính thức được triệu tập": "3",
    "Số phiếu tán thành": "3",
}


def _case_with_a_wrong_introducer():
    world = World()
    add_introducers(world)
    case = complete_dossier(world.case_phya_ma, world)
    wrong = case.introductions.first()
    wrong.months_together = 6
    wrong.save()
    return case, wrong


def _fits(page, screen):
    if screen == "phone":
        widths = page.evaluate("() => [document.body.scrollWidth, document.documentElement.scrollWidth]")
        assert max(widths) <= PHONE["width"] + 2, widths


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_correcting_a_wrong_introducer_unblocks_the_branch_vote(new_page, live_server, screen):
    case, wrong = _case_with_a_wrong_introducer()
    page = new_page(**SCREENS[screen])
    log_in(page, live_server, "carol")
    page.goto(f"{live_server.url}/ho-so/{case.pk}/")
    # The case page's checklist for the next step is the move's own judgement (ptdv.cases.checklist).
    expect(page.locator('#checklist [data-codes~="INTRODUCER_TOGETHER"]')).to_be_visible()

    row = page.locator(f'#introductions li[data-record="{wrong.pk}"]')
    expect(row).to_contain_text("6 tháng")
    edit = row.locator(f'details[data-edit="{wrong.pk}"]')
    edit.locator("summary").click()
    edit.get_by_label("Số tháng cùng công tác/học tập/cư trú").fill("14")
    _fits(page, screen)
    edit.get_by_role("button", name="Lưu sửa").click()
    expect(page.get_by_text("Đã lưu.")).to_be_visible()
    expect(page.locator(f'#introductions li[data-record="{wrong.pk}"]')).to_contain_text("14 tháng")

    # Judged today the checklist may hold other findings (papers grow old); not this one.
    expect(page.locator('#checklist [data-codes~="INTRODUCER_TOGETHER"]')).to_have_count(0)
    move_through_page(page, "BRANCH_RESOLVED", VOTE)
    assert Case.objects.get(pk=case.pk).stage == Stage.BRANCH_RESOLVED


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_undoing_a_move_recorded_by_mistake(new_page, live_server, screen):
    case, wrong = _case_with_a_wrong_introducer()
    wrong.months_together = 24
    wrong.save()
    page = new_page(**SCREENS[screen])
    log_in(page, live_server, "carol")
    page.goto(f"{live_server.url}/ho-so/{case.pk}/")
    move_through_page(page, "BRANCH_RESOLVED", VOTE)

    undo = page.locator("#undo")
    expect(undo.locator("summary")).to_have_text("Hủy bước “Chi bộ đề nghị” ghi nhầm")
    undo.locator("summary").click()
    undo.get_by_role("button", name="Hủy bước này").click()
    # No reason given: refused in Vietnamese, nothing changed.
    expect(page.locator("#case-stage")).to_have_text(Stage.BRANCH_RESOLVED.label)
    page.locator("#undo").get_by_label("Lý do hủy bước").fill("Ghi nhầm: chi bộ chưa họp")
    _fits(page, screen)
    page.locator("#undo").get_by_role("button", name="Hủy bước này").click()

    expect(page.get_by_text("Đã lưu.")).to_be_visible()
    expect(page.locator("#case-stage")).to_have_text(Stage.DOSSIER.label)
    timeline = page.locator("#timeline li")
    expect(timeline.last).to_contain_text("Hủy bước “Chi bộ đề nghị”")
    expect(timeline.last).to_contain_text("Ghi nhầm: chi bộ chưa họp")
    expect(page.locator("#timeline li[data-undone]")).to_contain_text("Chi bộ đề nghị")
    # The move before was recorded by the organizer: only she may undo it now.
    expect(page.locator("#undo")).to_have_count(0)
    assert Case.objects.get(pk=case.pk).stage == Stage.DOSSIER
