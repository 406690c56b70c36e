from django.urls import path

from safepassage.casework.accounts import admin_views, views

app_name = "accounts"
urlpatterns = [
    path("", views.login, name="login"),
    path("enrol/", views.enrol, name="enrol"),
    path("logout/", views.logout, name="logout"),
    path("language/", views.set_language, name="language"),
    path("me/", views.me, name="me"),
    path("accounts/", admin_views.account_list, name="list"),
    path("accounts/<int:user_id>/reset/", admin_views.account_reset, name="reset"),
    path("accounts/<int:user_id>/unlock/", admin_views.account_unlock, name="unlock"),
    path("accounts/<int:user_id>/access/", admin_views.account_access, name="access"),
]
