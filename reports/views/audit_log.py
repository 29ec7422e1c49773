"""What was done outside page editing — certificates issued and revoked, imports, exports,
reminders (ops.audit) — as Wagtail log entries, for national coordinators."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

from ops import audit
from schools import scoping

from .base import CoordinatorViewMixin


class AuditLogView(CoordinatorViewMixin, ReportView):
    template_name = "reports/audit_log.html"
    page_title = _("Action log")
    header_icon = "history"
    paginate_by = 50
    index_url_name = "drom_reports:audit"
    model = ModelLogEntry
    columns = [
        Column("timestamp", label=_("When")),
        Column("action_label", label=_("Action")),
        Column("object_label", label=_("Object")),
        Column("user_label", label=_("By")),
        Column("details", label=_("Details")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not scoping.is_national(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            # Drom's own actions (ops.audit's and the assignments'), never page edits.
            ModelLogEntry.objects.filter(action__startswith=audit.PREFIX)
            .select_related("user", "content_type")
            .order_by("-timestamp", "-pk")
        )

    def decorate_paginated_queryset(self, object_list):
        for entry in object_list:
            entry.action_label = log_action_registry.get_action_label(entry.action)
            entry.object_label = f"{entry.content_type.name}: {entry.label}"
            entry.user_label = entry.user.get_full_name() if entry.user else _("the system")
            entry.details = ", ".join(f"{key}: {value}" for key, value in entry.data.items())
        return object_list
