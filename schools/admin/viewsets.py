"""The admin screens of the network: one scoped base viewset and a viewset per model.

A regional coordinator lists, filters and exports only their regions, and another region's row
is a 404 even by URL (see views.py). Registered in schools/wagtail_hooks.py.
"""

from django.contrib.auth.models import Permission
from django.forms import modelform_factory
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from schools import scoping
from schools.models import District, Municipality, Region, School, User

from . import views
from .filters import DistrictFilterSet, MunicipalityFilterSet, SchoolFilterSet, TeacherFilterSet
from .forms import MunicipalityForm, SchoolForm


class CoordinatorMenuItem(MenuItem):
    """Shown to coordinators only (the screens behind it refuse everyone else too)."""

    def is_shown(self, request):
        return scoping.is_coordinator(request.user)


class ScopedViewSet(ModelViewSet):
    """A ModelViewSet whose every view sees only ``scope(user)``."""

    scope = None
    list_select_related = ()
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    index_view_class = views.ScopedIndexView
    edit_view_class = views.ScopedEditView
    delete_view_class = views.ScopedDeleteView
    inspect_view_class = views.ScopedInspectView
    history_view_class = views.ScopedHistoryView
    usage_view_class = views.ScopedUsageView

    #: a ScopedChoicesForm narrows the choices of related fields to what the user may see
    base_form_class = WagtailAdminModelForm

    def get_form_class(self, for_update=False):
        # Built on Wagtail's admin form (not a plain ModelForm) so that it receives for_user.
        return modelform_factory(
            self.model,
            form=self.base_form_class,
            fields=self.get_form_fields(),
            formfield_callback=self.formfield_for_dbfield,
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            scope=type(self).scope, list_select_related=self.list_select_related, **kwargs
        )

    def _object_kwargs(self, kwargs):
        return {"scope": type(self).scope, **kwargs}

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(**self._object_kwargs(kwargs))

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(**self._object_kwargs(kwargs))

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(**self._object_kwargs(kwargs))

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(**self._object_kwargs(kwargs))

    def get_usage_view_kwargs(self, **kwargs):
        return super().get_usage_view_kwargs(**self._object_kwargs(kwargs))


class RegionViewSet(ScopedViewSet):
    model = Region
    scope = staticmethod(scoping.regions_visible_to)
    icon = "globe"
    menu_order = 100
    list_display = ["name", "name_en", "code"]
    search_fields = ["name", "name_en", "code"]
    list_export = ["code", "name", "name_en"]
    form_fields = ["name", "name_en", "code"]


class DistrictViewSet(ScopedViewSet):
    model = District
    scope = staticmethod(scoping.districts_visible_to)
    list_select_related = ("region",)
    icon = "site"
    menu_order = 200
    list_display = ["name", "name_en", "code", "region"]
    search_fields = ["name", "name_en", "code"]
    filterset_class = DistrictFilterSet
    list_export = ["code", "name", "name_en", "region.code", "region.name"]
    export_headings = {"region.code": _("region code"), "region.name": _("planning region")}
    form_fields = ["name", "name_en", "code", "region"]


class MunicipalityViewSet(ScopedViewSet):
    model = Municipality
    scope = staticmethod(scoping.municipalities_visible_to)
    list_select_related = ("district",)
    icon = "home"
    menu_order = 300
    list_display = ["name", "district"]
    search_fields = ["name"]
    filterset_class = MunicipalityFilterSet
    list_export = ["name", "district.code", "district.name"]
    export_headings = {"district.code": _("district code"), "district.name": _("district")}
    form_fields = ["name", "district"]
    base_form_class = MunicipalityForm


class SchoolViewSet(ScopedViewSet):
    model = School
    scope = staticmethod(scoping.schools_visible_to)
    list_select_related = ("municipality__district",)
    icon = "group"
    menu_order = 400
    list_display = [
        "name",
        "code",
        "settlement",
        Column("municipality", label=capfirst(_("municipality"))),
        Column("district", accessor="municipality.district", label=capfirst(_("district"))),
        "kind",
        BooleanColumn("network_member", label=capfirst(_("partner network"))),
        BooleanColumn("active", label=capfirst(_("active"))),
    ]
    search_fields = ["name", "code", "settlement"]
    filterset_class = SchoolFilterSet
    list_export = [
        "code",
        "name",
        "kind",
        "settlement",
        "address",
        "municipality.name",
        "municipality.district.name",
        "network_member",
        "active",
    ]
    export_headings = {
        "municipality.name": _("municipality"),
        "municipality.district.name": _("district"),
    }
    export_filename = "schools"
    form_fields = [
        "name",
        "code",
        "kind",
        "municipality",
        "settlement",
        "address",
        "network_member",
        "active",
    ]
    base_form_class = SchoolForm


class TeacherViewSet(ScopedViewSet):
    """People attached to schools; read-only, coordinators only (see TeacherPermissionPolicy)."""

    model = User
    name = "teachers"
    url_prefix = "teachers"
    scope = staticmethod(scoping.teachers_visible_to)
    list_select_related = ("school__municipality__district",)
    icon = "user"
    menu_label = _("Teachers")
    menu_order = 500
    index_view_class = views.TeacherIndexView
    inspect_view_class = views.TeacherInspectView
    edit_view_class = views.TeacherRefusedView
    add_view_class = views.TeacherRefusedCreateView
    delete_view_class = views.TeacherRefusedDeleteView
    history_view_class = views.TeacherHistoryView
    usage_view_class = views.TeacherUsageView
    list_display = [
        Column("full_name", accessor="get_full_name", label=capfirst(_("name"))),
        "email",
        "position",
        "school",
        Column("district", accessor="school.municipality.district", label=capfirst(_("district"))),
        BooleanColumn("is_active", label=capfirst(_("active"))),
    ]
    search_fields = ["first_name", "last_name", "email"]
    filterset_class = TeacherFilterSet
    list_export = [
        "email",
        "first_name",
        "father_name",
        "last_name",
        "position",
        "school.code",
        "school.name",
        "school.municipality.district.name",
        "is_active",
        "date_joined",
    ]
    export_headings = {
        "school.code": _("institution code"),
        "school.name": _("school"),
        "school.municipality.district.name": _("district"),
    }
    export_filename = "teachers"
    form_fields = ["first_name", "last_name"]
    inspect_view_fields = [
        "email",
        "first_name",
        "father_name",
        "last_name",
        "position",
        "school",
        "is_active",
        "date_joined",
    ]

    menu_item_class = CoordinatorMenuItem

    # Wagtail's own Users screen stays the admin link for a user and owns the user permissions.
    def register_admin_url_finder(self):
        pass

    def get_permissions_to_register(self):
        return Permission.objects.none()


class NetworkViewSetGroup(ModelViewSetGroup):
    menu_label = _("Schools and people")
    menu_icon = "group"
    menu_order = 250
    items = (
        SchoolViewSet("schools"),
        TeacherViewSet(),
        MunicipalityViewSet("municipalities"),
        DistrictViewSet("districts"),
        RegionViewSet("regions"),
    )
