"""A copy of every table of the test database, taken once and put back in about a second.

Loading the demo takes 10–30 s (the build, the 2025 reorganisation, the kept summaries and case
state); about ten test modules and fixtures need it. Each test process (pytest-xdist worker) builds
each demo once and keeps a copy of its rows beside the test database — an attached SQLite file or
a PostgreSQL schema, neither visible to Django's introspection — and later loads copy the rows back.

What is copied is every table of an installed model (auto-created many-to-many tables included)
and the counters new ids come from, so the next row gets the id it would have got after the real
build. Foreign keys are deferred to the end of the transaction on both engines (Django creates
them DEFERRABLE INITIALLY DEFERRED), so the tables can be emptied and filled in any order.
"""

from pathlib import Path

from django.apps import apps
from django.core.cache import caches
from django.core.management.color import no_style
from django.db import connection, transaction


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


class Snapshot:
    """The rows of every table at one moment, under `name` (letters and underscores)."""

    def __init__(self, name: str, folder: Path):
        self.name = f"snapshot_{name}"
        self.file = folder / f"{self.name}.sqlite3"  # SQLite only
        self.tables = _tables()

    @property
    def _sqlite(self) -> bool:
        return connection.vendor == "sqlite"

    def _attached(self):
        """SQLite: the snapshot file attached to the connection (outside any transaction)."""
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA database_list")
            if self.name not in {row[1] for row in cursor.fetchall()}:
                cursor.execute(f"ATTACH DATABASE %s AS {self.name}", [str(self.file)])

    def _sqlite_copies(self) -> list[tuple[str, str]]:
        """(table, its copy's name): "sqlite_" names are reserved, so the id counters are renamed."""
        q = connection.ops.quote_name
        pairs = [(t, t) for t in self.tables] + [("sqlite_sequence", "id_counters")]
        return [(f"main.{q(table)}", f"{self.name}.{q(copy)}") for table, copy in pairs]

    def take(self) -> "Snapshot":
        q = connection.ops.quote_name
        if self._sqlite:
            self._attached()
        with transaction.atomic(), connection.cursor() as cursor:
            if self._sqlite:
                for table, copy in self._sqlite_copies():
                    cursor.execute(f"DROP TABLE IF EXISTS {copy}")
                    cursor.execute(f"CREATE TABLE {copy} AS SELECT * FROM {table}")
            else:
                cursor.execute(f"DROP SCHEMA IF EXISTS {self.name} CASCADE")
                cursor.execute(f"CREATE SCHEMA {self.name}")
                for table in self.tables:
                    cursor.execute(f"CREATE TABLE {self.name}.{q(table)} AS TABLE public.{q(table)}")
        return self

    def restore(self) -> None:
        """Every table as it was when taken, whatever it holds now; the caches emptied."""
        q = connection.ops.quote_name
        if self._sqlite:
            self._attached()
        with transaction.atomic(), connection.cursor() as cursor:
            if self._sqlite:
                for table, copy in self._sqlite_copies():
                    cursor.execute(f"DELETE FROM {table}")
                    cursor.execute(f"INSERT INTO {table} SELECT * FROM {copy}")
            else:
                cursor.execute(f"TRUNCATE {', '.join(f'public.{q(t)}' for t in self.tables)}")
                for table in self.tables:
                    cursor.execute(f"INSERT INTO public.{q(table)} SELECT * FROM {self.name}.{q(table)}")
                models = apps.get_models(include_auto_created=True)
                for statement in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)
        for cache in caches.all():
            cache.clear()
