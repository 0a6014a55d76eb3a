from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ptdv.accounts"
    label = "accounts"
    verbose_name = "Người dùng"
