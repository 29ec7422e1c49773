"""The report's filters: a form whose every choice is limited to what the viewer may see.

A tampered value (another region's school, a course id that does not exist) is not a valid
choice, so the form is invalid and the view shows no data; the selectors scope again anyway.
"""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from courses.models import CoursePage, Enrollment
from schools import scoping
from schools.models import District, Municipality, Region, School, User

NOT_STARTED = "not_started"
UNFINISHED = "unfinished"

STATUS_CHOICES = [
    ("", _("any status")),
    (NOT_STARTED, _("not enrolled")),
    (Enrollment.Status.ENROLLED, _("enrolled, no progress yet")),
    (Enrollment.Status.IN_PROGRESS, _("in progress")),
    (Enrollment.Status.COMPLETED, _("completed")),
    (UNFINISHED, _("not finished (any of the above but completed)")),
]

ASSIGNED = "assigned"
OVERDUE = "overdue"
DUE_SOON = "due7"
#: how far ahead "due soon" looks
DUE_SOON_DAYS = 7

ASSIGNMENT_CHOICES = [
    ("", _("assigned or not")),
    (ASSIGNED, _("assigned")),
    (OVERDUE, _("overdue (past the due date, not completed)")),
    (DUE_SOON, _("due in the next 7 days, not completed")),
]

#: the geography filters, widest first; drilling down fills them in order
GEOGRAPHY = ("region", "district", "municipality", "school")


@dataclass(frozen=True)
class ReportFilters:
    """What the report shows. Ids outside the viewer's scope simply match nothing."""

    course: CoursePage
    region: Region | None = None
    district: District | None = None
    municipality: Municipality | None = None
    school: School | None = None
    network_member: bool | None = None
    position: str = ""
    status: str = ""
    assignment: str = ""
    enrolled_from: date | None = None
    enrolled_to: date | None = None
    completed_from: date | None = None
    completed_to: date | None = None
    q: str = ""

    @property
    def has_dates(self) -> bool:
        return any((self.enrolled_from, self.enrolled_to, self.completed_from, self.completed_to))

    def as_params(self) -> dict[str, str]:
        """The filters as GET parameters (for links and for the export log)."""
        params = {"course": str(self.course.pk)}
        for name in GEOGRAPHY:
            value = getattr(self, name)
            if value is not None:
                params[name] = str(value.pk)
        if self.network_member is not None:
            params["network_member"] = "1" if self.network_member else "0"
        for name in ("position", "status", "assignment", "q"):
            if getattr(self, name):
                params[name] = getattr(self, name)
        for name in ("enrolled_from", "enrolled_to", "completed_from", "completed_to"):
            if getattr(self, name):
                params[name] = getattr(self, name).isoformat()
        return params


def report_courses():
    """The courses a report can be about: the default-language pages that records point at."""
    return (
        CoursePage.objects.filter(locale=Locale.get_default())
        .order_by("path")
        .only("id", "title", "path", "live", "enrollment_open", "url_path", "locale_id")
    )


#: typed as Bulgarians write dates; ISO is accepted too (links and the export log carry it)
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]


class DateInput(forms.DateInput):
    """A text box showing "30.11.2026": a browser's date picker follows the browser's language
    (mm/dd/yyyy in many), not the page's."""

    def __init__(self):
        super().__init__(
            format="%d.%m.%Y",
            attrs={"placeholder": "дд.мм.гггг", "inputmode": "numeric", "autocomplete": "off"},
        )


class BulgarianDateField(forms.DateField):
    input_formats = DATE_INPUT_FORMATS
    widget = DateInput

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", DateInput())
        super().__init__(**kwargs)


