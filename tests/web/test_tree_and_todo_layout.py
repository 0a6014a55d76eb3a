"""The tree opens level by level and finds units by name; the to-do list has phone cards."""

import re

import pytest

from tests.web.overdue import LONG_AGO, resolved

pytestmark = pytest.mark.django_db


def _rows(body):
    """Unit name → (shown, toggle state or None) of each row of the tree."""
    found = {}
    for row in re.findall(r"<tr class=\"[^\"]*\" data-path.*?</tr>", body, re.S):
        name = re.search(r'<a href="/don-vi/\d+/">([^<]+)</a>', row).group(1)
        toggle = re.search(r'aria-expanded="(\w+)"', row)
        found[name] = ("d-none" not in row.split(">")[0], toggle.group(1) if toggle else None)
    return found


def test_the_tree_opens_on_the_users_unit_and_its_children_only(world, client_for):
    body = client_for(world.alice).get("/don-vi/").content.decode()
    rows = _rows(body)
    assert rows["Đảng bộ huyện Pác Nặm"] == (True, "true")
    assert rows["Đảng bộ xã Công Bằng"] == (True, "false")
    # The branches are not on the page at all: ▸ asks for them.
    assert "Chi bộ thôn Phya Mạ" not in rows
    assert f'data-children="/don-vi/?mo={world.cong_bang.pk}"' in body


def test_the_tree_opened_on_a_unit_shows_the_children_of_each_unit_down_to_it(world, client_for):
    rows = _rows(client_for(world.alice).get("/don-vi/", {"mo": world.cong_bang.pk}).content.decode())
    assert rows["Đảng bộ huyện Pác Nặm"] == (True, "true")
    assert rows["Đảng bộ xã Công Bằng"] == (True, "true")
    assert rows["Chi bộ thôn Phya Mạ"] == (True, None)


def test_the_tree_opened_outside_the_scope_answers_404(world, client_for):
    client = client_for(world.alice)
    assert client.get("/don-vi/", {"mo": world.kon_tum.pk}).status_code == 404
    assert client.get("/don-vi/", {"mo": "abc"}).status_code == 200


def test_a_tree_search_shows_the_matching_units_with_the_path_to_them(world, client_for):
    rows = _rows(client_for(world.alice).get("/don-vi/", {"q": "phya ma"}).content.decode())
    assert {name for name, (shown, _) in rows.items() if shown} == {
        "Đảng bộ huyện Pác Nặm",
        "Đảng bộ xã Công Bằng",
        "Chi bộ thôn Phya Mạ",
    }
    assert rows["Đảng bộ xã Công Bằng"] == (True, "true")


def test_a_tree_search_without_a_match_says_so(world, client_for):
    body = client_for(world.alice).get("/don-vi/", {"q": "tan canh"}).content.decode()
    assert "Không có đơn vị nào tên có “tan canh”." in body


def test_the_todo_list_is_a_card_per_deadline_on_a_phone(world, client_for):
    resolved(world, "Hà Văn Quá", LONG_AGO)
    body = client_for(world.alice).get("/viec-can-lam/").content.decode()
    cards = re.search(r'<ul class="list-unstyled d-md-none" id="todo-cards">(.*?)</ul>', body, re.S).group(1)
    assert cards.count('<li class="card') == 1
    assert "Hà Văn Quá" in cards and "Hạn ra quyết định kết nạp" in cards and "quá hạn" in cards
    assert (
        'class="table-responsive d-none d-md-block"><table class="table table-sm align-middle" id="todo">'
        in body
    )
