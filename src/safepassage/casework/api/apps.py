from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "safepassage.casework.api"
    label = "api"
