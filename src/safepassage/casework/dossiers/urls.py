from django.urls import path

from safepassage.casework.dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("<uuid:case_id>/dossier/", views.download, name="download"),
]
