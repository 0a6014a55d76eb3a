"""Reorganisation that knows the domain: dates, kinds under kinds, sibling names, the current
parent, and a dissolved branch that looks dissolved — the same for the pages and the API."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from ptdv.org import reorganisation, rules
from ptdv.org.models import Unit, UnitChange, UnitKind

pytestmark = pytest.mark.django_db


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _tomorrow():
    return timezone.localdate() + timedelta(days=1)


def test_a_rename_dated_ahead_is_refused_on_the_page_and_the_name_stays(world, client_for):
    before = UnitChange.objects.count()
    response = client_for(world.alice).post(
        f"/don-vi/{world.na_pai.pk}/rename/", {"name": "Chi bộ thôn Nà Pài Mới", "date": "2031-01-01"}
    )
    assert response.status_code == 400 and "tương lai" in response.content.decode()
    assert Unit.objects.get(pk=world.na_pai.pk).name == "Chi bộ thôn Nà Pài"
    assert UnitChange.objects.count() == before


@pytest.mark.parametrize("day", ["9999-12-31", "2031-01-01"])
def test_a_move_dated_ahead_is_refused_by_the_api(world, day):
    new_home = reorganisation.create(
        world.pac_nam,
        date(2024, 1, 1),
        code="BK.PN.X02",
        name="Đảng bộ xã Mới",
        kind=UnitKind.GRASSROOTS_COMMITTEE,
    )
    response = _api(world.alice).post(
        f"/api/units/{world.na_pai.pk}/move/", {"parent": new_home.pk, "date": day}, format="json"
    )
    assert response.status_code == 400 and "tương lai" in str(response.json())
    assert Unit.objects.get_parent(Unit.objects.get(pk=world.na_pai.pk)) == world.cong_bang


@pytest.mark.parametrize(
    "act",
    [
        lambda w, on: reorganisation.rename(w.na_pai, "Chi bộ thôn Nà Pài Mới", on),
        lambda w, on: reorganisation.dissolve(w.na_pai, on),
        lambda w, on: reorganisation.merge([w.na_pai], w.phya_ma, on),
        lambda w, on: reorganisation.create(w.cong_bang, on, code="N", name="Chi bộ N", kind=UnitKind.BRANCH),
    ],
    ids=["rename", "dissolve", "merge", "create"],
)
def test_every_act_dated_tomorrow_is_refused_and_changes_nothing(world, act):
    before = UnitChange.objects.count()
    with pytest.raises(ValidationError, match="tương lai"):
        act(world, _tomorrow())
    assert UnitChange.objects.count() == before
    assert Unit.objects.get(pk=world.na_pai.pk).valid_to is None


def test_a_move_to_the_current_parent_is_refused(world):
    with pytest.raises(ValidationError, match="đã trực thuộc Đảng bộ xã Công Bằng"):
        reorganisation.move(world.na_pai, world.cong_bang, date(2024, 1, 1))
    response = _api(world.alice).post(
        f"/api/units/{world.na_pai.pk}/move/",
        {"parent": world.cong_bang.pk, "date": "2024-01-01"},
        format="json",
    )
    assert response.status_code == 400 and "đã trực thuộc" in str(response.json())
    assert not UnitChange.objects.filter(unit=world.na_pai, kind="MOVED").exists()


@pytest.mark.parametrize("typed", ["Chi bộ thôn Phya Mạ", "chi bo thon PHYA MA", "  Chi  bộ thôn phya mạ "])
def test_two_sibling_branches_cannot_get_the_same_name(world, client_for, typed):
    response = client_for(world.alice).post(
        f"/don-vi/{world.cong_bang.pk}/child/",
        {
            "name": typed,
            "code": "BK.PN.X01.T09",
            "kind": "BRANCH",
            "branch_type": "VILLAGE",
            "date": "2024-01-01",
        },
    )
    assert response.status_code == 400 and "Đã có Chi bộ thôn Phya Mạ" in response.content.decode()
    assert not Unit.objects.filter(code="BK.PN.X01.T09").exists()
    with pytest.raises(ValidationError, match="Đã có Chi bộ thôn Phya Mạ"):
        reorganisation.rename(world.na_pai, typed, date(2024, 1, 1))


def test_a_name_used_in_another_commune_is_free(world):
    created = reorganisation.create(
        world.tan_canh,
        date(2024, 1, 1),
        code="KT.DT.X01.T09",
        name="Chi bộ thôn Phya Mạ",
        kind=UnitKind.BRANCH,
    )
    assert created.name == "Chi bộ thôn Phya Mạ"


def test_a_district_committee_cannot_be_created_under_a_commune_committee(world, client_for):
    response = client_for(world.alice).post(
        f"/don-vi/{world.cong_bang.pk}/child/",
        {
            "name": "Đảng bộ huyện Lạ",
            "code": "BK.PN.X01.H",
            "kind": "DISTRICT",
            "branch_type": "",
            "date": "2024-01-01",
        },
    )
    assert response.status_code == 400 and "không thể trực thuộc" in response.content.decode()
    assert not Unit.objects.filter(code="BK.PN.X01.H").exists()


def test_one_communes_grassroots_committee_cannot_move_under_anothers(world):
    other = reorganisation.create(
        world.pac_nam,
        date(2024, 1, 1),
        code="BK.PN.X02",
        name="Đảng bộ xã Mới",
        kind=UnitKind.GRASSROOTS_COMMITTEE,
    )
    response = _api(world.alice).post(
        f"/api/units/{other.pk}/move/", {"parent": world.cong_bang.pk, "date": "2024-02-01"}, format="json"
    )
    assert response.status_code == 400 and "không thể trực thuộc" in str(response.json())
    assert Unit.objects.get_parent(Unit.objects.get(pk=other.pk)) == world.pac_nam


def test_a_branch_cannot_sit_directly_under_a_district(world):
    with pytest.raises(ValidationError, match="không thể trực thuộc"):
        reorganisation.create(
            world.pac_nam, date(2024, 1, 1), code="B", name="Chi bộ B", kind=UnitKind.BRANCH
        )
    with pytest.raises(ValidationError, match="không thể trực thuộc"):
        reorganisation.move(world.na_pai, world.pac_nam, date(2024, 1, 1))


def test_the_kinds_table_bounds_the_tree_to_five_levels():
    def depth(kind):
        parents = [p for p in rules.ALLOWED_PARENTS[kind] if p is not None]
        return 1 + max((depth(p) for p in parents), default=0)

    assert max(depth(kind) for kind in UnitKind.values) == 5


def test_a_dissolved_branch_shows_as_dissolved_on_its_parents_page(world, client_for):
    empty = reorganisation.create(
        world.cong_bang, date(2020, 1, 1), code="BK.PN.X01.T09", name="Chi bộ thôn Cũ", kind=UnitKind.BRANCH
    )
    reorganisation.dissolve(empty, date(2024, 6, 30))
    page = client_for(world.alice).get(f"/don-vi/{world.cong_bang.pk}/").content.decode()
    row = page[page.index("Chi bộ thôn Cũ") :].split("</tr>")[0]
    assert "đã giải thể 30/06/2024" in row
