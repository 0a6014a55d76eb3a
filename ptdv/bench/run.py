"""One bench run inside its own database: load the province, rebuild what is kept, measure."""

import io
import time
from collections.abc import Callable, Iterator

from django.core.management import call_command

from ptdv.bench import synthetic
from ptdv.bench.measure import Result, address, measure, signed_in
from ptdv.bench.pages import PAGES
from ptdv.cases.models import Case
from ptdv.regulation import Stage


def load(size: synthetic.Size, seed: int, say: Callable[[str], None]) -> synthetic.Province:
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    say(f"Tạo cấu trúc cơ sở dữ liệu: {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    province = synthetic.build(size, seed)
    say(
        f"Nạp tỉnh tổng hợp ({size.members:,} đảng viên, {size.branches:,} chi bộ, "
        f"{size.cases:,} hồ sơ): {time.perf_counter() - start:.1f} s"
    )
    rebuild_kept(say)
    return province


def rebuild_kept(say: Callable[[str], None]) -> None:
    """The kept summaries and case state from the loaded events, then the daily refresh
    (issue 8's target: ≤ 60 s for a province)."""
    start = time.perf_counter()
    synthetic.keep()
    say(f"Dựng trạng thái lưu sẵn (summaries.rebuild, derived.rebuild): {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    call_command("refresh", verbosity=0, stdout=io.StringIO())
    say(f"ptdv refresh: {time.perf_counter() - start:.1f} s")


def measure_all(province: synthetic.Province, runs: int, say) -> Iterator[Result]:
    """Every page of PAGES for the province's organizer, then for one commune's committee."""
    skipped = set()
    for scope, user in (("province", province.organizer), ("commune", province.committee)):
        client = signed_in(user)
        unit = user.unit
        case = (
            Case.objects.filter(branch__path__startswith=unit.path, stage=Stage.BRANCH_RESOLVED)
            .order_by("id")
            .first()
        )
        values = {"unit": unit.pk, "case": case.pk, "path": unit.path}
        for page in PAGES:
            url = address(page, values)
            if url is None:
                if page.name not in skipped:
                    say(f"Bỏ qua {page.name}: địa chỉ {page.url} không có trong bản này.")
                skipped.add(page.name)
                continue
            yield measure(f"{scope}:{page.name}", client, url, page.reference.format(**values), runs)
