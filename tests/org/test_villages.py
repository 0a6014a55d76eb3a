from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ptdv.org import reorganisation, structure
from ptdv.org.models import Unit, Village, VillageKind
from ptdv.org.villages import assign

pytestmark = pytest.mark.django_db


def test_a_village_moved_to_another_branch_keeps_its_dated_history(world):
    assign(world.v_na_pai, world.phya_ma, date(2023, 3, 1))
    history = list(world.v_na_pai.assignments.values_list("branch__code", "valid_from", "valid_to"))
    assert history == [
        ("BK.PN.X01.T02", date(2000, 1, 1), date(2023, 3, 1)),
        ("BK.PN.X01.T01", date(2023, 3, 1), None),
    ]


def test_a_village_cannot_be_assigned_to_a_dissolved_branch(world):
    empty = reorganisation.create(world.cong_bang, date(2020, 1, 1), code="X", name="Chi bộ X", kind="BRANCH")
    reorganisation.dissolve(empty, date(2021, 1, 1))
    with pytest.raises(ValidationError, match="đã giải thể"):
        assign(world.v_phya_ma, Unit.objects.get(pk=empty.pk), date(2022, 1, 1))
    assert Village.objects.get(pk=world.v_phya_ma.pk).branch == world.phya_ma


def test_merged_branches_and_villages_without_members_are_visible(world):
    extra = assign(
        Village(name="Khuổi Xỏm", kind=VillageKind.BAN, branch=world.phya_ma), world.phya_ma, date(2001, 1, 1)
    )
    merged = structure.merged_branches(Unit.objects.all())
    assert list(merged) == [world.phya_ma]
    sharing = set(structure.villages_sharing_a_branch(Village.objects.all()))
    assert sharing == {world.v_phya_ma, extra}
    without = set(structure.villages_without_members(Village.objects.all()))
    assert without == {extra}


def test_unit_page_flags_merged_branch_and_empty_village(world, client_for):
    assign(
        Village(name="Khuổi Xỏm", kind=VillageKind.BAN, branch=world.phya_ma), world.phya_ma, date(2001, 1, 1)
    )
    page = client_for(world.alice).get(f"/don-vi/{world.cong_bang.pk}/").content.decode()
    assert "ghép 2 thôn" in page and "sinh hoạt ghép" in page and "chưa có đảng viên" in page
