"""`ptdv bench`: a synthetic province in its own database, and how fast its pages answer.

Speed is measured here, never asserted in tests (tests hold query budgets). The run never
touches the user's database: see ptdv.bench.database.
"""

import json
import os
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ptdv.bench.database import own_database
from ptdv.bench.synthetic import Size

INSIDE = "PTDV_BENCH_INSIDE"  # set for the child process that runs in the bench database
NATIONAL_NEEDS_POSTGRESQL = (
    "Quy mô cả nước (--scale national) chỉ chạy trên PostgreSQL: thêm "
    "--database-url postgres://…/tên_cơ_sở_dữ_liệu_riêng (SQLite không nạp 5,5 triệu đảng viên bằng COPY)."
)


class Command(BaseCommand):
    help = "Dựng một tỉnh tổng hợp trong cơ sở dữ liệu riêng và đo thời gian các trang chính."

    def add_arguments(self, parser):
        parser.add_argument(
            "--members", type=int, help="số đảng viên (mặc định 150.000; 5.500.000 với --scale national)"
        )
        parser.add_argument(
            "--scale",
            choices=["province", "national"],
            default="province",
            help="province: một tỉnh; national: cả nước (chỉ PostgreSQL, nạp bằng COPY)",
        )
        parser.add_argument("--runs", type=int, default=10, help="số lần đo mỗi trang")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--database-url", help="PostgreSQL: postgres://…/tên (tạo mới rồi xóa)")
        parser.add_argument("--keep", action="store_true", help="giữ lại cơ sở dữ liệu để xem")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--import-rows",
            type=int,
            help="đo nhập Excel: tệp N người mới (xem trước, ghi, xem lại) thay cho các trang",
        )
        parser.add_argument(
            "--export-rows",
            type=int,
            help="đo xuất đảng viên: tỉnh N đảng viên, so với xlsxwriter ghi trần (thay cho các trang)",
        )
        parser.add_argument(
            "--reuse",
            metavar="URL",
            help="đo lại trên cơ sở dữ liệu một lần --keep đã giữ (sqlite:///… hoặc postgres://…)",
        )

    def handle(self, *args, **options):
        if os.environ.get(INSIDE) == "1":
            return self.inside(**options)
        if options["scale"] == "national" and not options["database_url"]:
            raise CommandError(NATIONAL_NEEDS_POSTGRESQL)
        if options["reuse"]:
            child = self.child(options["reuse"], options)
        else:
            try:
                with own_database(options["database_url"], options["keep"], self.note) as url:
                    child = self.child(url, options)
            except ValueError as problem:
                raise CommandError(str(problem)) from problem
        if child.returncode:
            raise CommandError(f"Lần đo dừng giữa chừng (mã {child.returncode}).")

    def child(self, url: str, options) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "ptdv", *sys_args(options)],
            env={**os.environ, INSIDE: "1", "DATABASE_URL": url},
            check=False,
        )

    def note(self, text: str) -> None:
        self.stderr.write(text)

    def inside(self, members, runs, format, seed, scale, reuse=None, **options):
        # The pages are rendered as served: their {% static %} names come from the manifest
        # that `make run` collects; a checkout that never ran it has none.
        call_command("collectstatic", interactive=False, verbosity=0)
        if scale == "national":
            from ptdv.bench import national

            return self.table(national.run(members, runs, seed, self.note), format)
        from ptdv.bench.run import load, measure_all, reused

        size = Size.for_members(members or 150_000)
        if options.get("export_rows"):
            from ptdv.bench.exporting import load_for_export, measure_export

            province = load_for_export(Size.for_members(options["export_rows"]), seed, self.note)
            return self.figures(measure_export(province, runs, self.note), format)
        province = reused(self.note) if reuse else load(size, seed, self.note)
        if options.get("import_rows"):
            from ptdv.bench.importing import measure_import

            return self.figures(measure_import(province, options["import_rows"], seed, self.note), format)
        return self.table(measure_all(province, runs, self.note), format)

    def table(self, results, format: str) -> None:
        if format == "table":
            self.stdout.write(
                f"{'trang':<28}{'trung vị ms':>12}{'p95 ms':>10}{'truy vấn':>10}{'SQL thuần ms':>14}"
            )
        for result in results:
            if format == "json":
                self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            else:
                self.stdout.write(
                    f"{result.name:<28}{result.median_ms:>12.1f}{result.p95_ms:>10.1f}"
                    f"{result.queries:>10}{result.reference_ms:>14.1f}"
                )
            self.stdout.flush()

    def figures(self, rows: list[dict], format: str) -> None:
        for figures in rows:
            self.stdout.write(json.dumps(figures, ensure_ascii=False) if format == "json" else str(figures))


def sys_args(options) -> list[str]:
    """The command line of the child: the same run, without the database choice."""
    args = ["bench", "--scale", options["scale"], "--runs", str(options["runs"])]
    args += ["--members", str(options["members"])] if options["members"] else []
    args += ["--import-rows", str(options["import_rows"])] if options.get("import_rows") else []
    args += ["--export-rows", str(options["export_rows"])] if options.get("export_rows") else []
    args += ["--reuse", options["reuse"]] if options["reuse"] else []
    return [*args, "--format", options["format"], "--seed", str(options["seed"])]
