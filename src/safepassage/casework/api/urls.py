from django.urls import path

from safepassage.casework.api import views

app_name = "api"
urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("cases", views.cases, name="cases"),
    path("cases/search", views.search, name="search"),
    path("cases/<uuid:case_id>", views.case, name="case"),
    path("cases/<uuid:case_id>/events", views.events, name="events"),
    path("cases/<uuid:case_id>/assessments", views.assessments, name="assessments"),
    path("cases/<uuid:case_id>/assessments/<uuid:snapshot_id>", views.assessment, name="assessment"),
]
