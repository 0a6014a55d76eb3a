from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "ptdv.notices"
    label = "notices"
    verbose_name = "Thông báo"
