"""The import bench: a persons file of new people for the synthetic province, judged (the
preview), written (the confirm), and judged again (every row then unchanged).

The target (issue 11) is the preview: at least 2,000 rows a second on SQLite, the file read
as a stream. Rows/s are the file's rows over the wall time of each step, and over its CPU time
(on a shared machine the wall time waits for the other processes); the peak memory is the
process's resident peak during the step (VmHWM, reset before each step).
"""

import random
import resource
import tempfile
import time
from pathlib import Path

from django.utils import timezone

from ptdv.bench.synthetic import Province
from ptdv.demo.people import PersonFactory
from ptdv.exchange import importing
from ptdv.exchange.columns import KINDS, cell
from ptdv.exchange.writing import rows_to_xlsx
from ptdv.org.models import Village

# Citizen-ID province digits of the file's people: not those of the province's own (019).
FILE_PROVINCE = "001"


def file_rows(province: Province, count: int, seed: int):
    """`count` new people living in the province's villages, as the persons sheet holds them."""
    kind = KINDS["persons"]
    rng = random.Random(seed)
    factory = PersonFactory(rng, FILE_PROVINCE)
    villages = list(
        Village.objects.filter(branch__path__startswith=province.root.path).select_related("branch")
    )
    today = timezone.localdate()
    seen = set()
    while len(seen) < count:
        village = rng.choice(villages)
        person = factory.person(village.branch, on=today, village=village, age=(18, 60))
        if (key := (person.search_name, person.birth_date)) in seen:
            continue  # two rows of one name and birth date would be one person twice
        seen.add(key)
        values = kind.export_values(person)
        yield [cell(c, values.get(c.key)) for c in kind.columns]


def _reset_peak() -> None:
    """Start the process's peak memory (VmHWM) afresh for the next step (Linux; else no-op)."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass


def _memory_mb(field: str = "VmHWM") -> float:
    """The process's peak resident memory since the last reset (VmHWM), or its resident memory
    now (VmRSS), in MB."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _step(what: str, rows: int, action, say) -> dict:
    _reset_peak()
    before = _memory_mb("VmRSS")
    wall, cpu = time.perf_counter(), time.process_time()
    summary = action()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    figures = {"step": what, "rows": rows, "seconds": round(wall, 2), "cpu_seconds": round(cpu, 2)}
    figures |= {
        "rows_per_s": round(rows / wall),
        "rows_per_cpu_s": round(rows / cpu),
        "peak_mb": round(_memory_mb()),
        "rss_before_mb": round(before),
    }
    figures["counts"] = summary.counts
    say(
        f"{what}: {rows:,} dòng trong {wall:.1f} s ({cpu:.1f} s CPU) = {rows / wall:,.0f} dòng/s "
        f"({rows / cpu:,.0f} dòng/s CPU); {summary.counts}; "
        f"bộ nhớ đỉnh {figures['peak_mb']} MB (trước bước {figures['rss_before_mb']} MB)"
    )
    return figures


def measure_import(province: Province, rows: int, seed: int, say) -> list[dict]:
    user = province.organizer
    with tempfile.TemporaryDirectory(prefix="ptdv-bench-import-") as folder:
        path = Path(folder) / "nguoi.xlsx"
        started = time.perf_counter()
        with open(path, "wb") as out:
            rows_to_xlsx(out, KINDS["persons"].headers, file_rows(province, rows, seed), sheet="Người")
        size_mb = path.stat().st_size / 1e6
        say(f"Viết tệp {rows:,} người: {time.perf_counter() - started:.1f} s, {size_mb:.1f} MB")

        def run(write: bool):
            return lambda: importing.run("persons", path, path.name, user, write=write)

        return [
            _step("Xem trước (kiểm tra, người mới)", rows, run(False), say),
            _step("Xác nhận (ghi trong một giao dịch)", rows, run(True), say),
            _step("Xem trước lần hai (không đổi)", rows, run(False), say),
        ]
