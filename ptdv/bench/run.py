"""One bench run inside its own database: load the province, rebuild what is kept, measure."""

import io
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection

from ptdv.accounts.models import User
from ptdv.bench import synthetic
from ptdv.bench.measure import NotAPage, Result, address, measure, signed_in
from ptdv.bench.pages import PAGES
from ptdv.cases.models import Case
from ptdv.org.models import BRANCH_KINDS, Unit
from ptdv.regulation import Stage


@contextmanager
def timed(say: Callable[[str], None], what: str):
    """Say how long a step took, in wall time and in this process's CPU time (on a shared
    machine the two differ; the CPU time is what the step costs)."""
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    say(f"{what}: {time.perf_counter() - wall:.1f} s ({time.process_time() - cpu:.1f} s CPU)")


def load(size: synthetic.Size, seed: int, say: Callable[[str], None]) -> synthetic.Province:
    with timed(say, "Tạo cấu trúc cơ sở dữ liệu"):
        call_command("migrate", verbosity=0)
    what = f"Nạp tỉnh tổng hợp ({size.members:,} đảng viên, {size.branches:,} chi bộ, {size.cases:,} hồ sơ)"
    with timed(say, what):
        province = synthetic.build(size, seed)
    with timed(say, "Dựng trạng thái lưu sẵn (summaries.rebuild, derived.rebuild)"):
        synthetic.keep()
    with timed(say, "ptdv refresh (hằng ngày)"):
        call_command("refresh", verbosity=0, stdout=io.StringIO())
    with timed(say, "Thống kê cho bộ lập kế hoạch truy vấn (ANALYZE)"):
        analyze()
    return province


def analyze() -> None:
    """On PostgreSQL, the planner's statistics of every table, as a running server has them.

    After a bulk load autovacuum analyzes the tables only some minutes later; measured before,
    the planner guesses row counts and joins a province's members by nested loops (0.9 s for the
    first page of members). SQLite keeps no statistics unless asked, and a server never asks:
    it is measured as it runs (with them its planner chose worse plans for the member lists).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def reused(say: Callable[[str], None]) -> synthetic.Province:
    """The province a former run kept (`--keep`), its structure brought up to this build's
    migrations; what it holds is measured as it was loaded and kept. Any other database is
    refused before anything is written to it."""
    try:
        users = {
            u.username: u
            for u in User.objects.filter(username__in=[synthetic.ORGANIZER, synthetic.COMMITTEE])
        }
    except DatabaseError:  # not even migrated: not a kept bench database
        users = {}
    if set(users) != {synthetic.ORGANIZER, synthetic.COMMITTEE}:
        raise CommandError("Cơ sở dữ liệu này không phải một tỉnh tổng hợp do ptdv bench --keep giữ lại.")
    with timed(say, "Tạo cấu trúc cơ sở dữ liệu (dùng lại)"):
        call_command("migrate", verbosity=0)
    with timed(say, "Thống kê cho bộ lập kế hoạch truy vấn (ANALYZE)"):
        analyze()
    organizer, committee = users[synthetic.ORGANIZER], users[synthetic.COMMITTEE]
    root = organizer.unit
    communes = list(Unit.objects.get_children(root))
    branches = list(Unit.objects.filter(path__startswith=root.path, kind__in=BRANCH_KINDS))
    return synthetic.Province(root, communes, branches, organizer, committee)


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
            try:
                reference = page.reference.format(**values)
                yield measure(f"{scope}:{page.name}", client, url, reference, runs, page.before)
            except NotAPage as answer:
                say(f"Bỏ qua {scope}:{page.name}: {answer}")
