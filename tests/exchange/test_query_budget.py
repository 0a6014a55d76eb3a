"""A preview of persons or members costs a fixed number of queries per chunk of rows, not per
row: the lookups of a chunk are batched (ptdv.exchange.importers.finding, places)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ptdv.exchange.importing import CREATE, UNCHANGED
from tests.exchange.sheets import kind_sheet, person_record, preview

pytestmark = pytest.mark.django_db
BUDGET = 12  # the user's scope, units, villages, then per chunk: IDs, names, memberships


def queries_of(kind, path, user) -> tuple[int, list]:
    user = type(user).objects.select_related("unit").get(pk=user.pk)  # nothing cached on it
    with CaptureQueriesContext(connection) as captured:
        summary, outcomes = preview(kind, path, user)
    return len(captured.captured_queries), outcomes


def test_a_preview_costs_the_same_queries_for_ten_rows_and_for_a_hundred(world, tmp_path):
    small = kind_sheet(tmp_path / "s.xlsx", "persons", [person_record(world, n) for n in range(10)])
    large = kind_sheet(tmp_path / "l.xlsx", "persons", [person_record(world, n) for n in range(100)])
    few, outcomes = queries_of("persons", small, world.alice)
    many, outcomes = queries_of("persons", large, world.alice)
    assert {o.action for o in outcomes} == {CREATE}
    assert few == many <= BUDGET


def test_an_unchanged_member_file_costs_a_fixed_budget(world, tmp_path):
    m = world.m_phya_ma
    record = {
        "full_name": m.person.full_name,
        "birth_date": m.person.birth_date,
        "citizen_id": m.person.citizen_id,
        "village": "Thôn Phya Mạ",
        "branch": m.branch.code,
        "status": "Chính thức",
        "admitted_on": m.admitted_on,
        "official_on": m.official_on,
    }
    path = kind_sheet(tmp_path / "m.xlsx", "members", [record])
    count, outcomes = queries_of("members", path, world.alice)
    assert [o.action for o in outcomes] == [UNCHANGED]
    assert count <= BUDGET
