"""The dashboard's kept figures (ptdv.web.dashboard.figures_html, ptdv.reports.freshness): read
back while current, and never shown once a committed act, a bulk refresh or the day has moved
them on. The acts run committed (transactional tests), as in production: the data generation is
bumped after the commit."""

import re
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ptdv.cases import derived, transitions
from ptdv.cases.models import CaseDeadline
from ptdv.org import reorganisation
from ptdv.plans.models import Quota
from ptdv.reports.models import DataGeneration, KeptDashboard
from ptdv.web import dashboard
from tests import factories
from tests.web.overdue import resolved
from tests.web.test_dashboard import _due_in_about_two_weeks

pytestmark = pytest.mark.django_db(transaction=True)

COMPUTED_AT = re.compile(r'<span class="small text-muted" id="computed-at">[^<]*</span>')
FIGURES = re.compile(r'<h1 class="h4 mb-0">.*?(?=<script src=)', re.DOTALL)


def _page_figures(client) -> str:
    """The figures as the page shows them, with the time they were computed."""
    return FIGURES.search(client.get(reverse("web:home")).content.decode()).group()


def _figures(client) -> str:
    return COMPUTED_AT.sub("", _page_figures(client))


def _fresh(user) -> str:
    """What the dashboard would show if it were computed now."""
    rendered = render_to_string(dashboard.FIGURES_TEMPLATE, {"board": dashboard.build(user)})
    return COMPUTED_AT.sub("", rendered).strip()


def _generation() -> int:
    return DataGeneration.objects.get(pk=1).n


@pytest.fixture
def plan(world):
    year = timezone.localdate().year
    return factories.plan(world.pac_nam, "40/KH/HU", date(year, 1, 1), date(year, 12, 31), 10)


def test_kept_figures_are_read_back_until_the_data_changes(
    world, client_for, plan, django_assert_max_num_queries
):
    client = client_for(world.alice)
    first = _page_figures(client)
    assert KeptDashboard.objects.filter(unit=world.pac_nam, role=world.alice.role).count() == 1
    with django_assert_max_num_queries(6):  # session, user, device, unit, the kept figures, notices
        again = _page_figures(client)
    assert again == first  # the same figures, computed at the same time


ACTS = {
    "a quota handed down": lambda world, plan: Quota.objects.create(
        plan=plan, unit=world.cong_bang, target=4
    ),
    "a village without members": lambda world, plan: factories.village(world.phya_ma, "Nà Mới"),
    "a member admitted this year": lambda world, plan: factories.member(
        world.phya_ma, "Lò Văn Mới", admitted=date(timezone.localdate().year, 1, 2), official=False
    ),
    "a case opened": lambda world, plan: transitions.open_case(
        factories.person(world.phya_ma, "Lục Văn Nguồn", birth=date(2000, 1, 1)),
        world.phya_ma,
        timezone.localdate(),
        by=world.carol,
        source_organisation="YOUTH_UNION",
        source_category="YOUTH_UNION",
    ),
    "a branch resolution": lambda world, plan: resolved(world, "Nông Văn Hạn", timezone.localdate()),
    "two branches merged": lambda world, plan: reorganisation.merge(
        [world.na_pai], world.phya_ma, timezone.localdate()
    ),
}


@pytest.mark.parametrize("act", ACTS)
def test_after_a_committed_act_the_dashboard_is_the_fresh_computation(world, client_for, plan, act):
    client = client_for(world.alice)
    before = _figures(client)
    generation = _generation()
    ACTS[act](world, plan)
    assert _generation() > generation
    after = _figures(client)
    assert after != before
    assert _fresh(world.alice) in after


def test_one_transaction_bumps_the_generation_once(world):
    generation = _generation()
    with transaction.atomic():
        for i in range(5):
            factories.village(world.phya_ma, f"Bản {factories.spelled(i)}")
        assert _generation() == generation  # not before the commit: the readers are not held up
    assert _generation() == generation + 1


def test_a_rolled_back_savepoint_does_not_swallow_the_next_change(world):
    generation = _generation()
    with transaction.atomic():
        try:
            with transaction.atomic():
                factories.village(world.phya_ma, "Bản Hủy")
                raise RuntimeError
        except RuntimeError:
            pass
        factories.village(world.phya_ma, "Bản Giữ")
    assert _generation() == generation + 1


def test_a_refused_act_leaves_the_kept_figures_current(world, client_for, plan):
    client = client_for(world.alice)
    client.get(reverse("web:home"))
    generation = _generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.village(world.phya_ma, "Bản Hủy")
        raise RuntimeError
    assert _generation() == generation


def test_the_daily_refresh_that_changes_kept_deadlines_makes_the_figures_stale(world, client_for, plan):
    resolved(world, "Nông Văn Hạn", timezone.localdate() - timedelta(days=3))
    client = client_for(world.alice)
    client.get(reverse("web:home"))
    generation = _generation()
    derived.refresh_open()  # nothing moved on: nothing written, nothing stale
    assert _generation() == generation
    CaseDeadline.objects.all().delete()  # kept deadlines out of step, found again by the refresh
    assert _generation() == generation  # a bulk delete sends no signal
    assert derived.refresh_open()["deadlines"] == 1
    assert _generation() == generation + 1


def test_the_next_day_computes_the_figures_again(world, plan):
    today = timezone.localdate()
    dashboard.figures_html(world.alice, today)
    dashboard.figures_html(world.alice, today + timedelta(days=1))
    kept = KeptDashboard.objects.get(unit=world.pac_nam, role=world.alice.role)
    assert kept.on == today + timedelta(days=1)


def test_each_role_of_a_unit_has_its_own_figures(world, client_for, plan):
    _due_in_about_two_weeks(world, "Nông Văn Hạn")
    organizer = _figures(client_for(world.alice))
    viewer = _figures(client_for(world.victor))
    assert "Nông Văn Hạn" in organizer and "Nông Văn Hạn" not in viewer
    assert KeptDashboard.objects.filter(unit=world.pac_nam).count() == 2
