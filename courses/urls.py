from django.urls import path

from . import credential_views, views
from .seminars import views as seminar_views

app_name = "courses"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("passport.csv", views.passport_csv, name="passport_csv"),
    path("passport.pdf", views.passport_pdf, name="passport_pdf"),
    path("enroll/<int:course_id>/", views.enroll, name="enroll"),
    path("lessons/<int:lesson_id>/complete/", views.lesson_complete, name="lesson_complete"),
    path("quizzes/<int:quiz_id>/start/", views.quiz_start, name="quiz_start"),
    path("attempts/<int:attempt_id>/submit/", views.quiz_submit, name="quiz_submit"),
    path("attempts/<int:attempt_id>/save/", views.quiz_save, name="quiz_save"),
    path("attempts/<int:attempt_id>/", views.attempt_result, name="attempt"),
    path("certificates/<str:number>.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("certificates/<str:number>.json", credential_views.download, name="credential"),
    path("credentials/keys/", credential_views.keys, name="credential_keys"),
    path("credentials/status/<str:code>/", credential_views.status, name="credential_status"),
    path("credentials/verify/", credential_views.verify, name="credential_verify"),
    path("evaluations/<int:page_id>/", views.evaluation_submit, name="evaluation_submit"),
    path("seminars/sessions/<int:session_id>/book/", seminar_views.book, name="seminar_book"),
    path("seminars/bookings/<int:booking_id>/cancel/", seminar_views.cancel, name="booking_cancel"),
    path("seminars/bookings/<int:booking_id>.ics", seminar_views.booking_ics, name="booking_ics"),
    path("seminars/trainer/", seminar_views.trainer_sessions, name="trainer_sessions"),
    path(
        "seminars/trainer/sessions/<int:session_id>/",
        seminar_views.session_attendance,
        name="session_attendance",
    ),
]
