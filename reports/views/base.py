"""What every report screen shares: the coordinator check, the course filters, their links."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from schools import scoping

from .. import selectors
from ..filters import GEOGRAPHY, ReportFilterForm, report_courses

LEVEL_LABELS = {
    "region": _("Planning regions"),
    "district": _("Districts"),
    "municipality": _("Municipalities"),
    "school": _("Schools"),
    "teacher": _("Teachers"),
}


def require_coordinator(user) -> None:
    if not scoping.is_coordinator(user):
        raise PermissionDenied


class CoordinatorViewMixin:
    """Coordinators only (else 403); the screens are personal data, never cached."""

    header_icon = "table"

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        require_coordinator(request.user)
        return super().dispatch(request, *args, **kwargs)


class CourseFiltersMixin:
    """The report's filter form (the first course by default), the level shown, and links that
    keep the filters: drilling down, the teacher list, the charts, the trail back up."""

    @cached_property
    def no_courses(self) -> bool:
        return not report_courses().exists()

    @cached_property
    def form(self) -> ReportFilterForm:
        data = self.request.GET.copy()
        if not data.get("course"):
            first = report_courses().first()
            if first is not None:
                data["course"] = str(first.pk)
        return ReportFilterForm(data, viewer=self.request.user)

    @cached_property
    def report_filters(self):
        return self.form.to_filters() if self.form.is_valid() else None

    @cached_property
    def level(self) -> str:
        natural = selectors.level_below(self.report_filters)
        asked = self.request.GET.get("level", "")
        # A deeper level may be asked (teachers of a whole region), never a wider one.
        if asked in selectors.LEVELS and (
            selectors.LEVELS.index(asked) > selectors.LEVELS.index(natural)
        ):
            return asked
        return natural

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = self.report_filters is not None
        context.update(
            {
                "view": self,
                "form": self.form,
                "level": self.level if shown else "",
                "level_label": LEVEL_LABELS.get(self.level, "") if shown else "",
            }
        )
        return context

    # --- links ---------------------------------------------------------------------------

    def params(self, **changes) -> str:
        params = self.report_filters.as_params()
        for key in ("level", "ordering"):
            if self.request.GET.get(key):
                params[key] = self.request.GET[key]
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = str(value)
        return "?" + urlencode(params)

    def drill_url(self, row) -> str:
        return reverse("drom_reports:course") + self.params(
            **{row.level: row.pk, "level": None, "ordering": None}
        )

    def teacher_url(self, teacher_id) -> str:
        return reverse("drom_reports:teacher", args=[teacher_id]) + self.params()

    def chart_url(self) -> str:
        return reverse("drom_reports:chart") + self.params(ordering=None)

    def teachers_url(self) -> str:
        return reverse("drom_reports:course") + self.params(level="teacher", ordering=None)

    def report_url(self) -> str:
        return reverse("drom_reports:course") + self.params(level=None, ordering=None)

    def trail(self) -> list[dict]:
        """The drill-down path: the whole scope, then each place chosen, widest first."""
        filters = self.report_filters
        items = [
            {
                "label": _("All my regions"),
                "url": reverse("drom_reports:course")
                + self.params(**dict.fromkeys(GEOGRAPHY), level=None, ordering=None),
            }
        ]
        cleared = list(GEOGRAPHY)
        for name in GEOGRAPHY:
            cleared.remove(name)
            value = getattr(filters, name)
            if value is not None:
                items.append(
                    {
                        "label": value.name,
                        "url": reverse("drom_reports:course")
                        + self.params(**dict.fromkeys(cleared), level=None, ordering=None),
                    }
                )
        return items
