"""The export bench: the member list's download (/dang-vien/tai-ve/xlsx|csv/) of a synthetic
province, side by side with xlsxwriter (and the csv module) writing the same rows bare.

Targets (issue 11): the 100,000-row Excel export within 1.2 × the bare xlsxwriter time, and
at most 100 MB peak. The export is timed through the real view as the province's organizer
(scope, filters, the query, the sheet format, the read log, the streamed file); the bare
writers get the very rows the export wrote, already in memory, and write them with
`write_row` / `csv.writer` into a file. Peak memory is measured in separate runs under
tracemalloc (Python allocations of the export alone, the database's rows included), since
tracing slows Python down; the process's own peak (getrusage) is printed beside it.

Also timed: the unit page's data-completeness read of the whole province (the kept rows
added up, ptdv.people.completeness.of_subtree) and its rebuild, at the bench's size.
"""

import csv
import io
import resource
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable

import xlsxwriter
from django.core.management import call_command
from openpyxl import load_workbook

from ptdv.bench import synthetic
from ptdv.bench.measure import signed_in
from ptdv.bench.run import timed
from ptdv.bench.synthetic import Province, Size
from ptdv.exchange.columns import KINDS
from ptdv.people import completeness


def load_for_export(size: Size, seed: int, say) -> Province:
    """The province's rows only: the export reads the member rows, no kept case state (whose
    rebuild is the long step of a full bench)."""
    with timed(say, "Tạo cấu trúc cơ sở dữ liệu"):
        call_command("migrate", verbosity=0)
    with timed(say, f"Nạp tỉnh tổng hợp ({size.members:,} đảng viên, {size.branches:,} chi bộ)"):
        return synthetic.build(size, seed)


def _timed(action: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _traced(action: Callable[[], object]) -> float:
    """Peak MB of Python allocations while `action` runs."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _download(client, fmt: str, keep: bool = False) -> Callable[[], bytes | int]:
    """Fetch the export and read it to the end: its bytes with `keep`, else only its size
    (so that holding the file does not count in the export's memory)."""

    def get():
        response = client.get(f"/dang-vien/tai-ve/{fmt}/")
        if response.status_code != 200:
            raise RuntimeError(f"/dang-vien/tai-ve/{fmt}/ answered {response.status_code}")
        if keep:
            return b"".join(response.streaming_content)
        return sum(len(chunk) for chunk in response.streaming_content)

    return get


def _bare_xlsx(headers, rows) -> Callable[[], None]:
    def write() -> None:
        with tempfile.TemporaryFile() as out:
            book = xlsxwriter.Workbook(out, {"constant_memory": True})
            sheet = book.add_worksheet("Đảng viên")
            sheet.write_row(0, 0, headers)
            for index, row in enumerate(rows, start=1):
                sheet.write_row(index, 0, row)
            book.close()

    return write


def _bare_csv(headers, rows) -> Callable[[], None]:
    def write() -> None:
        with tempfile.TemporaryFile("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(headers)
            writer.writerows(rows)

    return write


def _rows_of(content: bytes) -> list[list]:
    """The rows the export wrote, read back: what the bare writers get to write."""
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]


def _best(runs: int, action) -> tuple[float, float]:
    """Median wall and CPU seconds of `runs` runs."""
    timings = [_timed(action)[:2] for _ in range(runs)]
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


def measure_export(province: Province, runs: int, say) -> list[dict]:
    client = signed_in(province.organizer)
    headers = KINDS["members"].headers
    _wall, _cpu, content = _timed(_download(client, "xlsx", keep=True))  # warm-up, and the rows written
    rows = _rows_of(content)
    say(f"Tệp xuất: {len(rows):,} đảng viên, {len(content) / 1e6:.1f} MB")
    figures = []
    for fmt, bare in (("xlsx", _bare_xlsx(headers, rows)), ("csv", _bare_csv(headers, rows))):
        wall, cpu = _best(runs, _download(client, fmt))
        bare_wall, bare_cpu = _best(runs, bare)
        peak = _traced(_download(client, fmt))
        bare_peak = _traced(bare)
        figures.append(
            {
                "step": f"export_{fmt}",
                "rows": len(rows),
                "seconds": round(wall, 3),
                "cpu_seconds": round(cpu, 3),
                "bare_seconds": round(bare_wall, 3),
                "bare_cpu_seconds": round(bare_cpu, 3),
                "ratio_cpu": round(cpu / bare_cpu, 2) if bare_cpu else None,
                "ratio_wall": round(wall / bare_wall, 2),
                "peak_mb": round(peak, 1),
                "bare_peak_mb": round(bare_peak, 1),
            }
        )
        say(
            f"Xuất {fmt}: {wall:.2f} s ({cpu:.2f} s CPU); ghi trần {bare_wall:.2f} s ({bare_cpu:.2f} s CPU); "
            f"tỷ lệ {cpu / max(bare_cpu, 1e-9):.2f}× CPU, {wall / bare_wall:.2f}× thời gian; "
            f"bộ nhớ đỉnh {peak:.1f} MB (ghi trần {bare_peak:.1f} MB)"
        )
    rebuild_wall, rebuild_cpu, _rows = _timed(completeness.rebuild)
    read = [_timed(lambda: completeness.of_subtree(province.root))[:2] for _ in range(max(runs, 5))]
    read_ms = sorted(1000 * t[0] for t in read)
    figures.append(
        {
            "step": "completeness",
            "rebuild_seconds": round(rebuild_wall, 2),
            "rebuild_cpu_seconds": round(rebuild_cpu, 2),
            "read_median_ms": round(statistics.median(read_ms), 1),
            "read_max_ms": round(read_ms[-1], 1),
        }
    )
    say(
        f"Độ đầy đủ dữ liệu: dựng lại {rebuild_wall:.1f} s ({rebuild_cpu:.1f} s CPU); đọc cả tỉnh "
        f"trung vị {statistics.median(read_ms):.1f} ms, lâu nhất {read_ms[-1]:.1f} ms"
    )
    process_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    say(f"Bộ nhớ đỉnh của cả tiến trình (gồm lúc nạp tỉnh): {process_mb:.0f} MB")
    return figures
