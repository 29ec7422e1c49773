"""Entries in Wagtail's audit log (ModelLogEntry) for what coordinators and the system do outside
page editing: certificates issued and revoked, imports, report exports and reminders.

The actions are registered with Bulgarian labels (ops.wagtail_hooks → register_log_actions), so
they read well in the object's history and in the "Журнал на действията" report that national
coordinators see (reports.views.audit). Entries never copy a person's name into `data`: the
label is the object's own text (a certificate's number), and erasure relabels entries about an
account (schools.erasure).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

# Every action Drom logs starts so (the action log lists them all).
PREFIX = "drom."
CERTIFICATE_ISSUE = "drom.certificate.issue"
CERTIFICATE_REVOKE = "drom.certificate.revoke"
IMPORT_SCHOOLS = "drom.import.schools"
IMPORT_TEACHERS = "drom.import.teachers"
REPORT_EXPORT = "drom.report.export"
REMINDER_QUEUE = "drom.reminder.queue"
FEEDBACK_APPROVE = "drom.feedback.approve"
FEEDBACK_REJECT = "drom.feedback.reject"

ACTIONS = {
    CERTIFICATE_ISSUE: (_("Certificate issued"), _("Certificate issued")),
    CERTIFICATE_REVOKE: (_("Certificate revoked"), _("Certificate revoked")),
    IMPORT_SCHOOLS: (_("Schools imported"), _("Schools imported from a file")),
    IMPORT_TEACHERS: (_("Teachers imported"), _("Teachers imported from a file")),
    REPORT_EXPORT: (_("Report exported"), _("Report exported")),
    REMINDER_QUEUE: (_("Reminder sent"), _("Reminder queued for sending")),
    FEEDBACK_APPROVE: (_("Feedback approved"), _("“I taught this” feedback approved")),
    FEEDBACK_REJECT: (_("Feedback rejected"), _("“I taught this” feedback rejected")),
}


def register(actions) -> None:
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def record(*, instance, action: str, user=None, data: dict | None = None):
    """One audit entry about `instance` (in the same transaction as the change it records)."""
    return log(instance=instance, action=action, user=user, data=data or {})
