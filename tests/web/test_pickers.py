"""Issue 9, "pages that fit real data": searchable pickers instead of selects of thousands.

The pages render only the chosen option of a unit, village, person or member; the picker asks
`/chon/<source>/?q=` (ptdv.web.views.lookups) for a page of matches whose entries tell
namesakes apart. Scope of the lookups: tests/web/test_lookups_scope.py.
"""

import re
from datetime import date

import pytest

from ptdv.cases import transitions
from ptdv.org.models import UnitKind
from tests.factories import case, member, person, spelled, unit, village

pytestmark = pytest.mark.django_db

NAMESAKE = "Hoàng Thị Mai"


def _entries(client, source, **params):
    response = client.get(f"/chon/{source}/", params)
    assert response.status_code == 200
    return [r["text"] for r in response.json()["results"]]


def _options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def test_the_new_case_page_does_not_grow_with_the_people_and_members_in_scope(world, client_for):
    alice = client_for(world.alice)
    before = alice.get("/ho-so/moi/").content
    for i in range(40):
        member(world.phya_ma, f"Nông Văn Hải {spelled(i)}")
        person(world.na_pai, f"Triệu Thị Hoa {spelled(i)}")
    page = alice.get("/ho-so/moi/").content
    assert abs(len(page) - len(before)) < 100, (len(before), len(page))
    for name in ("person", "branch", "helper"):
        assert _options(page.decode(), name) == [""], name


def test_a_refused_form_shows_the_chosen_person_again_with_her_entry(world, client_for):
    chosen = person(world.phya_ma, NAMESAKE, birth=date(1998, 7, 1), sex="F", village=world.v_phya_ma)
    person(world.phya_ma, NAMESAKE, birth=date(1995, 3, 12), sex="F")
    body = {"person": chosen.pk, "branch": world.phya_ma.pk, "date": "2024-06-01"}  # no source
    response = client_for(world.alice).post("/ho-so/moi/", body)
    assert response.status_code == 400
    page = response.content.decode()
    entry = f"{NAMESAKE} · sinh 01/07/1998 · Thôn Phya Mạ · CCCD …{chosen.citizen_id[-4:]}"
    assert _options(page, "person") == ["", entry]
    assert f'<option value="{chosen.pk}" selected>' in page
    assert _options(page, "branch") == ["", "Chi bộ thôn Phya Mạ · Đảng bộ xã Công Bằng"]


def test_person_lookup_ignores_diacritics_and_tells_namesakes_apart_by_birth_village_and_id(
    world, client_for
):
    born = [date(2001, 11, 30), date(1995, 3, 12), date(1998, 7, 1)]
    people = [person(world.phya_ma, NAMESAKE, birth=b, sex="F", village=world.v_phya_ma) for b in born]
    person(world.phya_ma, "Hoàng Văn Mạnh")
    alice = client_for(world.alice)
    for query in ("hoang thi mai", "HOÀNG THỊ MAI", "thi mai", "Mai"):
        found = _entries(alice, "nguoi", q=query)
        assert len(found) == 3 and len(set(found)) == 3, query
    assert _entries(alice, "nguoi", q="hoang thi mai") == [
        f"{NAMESAKE} · sinh {p.birth_date:%d/%m/%Y} · Thôn Phya Mạ · CCCD …{p.citizen_id[-4:]}"
        for p in people
    ]


def test_the_person_picker_of_a_new_case_leaves_out_open_cases_and_current_members(world, client_for):
    closed = case(world.phya_ma, "Lường Thị Sen", by=world.carol, sex="F")
    transitions.move(closed, "WITHDRAWN", date(2024, 4, 1), {}, by=world.carol, version=0, reason="Đi xa")
    person(world.phya_ma, "Hà Văn Tú")
    offered = [e.split(" · ")[0] for e in _entries(client_for(world.alice), "nguoi")]
    assert "Hà Văn Tú" in offered and "Lường Thị Sen" in offered  # a withdrawn case may start again
    assert "Hà Thị Hoa" not in offered  # her case is open
    assert "Lý Văn Dũng" not in offered and "Đàm Thị Ánh" not in offered  # members


