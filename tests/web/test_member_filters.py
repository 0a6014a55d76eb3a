"""The member list's status and branch filters say how many members each choice finds."""

import re

import pytest

from tests.factories import member, spelled

pytestmark = pytest.mark.django_db


def _options(body, name):
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', body, re.S).group(0)
    return {
        label: int(n)
        for label, n in re.findall(r'<option value="\w+"[^>]*>([^<]*?) \((\d+)\)</option>', select)
    }


def _names(body):
    return re.findall(r'href="/dang-vien/\d+/">([^<]+)</a>', body)


@pytest.fixture
def members(world):
    member(world.na_pai, "Hà Văn Mới", official=False)
    member(world.phya_ma, "Hà Văn Cũ")


def test_status_and_branch_choices_count_the_members_they_find(world, client_for, members):
    body = client_for(world.alice).get("/dang-vien/").content.decode()
    assert _options(body, "status") == {"Dự bị": 1, "Chính thức": 3}
    assert _options(body, "branch") == {"Chi bộ thôn Nà Pài": 2, "Chi bộ thôn Phya Mạ": 2}
    assert "Tìm thấy 4 đảng viên" in body


def test_each_filter_counts_within_the_others_and_the_list_agrees(world, client_for, members):
    client = client_for(world.alice)
    body = client.get("/dang-vien/", {"branch": world.na_pai.pk}).content.decode()
    assert _options(body, "status") == {"Dự bị": 1, "Chính thức": 1}
    assert sorted(_names(body)) == sorted(["Hà Văn Mới", "Đàm Thị Ánh"])
    both = client.get("/dang-vien/", {"branch": world.na_pai.pk, "status": "PROBATIONARY"}).content.decode()
    assert _names(both) == ["Hà Văn Mới"] and "Tìm thấy 1 đảng viên" in both
    assert _options(both, "branch") == {"Chi bộ thôn Nà Pài": 1}


def test_the_counts_follow_the_search(world, client_for, members):
    body = client_for(world.alice).get("/dang-vien/", {"q": "ha van"}).content.decode()
    assert _options(body, "status") == {"Dự bị": 1, "Chính thức": 1}


def test_a_page_link_keeps_the_filters(world, client_for):
    for i in range(51):
        member(world.na_pai, f"Lò Văn {spelled(i)}", official=False)
    body = client_for(world.alice).get("/dang-vien/", {"status": "PROBATIONARY"}).content.decode()
    assert re.search(r"\?status=PROBATIONARY&amp;after=\d+~\d+", body)
    assert "?status=PROBATIONARY&amp;last=1" in body
