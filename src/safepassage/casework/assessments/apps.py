from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "safepassage.casework.assessments"
    label = "assessments"
