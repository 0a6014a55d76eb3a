from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ptdv.accounts"
    label = "accounts"
    verbose_name = "Người dùng"

    def ready(self):
        from ptdv.accounts import sessions  # noqa: F401 - connects the login-time receiver
