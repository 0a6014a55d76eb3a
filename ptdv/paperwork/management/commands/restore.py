"""`ptdv restore FILE`: a backup loaded into an empty database (ptdv.paperwork.backup)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ptdv.paperwork.backup import BackupError, restore


class Command(BaseCommand):
    help = "Khôi phục một tệp sao lưu vào cơ sở dữ liệu trống (SQLite hoặc PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp sao lưu do `ptdv backup` ghi.")

    def handle(self, file, **options):
        try:
            manifest = restore(Path(file))
        except BackupError as refused:
            raise CommandError(str(refused)) from refused
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Đã khôi phục {rows} bản ghi và {len(manifest['attachments'])} tệp đính kèm "
            f"(sao lưu lúc {manifest['created']})."
        )
