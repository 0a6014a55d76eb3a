"""`ptdv benchmark`: timings and query counts of the daily pages, on the demo data.

Speed is measured here, not asserted in tests (tests hold query budgets). Run after
`ptdv demo`; prints one line a page: median of N runs, queries, size.
"""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ptdv.accounts.models import User
from ptdv.cases.models import Case


class Command(BaseCommand):
    help = "Đo thời gian các trang chính trên dữ liệu mẫu (chạy sau `ptdv demo`)."

    def add_arguments(self, parser):
        parser.add_argument("--user", default="tochuc.thainguyen")
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, user, runs, **options):
        try:
            who = User.objects.get(username=user)
        except User.DoesNotExist as missing:
            raise CommandError(f"Không có người dùng {user}; hãy chạy `ptdv demo` trước.") from missing
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(who)
        case = Case.objects.visible_to(who).filter(stage="SUBMITTED").first()
        urls = [
            "/don-vi/",
            f"/don-vi/{who.unit_id}/",
            "/dang-vien/",
            "/dang-vien/?q=hoang van",
            "/ho-so/",
            "/viec-can-lam/",
            "/api/members/",
            "/api/deadlines/",
        ]
        if case:
            urls.append(f"/ho-so/{case.pk}/")
        self.stdout.write(f"{'trang':<28}{'ms (trung vị)':>14}{'truy vấn':>10}{'KB':>8}")
        for url in urls:
            timings = []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{url} trả về {response.status_code}")
            size = len(response.content) // 1024
            self.stdout.write(f"{url:<28}{statistics.median(timings):>14.0f}{len(queries):>10}{size:>8}")
