"""`ptdv work`: the import worker, beside the web server (docs/import.md; a systemd unit there).

Polls the database for import jobs and does them one at a time; a job a dead worker left
half-done is taken up again. `--once` does the waiting jobs and returns (for cron or tests).
"""

from django.core.management.base import BaseCommand

from ptdv.exchange import work


class Command(BaseCommand):
    help = "Xử lý các lần nhập dữ liệu đang chờ (chạy thường trực bên cạnh máy chủ web)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="làm hết việc đang chờ rồi dừng")
        parser.add_argument("--poll", type=float, default=work.POLL_SECONDS, help="số giây giữa hai lần hỏi")

    def handle(self, once, poll, **options):
        if once:
            while work.run_once():
                pass
            return
        try:
            work.run_forever(poll, say=self.stderr.write)
        except KeyboardInterrupt:  # Ctrl-C: a job being done is taken up again by the next worker
            self.stderr.write("ptdv work: dừng.")
