"""The dashboard, the page after login: where the user's unit stands, in a fixed number of queries."""

import json
from datetime import date, timedelta

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from ptdv.cases.deadlines import due_items
from ptdv.cases.models import Case, CaseEvent
from ptdv.org.models import UnitKind
from ptdv.plans.models import Quota
from ptdv.reports import freshness
from tests import factories
from tests.web.overdue import LONG_AGO, resolved

pytestmark = pytest.mark.django_db


def _page(client):
    return " ".join(client.get(reverse("web:home")).content.decode().split())


def _chart(client, index=0):
    page = client.get(reverse("web:home")).content.decode()
    start = page.index(f'<script id="chart-{index}" type="application/json">') + len(
        f'<script id="chart-{index}" type="application/json">'
    )
    return json.loads(page[start : page.index("</script>", start)])


@pytest.fixture
def current(world):
    """A current yearly plan of Pác Nặm with quotas to Công Bằng (4, 1 admitted) and Bằng Thành
    (3, none yet), and a commune without a quota."""
    year = timezone.localdate().year
    plan = factories.plan(world.pac_nam, "40/KH/HU", date(year, 1, 1), date(year, 12, 31), 10)
    bang_thanh = factories.unit(
        world.pac_nam, "BK.PN.X02", "Đảng bộ xã Bằng Thành", UnitKind.GRASSROOTS_COMMITTEE
    )
    factories.unit(world.pac_nam, "BK.PN.X03", "Đảng bộ xã Bộc Bố", UnitKind.GRASSROOTS_COMMITTEE)
    Quota.objects.create(plan=plan, unit=world.cong_bang, target=4)
    Quota.objects.create(plan=plan, unit=bang_thanh, target=3)
    factories.member(world.phya_ma, "Lò Văn Mới", admitted=date(year, 1, 1), official=False)
    return plan


def test_login_lands_on_the_dashboard_of_the_users_unit(world, client_for, current):
    page = _page(client_for(world.alice))
    assert "Tổng quan" in page and "Đảng bộ huyện Pác Nặm" in page and "Số liệu tính lúc" in page
    assert "Kế hoạch số 40/KH/HU" in page
    assert "Kết nạp 1 / chỉ tiêu 10, đạt 10% chỉ tiêu" in page


def test_the_chart_has_a_bar_per_child_with_a_quota_the_largest_shortfall_first(world, client_for, current):
    chart = _chart(client_for(world.victor))
    # Bằng Thành: 3 short; Công Bằng: 4 − 1 = 3 short too, then by name; Bộc Bố has no quota.
    assert chart == {
        "labels": ["Đảng bộ xã Bằng Thành", "Đảng bộ xã Công Bằng"],
        "quota": [3, 4],
        "admitted": [0, 1],
    }


def test_without_a_current_plan_the_latest_one_is_shown_as_ended(world, client_for):
    page = _page(client_for(world.olga))
    assert "Kế hoạch số 12/KH/HU" in page and "đã kết thúc" in page


def test_pipeline_counts_open_cases_by_stage_with_the_overdue(world, client_for):
    resolved(world, "Nông Văn Quá Hạn", LONG_AGO)
    resolved(world, "Nông Văn Kịp", timezone.localdate())
    page = _page(client_for(world.alice))
    assert 'Nguồn / cảm tình Đảng</td><td class="text-end">1</td>' in page
    assert (
        'Chi bộ đề nghị</td><td class="text-end">2</td><td class="text-end text-danger fw-semibold">1</td>'
        in page
    )


def _due_in_about_two_weeks(world, name):
    """A Phya Mạ case whose decision falls due about 15 days from today, on the calendar in force
    (the deadline counts working days: the resolution's date is moved until it does)."""
    today = timezone.localdate()
    case = resolved(world, name, today - timedelta(days=80))
    due = due_items(Case.objects.filter(pk=case.pk), today)[0].deadline.due_date
    shift = timedelta(days=(due - today).days - 15)
    CaseEvent.objects.filter(case=case, stage="BRANCH_RESOLVED").update(date=F("date") - shift)
    due = due_items(Case.objects.filter(pk=case.pk), today)[0].deadline.due_date
    assert today <= due <= today + timedelta(days=30)


