from django.urls import path

from safepassage.casework.cases import record_views, views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_new, name="new"),
    path("<uuid:case_id>/", views.case_detail, name="detail"),
    path("<uuid:case_id>/edit/", views.case_edit, name="edit"),
    path("<uuid:case_id>/erase/", views.case_erase, name="erase"),
    path("<uuid:case_id>/events/", record_views.event_new, name="event_new"),
    path("<uuid:case_id>/notes/", record_views.note_new, name="note_new"),
    path("<uuid:case_id>/attachments/", record_views.attachment_new, name="attachment_new"),
    path("<uuid:case_id>/attachments/<uuid:attachment_id>/", record_views.attachment_download, name="attachment"),
    path("<uuid:case_id>/consent/", record_views.consent_new, name="consent_new"),
    path("<uuid:case_id>/safety-plan/", record_views.safety_plan_save, name="safety_plan"),
    path("<uuid:case_id>/check-in/", record_views.checked_in, name="check_in"),
    path("<uuid:case_id>/summary/", views.case_summary, name="summary"),
    path("<uuid:case_id>/referrals/", record_views.referral_new, name="referral_new"),
    path("<uuid:case_id>/referrals/<uuid:referral_id>/", record_views.referral_status, name="referral_status"),
]