def test_unit_lookup_names_the_commune_of_namesake_branches(world, client_for):
    dien_binh = unit(world.dak_to, "KT.DT.X02", "Đảng bộ xã Diên Bình", UnitKind.GRASSROOTS_COMMITTEE)
    unit(dien_binh, "KT.DT.X02.T01", "Chi bộ thôn 1", UnitKind.BRANCH)
    found = _entries(client_for(world.olga), "chi-bo", q="chi bo thon 1")
    assert found == ["Chi bộ thôn 1 · Đảng bộ xã Tân Cảnh", "Chi bộ thôn 1 · Đảng bộ xã Diên Bình"]


def test_parent_lookup_offers_no_branch(world, client_for):
    found = _entries(client_for(world.alice), "cap-tren")
    assert found == [
        "Đảng bộ huyện Pác Nặm · Đảng bộ tỉnh Bắc Kạn",
        "Đảng bộ xã Công Bằng · Đảng bộ huyện Pác Nặm",
    ]


def test_member_lookup_names_the_member_branch(world, client_for):
    assert _entries(client_for(world.alice), "dang-vien", q="ly van dung") == [
        "Lý Văn Dũng · sinh 01/05/1990 · Chi bộ thôn Phya Mạ"
    ]


def test_a_lookup_answers_one_page_of_matches(world, client_for):
    for i in range(25):
        person(world.phya_ma, f"Nông Văn Bảo {spelled(i + 10)}")
    found = _entries(client_for(world.alice), "nguoi", q="nong van bao")
    assert len(found) == 20  # ptdv.pickers.PAGE_SIZE


def test_the_introducer_picker_proposes_members_of_the_case_grassroots_organisation(world, client_for):
    elsewhere = unit(world.pac_nam, "BK.PN.X02", "Đảng bộ xã Nhạn Môn", UnitKind.GRASSROOTS_COMMITTEE)
    branch = unit(elsewhere, "BK.PN.X02.T01", "Chi bộ thôn Bản Đăm", UnitKind.BRANCH)
    member(branch, "Lục Văn Kiên")
    alice = client_for(world.alice)
    page = alice.get(f"/ho-so/{world.case_phya_ma.pk}/").content.decode()
    url = re.search(r'<select name="introducer"[^>]*data-picker="([^"]+)"', page).group(1)
    assert url == f"/chon/dang-vien/?trong={world.cong_bang.pk}"
    offered = [r["text"].split(" · ")[0] for r in alice.get(url).json()["results"]]
    assert sorted(offered) == ["Lý Văn Dũng", "Đàm Thị Ánh"]
    assert "Lục Văn Kiên" in [e.split(" · ")[0] for e in _entries(alice, "dang-vien")]


VILLAGES_IN_ORDER = ["Bản Áng", "Dương Xá", "Đông Lẻo", "Phya Mạ", "Thôn 2", "Thôn 10"]


def test_villages_are_listed_in_vietnamese_alphabetical_order(world, client_for):
    for name in ("Thôn 10", "Đông Lẻo", "Thôn 2", "Dương Xá", "Bản Áng"):
        village(world.phya_ma, name)
    alice = client_for(world.alice)
    in_commune = ["Bản Áng", "Dương Xá", "Đông Lẻo", "Nà Pài", "Phya Mạ", "Thôn 2", "Thôn 10"]
    assert _entries(alice, "thon") == [f"Thôn {name} · Đảng bộ xã Công Bằng" for name in in_commune]
    page = alice.get(f"/don-vi/{world.phya_ma.pk}/").content.decode()
    listed = re.findall(r"<tr><td>Thôn ([^<]+)</td>", page)
    assert listed == VILLAGES_IN_ORDER
