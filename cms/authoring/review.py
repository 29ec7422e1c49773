"""Pages go live through their workflow's last approval, and only administrators go around it.

Nobody but an administrator holds `publish_page` (cms.0004); the last approval publishes
(`finish.publish_approved`). An administrator who publishes, schedules or unpublishes a reviewed
page directly may do so, and `log_review_bypass` writes it into the page's history.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, PageLogEntry

from .finish import publish_approved

__all__ = ["BYPASS_ACTION", "ReviewBypassFormatter", "log_review_bypass", "publish_approved"]

BYPASS_ACTION = "drom.review_bypass"


def is_reviewed(page: Page) -> bool:
    workflow = page.get_workflow()
    return workflow is not None and workflow.active


def log_review_bypass(*, page: Page, user, what: str) -> None:
    """Record that `user` (an administrator) did `what` to a reviewed page outside its workflow."""
    if not is_reviewed(page):
        return
    PageLogEntry.objects.log_action(
        instance=page,
        action=BYPASS_ACTION,
        user=user,
        data={"what": what, "workflow": page.get_workflow().name},
    )


class ReviewBypassFormatter(LogFormatter):
    label = _("Changed without review")

    WHAT = {
        "publish": _("Published by an administrator without the “%(workflow)s” workflow"),
        "schedule": _("Scheduled by an administrator without the “%(workflow)s” workflow"),
        "unpublish": _("Unpublished by an administrator outside the “%(workflow)s” workflow"),
    }

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = self.WHAT.get(data.get("what"), self.label)
        return message % {"workflow": data.get("workflow", "")}
