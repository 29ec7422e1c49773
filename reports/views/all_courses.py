"""The all-courses report: one screen and one XLSX per scope with every course (or those ticked).

Places drill down region → district → municipality → school → teachers like the single-course
report; the XLSX holds a summary sheet per level from the one on screen down to schools, then
the teachers (streamed in chunks, two queries a chunk).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ops import spreadsheets

from .. import exports
from ..filters import GEOGRAPHY, AllCoursesForm, report_courses
from ..models import ExportLog
from ..selectors import all_courses as selectors
from .base import LEVEL_LABELS, CoordinatorViewMixin

LEVELS = ("region", "district", "municipality", "school", "teacher")


def natural_level(filters: selectors.AllCoursesFilters) -> str:
    for name, below in (
        ("school", "teacher"),
        ("municipality", "school"),
        ("district", "municipality"),
        ("region", "district"),
    ):
        if getattr(filters, name) is not None:
            return below
    return "region"


class AllCoursesView(CoordinatorViewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/all_courses.html"
    page_title = gettext_lazy("All courses")
    paginate_by = 50

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    @cached_property
    def form(self) -> AllCoursesForm:
        return AllCoursesForm(self.request.GET or None, viewer=self.request.user)

    @cached_property
    def filters(self) -> selectors.AllCoursesFilters | None:
        form = self.form
        if not form.is_bound:
            return selectors.AllCoursesFilters(courses=tuple(report_courses()))
        if not form.is_valid():
            if form.tampered:
                raise Http404
            return None
        data = form.cleaned_data
        return selectors.AllCoursesFilters(
            courses=tuple(data["courses"]) or tuple(report_courses()),
            **{name: data.get(name) for name in GEOGRAPHY},
            network_member=data.get("network_member"),
            position=data.get("position") or "",
        )

    @cached_property
    def level(self) -> str:
        natural = natural_level(self.filters)
        if self.request.GET.get("level") == "teacher":
            return "teacher"
        return natural

    def params(self, **changes) -> str:
        params = self.request.GET.copy()
        params.pop("export", None)
        params.pop("page", None)
        for key, value in changes.items():
            params.pop(key, None)
            if value is not None:
                params[key] = str(value)
        return "?" + params.urlencode()

    def drill_url(self, row) -> str:
        return reverse("drom_reports:all_courses") + self.params(
            **{row.level: row.pk, "level": None}
        )

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "xlsx" and self.filters is not None:
            return self.export()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"form": self.form, "filters": self.filters})
        if self.filters is None:
            return context
        courses = list(self.filters.courses)
        context.update(
            {
                "courses": courses,
                "level": self.level,
                "level_label": LEVEL_LABELS[self.level],
                "xlsx_url": reverse("drom_reports:all_courses") + self.params(export="xlsx"),
                "teachers_url": reverse("drom_reports:all_courses") + self.params(level="teacher"),
                "trail": self.trail(),
            }
        )
        if self.level == "teacher":
            paginator = Paginator(self.teacher_queryset(), self.paginate_by)
            page = paginator.get_page(self.request.GET.get("page"))
            lines = selectors.teacher_lines(
                teachers=list(page.object_list), course_ids=[c.pk for c in courses]
            )
            context.update({"page_obj": page, "lines": self.teacher_table(lines, courses)})
        else:
            rows, total = selectors.all_courses_summary(
                viewer=self.request.user,
                filters=self.filters,
                level=self.level,
                ordering=self.request.GET.get("ordering", "name"),
            )
            for row in rows:
                row.url = self.drill_url(row)
                row.course_cells = [row.cell(c.pk) for c in courses]
            total.course_cells = [total.cell(c.pk) for c in courses]
            current = self.request.GET.get("ordering", "name")
            sort = {
                key: self.params(ordering=f"-{key}" if current == key else key)
                for key in selectors.ALL_ORDERINGS
            }
            context.update({"rows": rows, "total": total, "sort": sort})
        return context

    def trail(self) -> list[dict]:
        items = [
            {
                "label": _("All my regions"),
                "url": reverse("drom_reports:all_courses")
                + self.params(**dict.fromkeys(GEOGRAPHY), level=None),
            }
        ]
        cleared = list(GEOGRAPHY)
        for name in GEOGRAPHY:
            cleared.remove(name)
            value = getattr(self.filters, name)
            if value is not None:
                items.append(
                    {
                        "label": value.name,
                        "url": reverse("drom_reports:all_courses")
                        + self.params(**dict.fromkeys(cleared), level=None),
                    }
                )
        return items

    def teacher_queryset(self):
        return (
            selectors.teachers_for(viewer=self.request.user, filters=self.filters)
            .select_related("school")
            .order_by("last_name", "first_name", "pk")
        )

    @staticmethod
    def teacher_table(lines, courses) -> list[dict]:
        table = []
        for line in lines:
            table.append(
                {
                    "teacher": line.teacher,
                    "statuses": [
                        {
                            "label": exports.status_label(line.statuses[c.pk]),
                            "overdue": line.overdue.get(c.pk),
                        }
                        for c in courses
                    ],
                    "hours": line.hours,
                    "credits": line.credits,
                    "overdue": len(line.overdue),
                }
            )
        return table

    # --- XLSX ------------------------------------------------------------------------------

    def export(self):
        courses = list(self.filters.courses)
        start = LEVELS.index(natural_level(self.filters))
        levels = [level for level in LEVELS[start:] if level != "teacher"]
        with translation.override("bg"):
            sheets = [self.summary_sheet(level, courses) for level in levels]
            sheets.append(self.teacher_sheet(courses))
            ExportLog.objects.create(
                user=self.request.user,
                format=ExportLog.Format.XLSX,
                course=None,
                level="all-courses",
                filters={k: v for k, v in self.request.GET.items() if k != "export"},
                rows=sum(len(s[2]) for s in sheets[:-1]),
            )
        return spreadsheets.xlsx_response(filename="drom-all-courses", sheets=sheets)

    def summary_sheet(self, level, courses):
        rows, total = selectors.all_courses_summary(
            viewer=self.request.user, filters=self.filters, level=level
        )
        headers = [str(LEVEL_LABELS[level]), _("Code"), _("Teachers")]
        for course in courses:
            headers += [
                f"{course.title}: " + _("Completed"),
                f"{course.title}: " + _("Completion rate (%)"),
                f"{course.title}: " + _("Overdue"),
            ]
        headers += [_("Academic hours in the period"), _("Credits in the period"), _("Overdue")]
        lines = []
        for row in [*rows, total]:
            values = [row.name or _("Total"), row.code, row.teachers]
            for course in courses:
                cell = row.cell(course.pk)
                values += [cell.completed, cell.rate, cell.overdue]
            values += [row.hours, row.credits, row.overdue]
            lines.append(values)
        return (str(LEVEL_LABELS[level]), headers, lines)

    def teacher_sheet(self, courses):
        headers = [_("Teacher"), _("E-mail"), _("School code"), _("School")]
        headers += [course.title for course in courses]
        headers += [_("Academic hours in the period"), _("Credits in the period"), _("Overdue")]
        return (str(LEVEL_LABELS["teacher"]), headers, self.teacher_rows(courses))

    def teacher_rows(self, courses):
        course_ids = [c.pk for c in courses]
        chunk = []
        for teacher in spreadsheets.stream(self.teacher_queryset()):
            chunk.append(teacher)
            if len(chunk) == spreadsheets.CHUNK:
                yield from self._teacher_values(chunk, course_ids)
                chunk = []
        yield from self._teacher_values(chunk, course_ids)

    @staticmethod
    def _teacher_values(chunk, course_ids):
        if not chunk:
            return
        labels = {}  # status → its Bulgarian name, looked up once a chunk, not once a cell
        overdue = f" ({_('overdue')})"
        for line in selectors.teacher_lines(teachers=chunk, course_ids=course_ids):
            teacher = line.teacher
            values = [
                teacher.get_full_name(),
                teacher.email,
                teacher.school.code if teacher.school else "",
                teacher.school.name if teacher.school else "",
            ]
            for course_id in course_ids:
                status = line.statuses[course_id]
                if status not in labels:
                    labels[status] = exports.status_label(status)
                values.append(
                    labels[status] + overdue if course_id in line.overdue else labels[status]
                )
            values += [line.hours, line.credits, len(line.overdue)]
            yield values
