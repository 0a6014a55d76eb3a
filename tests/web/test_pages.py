import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ptdv.people import membership
from tests.factories import member, spelled

pytestmark = pytest.mark.django_db


def _names_in(html):
    return re.findall(r'href="/dang-vien/\d+/">([^<]+)</a>', html)


def test_member_search_ignores_diacritics_and_case(world, client_for):
    member(world.phya_ma, "Chúc Văn Dất")
    client = client_for(world.alice)
    for query in ("chuc van dat", "CHUC VAN DAT", "văn dất", "Dat"):
        assert _names_in(client.get("/dang-vien/", {"q": query}).content.decode()) == ["Chúc Văn Dất"], query


def test_search_by_citizen_id(world, client_for):
    found = client_for(world.alice).get("/dang-vien/", {"q": world.m_na_pai.person.citizen_id})
    assert _names_in(found.content.decode()) == ["Đàm Thị Ánh"]


def test_htmx_search_returns_only_the_rows(world, client_for):
    response = client_for(world.alice).get("/dang-vien/", {"q": "anh"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and "Đàm Thị Ánh" in body


def test_lists_sort_the_vietnamese_way(world, client_for):
    for name in ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn An", "Hoàng Anh", "Phạm Văn Đức", "Vũ Văn Dũng"]:
        member(world.na_pai, name)
    names = _names_in(client_for(world.alice).get("/dang-vien/").content.decode())
    assert names == [
        "Trần Thị An",
        "Lê Văn An",
        "Hoàng Anh",
        "Đàm Thị Ánh",
        "Nguyễn Văn Bình",
        "Lý Văn Dũng",
        "Vũ Văn Dũng",
        "Phạm Văn Đức",
    ]


def test_tree_shows_counts_per_unit_and_subtree(world, client_for):
    body = client_for(world.alice).get("/don-vi/").content.decode()
    assert "Đảng bộ xã Công Bằng" in body and "Đăk Tô" not in body
    rows = re.findall(r"<tr.*?</tr>", body, re.S)
    cong_bang = next(r for r in rows if "Đảng bộ xã Công Bằng" in r)
    assert re.findall(r'count[^"]*">\s*(\d*)', cong_bang)[-1] == "2"


def test_tree_query_budget_does_not_grow_with_units(world, client_for):
    client = client_for(world.alice)
    with CaptureQueriesContext(connection) as small:
        client.get("/don-vi/")
    for i in range(5):
        member(world.na_pai, f"Hà Văn Nam {spelled(i)}")
    with CaptureQueriesContext(connection) as large:
        client.get("/don-vi/")
    # session, user, the session's two-factor device, unit of user, scope paths (units merged
    # into the subtree), units in scope, kept branch totals, unread notices (navigation badge)
    assert len(large.captured_queries) == len(small.captured_queries) <= 8


def test_member_list_query_budget(world, client_for, django_assert_max_num_queries):
    for i in range(10):
        member(world.na_pai, f"Hà Văn Nam {spelled(i)}")
    client = client_for(world.alice)
    # session, user, the session's two-factor device, unit of user and the units merged into
    # it (scope), count up to 1,001 (few: the filters count), counts by status, counts by
    # branch, page of members with person+branch, unread notices (navigation badge)
    with django_assert_max_num_queries(10):
        client.get("/dang-vien/")


def test_member_page_shows_events_and_record_history(world, client_for):
    membership.record(world.m_phya_ma, "TRANSFERRED", date(2020, 2, 2), branch=world.na_pai, by=world.alice)
    body = client_for(world.alice).get(f"/dang-vien/{world.m_phya_ma.pk}/").content.decode()
    assert "Chuyển chi bộ trong Đảng bộ" in body and "02/02/2020" in body
    assert "Lịch sử thay đổi bản ghi" in body and "alice" in body


def test_unit_page_lists_children_villages_and_members(world, client_for):
    body = client_for(world.bob).get(f"/don-vi/{world.cong_bang.pk}/").content.decode()
    assert "Chi bộ thôn Phya Mạ" in body and "Chi bộ thôn Nà Pài" in body
    assert "Thôn Phya Mạ" in body and "Lý Văn Dũng" in body
    assert 'id="count-total">2<' in body


def test_only_organizers_see_and_use_reorganisation(world, client_for):
    assert "Thay đổi tổ chức" in client_for(world.alice).get(f"/don-vi/{world.na_pai.pk}/").content.decode()
    assert "Thay đổi tổ chức" not in client_for(world.bob).get(f"/don-vi/{world.na_pai.pk}/").content.decode()
    response = client_for(world.bob).post(
        f"/don-vi/{world.na_pai.pk}/rename/", {"name": "X", "date": "2024-01-01"}
    )
    assert response.status_code == 403


def test_reorganisation_form_errors_are_shown_and_nothing_changes(world, client_for):
    response = client_for(world.alice).post(
        f"/don-vi/{world.pac_nam.pk}/move/", {"parent": world.cong_bang.pk, "date": "2024-01-01"}
    )
    assert response.status_code == 400
    assert "chính nó" in response.content.decode()
    world.pac_nam.refresh_from_db()
    assert world.pac_nam.depth == 2


def test_rename_through_the_page(world, client_for):
    response = client_for(world.alice).post(
        f"/don-vi/{world.na_pai.pk}/rename/", {"name": "Chi bộ thôn Nà Pài Mới", "date": "2024-01-01"}
    )
    assert response.status_code == 302
    assert (
        "Chi bộ thôn Nà Pài Mới"
        in client_for(world.alice).get(f"/don-vi/{world.na_pai.pk}/").content.decode()
    )


def test_unknown_reorganisation_act_does_nothing(world, client_for):
    response = client_for(world.alice).post(f"/don-vi/{world.na_pai.pk}/nothing/", {})
    assert response.status_code == 302
