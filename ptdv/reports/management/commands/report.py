"""`ptdv report <name> --unit <code> [--from D --to D | --as-of D] [--format F] [--output FILE]`:
a report for scripts and cron, the same builder and figures as the page and the API."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ptdv.org.models import Unit
from ptdv.reports import render, review_document
from ptdv.reports.catalogue import REPORTS, parse_query

FORMATS = ("json", "csv", "xlsx", "docx")


class Command(BaseCommand):
    help = "Xuất báo cáo (progress, structure, totals, review) của một đơn vị."

    def add_arguments(self, parser):
        parser.add_argument("name", choices=sorted(REPORTS))
        parser.add_argument("--unit", required=True, help="mã đơn vị, ví dụ BK.PN")
        parser.add_argument("--from", dest="start", help="từ ngày (yyyy-mm-dd hoặc dd/mm/yyyy)")
        parser.add_argument("--to", dest="end", help="đến ngày")
        parser.add_argument("--as-of", dest="as_of", help="tại ngày")
        parser.add_argument("--format", default="json", choices=FORMATS)
        parser.add_argument("--output", help="tệp ghi ra (mặc định: màn hình; bắt buộc với xlsx, docx)")
        parser.add_argument(
            "--without-predecessors", action="store_true", help="không gồm số liệu của đơn vị tiền thân"
        )

    def handle(self, name, unit, start, end, as_of, format, output, without_predecessors, **options):
        kind = REPORTS[name]
        found = Unit.objects.filter(code=unit).first()
        if found is None:
            raise CommandError(f"Không có đơn vị mã {unit}.")
        params = {
            "from": start,
            "to": end,
            "as_of": as_of,
            "predecessors": "0" if without_predecessors else "1",
        }
        try:
            query = parse_query(kind, params, timezone.localdate())
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        report = kind.build(found, query)
        if format == "json":
            content = json.dumps(render.as_data(report), ensure_ascii=False, indent=2) + "\n"
        elif format == "csv":
            content = render.as_csv(kind.layout(report))
        elif format == "docx":
            content = self._docx(name, report, found)
        else:
            content = render.as_xlsx(kind.layout(report))
        self._write(content, output)

    def _docx(self, name, report, unit) -> bytes:
        if name != "review":
            raise CommandError("Chỉ báo cáo review có bản Word (--format docx).")
        try:
            return review_document.for_unit(report, unit)
        except review_document.TemplateProblem as problem:
            raise CommandError(problem.message) from problem

    def _write(self, content, output):
        if output:
            mode = "wb" if isinstance(content, bytes) else "w"
            with open(output, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
                f.write(content)
        elif isinstance(content, bytes):
            raise CommandError("Tệp Excel và Word cần --output TỆP.")
        else:
            self.stdout.write(content, ending="")
