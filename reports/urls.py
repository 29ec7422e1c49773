"""Admin URLs of the coordinator reports (mounted under /admin/ by reports.wagtail_hooks)."""

from django.urls import path

from . import deliveries, views

app_name = "drom_reports"

urlpatterns = [
    path("", views.CourseReportView.as_view(), name="course"),
    path("charts/", views.ChartView.as_view(), name="chart"),
    path("teachers/<int:pk>/", views.TeacherReportView.as_view(), name="teacher"),
    path("remind/", views.remind, name="remind"),
    path("subscription/", views.subscription, name="subscription"),
    path("exports/", views.ExportLogView.as_view(), name="exports"),
    path("e-mail/", deliveries.DeliveryProblemsView.as_view(), name="deliveries"),
    path("e-mail/<int:pk>/retry/", deliveries.delivery_retry, name="delivery_retry"),
]
