from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "ptdv.web"
    label = "web"
    verbose_name = "Giao diện"
