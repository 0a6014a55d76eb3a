"""`ptdv backup FILE`: all data, history and attachments in one file (ptdv.paperwork.backup)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ptdv.paperwork.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu toàn bộ dữ liệu, lịch sử thay đổi và tệp đính kèm vào một tệp."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp sao lưu sẽ ghi (ví dụ ptdv-2026-12-04.zip).")

    def handle(self, file, **options):
        try:
            manifest = backup(Path(file))
        except (BackupError, OSError) as failed:
            raise CommandError(f"Không sao lưu được: {failed}") from failed
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Đã sao lưu {rows} bản ghi và {len(manifest['attachments'])} tệp đính kèm vào {file}."
        )
