"""Người chưa là đảng viên (/nguoi/): people who are not members yet can be found."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ptdv.cases import transitions
from ptdv.regulation import Stage
from tests.factories import case, person, spelled

pytestmark = pytest.mark.django_db


def _names(body):
    return re.findall(r'href="/nguoi/\d+/">([^<]+)</a>', body)


def _withdrawn(world, full_name):
    opened = case(world.na_pai, full_name, by=world.alice)
    transitions.move(
        opened,
        "WITHDRAWN",
        date(2024, 4, 1),
        {},
        by=world.alice,
        version=opened.version,
        reason="Chuyển đi nơi khác",
    )
    return opened


def test_people_without_membership_are_listed_with_their_case_stage(world, client_for):
    person(world.na_pai, "Lò Văn Chưa")
    _withdrawn(world, "Hoàng Thị Rút")
    body = client_for(world.alice).get("/nguoi/").content.decode()
    assert sorted(_names(body)) == sorted(["Hà Thị Hoa", "Lò Văn Chưa", "Hoàng Thị Rút"])
    assert "Lý Văn Dũng" not in body  # a member: on the member list, not here
    assert "Y Bình" not in body  # Đăk Tô: out of alice's scope
    rows = dict(re.findall(r'href="/nguoi/\d+/">([^<]+)</a>.*?<td class="small">(.*?)</td></tr>', body, re.S))
    assert "Nguồn / cảm tình Đảng" in rows["Hà Thị Hoa"] and "Chưa có hồ sơ" in rows["Lò Văn Chưa"]
    assert Stage.WITHDRAWN.label in rows["Hoàng Thị Rút"]


def test_person_search_ignores_diacritics_and_case(world, client_for):
    person(world.na_pai, "Lò Văn Chưa")
    client = client_for(world.alice)
    for query in ("lo van chua", "LÒ VĂN", "chưa"):
        assert _names(client.get("/nguoi/", {"q": query}).content.decode()) == ["Lò Văn Chưa"], query


def test_the_stage_filter_shows_how_many_each_choice_finds_and_agrees_with_the_list(world, client_for):
    person(world.na_pai, "Lò Văn Chưa")
    person(world.na_pai, "Lò Văn Mới")
    _withdrawn(world, "Hoàng Thị Rút")
    client = client_for(world.alice)
    body = client.get("/nguoi/").content.decode()
    options = dict(re.findall(r'<option value="(\w*)"[^>]*>[^<(]*\((\d+)\)</option>', body))
    assert options == {"": "4", "none": "2", "SOURCE": "1", "WITHDRAWN": "1"}
    assert sorted(_names(client.get("/nguoi/", {"stage": "none"}).content.decode())) == [
        "Lò Văn Chưa",
        "Lò Văn Mới",
    ]
    assert _names(client.get("/nguoi/", {"stage": "WITHDRAWN"}).content.decode()) == ["Hoàng Thị Rút"]
    assert _names(client.get("/nguoi/", {"stage": "DECIDED"}).content.decode()) == []


def test_the_person_list_is_paginated(world, client_for):
    for i in range(51):
        person(world.na_pai, f"Lò Văn Số {spelled(i)}")
    client = client_for(world.alice)
    first = client.get("/nguoi/", {"q": "so"}).content.decode()
    assert len(_names(first)) == 50 and "Trang 1/2" in first and "Tìm thấy 51 người" in first
    assert len(_names(client.get("/nguoi/", {"q": "so", "page": 2}).content.decode())) == 1


def test_branch_secretaries_find_only_the_people_of_their_branch(world, client_for):
    person(world.na_pai, "Lò Văn Chưa")
    assert _names(client_for(world.carol).get("/nguoi/").content.decode()) == ["Hà Thị Hoa"]


def test_person_list_query_budget_does_not_grow_with_people(world, client_for):
    client = client_for(world.alice)
    with CaptureQueriesContext(connection) as small:
        client.get("/nguoi/")
    for i in range(10):
        _withdrawn(world, f"Hoàng Thị Rút {spelled(i)}") if i % 2 else person(
            world.na_pai, f"Lò Văn {spelled(i)}"
        )
    with CaptureQueriesContext(connection) as large:
        client.get("/nguoi/")
    # session, user, the session's two-factor device, unit of user (scope), scope paths (units
    # merged into the subtree), counts by stage, count for the paginator, the page of people
    # (unit, village, stage and case in one query), unread notices (navigation badge)
    assert len(large.captured_queries) == len(small.captured_queries) <= 9
