"""`ptdv backup` / `ptdv restore`: one file, restored into an empty database of either engine.

The round trip runs the restore in a second process against the other engine (SQLite →
PostgreSQL, or back when the suite runs on PostgreSQL), backs that database up again and
compares the two files row by row (history tables included) and the attachments byte by byte.
"""

import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from ptdv.org.models import Unit
from ptdv.paperwork import backup

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.getenv("PTDV_BACKUP_TEST_SERVER", "postgres://postgres@127.0.0.1:5432")


def _rows(path: Path) -> tuple[dict, list]:
    """The manifest's counts and the rows of a backup, datetimes compared as instants (the
    engines write 12:00:00.000Z and 12:00:00Z for the same moment)."""

    def same(value):
        if isinstance(value, str) and len(value) >= 20 and value[10:11] == "T":
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                return value
        if isinstance(value, dict):
            return {k: same(v) for k, v in value.items()}
        return value

    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        rows = [same(row) for row in json.loads(archive.read("data.json"))]
    return manifest["counts"], rows


def _ptdv(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "ptdv", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def other_engine(tmp_path):
    """The environment of a fresh, migrated, empty database of the other engine."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PTDV_TESTING": "1",
        "PTDV_DATA_DIR": str(tmp_path / "there"),
    }
    env.pop("DATABASE_URL", None)
    name = f"ptdv_backup_roundtrip_{os.getpid()}"
    if connection.vendor == "sqlite":
        try:
            with psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=5) as server:
                server.execute(f'DROP DATABASE IF EXISTS "{name}"')
                server.execute(f'CREATE DATABASE "{name}"')
        except psycopg.OperationalError:
            pytest.skip("no PostgreSQL server for the round trip")
        env["DATABASE_URL"] = f"{SERVER}/{name}"
    _ptdv(env, "migrate", "-v0")
    yield env
    if connection.vendor == "sqlite":
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def scans(settings, tmp_path):
    folder = tmp_path / "here" / "scans"
    (folder / "2026").mkdir(parents=True)
    (folder / "2026" / "don-1-knd.pdf").write_bytes(b"%PDF-1.4 scan " * 100)
    settings.PTDV_SCAN_DIR = folder
    return folder


def test_backup_restores_into_an_empty_database_of_the_other_engine_with_identical_rows_and_histories(
    world, scans, other_engine, tmp_path
):
    file = tmp_path / "ptdv.zip"
    call_command("backup", str(file))
    counts, rows = _rows(file)
    assert counts["org.unit"] == Unit.objects.count() and counts["org.historicalunit"] > 0
    assert counts["people.historicalperson"] > 0 and counts["cases.historicalcase"] > 0

    out = _ptdv(other_engine, "restore", str(file))
    assert "Đã khôi phục" in out
    again = tmp_path / "again.zip"
    _ptdv(other_engine, "backup", str(again))
    assert _rows(again) == (counts, rows)
    restored = Path(other_engine["PTDV_DATA_DIR"]) / "scans" / "2026" / "don-1-knd.pdf"
    assert restored.read_bytes() == (scans / "2026" / "don-1-knd.pdf").read_bytes()


def test_restore_refuses_a_database_that_holds_data(world, tmp_path):
    file = tmp_path / "ptdv.zip"
    backup.backup(file)
    before = Unit.objects.count()
    with pytest.raises(CommandError, match="đã có dữ liệu"):
        call_command("restore", str(file))
    assert Unit.objects.count() == before


def test_restore_refuses_a_damaged_file_and_writes_nothing(world, tmp_path):
    file = tmp_path / "ptdv.zip"
    backup.backup(file)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(file.read_bytes()[:-200])
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(file) as source, zipfile.ZipFile(tampered, "w") as target:
        target.writestr("manifest.json", source.read("manifest.json"))
        target.writestr("data.json", source.read("data.json").replace(b"Phya", b"Phia"))
    not_a_backup = tmp_path / "notes.zip"
    not_a_backup.write_text("chỉ là một tệp văn bản", encoding="utf-8")
    for damaged in (truncated, tampered, not_a_backup):
        with pytest.raises(CommandError, match="bị hỏng hoặc không phải tệp sao lưu PTĐV"):
            call_command("restore", str(damaged))
