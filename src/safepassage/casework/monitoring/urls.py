from django.urls import path

from safepassage.casework.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("cases/<uuid:case_id>/watch/", views.watch_save, name="watch"),
    path("cases/<uuid:case_id>/alerts/<uuid:alert_id>/", views.alert_review, name="alert_review"),
    path("monitor/incidents/", views.incident_list, name="incidents"),
    path("monitor/incidents/<int:candidate_id>/", views.incident_review, name="incident_review"),
]