class ReportFilterForm(forms.Form):
    course = forms.ModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    region = forms.ModelChoiceField(
        label=_("Planning region"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("all"),
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("all"),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("all"),
    )
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.none(), required=False
    )
    network_member = forms.TypedChoiceField(
        label=_("Partner network"),
        choices=[("", _("all schools")), ("1", _("members")), ("0", _("not members"))],
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
    )
    position = forms.ChoiceField(
        label=_("Position"),
        choices=[("", _("any position")), *User.Position.choices],
        required=False,
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    assignment = forms.ChoiceField(
        label=_("Assignment"), choices=ASSIGNMENT_CHOICES, required=False
    )
    enrolled_from = BulgarianDateField(label=_("Enrolled from"), required=False)
    enrolled_to = BulgarianDateField(label=_("Enrolled until"), required=False)
    completed_from = BulgarianDateField(label=_("Completed from"), required=False)
    completed_to = BulgarianDateField(label=_("Completed until"), required=False)
    q = forms.CharField(label=_("Teacher's name or e-mail"), required=False, max_length=100)

    #: errors in these fields mean a tampered or stale URL: the view answers 404
    SCOPED_FIELDS = ("course", *GEOGRAPHY)

    def __init__(self, data=None, *, viewer):
        super().__init__(data)
        self.viewer = viewer
        self.fields["course"].queryset = report_courses()
        self.fields["region"].queryset = scoping.regions_visible_to(viewer)
        self.fields["district"].queryset = scoping.districts_visible_to(viewer)
        self.fields["municipality"].queryset = scoping.municipalities_visible_to(viewer)
        # A school list of the whole country is too long for a <select>: schools are reached by
        # drilling down, and the field only validates an id against the viewer's scope.
        self.fields["school"].queryset = scoping.schools_visible_to(viewer)
        self.fields["school"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        for start, end in (("enrolled_from", "enrolled_to"), ("completed_from", "completed_to")):
            if cleaned.get(start) and cleaned.get(end) and cleaned[start] > cleaned[end]:
                self.add_error(end, _("The end date is before the start date."))
        return cleaned

    @property
    def tampered(self) -> bool:
        return any(name in self.errors for name in self.SCOPED_FIELDS if self.data.get(name))

    def to_filters(self) -> ReportFilters:
        data = self.cleaned_data
        return ReportFilters(
            course=data["course"],
            region=data.get("region"),
            district=data.get("district"),
            municipality=data.get("municipality"),
            school=data.get("school"),
            network_member=data.get("network_member"),
            position=data.get("position") or "",
            status=data.get("status") or "",
            assignment=data.get("assignment") or "",
            enrolled_from=data.get("enrolled_from"),
            enrolled_to=data.get("enrolled_to"),
            completed_from=data.get("completed_from"),
            completed_to=data.get("completed_to"),
            q=(data.get("q") or "").strip(),
        )


class AllCoursesForm(forms.Form):
    """The all-courses report's filters: which courses (all by default) and where."""

    courses = forms.ModelMultipleChoiceField(
        label=_("Courses"),
        queryset=CoursePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every course."),
    )
    region = ReportFilterForm.base_fields["region"]
    district = ReportFilterForm.base_fields["district"]
    municipality = ReportFilterForm.base_fields["municipality"]
    school = ReportFilterForm.base_fields["school"]
    network_member = ReportFilterForm.base_fields["network_member"]
    position = ReportFilterForm.base_fields["position"]

    SCOPED_FIELDS = ("courses", *GEOGRAPHY)

    def __init__(self, data=None, *, viewer):
        super().__init__(data)
        self.fields["courses"].queryset = report_courses()
        self.fields["region"].queryset = scoping.regions_visible_to(viewer)
        self.fields["district"].queryset = scoping.districts_visible_to(viewer)
        self.fields["municipality"].queryset = scoping.municipalities_visible_to(viewer)
        self.fields["school"].queryset = scoping.schools_visible_to(viewer)
        self.fields["school"].widget = forms.HiddenInput()

    @property
    def tampered(self) -> bool:
        return any(name in self.errors for name in self.SCOPED_FIELDS if self.data.get(name))
