"""Long lists page by key: next and previous, the last page, namesakes, filters kept, search
by the start of any word of a name, and a query budget that does not grow with a province."""

import html
import re
from urllib.parse import parse_qsl

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ptdv.people.models import NameWord
from ptdv.people.search import tails
from tests.factories import member, person, spelled

pytestmark = pytest.mark.django_db


def _members(body):
    return re.findall(r'href="/dang-vien/\d+/">([^<]+)</a>', body)


def _people(body):
    return re.findall(r'href="/nguoi/\d+/">([^<]+)</a>', body)


def _link(body, name):
    found = re.search(rf'href="\?([^"]*{name}=[^"]*)"', body)
    return dict(parse_qsl(html.unescape(found.group(1)))) if found else None


def _walk(client, url, params, names):
    """Every page from the first by the "sau" links; then back by the "trước" links."""
    pages = [client.get(url, params).content.decode()]
    while (after := _link(pages[-1], "after")) is not None:
        pages.append(client.get(url, after).content.decode())
    forward = [names(p) for p in pages]
    back = [names(pages[-1])]
    while (before := _link(pages[-1], "before")) is not None:
        pages.append(client.get(url, before).content.decode())
        back.insert(0, names(pages[-1]))
    return forward, back


def test_member_pages_go_forward_and_back_without_losing_or_repeating_namesakes(world, client_for):
    for _ in range(60):  # sixty namesakes: the same sort key, told apart by id
        member(world.na_pai, "Lò Văn Trùng", official=False)
    for i in range(45):
        member(world.na_pai, f"Lò Văn {spelled(i)}", official=False)
    client = client_for(world.alice)
    forward, back = _walk(client, "/dang-vien/", {"status": "PROBATIONARY"}, _members)
    assert [len(p) for p in forward] == [50, 50, 5]
    assert forward == back
    shown = [n for p in forward for n in p]
    assert shown.count("Lò Văn Trùng") == 60 and len(shown) == 105


def test_the_last_page_is_the_end_of_the_list_and_links_keep_the_filters(world, client_for):
    for i in range(75):
        member(world.na_pai, f"Lò Văn {spelled(i)}", official=False)
    client = client_for(world.alice)
    first = client.get("/dang-vien/", {"status": "PROBATIONARY", "q": "lo van"}).content.decode()
    last_link = _link(first, "last")
    assert last_link == {"status": "PROBATIONARY", "q": "lo van", "last": "1"}
    forward, _ = _walk(client, "/dang-vien/", {"status": "PROBATIONARY", "q": "lo van"}, _members)
    last = client.get("/dang-vien/", {"status": "PROBATIONARY", "q": "lo van", "last": "1"}).content.decode()
    # the last page is the list's final 50 rows, read backwards from its end
    assert _members(last) == [n for p in forward for n in p][-50:] and _link(last, "after") is None
    assert _link(last, "before")["status"] == "PROBATIONARY"


def test_a_forged_cursor_shows_the_first_page(world, client_for):
    body = client_for(world.alice).get("/dang-vien/", {"after": "x'; DROP"}).content.decode()
    assert "Đàm Thị Ánh" in body


def test_person_pages_go_forward_and_back(world, client_for):
    for i in range(55):
        person(world.na_pai, f"Lò Văn Số {spelled(i)}")
    forward, back = _walk(client_for(world.alice), "/nguoi/", {"q": "so"}, _people)
    assert [len(p) for p in forward] == [50, 5] and forward == back


def test_search_matches_the_start_of_any_word_not_the_middle(world, client_for):
    member(world.phya_ma, "Chúc Văn Dất")
    client = client_for(world.alice)
    for query in ("chuc", "van dat", "VĂN DẤT", "dat", "chuc van dat"):
        assert _members(client.get("/dang-vien/", {"q": query}).content.decode()) == ["Chúc Văn Dất"], query
    for query in ("huc", "an dat", "dat van"):
        assert "Chúc Văn Dất" not in _members(client.get("/dang-vien/", {"q": query}).content.decode()), query


def test_the_search_words_follow_a_renamed_person(world):
    someone = person(world.na_pai, "Lò Văn Cũ")
    someone.full_name = "Lò Thị Mới"
    someone.save()
    assert sorted(NameWord.objects.filter(person=someone).values_list("tail", flat=True)) == sorted(
        tails("lo thi moi")
    )


def test_over_a_province_the_member_list_pages_cost_a_fixed_number_of_queries(province, client_for):
    client = client_for(province.organizer)
    first = client.get("/dang-vien/").content.decode()
    assert "Tìm thấy hơn 1.000 đảng viên" in first and 'data-picker="/chon/chi-bo/"' in first
    branch = {"status": "OFFICIAL", "branch": str(province.branches[0].pk)}
    for params in ({}, {"last": "1"}, _link(first, "after"), branch):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/dang-vien/", params).status_code == 200
        # session, user, two-factor device, unit of user and the units merged into it (scope),
        # count up to 1,001 (many: the filters do not count), count of what is shown up to
        # 1,001, the chosen branch for the picker, the page of members, unread notices
        assert len(queries) <= 10, params
    with CaptureQueriesContext(connection) as queries:
        client.get("/dang-vien/", {"q": "van"})
    # a search that finds fewer than 1,001: the count, counts by status and by branch instead
    assert len(queries) <= 10


def test_over_a_province_the_person_list_pages_cost_a_fixed_number_of_queries(province, client_for):
    client = client_for(province.organizer)
    for params in ({}, {"last": "1"}, {"q": "thi", "stage": "SOURCE"}):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/nguoi/", params).status_code == 200
        # session, user, two-factor device, unit of user and the units merged into it (scope),
        # whether the scope is the whole database (another root?), count up to 1,001, counts by
        # stage (fewer than 1,001 people not members), the page of people, unread notices
        assert len(queries) <= 10, params


def test_a_communes_person_list_led_by_its_units_holds_exactly_its_people(province, client_for):
    from ptdv.people.models import Person
    from ptdv.web.views.people import not_members

    committee = province.committee
    expected = Person.objects.visible_to(committee).filter(membership__isnull=True)
    assert set(not_members(committee)) == set(expected) and expected.exists()
    client = client_for(committee)
    client.get("/nguoi/")  # the client's first request
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/nguoi/").status_code == 200
    assert len(queries) <= 9  # as for the province, without asking whether it is the whole database
