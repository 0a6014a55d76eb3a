"""`ptdv bench --import-rows N` on the small province: the file's new people are previewed as
new, written, then previewed as unchanged — the three steps the figures of docs/performance.md
come from."""

from ptdv.bench.importing import measure_import


def test_import_bench_previews_writes_and_previews_again(province):
    said = []
    steps = measure_import(province, 60, 7, said.append)
    assert [s["counts"] for s in steps] == [
        {"create": 60, "update": 0, "unchanged": 0, "error": 0},
        {"create": 60, "update": 0, "unchanged": 0, "error": 0},
        {"create": 0, "update": 0, "unchanged": 60, "error": 0},
    ]
    assert all(s["rows_per_s"] > 0 and s["cpu_seconds"] > 0 and s["peak_mb"] > 0 for s in steps)
    assert any("dòng/s" in line for line in said)
