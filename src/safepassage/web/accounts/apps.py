from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safepassage.web.accounts"
    label = "accounts"
