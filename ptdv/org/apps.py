from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "ptdv.org"
    label = "org"
    verbose_name = "Tổ chức đảng"
