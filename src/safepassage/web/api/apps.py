from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "safepassage.web.api"
    label = "api"
