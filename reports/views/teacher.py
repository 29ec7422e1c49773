"""A teacher for coordinators: each course's progress, quiz scores, certificate, reminders."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from schools import scoping

from .. import exports, selectors
from .base import CoordinatorViewMixin


class TeacherReportView(CoordinatorViewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/teacher.html"
    header_icon = "user"

    @cached_property
    def teacher(self):
        teacher = selectors.teacher_for_report(
            viewer=self.request.user, teacher_id=self.kwargs["pk"]
        )
        if teacher is None:
            raise Http404
        return teacher

    @cached_property
    def back_url(self) -> str:
        back = reverse("drom_reports:course")
        if self.request.GET.get("course"):
            back += "?" + self.request.GET.urlencode()
        return back

    def get_page_title(self):
        return self.teacher.get_full_name()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.back_url, "label": _("Course completion")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "view": self,
                "teacher": self.teacher,
                "progress": selectors.teacher_progress(teacher=self.teacher),
                "back_url": self.back_url,
                "remind_url": reverse("drom_reports:remind"),
                "position_label": exports.position_label(self.teacher.position),
                # The certificate PDF view lets national coordinators (not regional) download it.
                "can_download_pdf": scoping.is_national(self.request.user),
            }
        )
        return context
