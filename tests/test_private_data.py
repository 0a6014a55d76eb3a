"""Point 12: the data folder and the SQLite database are private to the service user."""

import os
import sqlite3
import subprocess
import sys


def _mode(path) -> int:
    return path.stat().st_mode & 0o777


def test_migrate_creates_a_private_data_folder_and_database(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "PTDV_DATA_DIR": str(data)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "ptdv", "migrate", "--noinput", "-v0"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    database = data / "ptdv.sqlite3"
    assert _mode(data) == 0o700
    assert _mode(database) == 0o600

    # While a writer works, SQLite keeps -wal and -shm files next to the database.
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE probe (x)")
        connection.commit()
        assert _mode(data / "ptdv.sqlite3-wal") == 0o600
        assert _mode(data / "ptdv.sqlite3-shm") == 0o600
    finally:
        connection.close()


def test_an_existing_world_readable_database_is_made_private(tmp_path):
    database = tmp_path / "ptdv.sqlite3"
    database.touch(mode=0o644)
    database.chmod(0o644)
    tmp_path.chmod(0o755)
    env = {**os.environ, "PTDV_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "ptdv", "check", "-v0"], env=env, check=True, capture_output=True)
    assert _mode(database) == 0o600
    assert _mode(tmp_path) == 0o700
