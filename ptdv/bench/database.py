"""The bench's own database: never the user's.

By default an SQLite file in a new temporary folder; with `--database-url` a PostgreSQL
database of that name, created for the run and dropped after it (unless `--keep`). The
measuring runs in a child process started with DATABASE_URL pointing there, so the
settings, connections and migrations are those of that database and nothing else.
"""

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql


@contextmanager
def own_database(url: str | None, keep: bool, say):
    """Yield the DATABASE_URL of a new, empty database; remove it afterwards unless `keep`."""
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="ptdv-bench-"))
        try:
            yield f"sqlite:///{folder / 'bench.sqlite3'}"
        finally:
            if keep:
                say(f"Giữ lại cơ sở dữ liệu: {folder / 'bench.sqlite3'}")
            else:
                shutil.rmtree(folder, ignore_errors=True)
        return
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        raise ValueError("--database-url phải là một địa chỉ PostgreSQL (postgres://…/tên).")
    name = parts.path.lstrip("/")
    if not name or name in ("postgres", "template0", "template1"):
        raise ValueError("--database-url phải nêu tên một cơ sở dữ liệu riêng cho bench.")
    server = urlunsplit(parts._replace(path="/postgres"))
    _admin(server, sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    _admin(server, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield url
    finally:
        if keep:
            say(f"Giữ lại cơ sở dữ liệu: {url}")
        else:
            _admin(server, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _admin(server: str, statement) -> None:
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(statement)
