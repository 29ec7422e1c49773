"""Seminar sessions in the Wagtail admin: national coordinators plan them (date, place or link,
trainer, places, hours). A session somebody booked is never deleted — it is cancelled, which the
teachers' pages show — so the viewset offers no delete."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from schools import scoping
from schools.models import User

from ..models import SeminarSession
from .services import seminar_session_cancel


class SessionPolicy(BasePermissionPolicy):
    """National coordinators view, add and change sessions; nobody deletes one."""

    ACTIONS = ("view", "add", "change")

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and scoping.is_national(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not set(actions) & set(self.ACTIONS):
            return User.objects.none()
        return scoping.national_coordinators()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(SeminarSession, SessionPolicy(SeminarSession), exact_class=True)


class SessionForm(forms.ModelForm):
    meeting_url = forms.URLField(
        label=gettext_lazy("meeting link"), required=False, assume_scheme="https"
    )

    class Meta:
        model = SeminarSession
        fields = [
            "seminar",
            "starts_at",
            "ends_at",
            "region",
            "place",
            "meeting_url",
            "trainer",
            "capacity",
            "academic_hours",
            "cancelled_at",
        ]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        self.fields["trainer"].queryset = scoping.trainers()

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", gettext_lazy("The session must end after it starts."))
        if not cleaned.get("place") and not cleaned.get("meeting_url"):
            self.add_error("place", gettext_lazy("Give the place or the meeting link."))
        return cleaned


class SessionEditView(EditView):
    """Filling in "cancelled at" cancels the session: its teachers are told by e-mail."""

    @transaction.atomic
    def save_instance(self):
        was_cancelled = SeminarSession.objects.filter(
            pk=self.object.pk, cancelled_at__isnull=False
        ).exists()
        instance = super().save_instance()
        if instance.cancelled_at is not None and not was_cancelled:
            seminar_session_cancel(session=instance)
        return instance


class SeminarSessionViewSet(ModelViewSet):
    model = SeminarSession
    icon = "date"
    menu_label = gettext_lazy("Seminar sessions")
    menu_order = 305
    add_to_admin_menu = True
    form_fields = SessionForm.Meta.fields
    list_display = ["seminar", "starts_at", "region", "place", "trainer", "capacity"]
    list_filter = ["region", "trainer"]
    list_export = [
        "seminar",
        "starts_at",
        "ends_at",
        "region",
        "place",
        "meeting_url",
        "trainer",
        "capacity",
        "academic_hours",
        "cancelled_at",
    ]
    export_filename = "seminar-sessions"
    edit_view_class = SessionEditView

    def get_form_class(self, for_update=False):
        return SessionForm
