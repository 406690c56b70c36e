from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "safepassage.casework.cases"
    label = "cases"
