"""Journeys through the pages in Chromium, as an officer would click them."""

import re
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ptdv.accounts.models import User
from ptdv.org.models import Unit
from ptdv.people import summaries
from ptdv.people.models import MemberEvent, PartyMember
from ptdv.people.names import fold
from tests.browser.conftest import PHONE, SHOTS, log_in, submit_password
from tests.demo_loaded import load_demo
from tests.factories import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ORGANIZER, PASSWORD = "to-chuc-pn", "mat-khau-Pac-Nam-2023"


@pytest.fixture
def demo(tmp_path):
    """The demo data set as the articles left it (before the 2025 reorganisation, when Pác Nặm
    district still had Công Bằng's 13 branches), and its organizer who logs in with a password."""
    load_demo(tmp_path, reorganise=False)
    User.objects.create_user(
        username=ORGANIZER, password=PASSWORD, role="organizer", unit=Unit.objects.get(code="BK.PN")
    )
    return Unit.objects.get(code="BK.PN.X01")


def members_today(cong_bang) -> str:
    """240 on 30/06/2023 (the article); three of its June 2023 cases were admitted since (docs/demo.md)."""
    today = str(summaries.totals(cong_bang, timezone.localdate()).total)
    assert today == "243"
    return today


def unique_member_of(unit):
    """A current member of `unit` whose unaccented name no other member in the district shares."""
    district = Unit.objects.get(code="BK.PN")
    in_district = PartyMember.objects.filter(branch__path__startswith=district.path).select_related("person")
    folded = {}
    for m in in_district:
        folded.setdefault(fold(m.person.full_name), []).append(m)
    for m in in_district.filter(branch__path__startswith=unit.path).order_by("id"):
        name = m.person.full_name
        if len(folded[fold(name)]) == 1 and fold(name) != name.lower():
            return m
    raise AssertionError(f"no member of {unit.name} with a name of its own")


def test_organizer_finds_a_member_of_cong_bang(page, live_server, demo):
    """The issue's "done when": log in, the tree, Công Bằng's 240 members, search without accents."""
    today = members_today(demo)
    log_in(page, live_server, ORGANIZER, PASSWORD)

    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()
    page.get_by_role("link", name="Tổ chức đảng", exact=True).click()
    expect(page.get_by_role("heading", name="Tổ chức đảng", level=1)).to_be_visible()
    cong_bang_link = page.get_by_role("link", name="Đảng bộ xã Công Bằng", exact=True)
    row = page.locator("#unit-tree tbody tr").filter(has=cong_bang_link)
    expect(row).to_have_count(1)
    expect(row.locator("td").last).to_have_text(today)  # the "Tổng" column

    cong_bang_link.click()
    expect(page).to_have_url(re.compile(rf"/don-vi/{demo.pk}/$"))
    expect(page.get_by_role("heading", name="Đảng bộ xã Công Bằng", level=1)).to_be_visible()
    expect(page.locator("#count-total")).to_have_text(today)
    children = page.get_by_role("heading", name=re.compile(r"^Tổ chức trực thuộc"))
    expect(children).to_have_text("Tổ chức trực thuộc (13)")
    children_table = page.locator("h2:has-text('Tổ chức trực thuộc') + .table-responsive table")
    expect(children_table.locator("tbody tr")).to_have_count(13)
    expect(children_table.get_by_role("link", name="Chi bộ thôn Phya Mạ", exact=True)).to_be_visible()

    member = unique_member_of(demo)
    name = member.person.full_name
    typed = fold(name)
    assert typed != name and typed == typed.lower()

    page.get_by_role("navigation").get_by_role("link", name="Đảng viên", exact=True).click()
    expect(page.get_by_role("heading", name="Đảng viên", level=1)).to_be_visible()
    search = page.get_by_role("searchbox", name="Tìm đảng viên")
    search.fill(typed)
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q="))
    expect(search).to_have_value(typed)
    result = page.locator("#members").get_by_role("link", name=name, exact=True)
    expect(result).to_have_count(1)
    expect(page.locator("#members tbody tr")).to_have_count(1)
    expect(page.locator("#members tbody tr").first).to_contain_text(member.branch.name)

    result.click()
    expect(page).to_have_url(re.compile(rf"/dang-vien/{member.pk}/$"))
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Quá trình sinh hoạt đảng")).to_be_visible()
    timeline = page.locator("#events li")
    expect(timeline).to_have_count(member.events.count())
    expect(timeline.first).to_contain_text("Kết nạp (dự bị)")
    expect(timeline.first).to_contain_text(member.admitted_on.strftime("%d/%m/%Y"))


