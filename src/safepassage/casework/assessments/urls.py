from django.urls import path

from safepassage.casework.assessments import views

app_name = "assessments"
urlpatterns = [
    path("<uuid:case_id>/assess/", views.assess, name="assess"),
    path("<uuid:case_id>/assessments/<uuid:snapshot_id>/", views.snapshot_detail, name="detail"),
    path("<uuid:case_id>/assessments/<uuid:snapshot_id>/<int:rank>/", views.snapshot_country, name="country"),
]
