from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "safepassage.web.assessments"
    label = "assessments"