def test_wrong_password_is_refused_in_vietnamese(page, live_server, world):
    submit_password(page, live_server, "alice", "x-bob")

    expect(page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/dang-nhap/$"))
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible()
    expect(page.get_by_label("Tên đăng nhập")).to_have_value("alice")
    expect(page.get_by_role("link", name="Tổ chức đảng")).to_have_count(0)


def assert_fits_phone(page):
    widths = page.evaluate(
        "() => ({body: document.body.scrollWidth, page: document.documentElement.scrollWidth})"
    )
    assert widths["body"] <= PHONE["width"] + 2, widths
    assert widths["page"] <= PHONE["width"] + 2, widths


def test_phone_layout(new_page, live_server, demo):
    page = new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    log_in(page, live_server, ORGANIZER, PASSWORD)

    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()
    expect(page.locator("canvas.achievement-chart").first).to_be_visible()
    assert_fits_phone(page)  # the dashboard, its charts included
    page.goto(f"{live_server.url}/don-vi/")
    expect(page.get_by_role("heading", name="Tổ chức đảng", level=1)).to_be_visible()
    assert_fits_phone(page)
    expect(page.locator("#unit-tree").locator("xpath=..")).to_have_class(re.compile(r"\btable-responsive\b"))

    # The navbar is collapsed to its toggler; the toggler opens it.
    nav_link = page.get_by_role("navigation").get_by_role("link", name="Đảng viên", exact=True)
    toggler = page.get_by_role("button", name="Mở menu")
    expect(toggler).to_be_visible()
    expect(nav_link).to_be_hidden()
    page.screenshot(path=str(SHOTS / "tree-phone.png"))
    toggler.click()
    expect(nav_link).to_be_visible()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    page.screenshot(path=str(SHOTS / "tree-phone-menu-open.png"))
    toggler.click()
    expect(nav_link).to_be_hidden()

    page.get_by_role("link", name="Đảng bộ xã Công Bằng", exact=True).click()
    expect(page.locator("#count-total")).to_have_text(members_today(demo))
    assert_fits_phone(page)
    page.screenshot(path=str(SHOTS / "unit-phone.png"))
    for shot, heading in [
        ("unit-phone-villages.png", re.compile(r"^Thôn, bản")),
        ("unit-phone-members.png", "Đảng viên đang sinh hoạt"),
        ("unit-phone-reorganisation.png", "Thay đổi tổ chức"),
    ]:
        page.get_by_role("heading", name=heading).evaluate("h => h.scrollIntoView({block: 'start'})")
        page.screenshot(path=str(SHOTS / shot))

    member = unique_member_of(demo)
    page.goto(f"{live_server.url}/dang-vien/{member.pk}/")
    expect(page.get_by_role("heading", name="Quá trình sinh hoạt đảng")).to_be_visible()
    assert_fits_phone(page)
    page.get_by_text("Ghi sự kiện mới").click()
    expect(page.get_by_role("button", name="Ghi sự kiện")).to_be_visible()
    assert_fits_phone(page)
    page.screenshot(path=str(SHOTS / "member-phone.png"), full_page=True)

    page.goto(f"{live_server.url}/dang-vien/?q={fold(member.person.full_name.split()[-1])}")
    expect(page.locator("#members tbody tr").first).to_be_visible()
    assert_fits_phone(page)
    page.screenshot(path=str(SHOTS / "members-phone.png"))


def test_organizer_records_a_transfer(page, live_server):
    world = World()
    member = world.m_phya_ma
    assert member.admitted_on == date(2010, 3, 1)
    events_before = MemberEvent.objects.filter(member=member).count()
    log_in(page, live_server, "alice", "x-alice")
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()

    page.goto(f"{live_server.url}/dang-vien/{member.pk}/")
    expect(page.get_by_role("heading", name="Lý Văn Dũng", level=1)).to_be_visible()
    submit = page.get_by_role("button", name="Ghi sự kiện")
    expect(submit).to_be_hidden()
    page.get_by_text("Ghi sự kiện mới").click()
    expect(submit).to_be_visible()

    page.get_by_label("Sự kiện").select_option(label="Chuyển chi bộ trong Đảng bộ")
    branch = page.locator('select[name="branch"]')  # behind its picker (ptdv.pickers)
    page.get_by_role("combobox", name="Chi bộ chuyển đến").press_sequentially("na pai")
    page.get_by_role("option", name="Chi bộ thôn Nà Pài").click()
    day = page.get_by_label(re.compile(r"^Ngày\b"))
    day.fill("2009-12-31")
    submit.click()

    error = page.get_by_text(re.compile(r"trước ngày vào Đảng"))
    expect(error).to_be_visible()
    expect(error).to_have_text("Ngày 31/12/2009 trước ngày vào Đảng 01/03/2010.")
    expect(day).to_have_class(re.compile(r"\bis-invalid\b"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "member-event-refused.png"), full_page=True)
    expect(page.get_by_text("Đã lưu.")).to_have_count(0)
    member.refresh_from_db()
    assert member.branch == world.phya_ma
    assert MemberEvent.objects.filter(member=member).count() == events_before

    # The form came back open with the choices kept; only the date needs changing.
    expect(page.get_by_label("Sự kiện")).to_have_value("TRANSFERRED")
    expect(branch).to_have_value(str(world.na_pai.pk))
    day.fill("2015-06-01")
    page.get_by_label("Số quyết định").fill("12-QĐ/ĐU")
    submit.click()

    expect(page).to_have_url(re.compile(rf"/dang-vien/{member.pk}/$"))
    expect(page.get_by_text("Đã lưu.")).to_be_visible()
    expect(error).to_have_count(0)
    transfer = page.locator("#events li").filter(has_text="Chuyển chi bộ trong Đảng bộ")
    expect(transfer).to_have_count(1)
    expect(transfer).to_contain_text("01/06/2015")
    expect(transfer).to_contain_text("Chi bộ thôn Nà Pài")
    expect(transfer).to_contain_text("QĐ 12-QĐ/ĐU")
    expect(transfer).to_contain_text("ghi bởi alice")
    expect(page.locator("#events li").last).to_contain_text("Chuyển chi bộ trong Đảng bộ")
    expect(page.get_by_text(re.compile(r"^Chi bộ:")).get_by_role("link")).to_have_text("Chi bộ thôn Nà Pài")

    member.refresh_from_db()
    assert member.branch == world.na_pai
    event = MemberEvent.objects.filter(member=member).order_by("-id").first()
    assert (event.kind, event.date, event.branch, event.recorded_by) == (
        "TRANSFERRED",
        date(2015, 6, 1),
        world.na_pai,
        world.alice,
    )
    assert MemberEvent.objects.filter(member=member).count() == events_before + 1


def test_tree_indents_units_by_depth(page, live_server, world):
    """Each level of the tree is indented 1.25rem (20px) more than its parent."""
    log_in(page, live_server, "alice", "x-alice")
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()
    page.get_by_role("link", name="Tổ chức đảng", exact=True).click()
    expect(page.get_by_role("heading", name="Tổ chức đảng", level=1)).to_be_visible()
    tree = page.locator("#unit-tree")
    # The tree opens on alice's district and its communes; a commune's button shows its branches.
    tree.get_by_role("button", name="Mở hoặc đóng cấp dưới của Đảng bộ xã Công Bằng").click()
    for name, padding in [
        ("Đảng bộ huyện Pác Nặm", "0px"),
        ("Đảng bộ xã Công Bằng", "20px"),
        ("Chi bộ thôn Phya Mạ", "40px"),
    ]:
        row = tree.locator(".tree-row").filter(has=page.get_by_role("link", name=name, exact=True))
        expect(row).to_have_css("padding-left", padding)


def test_search_filters_as_you_type(page, live_server, world):
    """The search box narrows the list while typing (htmx), without leaving the page."""
    log_in(page, live_server, "alice", "x-alice")
    page.get_by_role("navigation").get_by_role("link", name="Đảng viên", exact=True).click()
    rows = page.locator("#members tbody tr")
    expect(rows).to_have_count(2)  # Pác Nặm's two members; Kon Tum's is out of scope
    url = page.url

    page.get_by_role("searchbox", name="Tìm đảng viên").press_sequentially("dam thi anh")
    expect(rows).to_have_count(1)
    expect(rows.first.get_by_role("link")).to_have_text("Đàm Thị Ánh")
    assert page.url == url

    page.get_by_role("searchbox", name="Tìm đảng viên").fill("tran van son")
    expect(rows).to_have_text(["Không có đảng viên nào."])
