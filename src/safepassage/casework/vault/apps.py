from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "safepassage.casework.vault"
    label = "vault"
