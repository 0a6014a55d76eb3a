"""`ptdv rebuild_summaries`: recompute the kept lineage and member summaries from the events."""

from django.core.management.base import BaseCommand

from ptdv.people import summaries


class Command(BaseCommand):
    help = "Tính lại bảng tổng hợp số đảng viên và kết nạp từ các sự kiện."

    def handle(self, **options):
        summaries.rebuild()
        self.stdout.write(self.style.SUCCESS("Đã tính lại bảng tổng hợp."))
