"""Generated sheets fed to the importer: it either imports exactly the file (every row valid)
or writes nothing at all, whatever the cells hold."""

from datetime import date

import pytest
from django.apps import apps
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptdv.exchange.columns import KINDS
from ptdv.exchange.importing import CREATE, run
from ptdv.exchange.reading import ReadError
from tests.exchange.sheets import citizen_id, write_sheet
from tests.factories import spelled

pytestmark = pytest.mark.django_db
COLUMNS = KINDS["persons"].columns

# Text a workbook can hold (XML allows no control characters).
text = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)
garbage = st.one_of(
    st.none(),
    text,
    st.integers(min_value=-10, max_value=3_000_000),
    st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 1, 1)),
    st.just("=1+1"),
    st.just("x" * 1200),
)


def valid_cell(world, key, n, born):
    return {
        "full_name": f"Lò Văn {spelled(n)}",
        "birth_date": born,
        "sex": "Nam",
        "citizen_id": citizen_id(born, n),
        "ethnicity": "Tày",
        "education": "Tiểu học",
        "occupation": "Nông dân",
        "youth_union": "Không",
        "village": "Thôn Phya Mạ",
        "unit": world.phya_ma.code,
    }.get(key)


@st.composite
def sheets(draw, world):
    rows = []
    for n in range(draw(st.integers(min_value=1, max_value=6))):
        born = draw(st.dates(min_value=date(1960, 1, 1), max_value=date(2005, 12, 31)))
        row = []
        for column in COLUMNS:
            if draw(st.integers(0, 9)) == 0:  # now and then a cell of anything
                row.append(draw(garbage))
            else:
                row.append(valid_cell(world, column.key, draw(st.integers(1, 10**5)) * 10 + n, born))
        rows.append(row)
    headers = [c.header for c in COLUMNS]
    if draw(st.integers(0, 14)) == 0:
        headers[draw(st.integers(0, len(headers) - 1))] = draw(text)
    return headers, rows


written: list[int] = []  # rows written by the examples that imported (so some did)


def table_counts() -> dict:
    return {
        m._meta.label: m._base_manager.count()
        for m in apps.get_models()
        if m._meta.app_label in ("people", "org")
    }


# Each example runs in a transaction rolled back at its end, so the world fixture is shared safely.
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_generated_sheet_imports_whole_or_not_at_all(world, tmp_path_factory, data):
    headers, rows = data.draw(sheets(world))
    path = write_sheet(tmp_path_factory.mktemp("fuzz") / "nguoi.xlsx", headers, rows)
    with transaction.atomic():
        before = table_counts()
        try:
            summary = run("persons", path, path.name, world.alice, write=True)
        except ReadError:
            summary = None
        after = table_counts()
        if summary is None or not summary.written:
            assert after == before
        else:
            written.append(summary.counts[CREATE])
            assert summary.errors == 0 and summary.total == len(rows)
            created = summary.counts[CREATE]
            assert after["people.Person"] == before["people.Person"] + created
        transaction.set_rollback(True)
