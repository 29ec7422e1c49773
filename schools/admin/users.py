"""Wagtail's Users screen with Drom's own user fields: father's name, position, school, regions.

Only administrators reach this screen (nobody else holds the user permissions); it is where a
regional coordinator is given the regions they cover.
"""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

EXTRA_FIELDS = {"father_name", "position", "school", "regions"}


class DromUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | EXTRA_FIELDS
        widgets = {**UserCreationForm.Meta.widgets, "regions": forms.CheckboxSelectMultiple}


class DromUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | EXTRA_FIELDS
        widgets = {**UserEditForm.Meta.widgets, "regions": forms.CheckboxSelectMultiple}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return DromUserEditForm if for_update else DromUserCreationForm
