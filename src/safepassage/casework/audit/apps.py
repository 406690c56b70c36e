from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "safepassage.casework.audit"
    label = "audit"
