"""`ptdv export <kind> [--unit CODE] --format xlsx|csv --output FILE`: a kind's records in the
sheet format that `ptdv import` reads back (ptdv.exchange.columns), written in constant memory.

Run by the server's operator, it exports everything under --unit (every unit without it),
sensitive columns included: the file is as confidential as the database.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ptdv.exchange.columns import KINDS
from ptdv.exchange.writing import CSV, FORMATS, rows_to_csv, rows_to_xlsx
from ptdv.org.models import Unit


class Operator:
    """The whole tree seen as the server's operator sees it (the scope of `--unit`)."""

    role = "organizer"
    is_authenticated = True

    def __init__(self, unit: Unit):
        self.unit, self.unit_id = unit, unit.pk


class Command(BaseCommand):
    help = "Xuất dữ liệu ra Excel/CSV theo đúng mẫu mà `ptdv import` đọc lại được."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(KINDS))
        parser.add_argument("--unit", help="mã đơn vị: chỉ đơn vị này và cấp dưới (mặc định: tất cả)")
        parser.add_argument("--format", choices=FORMATS, default="xlsx")
        parser.add_argument("--output", required=True, help="tệp ghi ra")

    def handle(self, kind, unit, format, output, **options):
        definition = KINDS[kind]
        if unit:
            roots = list(Unit.objects.filter(code=unit))
            if not roots:
                raise CommandError(_("Không có đơn vị nào mã %(c)s.") % {"c": unit})
        else:
            roots = list(Unit.get_root_nodes())
        written = 0

        def rows():
            nonlocal written
            for root in roots:
                for values in definition.rows(definition.queryset(Operator(root))):
                    written += 1
                    yield values

        if format == CSV:
            with open(output, "w", encoding="utf-8", newline="") as out:
                rows_to_csv(out, definition.headers, rows())
        else:
            with open(output, "wb") as out:
                rows_to_xlsx(out, definition.headers, rows(), sheet=definition.label)
        self.stderr.write(
            _("Đã xuất %(n)s dòng %(k)s vào %(f)s.")
            % {"n": written, "k": definition.label.lower(), "f": output}
        )
