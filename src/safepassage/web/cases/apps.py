from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "safepassage.web.cases"
    label = "cases"
