"""Bulk loading without model instances: rows as dicts of column values, ids given here.

The ORM's bulk_create builds a model instance and prepares every field of every row
(≈ 60 µs a row); at a province's 1.5 million rows that alone exceeds the two minutes the
bench may take. The bench gives the ids itself (above those in the table), fills the columns
a row leaves out from the model's defaults once per table, and writes with executemany
(SQLite) or COPY (PostgreSQL); the sequences are moved past the ids at the end.
"""

import json
from datetime import UTC, date, datetime

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max
from django.utils import timezone

BATCH = 5000


class Loader:
    def __init__(self):
        self.last_id: dict[type, int] = {}
        self.now = timezone.now()

    def ids(self, model, count: int) -> range:
        """`count` fresh primary keys of `model`'s table, above those it already holds."""
        if model not in self.last_id:
            self.last_id[model] = model.objects.aggregate(top=Max("pk"))["top"] or 0
        first = self.last_id[model] + 1
        self.last_id[model] = first + count - 1
        return range(first, first + count)

    def insert(self, model, rows: list[dict]) -> None:
        """Write `rows` (attribute name → value; `id` given) into `model`'s table."""
        fields = [f for f in model._meta.concrete_fields]
        defaults = {f.attname: self._default(f) for f in fields}
        columns = [f.column for f in fields]
        table = model._meta.db_table
        stamped = {
            f.attname for f in fields if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False)
        }
        for row in rows:
            for name in stamped:
                row[name] = row.get(name) or self.now
        values = [[_plain(row.get(f.attname, defaults[f.attname])) for f in fields] for row in rows]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                names = ", ".join(connection.ops.quote_name(c) for c in columns)
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for value in values:
                        copy.write_row(value)
                return
            marks = ", ".join(["%s"] * len(columns))
            names = ", ".join(connection.ops.quote_name(c) for c in columns)
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
            for start in range(0, len(values), BATCH):
                cursor.executemany(sql, values[start : start + BATCH])

    def _default(self, field):
        if field.primary_key:
            return None
        if _stamped(field):
            return self.now
        if field.has_default():
            return field.get_default()
        if not field.null and field.get_internal_type() in ("CharField", "TextField"):
            return ""
        return None  # a value every row gives (the database refuses a row without it)

    def finish(self) -> None:
        """Move PostgreSQL's sequences past the ids given here (SQLite follows max(id))."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.last_id))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _plain(value):
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime):  # stored as UTC, the way Django writes it
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _stamped(field) -> bool:
    return getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False)
