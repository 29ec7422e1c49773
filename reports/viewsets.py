"""The coordinator reports as one Wagtail viewset: /admin/coordinator-reports/…, URL names
drom_reports:…; its two menu items live in Wagtail's Reports menu (reports.wagtail_hooks)."""

from django.urls import path
from wagtail.admin.viewsets.base import ViewSet

from .views.actions import remind, subscription
from .views.all_courses import AllCoursesView
from .views.assign import AssignView
from .views.assignments import AssignmentListView, assignment_cancel_view
from .views.audit_log import AuditLogView
from .views.course import ChartView, CourseReportView
from .views.deliveries import DeliveryProblemsView, delivery_retry
from .views.evaluations import EvaluationsView, evaluations_export
from .views.export_log import ExportLogView
from .views.insights import CourseInsightsView, QuizInsightsView
from .views.seminars import SeminarBookingsView
from .views.teacher import TeacherReportView


class CoordinatorReportsViewSet(ViewSet):
    name = "drom_reports"
    url_prefix = "coordinator-reports"
    icon = "table"

    def get_urlpatterns(self):
        return [
            path("", CourseReportView.as_view(), name="course"),
            path("charts/", ChartView.as_view(), name="chart"),
            path("all-courses/", AllCoursesView.as_view(), name="all_courses"),
            path("teachers/<int:pk>/", TeacherReportView.as_view(), name="teacher"),
            path("remind/", remind, name="remind"),
            path("assign/", AssignView.as_view(), name="assign"),
            path("assignments/", AssignmentListView.as_view(), name="assignments"),
            path(
                "assignments/<int:pk>/cancel/",
                assignment_cancel_view,
                name="assignment_cancel",
            ),
            path("subscription/", subscription, name="subscription"),
            path("exports/", ExportLogView.as_view(), name="exports"),
            path("log/", AuditLogView.as_view(), name="audit"),
            path("e-mail/", DeliveryProblemsView.as_view(), name="deliveries"),
            path("e-mail/<int:pk>/retry/", delivery_retry, name="delivery_retry"),
            path("seminars/", SeminarBookingsView.as_view(), name="seminars"),
            path("evaluations/", EvaluationsView.as_view(), name="evaluations"),
            path(
                "evaluations/<int:course_id>.csv",
                evaluations_export,
                name="evaluations_export",
            ),
            path("quiz-statistics/", QuizInsightsView.as_view(), name="quiz_insights"),
            path("course-drop-off/", CourseInsightsView.as_view(), name="course_insights"),
            path(
                "seminars/results/",
                SeminarBookingsView.as_view(results_only=True),
                name="seminars_results",
            ),
        ]
