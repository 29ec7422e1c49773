"""Coordinator reports in the Wagtail admin: their viewset and three items in the Reports menu.

The menu items show only to those who may open the screens (coordinators; the export log to
national coordinators); the views check again, so a hidden item is never the only guard.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ops import erasure as ops_erasure
from schools import scoping

from . import erasure
from .viewsets import CoordinatorReportsViewSet


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return scoping.is_coordinator(request.user)


class InsightsMenuItem(MenuItem):
    def is_shown(self, request):
        return scoping.may_see_course_insights(request.user)


class NationalMenuItem(MenuItem):
    def is_shown(self, request):
        return scoping.is_national(request.user)


@hooks.register("register_admin_viewset")
def register_coordinator_reports():
    return CoordinatorReportsViewSet()


@hooks.register("register_reports_menu_item")
def register_course_report_menu_item():
    return CoordinatorMenuItem(
        _("Course completion"),
        reverse("drom_reports:course"),
        icon_name="table",
        order=50,
    )


@hooks.register("register_reports_menu_item")
def register_all_courses_menu_item():
    return CoordinatorMenuItem(
        _("All courses"),
        reverse("drom_reports:all_courses"),
        icon_name="table",
        order=52,
    )


@hooks.register("register_reports_menu_item")
def register_assign_menu_item():
    return CoordinatorMenuItem(
        _("Assign courses"),
        reverse("drom_reports:assign"),
        icon_name="tasks",
        order=55,
    )


@hooks.register("register_reports_menu_item")
def register_assignments_menu_item():
    return CoordinatorMenuItem(
        _("Assignments"),
        reverse("drom_reports:assignments"),
        icon_name="date",
        order=56,
    )


@hooks.register("register_reports_menu_item")
def register_export_log_menu_item():
    return NationalMenuItem(
        _("Report exports"),
        reverse("drom_reports:exports"),
        icon_name="download",
        order=60,
    )


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return NationalMenuItem(
        _("Action log"),
        reverse("drom_reports:audit"),
        icon_name="history",
        order=65,
    )


@hooks.register("register_reports_menu_item")
def register_delivery_problems_menu_item():
    return CoordinatorMenuItem(
        _("E-mail problems"),
        reverse("drom_reports:deliveries"),
        icon_name="warning",
        order=70,
    )


for _rule in (
    erasure.erase_reminder_addresses,
    erasure.erase_subscription,
    erasure.erase_report_preference,
    erasure.keep_export_log,
):
    hooks.register(ops_erasure.HOOK, _rule)


@hooks.register("register_reports_menu_item")
def register_seminar_bookings_menu_item():
    return CoordinatorMenuItem(
        _("Seminar bookings and attendance"),
        reverse("drom_reports:seminars"),
        icon_name="date",
        order=55,
    )


@hooks.register("register_reports_menu_item")
def register_evaluations_menu_item():
    return CoordinatorMenuItem(
        _("Course evaluations"),
        reverse("drom_reports:evaluations"),
        icon_name="pick",
        order=56,
    )


@hooks.register("register_reports_menu_item")
def register_quiz_insights_menu_item():
    return InsightsMenuItem(
        _("Quiz statistics"),
        reverse("drom_reports:quiz_insights"),
        icon_name="list-ol",
        order=57,
    )


@hooks.register("register_reports_menu_item")
def register_course_insights_menu_item():
    return InsightsMenuItem(
        _("Course drop-off"),
        reverse("drom_reports:course_insights"),
        icon_name="order-down",
        order=58,
    )
