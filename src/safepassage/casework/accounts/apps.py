from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safepassage.casework.accounts"
    label = "accounts"
