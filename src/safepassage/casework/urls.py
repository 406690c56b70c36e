from django.urls import include, path

from safepassage.casework.security import views as security_views

urlpatterns = [
    path("", include("safepassage.casework.accounts.urls")),
    path("cases/", include("safepassage.casework.cases.urls")),
    path("cases/", include("safepassage.casework.assessments.urls")),
    path("cases/", include("safepassage.casework.dossiers.urls")),
    path("api/v1/", include("safepassage.casework.api.urls")),
    path("", include("safepassage.casework.monitoring.urls")),
    path("exit/", security_views.quick_exit, name="quick_exit"),
]

handler400 = security_views.bad_request
handler403 = security_views.permission_denied
handler404 = security_views.not_found
handler500 = security_views.server_error
