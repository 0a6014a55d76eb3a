"""The case board (/ho-so/): filters that agree with the counts, every stage reachable at a glance."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ptdv.cases.models import OPEN_STAGES
from ptdv.regulation import PATH, Stage
from ptdv.web.views.cases import CARDS_PER_COLUMN
from tests.factories import spelled
from tests.web.overdue import LONG_AGO, resolved

pytestmark = pytest.mark.django_db


def column(body, stage):
    return re.search(rf'<section[^>]*data-stage="{stage}".*?</section>', body, re.S).group(0)


def column_count(body, stage):
    return int(re.search(r'<span class="badge[^"]*">(\d+)</span>', column(body, stage)).group(1))


def test_overdue_filter_makes_the_column_counts_count_only_overdue_cases(world, client_for):
    resolved(world, "Hà Văn Quá", LONG_AGO)
    resolved(world, "Hà Văn Đúng", timezone.localdate())
    client = client_for(world.alice)
    everything = client.get("/ho-so/").content.decode()
    assert column_count(everything, "BRANCH_RESOLVED") == 2 and column_count(everything, "SOURCE") == 1
    overdue = client.get("/ho-so/", {"overdue": "1"}).content.decode()
    assert column_count(overdue, "BRANCH_RESOLVED") == 1
    assert column_count(overdue, "SOURCE") == 0
    assert "Hà Văn Quá" in overdue and "Hà Văn Đúng" not in overdue
    assert "1 hồ sơ quá hạn" in overdue


def test_overdue_cases_behind_the_first_cards_of_a_column_are_shown(world, client_for):
    for _ in range(CARDS_PER_COLUMN + 1):
        resolved(world, "Hà Thị An", timezone.localdate())
    resolved(world, "Hà Thị Yến", LONG_AGO)
    body = client_for(world.alice).get("/ho-so/", {"overdue": "1"}).content.decode()
    resolved_column = column(body, "BRANCH_RESOLVED")
    assert "Hà Thị Yến" in resolved_column
    assert "Không có hồ sơ" not in resolved_column and "Hiện 0/" not in resolved_column


def test_an_empty_overdue_column_says_no_overdue_case(world, client_for):
    body = client_for(world.alice).get("/ho-so/", {"overdue": "1"}).content.decode()
    assert "Không có hồ sơ quá hạn." in column(body, "SOURCE")


def test_every_open_stage_is_named_with_its_count_above_the_board(world, client_for):
    resolved(world, "Hà Văn Quá", LONG_AGO)
    body = client_for(world.alice).get("/ho-so/").content.decode()
    nav = re.search(r'<nav[^>]*id="stage-nav".*?</nav>', body, re.S).group(0)
    entries = re.findall(r'<(?:a|span) class="btn[^>]*>([^<]+)<span class="badge[^"]*">(\d+)', nav)
    assert [label.strip() for label, _n in entries] == [s.label for s in PATH if s.value in OPEN_STAGES]
    assert dict((label.strip(), int(n)) for label, n in entries)[Stage.BRANCH_RESOLVED.label] == 1
    for stage in ("SOURCE", "BRANCH_RESOLVED"):
        assert f'href="#stage-{stage}"' in nav and f'id="stage-{stage}"' in body
    assert 'href="#stage-DECIDED"' not in nav  # no case there: nothing to jump to


def _queries(client, **params):
    with CaptureQueriesContext(connection) as captured:
        client.get("/ho-so/", params)
    return len(captured.captured_queries)


def test_the_overdue_filter_costs_the_same_few_queries_however_many_cases(world, client_for):
    """Every case here is overdue, so both boards show the same cards: the difference is the
    filter alone (cases in running stages, their events, their documents)."""
    client = client_for(world.alice)
    resolved(world, "Hà Văn Quá", LONG_AGO)
    few = _queries(client, overdue="1", stage="BRANCH_RESOLVED") - _queries(client, stage="BRANCH_RESOLVED")
    for i in range(5):
        resolved(world, f"Hà Văn Quá {spelled(i)}", LONG_AGO)
    many = _queries(client, overdue="1", stage="BRANCH_RESOLVED") - _queries(client, stage="BRANCH_RESOLVED")
    assert many == few <= 3


def test_the_board_unit_filter_is_a_picker_not_a_list_of_every_unit(world, client_for):
    """A province has thousands of units: the filter searches them (the parent-unit lookup) and
    the page carries only the chosen one."""
    page = client_for(world.alice).get("/ho-so/", {"unit": world.cong_bang.pk}).content.decode()
    select = re.search(r'<select[^>]*name="unit".*?</select>', page, re.S).group(0)
    assert 'data-picker="/chon/cap-tren/"' in select
    assert re.findall(r"<option[^>]*>([^<]*)</option>", select) == ["Toàn bộ phạm vi", "Đảng bộ xã Công Bằng"]
    assert "Đảng bộ huyện Pác Nặm" not in select
