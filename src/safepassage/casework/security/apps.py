from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "safepassage.casework.security"
    label = "security"
