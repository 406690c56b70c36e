from django.urls import path

from safepassage.casework.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.login, name="login"),
    path("enrol/", views.enrol, name="enrol"),
    path("logout/", views.logout, name="logout"),
    path("language/", views.set_language, name="language"),
    path("me/", views.me, name="me"),
    path("accounts/", views.account_list, name="list"),
    path("accounts/<int:user_id>/reset/", views.account_reset, name="reset"),
]
