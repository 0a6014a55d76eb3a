from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "ptdv.cases"
    label = "cases"
    verbose_name = "Hồ sơ phát triển đảng viên"

    def ready(self):
        from ptdv.cases import keeping

        keeping.connect()
