"""Totals and admissions of a unit at any date, following the unit's lineage."""

from datetime import date

import pytest

from ptdv.org import lineage, reorganisation
from ptdv.org.models import UnitKind
from ptdv.people import membership, summaries
from tests.factories import person

pytestmark = pytest.mark.django_db


def test_totals_count_standing_and_categories_on_a_date(world):
    m = membership.admit(
        person(world.na_pai, "Nông Thị Mai", sex="F", ethnicity="02"), world.na_pai, date(2020, 6, 1)
    )
    membership.record(m, "RECOGNISED", date(2021, 6, 1))
    on = summaries.totals(world.cong_bang, date(2020, 6, 1))
    assert (on.official, on.probationary, on.total) == (2, 1, 3)
    assert (on.women, on.ethnic_minority, on.farmers) == (2, 2, 3)
    assert on.by_education["THCS"] == 3
    assert summaries.totals(world.cong_bang, date(2021, 6, 1)).official == 3


def test_admissions_in_a_period_with_attributes(world):
    membership.admit(
        person(world.na_pai, "Nông Thị Mai", sex="F", birth=date(2000, 1, 1)), world.na_pai, date(2023, 3, 15)
    )
    got = summaries.admissions(world.pac_nam, date(2023, 1, 1), date(2023, 6, 30))
    assert (got.admitted, got.women, got.farmers, got.aged_18_30) == (1, 1, 1, 1)
    assert summaries.admissions(world.pac_nam, date(2023, 7, 1), date(2023, 12, 31)).admitted == 0


def test_a_dissolved_commune_reports_its_past_and_a_successor_includes_it_when_asked(world):
    new = reorganisation.create(
        world.pac_nam,
        date(2025, 7, 1),
        code="BK.PN.X09",
        name="Đảng bộ xã Mới",
        kind=UnitKind.GRASSROOTS_COMMITTEE,
    )
    reorganisation.merge([world.cong_bang], new, date(2025, 7, 1))
    past = date(2024, 1, 1)
    assert summaries.totals(world.cong_bang, past).total == 2
    assert summaries.totals(new, past).total == 2
    assert summaries.totals(new, past, predecessors=False).total == 0
    assert summaries.totals(new, date(2025, 7, 1), predecessors=False).total == 2
    assert summaries.totals(world.cong_bang, date(2025, 7, 1)).total == 0
    assert lineage.branches_under(world.cong_bang, past) == {world.phya_ma.pk, world.na_pai.pk}
    assert [u.pk for u in lineage.children_on(new, date(2025, 7, 1))] == [world.phya_ma.pk, world.na_pai.pk]
    assert lineage.children_on(new, past) == []


def test_a_move_keeps_the_old_parents_past(world):
    reorganisation.move(world.cong_bang, world.bac_kan, date(2025, 7, 1))
    assert summaries.totals(world.pac_nam, date(2025, 6, 30)).total == 2
    assert summaries.totals(world.pac_nam, date(2025, 7, 1)).total == 0
    assert [u.pk for u in lineage.children_on(world.pac_nam, date(2025, 6, 30))] == [world.cong_bang.pk]
    assert lineage.children_on(world.pac_nam, date(2025, 7, 1)) == []


def test_an_undone_admission_is_no_admission(world):
    m = membership.admit(person(world.na_pai, "Nông Thị Mai"), world.na_pai, date(2023, 3, 15))
    membership.reverse(m, m.events.get(), note="ghi nhầm")
    assert summaries.admissions(world.pac_nam, date(2023, 1, 1), date(2023, 12, 31)).admitted == 0
    assert summaries.totals(world.na_pai, date(2023, 6, 1)).total == 1


def test_admissions_of_several_units_count_a_moved_branch_where_it_stood_each_day(world):
    """Branches that stood in the same units all period are counted in the database; a commune
    moved mid-period is counted day by day: its district only for the months before the move."""
    for name, sex, day in (("Nông Thị Mai", "F", date(2025, 3, 15)), ("Hà Văn Tú", "M", date(2025, 9, 15))):
        membership.admit(person(world.na_pai, name, sex=sex), world.na_pai, day)
    reorganisation.move(world.cong_bang, world.bac_kan, date(2025, 7, 1))
    units = [world.bac_kan, world.pac_nam, world.cong_bang, world.na_pai]
    got = summaries.admissions_by_unit(units, date(2025, 1, 1), date(2025, 12, 31))
    assert [got[u.pk].admitted for u in units] == [2, 1, 2, 2]
    assert [got[u.pk].women for u in units] == [1, 1, 1, 1]
