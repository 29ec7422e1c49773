"""Erasure rules for the coordinators' records (see ops.erasure)."""

from ops.erasure import Identity, rule

from .models import ReminderLog, ReportPreference, ReportSubscription


@rule(
    "reports.ReminderLog",
    how="The address reminders went to is removed; the reminder still counts for the 7-day "
    "rule and the coordinator's statistics.",
)
def erase_reminder_addresses(*, user, identity: Identity) -> None:
    ReminderLog.objects.filter(teacher=user).update(email=identity.erased_email)


@rule(
    "reports.ReportSubscription",
    how="The person's subscription to the weekly report is deleted.",
)
def erase_subscription(*, user, identity: Identity) -> None:
    ReportSubscription.objects.filter(user=user).delete()


@rule(
    "reports.ReportPreference",
    how="The person's chosen report columns are deleted.",
)
def erase_report_preference(*, user, identity: Identity) -> None:
    ReportPreference.objects.filter(user=user).delete()


@rule(
    "reports.ExportLog",
    how="Kept: who exported which report when (an audit record) points at the anonymised account.",
)
def keep_export_log(*, user, identity: Identity) -> None:
    """Nothing to erase: the row holds filters and counts, no name or address."""