def test_deadlines_of_the_next_30_days_name_people_only_for_the_officers(world, client_for):
    _due_in_about_two_weeks(world, "Nông Văn Kịp")
    resolved(world, "Nông Văn Xa", timezone.localdate())  # due in about three months
    resolved(world, "Nông Văn Quá Hạn", LONG_AGO)
    officer, viewer = _page(client_for(world.alice)), _page(client_for(world.victor))
    assert "Đến hạn trong 30 ngày tới (1)" in officer and "Nông Văn Kịp" in officer
    assert "Đến hạn trong 30 ngày tới (1)" in viewer and "Chi bộ thôn Phya Mạ" in viewer
    assert "Nông Văn" not in viewer and "Hà Thị Hoa" not in viewer


def test_merged_branches_and_villages_without_members(world, client_for):
    factories.village(world.phya_ma, "Nà Mới")  # Phya Mạ now serves two villages; no one lives there
    page = _page(client_for(world.alice))
    assert "Chi bộ sinh hoạt ghép (1)" in page and "Chi bộ thôn Phya Mạ — 2 thôn" in page
    assert "Thôn chưa có đảng viên (1)" in page and "Nà Mới" in page


@pytest.mark.django_db(transaction=True)  # committed, so the kept figures go stale (freshness)
def test_a_branch_secretary_sees_her_branchs_own_dashboard(world, client_for, current):
    factories.village(world.na_pai, "Bản Khác")
    page = _page(client_for(world.carol))
    assert "Chi bộ thôn Phya Mạ" in page and "Bản Khác" not in page
    assert "Kế hoạch số" not in page  # no plan or quota of her own branch yet
    year = timezone.localdate().year
    branch_plan = factories.plan(world.cong_bang, "05/KH/ĐU", date(year, 1, 1), date(year, 12, 31), 3)
    Quota.objects.create(plan=branch_plan, unit=world.phya_ma, target=2)
    page = _page(client_for(world.carol))
    assert "Chỉ tiêu theo Kế hoạch số 05/KH/ĐU của Đảng bộ xã Công Bằng" in page
    assert "Kết nạp 1 / chỉ tiêu 2, đạt 50% chỉ tiêu" in page


def test_the_national_admin_without_a_unit_gets_an_empty_dashboard(db, client_for):
    from ptdv.accounts.models import User

    nina = User.objects.create_superuser("nina", password="x-nina")
    assert "không thuộc tổ chức đảng nào" in _page(client_for(nina))


def _grow(world, current, first, n):
    """`n` more communes with a quota, a running case and a village each."""
    for i in range(first, first + n):
        commune = factories.unit(
            world.pac_nam,
            f"BK.PN.Y{i:02d}",
            f"Đảng bộ xã {factories.spelled(i)}",
            UnitKind.GRASSROOTS_COMMITTEE,
        )
        branch = factories.unit(commune, f"BK.PN.Y{i:02d}.T01", "Chi bộ thôn 1", UnitKind.BRANCH, "VILLAGE")
        factories.village(branch, f"Bản {factories.spelled(i)}")
        Quota.objects.create(plan=current, unit=commune, target=2)
        resolved(world, f"Nông Văn {factories.spelled(i)}", timezone.localdate() - timedelta(days=i))


def _stale():
    """The kept figures out of date, as on the first visit after the data changed."""
    freshness.bump()


def test_the_dashboard_holds_a_fixed_query_budget(world, client_for, current, django_assert_max_num_queries):
    client = client_for(world.alice)
    _grow(world, current, 0, 1)
    client.get(reverse("web:home"))
    # Session, user, its device and unit (4); the kept figures and the data generation (1); the
    # scope's merged units (1); the unit's plans (1); the plan's children and their quotas (2);
    # the deadlines: calendar, cases, their events and documents (4); pipeline counts (1);
    # merged branches: list and count (2); villages without members: list and count (2); the
    # notices badge (1); keeping the figures (1) — 20 — and the kept counts' queries for the
    # plan's progress and its children's (ptdv.people.summaries: lineage, placements,
    # milestones; 11 here), the same whatever the number of children (next test).
    _stale()
    with django_assert_max_num_queries(32):
        client.get(reverse("web:home"))
    # Kept and current: session, user, device, unit, the kept figures, the notices badge.
    with django_assert_max_num_queries(6):
        client.get(reverse("web:home"))


def test_the_dashboards_queries_do_not_grow_with_the_children(
    world, client_for, current, django_assert_max_num_queries
):
    client = client_for(world.alice)
    _grow(world, current, 0, 1)
    _stale()
    with django_assert_max_num_queries(32) as small:
        client.get(reverse("web:home"))
    _grow(world, current, 1, 6)
    _stale()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("web:home"))
