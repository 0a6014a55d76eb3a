from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ptdv.notices import reminders


class Command(BaseCommand):
    help = (
        "Nhắc thời hạn: tạo thông báo trong ứng dụng cho các thời hạn quá hạn hoặc đến hạn trong "
        "N ngày làm việc tới (mỗi việc một lần cho mỗi người); gửi thư khi đã cấu hình SMTP."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=reminders.DEFAULT_DAYS,
            help="số ngày làm việc tới (mặc định %(default)s)",
        )

    def handle(self, days, **options):
        if days < 0:
            raise CommandError("Số ngày làm việc phải không âm.")
        started = timezone.now()
        reminders.remind(timezone.localdate(), days)
        sent = reminders.email_new(started) if reminders.email_configured() else 0
        self.stdout.write(f"Đã nhắc thời hạn; {sent} thư đã gửi.")
