from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "safepassage.web.vault"
    label = "vault"
