from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "safepassage.casework.monitoring"
    label = "monitoring"
