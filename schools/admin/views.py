"""Wagtail admin views for the network, narrowed to what schools.scoping lets the user see.

Wagtail's generic views check *model* permissions ("may this user edit schools at all?"); these
subclasses add the *row* rule: listings, exports and filters only hold visible rows, and opening
any other row by URL is a 404, as if it did not exist.
"""

from django.http import Http404
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.permission_policies.base import BasePermissionPolicy

from ops.spreadsheets import SafeSpreadsheetExportMixin
from schools import scoping
from schools.models import User


class ScopedIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    #: user -> queryset of the rows the user may see (passed by the viewset)
    scope = None
    #: relations the listing shows, fetched in the same query
    list_select_related = ()

    def get_base_queryset(self):
        return self.scope(self.request.user).select_related(*self.list_select_related)


class ScopedObjectMixin:
    scope = None

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.scope(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class TeacherPermissionPolicy(BasePermissionPolicy):
    """Teachers' records are open to coordinators only, and read-only here.

    Django's user permissions cannot be used: "change user" would also open Wagtail's own user
    management, which is not scoped. Accounts are edited by their owners (profile page) and by
    administrators (Wagtail's Users screen).
    """

    def __init__(self):
        super().__init__(User)

    def user_has_permission(self, user, action):
        return action == "view" and scoping.is_coordinator(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and scoping.can_view_teacher(user, instance)

    def users_with_any_permission(self, actions):
        return User.objects.none()

    def users_with_permission(self, action):
        return User.objects.none()


TEACHER_POLICY = TeacherPermissionPolicy()


class TeacherIndexView(ScopedIndexView):
    permission_policy = TEACHER_POLICY


class TeacherInspectView(ScopedInspectView):
    permission_policy = TEACHER_POLICY


class TeacherRefusedView(generic.EditView):
    """Editing, adding and deleting people here is refused for everyone (see the policy)."""

    permission_policy = TEACHER_POLICY


class TeacherRefusedCreateView(generic.CreateView):
    permission_policy = TEACHER_POLICY


class TeacherRefusedDeleteView(generic.DeleteView):
    permission_policy = TEACHER_POLICY


class TeacherHistoryView(ScopedHistoryView):
    permission_policy = TEACHER_POLICY


class TeacherUsageView(ScopedUsageView):
    permission_policy = TEACHER_POLICY
