"""Who exported what and when: the export log, for national coordinators."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from schools import scoping

from ..models import ExportLog
from .base import CoordinatorViewMixin


class ExportLogView(CoordinatorViewMixin, ReportView):
    """Who exported what and when: national coordinators only."""

    template_name = "reports/export_log.html"
    page_title = _("Report exports")
    header_icon = "download"
    paginate_by = 50
    index_url_name = "drom_reports:exports"
    model = ExportLog
    columns = [
        Column("created_at", label=_("Exported at")),
        Column("user", label=_("Exported by")),
        Column("format", label=_("Format")),
        Column("course", label=_("Course")),
        Column("level", label=_("Level")),
        Column("filters_label", label=_("Filters")),
        Column("rows", label=_("Rows")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not scoping.is_national(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return ExportLog.objects.select_related("user", "course").order_by("-created_at", "-pk")

    def decorate_paginated_queryset(self, object_list):
        for log in object_list:
            log.filters_label = ", ".join(f"{k}={v}" for k, v in log.filters.items())
        return object_list
