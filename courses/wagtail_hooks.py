"""Admin wiring for courses: page deletion guard and the certificate register.

Kept small on purpose: coordinator reports (a later feature) register from courses/reports/.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from ops import erasure as ops_erasure

from . import assignments, erasure
from .admin_views import CertificateViewSet, certificate_admin_urls
from .guards import pages_with_learner_records
from .seminars.admin import SeminarSessionViewSet


@hooks.register("before_delete_page")
def refuse_deleting_pages_with_learner_records(request, page):
    if pages_with_learner_records([page]):
        messages.error(
            request,
            _(
                "“%(title)s” has teachers' enrollments, completions or quiz attempts, which must "
                "be kept. Unpublish it instead of deleting it."
            )
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_pages_with_learner_records(request, action_type, objects, action_class):
    if action_type == "delete" and pages_with_learner_records(objects):
        messages.error(
            request,
            _(
                "Some of these pages have teachers' learner records, which must be kept. "
                "Unpublish them instead of deleting them."
            ),
        )
        return redirect("wagtailadmin_home")
    return None


@hooks.register("register_admin_viewset")
def register_certificate_register():
    return CertificateViewSet("certificates")


@hooks.register("register_admin_urls")
def register_certificate_urls():
    return certificate_admin_urls()


for _rule in (
    erasure.erase_certificates,
    erasure.erase_reflections,
    erasure.keep_learning_records,
    erasure.keep_training_records,
):
    hooks.register(ops_erasure.HOOK, _rule)


@hooks.register("register_admin_viewset")
def register_seminar_sessions():
    return SeminarSessionViewSet("seminar_sessions")


@hooks.register("register_log_actions")
def register_assignment_log_actions(actions):
    actions.register_action(assignments.ASSIGN)(assignments.AssignmentFormatter)
    actions.register_action(assignments.CHANGE)(assignments.AssignmentChangeFormatter)
    actions.register_action(assignments.CANCEL)(assignments.AssignmentCancelFormatter)
