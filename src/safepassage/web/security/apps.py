from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "safepassage.web.security"
    label = "security"
