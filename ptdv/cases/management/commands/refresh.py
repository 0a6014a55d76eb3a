from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ptdv.cases import derived
from ptdv.people import summaries as kept_counts


class Command(BaseCommand):
    help = (
        "Cập nhật hằng ngày (chạy lại nhiều lần vẫn như một): xét lại các hồ sơ đang mở theo ngày "
        "mới (giấy chứng nhận sắp hết hạn, thời hạn đã qua) từ trạng thái lưu sẵn; --rebuild tính "
        "lại mọi hồ sơ từ các sự kiện; --summaries dựng lại số liệu đảng viên lưu sẵn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="ngày xét, YYYY-MM-DD (mặc định hôm nay)")
        parser.add_argument(
            "--rebuild", action="store_true", help="tính lại mọi hồ sơ từ các sự kiện (chậm hơn)"
        )
        parser.add_argument(
            "--summaries",
            action="store_true",
            help="dựng lại số liệu đảng viên lưu sẵn (ptdv.people.summaries)",
        )

    def handle(self, date=None, rebuild=False, summaries=False, **options):
        on = _day(date)
        if rebuild:
            self.stdout.write(f"Đã tính lại {derived.rebuild(on)} hồ sơ.")
        else:
            changed = derived.refresh_open(on)
            self.stdout.write(
                f"Đã xét lại ngày {on:%d/%m/%Y}: {changed['findings']} hồ sơ đổi kết quả kiểm tra, "
                f"{changed['deadlines']} hồ sơ đổi thời hạn, {changed['derived']} hồ sơ tính mới."
            )
        if summaries:
            kept_counts.rebuild()
            self.stdout.write("Đã dựng lại số liệu đảng viên lưu sẵn.")


def _day(value: str | None) -> date:
    if not value:
        return timezone.localdate()
    try:
        return date.fromisoformat(value)
    except ValueError as bad:
        raise CommandError("Ngày phải theo dạng YYYY-MM-DD.") from bad
