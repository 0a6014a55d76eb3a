from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "ptdv.exchange"
    verbose_name = "Nhập, xuất Excel"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ptdv.exchange import attribution  # noqa: F401  (connects the history receiver)
