"""`ptdv bench` runs end to end on a small province in its own SQLite file, one JSON line a page."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"name", "median_ms", "p95_ms", "queries", "reference_ms"}


@pytest.mark.bench
def test_bench_prints_one_json_line_a_page_for_the_province_and_a_commune(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PTDV_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)  # the bench makes its own database whatever the caller's
    done = subprocess.run(
        [sys.executable, "-m", "ptdv", "bench", "--members", "3000", "--runs", "2", "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert all(set(row) == KEYS for row in rows)
    names = {row["name"] for row in rows}
    for page in (
        "board",
        "todo",
        "api_deadlines",
        "tree",
        "unit",
        "case",
        "members_first",
        "members_last",
        "dashboard",
        "dashboard_computed",
    ):
        assert {f"province:{page}", f"commune:{page}"} <= names
    assert all(row["queries"] > 0 and row["p95_ms"] >= row["median_ms"] > 0 for row in rows)
    # the caller's database (in the data folder) was never written: the bench used its own
    assert all(f.stat().st_size == 0 for f in tmp_path.glob("*.sqlite3"))


def _bench(args, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PTDV_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "ptdv", "bench", "--runs", "1", "--format", "json", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.bench
def test_bench_reuses_a_kept_province_without_loading_it_again(tmp_path):
    kept = _bench(["--members", "1200", "--keep"], tmp_path)
    assert kept.returncode == 0, kept.stderr
    path = kept.stderr.split("Giữ lại cơ sở dữ liệu: ")[1].split()[0]
    again = _bench(["--reuse", f"sqlite:///{path}"], tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Nạp tỉnh" not in again.stderr and "Nạp tỉnh" in kept.stderr
    first = {json.loads(line)["name"]: json.loads(line)["queries"] for line in kept.stdout.splitlines()}
    second = {json.loads(line)["name"]: json.loads(line)["queries"] for line in again.stdout.splitlines()}
    assert set(second) == set(first) and "province:tree" in second
    Path(path).unlink()


@pytest.mark.bench
def test_bench_refuses_to_reuse_a_database_it_did_not_keep(tmp_path):
    other = tmp_path / "other.sqlite3"
    done = _bench(["--reuse", f"sqlite:///{other}"], tmp_path)
    assert done.returncode != 0
    assert "không phải một tỉnh tổng hợp do ptdv bench --keep giữ lại" in done.stderr


@pytest.mark.bench
def test_export_bench_times_the_member_export_beside_bare_xlsxwriter(tmp_path):
    done = _bench(["--export-rows", "400"], tmp_path)
    assert done.returncode == 0, done.stderr
    steps = {row["step"]: row for row in map(json.loads, done.stdout.splitlines())}
    assert set(steps) == {"export_xlsx", "export_csv", "completeness"}
    for fmt in ("xlsx", "csv"):
        figures = steps[f"export_{fmt}"]
        assert figures["rows"] >= 400 and figures["seconds"] > 0 and figures["bare_seconds"] > 0
        assert figures["peak_mb"] > 0
    assert steps["completeness"]["read_median_ms"] > 0
