from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ptdv.org import reorganisation
from ptdv.org.models import Unit, UnitChangeKind, UnitKind
from ptdv.people import summaries
from tests.factories import member

pytestmark = pytest.mark.django_db


def test_create_rename_and_dissolve_keep_a_dated_record(world):
    unit = reorganisation.create(
        world.cong_bang, date(2024, 1, 2), code="BK.PN.X01.T09", name="Chi bộ thôn Mới", kind=UnitKind.BRANCH
    )
    reorganisation.rename(unit, "Chi bộ thôn Mới Lập", date(2024, 2, 1))
    reorganisation.dissolve(unit, date(2024, 3, 1), note="Sáp nhập thôn")
    unit.refresh_from_db()
    assert unit.name == "Chi bộ thôn Mới Lập" and unit.valid_to == date(2024, 3, 1)
    kinds = list(unit.changes.values_list("kind", flat=True))
    assert kinds == [UnitChangeKind.CREATED, UnitChangeKind.RENAMED, UnitChangeKind.DISSOLVED]
    assert unit.history.count() >= 3


def test_a_unit_cannot_be_made_its_own_ancestor(world):
    with pytest.raises(ValidationError, match="chính nó"):
        reorganisation.move(world.pac_nam, world.cong_bang, date(2024, 1, 1))
    with pytest.raises(ValidationError, match="chính nó"):
        reorganisation.move(world.cong_bang, world.cong_bang, date(2024, 1, 1))
    assert Unit.objects.get(pk=world.cong_bang.pk).path.startswith(world.pac_nam.path)


def test_move_places_the_subtree_under_the_new_parent(world):
    reorganisation.move(world.cong_bang, world.bac_kan, date(2025, 7, 1))
    cong_bang = Unit.objects.get(pk=world.cong_bang.pk)
    phya_ma = Unit.objects.get(pk=world.phya_ma.pk)
    assert Unit.objects.get_parent(cong_bang) == world.bac_kan
    assert phya_ma.path.startswith(cong_bang.path)
    assert summaries.totals(world.pac_nam, date(2025, 8, 1)).total == 0
    assert summaries.totals(world.bac_kan, date(2025, 8, 1)).total == 2


def test_merge_transfers_members_and_past_counts_still_add_up(world):
    member(world.na_pai, "Hà Văn Hải", admitted=date(2012, 5, 5))
    before = date(2024, 12, 31)
    merged_on = date(2025, 1, 15)
    reorganisation.merge([world.na_pai], world.phya_ma, merged_on)

    assert summaries.totals(world.na_pai, before).total == 2
    assert summaries.totals(world.phya_ma, before, predecessors=False).total == 1
    assert summaries.totals(world.phya_ma, before).total == 3  # with Nà Pài, merged into it
    assert summaries.totals(world.na_pai, merged_on).total == 0
    assert summaries.totals(world.phya_ma, merged_on).total == 3
    assert (
        summaries.totals(world.cong_bang, before).total
        == summaries.totals(world.cong_bang, merged_on).total
        == 3
    )

    na_pai = Unit.objects.get(pk=world.na_pai.pk)
    assert na_pai.valid_to == merged_on
    change = world.phya_ma.changes.get(kind=UnitChangeKind.MERGED)
    assert list(change.predecessors.all()) == [na_pai]
    assert world.v_na_pai.__class__.objects.get(pk=world.v_na_pai.pk).branch == world.phya_ma


def test_dissolving_a_unit_with_members_is_refused(world):
    with pytest.raises(ValidationError, match="đảng viên"):
        reorganisation.dissolve(world.thon_1, date(2024, 1, 1))
    assert Unit.objects.get(pk=world.thon_1.pk).valid_to is None


def test_deciding_body_is_read_from_the_grassroots_unit(world):
    assert world.phya_ma.deciding_unit() == world.pac_nam
    world.cong_bang.deciding_body = "SELF"
    world.cong_bang.save()
    assert Unit.objects.get(pk=world.phya_ma.pk).deciding_unit() == world.cong_bang
    world.cong_bang.deciding_body = "PROVINCE"
    world.cong_bang.save()
    assert Unit.objects.get(pk=world.phya_ma.pk).deciding_unit() == world.bac_kan
