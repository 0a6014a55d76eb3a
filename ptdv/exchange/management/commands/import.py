"""`ptdv import <kind> FILE --user USERNAME [--dry-run]`: the import of the pages, for scripts.

Prints the preview's counts and every error (row, column, message, in Vietnamese); without
--dry-run, writes everything in one transaction when no row has an error, as the user named
(their scope, their rights, recorded in the history). Exit status 1 when nothing was written
because of errors.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ptdv.accounts.models import User
from ptdv.exchange import importing
from ptdv.exchange.columns import KINDS
from ptdv.exchange.reading import ReadError


class Command(BaseCommand):
    help = "Nhập tệp Excel (.xlsx) hoặc CSV: in kết quả kiểm tra; ghi tất cả hoặc không ghi gì."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(KINDS), help="loại dữ liệu")
        parser.add_argument("file", help="tệp .xlsx hoặc .csv")
        parser.add_argument("--user", required=True, help="tên đăng nhập của người nhập (phạm vi, quyền)")
        parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")

    def handle(self, kind, file, user, dry_run, **options):
        try:
            importer_user = User.objects.select_related("unit").get(username=user)
        except User.DoesNotExist:
            raise CommandError(_("Không có tài khoản %(u)s.") % {"u": user}) from None
        errors = []

        def collect(outcomes, summary):
            errors.extend(o for o in outcomes if o.errors)

        reason = _("Nhập từ tệp %(f)s bằng lệnh ptdv import") % {"f": file}
        try:
            summary = importing.run(
                kind, file, file, importer_user, write=not dry_run, reason=reason, on_chunk=collect
            )
        except (ReadError, OSError) as error:
            raise CommandError(str(error)) from None
        for outcome in errors:
            for header, message in outcome.errors:
                where = _("Dòng %(n)s") % {"n": outcome.number} + (f", cột “{header}”" if header else "")
                self.stdout.write(f"{where}: {message}")
        counts = summary.counts
        self.stdout.write(
            _("Thêm mới: %(c)s; cập nhật: %(u)s; không đổi: %(s)s; có lỗi: %(e)s.")
            % {"c": counts["create"], "u": counts["update"], "s": counts["unchanged"], "e": counts["error"]}
        )
        if summary.written:
            self.stdout.write(_("Đã ghi."))
        elif dry_run:
            self.stdout.write(_("Chỉ kiểm tra (--dry-run): không ghi gì."))
        else:
            raise CommandError(_("Có dòng lỗi: không ghi dòng nào."))
