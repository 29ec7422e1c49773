"""The coordinator's assignment form: which courses, to whom (by place, position or a list of
e-mails), by when. Every choice is limited to the coordinator's scope; an e-mail outside it is
an error that names it, and nothing is assigned."""

from __future__ import annotations

import re

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from schools import scoping
from schools.models import User

from .filters import BulgarianDateField, report_courses
from .selectors import scoped_teachers

MAX_EMAILS = 2000


class AssignmentForm(forms.Form):
    courses = forms.ModelMultipleChoiceField(
        label=_("Courses"),
        queryset=CoursePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    region = forms.ModelChoiceField(
        label=_("Planning region"), queryset=None, required=False, empty_label=_("—")
    )
    district = forms.ModelChoiceField(
        label=_("District"), queryset=None, required=False, empty_label=_("—")
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=None, required=False, empty_label=_("—")
    )
    schools = forms.ModelMultipleChoiceField(
        label=_("Schools"),
        queryset=None,
        required=False,
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    position = forms.ChoiceField(
        label=_("Position"),
        choices=[("", _("any position")), *User.Position.choices],
        required=False,
    )
    emails = forms.CharField(
        label=_("Or these teachers (e-mail addresses)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, or separated by commas or spaces."),
    )
    due_on = BulgarianDateField(
        label=_("Due date"), help_text=_("For example 15.03.2027."), required=True
    )
    message = forms.CharField(
        label=_("Message to the teachers (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, data=None, *, viewer, initial=None):
        super().__init__(data, initial=initial)
        self.viewer = viewer
        self.fields["courses"].queryset = report_courses().filter(live=True, enrollment_open=True)
        self.fields["region"].queryset = scoping.regions_visible_to(viewer)
        self.fields["district"].queryset = scoping.districts_visible_to(viewer).order_by("name")
        self.fields["municipality"].queryset = scoping.municipalities_visible_to(viewer).order_by(
            "name"
        )
        self.fields["schools"].queryset = scoping.schools_visible_to(viewer).order_by("name")

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError(_("The due date is in the past."))
        return due_on

    def clean_emails(self):
        emails = [e.lower() for e in re.split(r"[\s,;]+", self.cleaned_data["emails"]) if e]
        if len(emails) > MAX_EMAILS:
            raise forms.ValidationError(_("At most 2,000 e-mail addresses at once."))
        if emails:
            found = set(
                scoped_teachers(viewer=self.viewer)
                .filter(email__in=emails)
                .values_list("email", flat=True)
            )
            missing = [e for e in emails if e not in {f.lower() for f in found}]
            if missing:
                raise forms.ValidationError(
                    _("Not teachers in your regions: %(emails)s")
                    % {"emails": ", ".join(missing[:20])}
                )
        return emails

    def clean(self):
        cleaned = super().clean()
        places = ("region", "district", "municipality", "schools", "emails")
        if not self.errors and not any(cleaned.get(name) for name in places):
            raise forms.ValidationError(
                _("Choose a region, district, municipality, schools or a list of teachers.")
            )
        return cleaned

    def teachers(self) -> QuerySet[User]:
        """The teachers chosen: every place condition given, within the coordinator's scope."""
        data = self.cleaned_data
        qs = scoped_teachers(viewer=self.viewer)
        if data.get("region"):
            qs = qs.filter(school__municipality__district__region=data["region"])
        if data.get("district"):
            qs = qs.filter(school__municipality__district=data["district"])
        if data.get("municipality"):
            qs = qs.filter(school__municipality=data["municipality"])
        if data.get("schools"):
            qs = qs.filter(school__in=data["schools"])
        if data.get("position"):
            qs = qs.filter(position=data["position"])
        if data.get("emails"):
            qs = qs.filter(Q(email__in=data["emails"]))
        return qs.filter(pk__in=scoping.teachers().values("pk"))
