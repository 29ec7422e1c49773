"""The review step that only Ministry-approved programmes go through.

A course that claims a programme approved by the Ministry of Education (a name and a UIN) promises
teachers qualification credits, so the national coordinator approves every change to it and to its
lessons and quizzes. Other courses skip this step: the task marks itself skipped and Wagtail moves
the workflow on (`WorkflowState.update` follows a task that did not stay in progress).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState, WorkflowState

from .pages import CoursePage


def _claims_programme(page: Page) -> bool:
    course = page.get_ancestors(inclusive=True).type(CoursePage).last()
    if course is None:
        return False
    course = course.specific
    # The draft under review may add (or remove) the claim: either way the step applies.
    versions = [course]
    revision = course.get_latest_revision()
    if revision is not None:
        versions.append(revision.as_object())
    return any(version.is_approved_programme for version in versions)


class MinistryProgrammeApprovalTask(AbstractGroupApprovalTask):
    """Group approval that applies only to courses claiming a Ministry-approved programme."""

    def start(self, workflow_state: WorkflowState, user=None) -> TaskState:
        page = workflow_state.content_object
        if isinstance(page, Page) and _claims_programme(page):
            return super().start(workflow_state, user=user)
        return TaskState.objects.create(
            workflow_state=workflow_state,
            revision=page.get_latest_revision(),
            task=self,
            status=TaskState.STATUS_SKIPPED,
            finished_at=timezone.now(),
        )

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve courses that claim a Ministry-approved "
            "programme, with their lessons and quizzes; other courses skip this step."
        )

    class Meta:
        verbose_name = _("Ministry programme approval")
        verbose_name_plural = _("Ministry programme approvals")
