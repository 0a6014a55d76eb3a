from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "ptdv.reports"
    label = "reports"
    verbose_name = "Báo cáo"

    def ready(self):
        from ptdv.reports import freshness

        freshness.connect()
