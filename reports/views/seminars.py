"""Reports → Seminar bookings: who booked which session and what the trainer recorded, for the
teachers in the coordinator's regions (national: all), filtered and exported (CSV/XLSX)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from courses.models import SeminarBooking, SeminarPage
from courses.seminars.selectors import bookings_visible_to

from .base import CoordinatorViewMixin


class BookingFilterSet(WagtailFilterSet):
    seminar = ModelChoiceFilter(
        label=gettext_lazy("Seminar"),
        queryset=SeminarPage.objects.filter(locale__language_code="bg").order_by("path"),
    )
    status = ChoiceFilter(label=gettext_lazy("Status"), choices=SeminarBooking.Status.choices)
    attendance = ChoiceFilter(
        label=gettext_lazy("Attendance"), choices=SeminarBooking.Attendance.choices
    )

    class Meta:
        model = SeminarBooking
        fields = ["seminar", "status", "attendance"]


class StartColumn(Column):
    def get_value(self, instance):
        return f"{timezone.localtime(instance.session.starts_at):%d.%m.%Y %H:%M}"


class SeminarBookingsView(CoordinatorViewMixin, ReportView):
    template_name = "reports/seminar_bookings.html"
    results_template_name = "reports/seminar_bookings_results.html"
    page_title = gettext_lazy("Seminar bookings and attendance")
    header_icon = "date"
    paginate_by = 50
    index_url_name = "drom_reports:seminars"
    index_results_url_name = "drom_reports:seminars_results"
    model = SeminarBooking
    filterset_class = BookingFilterSet
    columns = [
        Column("seminar", label=gettext_lazy("Seminar"), accessor="session.seminar.title"),
        StartColumn("starts", label=gettext_lazy("Session")),
        Column("where", label=gettext_lazy("Place"), accessor="session.where"),
        Column("trainer", label=gettext_lazy("Trainer"), accessor="session.trainer"),
        Column("teacher", label=gettext_lazy("Teacher"), accessor="teacher"),
        Column("school", label=gettext_lazy("School"), accessor="enrollment.school"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("attendance", label=gettext_lazy("Attendance"), accessor="get_attendance_display"),
        Column("attended_hours", label=gettext_lazy("Hours attended")),
    ]
    list_export = [
        "session.seminar.title",
        "session.starts_at",
        "session.where",
        "session.trainer",
        "teacher",
        "teacher.email",
        "enrollment.school.code",
        "enrollment.school",
        "get_status_display",
        "get_attendance_display",
        "attended_hours",
    ]
    export_headings = {
        "session.seminar.title": gettext_lazy("Seminar"),
        "session.starts_at": gettext_lazy("Session"),
        "session.where": gettext_lazy("Place"),
        "session.trainer": gettext_lazy("Trainer"),
        "teacher": gettext_lazy("Teacher"),
        "teacher.email": gettext_lazy("E-mail"),
        "enrollment.school.code": gettext_lazy("Institution code"),
        "enrollment.school": gettext_lazy("School"),
        "get_status_display": gettext_lazy("Status"),
        "get_attendance_display": gettext_lazy("Attendance"),
        "attended_hours": gettext_lazy("Hours attended"),
    }
    export_filename = "seminar-bookings"

    def get_queryset(self):
        return bookings_visible_to(self.request.user)
