"""The bench measures PostgreSQL with the planner's statistics a running server has, and SQLite
as it runs (without any): ptdv.bench.run.analyze on whichever engine the suite runs on."""

import pytest
from django.db import connection

from ptdv.bench.run import analyze

pytestmark = pytest.mark.django_db(transaction=True)


def _analyzed() -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables"
                " WHERE relname = 'people_partymember'"
            )
            return cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        return cursor.fetchone()[0] > 0


def test_analyze_gives_postgresql_its_statistics_and_leaves_sqlite_without(province):
    analyze()
    assert _analyzed() == (connection.vendor == "postgresql")
