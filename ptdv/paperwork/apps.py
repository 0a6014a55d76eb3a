from django.apps import AppConfig


class PaperworkConfig(AppConfig):
    name = "ptdv.paperwork"
    verbose_name = "Biểu mẫu, bản quét"
    default_auto_field = "django.db.models.BigAutoField"
