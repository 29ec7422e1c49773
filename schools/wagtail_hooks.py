"""The network in the Wagtail admin: regions, districts, municipalities, schools and teachers.

Every screen goes through schools.scoping (see admin_views.py): a regional coordinator lists,
filters and exports only their regions, and another region's row is a 404 even by URL.
"""

import django_filters
from django.contrib.auth.models import Permission
from django.forms import modelform_factory
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import admin_views, import_views, scoping
from .codes import normalise_code
from .models import District, Municipality, Region, School, User


class ScopedViewSet(ModelViewSet):
    """A ModelViewSet whose every view sees only ``scope(user)``."""

    scope = None
    list_select_related = ()
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    index_view_class = admin_views.ScopedIndexView
    edit_view_class = admin_views.ScopedEditView
    delete_view_class = admin_views.ScopedDeleteView
    inspect_view_class = admin_views.ScopedInspectView
    history_view_class = admin_views.ScopedHistoryView
    usage_view_class = admin_views.ScopedUsageView

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


def _visible(scope):
    """A django-filter queryset callable: the choices offered are only the visible ones."""

    def queryset(request):
        return scope(request.user) if request is not None else scope(None)

    return queryset


class RegionViewSet(ScopedViewSet):
    model = Region
    scope = staticmethod(scoping.regions_visible_to)
    icon = "globe"
    menu_order = 100
    list_display = ["name", "name_en", "code"]
    search_fields = ["name", "name_en", "code"]
    list_export = ["code", "name", "name_en"]
    form_fields = ["name", "name_en", "code"]


class DistrictFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("planning region"), queryset=_visible(scoping.regions_visible_to)
    )

    class Meta:
        model = District
        fields = ["region"]


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


class MunicipalityFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=capfirst(_("planning region")),
        field_name="district__region",
        queryset=_visible(scoping.regions_visible_to),
    )
    district = django_filters.ModelChoiceFilter(
        label=_("district"), queryset=_visible(scoping.districts_visible_to)
    )

    class Meta:
        model = Municipality
        fields = ["region", "district"]


class ScopedChoicesForm(WagtailAdminModelForm):
    """Offers only the districts / municipalities the user may work in."""

    scoped_fields = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, scope in self.scoped_fields.items():
            if name in self.fields:
                self.fields[name].queryset = scope(self.for_user)


class MunicipalityForm(ScopedChoicesForm):
    scoped_fields = {"district": scoping.districts_visible_to}


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


class SchoolFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=capfirst(_("planning region")),
        field_name="municipality__district__region",
        queryset=_visible(scoping.regions_visible_to),
    )
    district = django_filters.ModelChoiceFilter(
        label=capfirst(_("district")),
        field_name="municipality__district",
        queryset=_visible(scoping.districts_visible_to),
    )

    class Meta:
        model = School
        fields = ["region", "district", "kind", "network_member", "active"]


class SchoolForm(ScopedChoicesForm):
    scoped_fields = {"municipality": scoping.municipalities_visible_to}

    def clean_code(self):
        # Stored in the one canonical form the importer and the sign-up use too.
        return normalise_code(self.cleaned_data["code"])


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


class TeacherFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=capfirst(_("planning region")),
        field_name="school__municipality__district__region",
        queryset=_visible(scoping.regions_visible_to),
    )
    district = django_filters.ModelChoiceFilter(
        label=capfirst(_("district")),
        field_name="school__municipality__district",
        queryset=_visible(scoping.districts_visible_to),
    )
    school = django_filters.ModelChoiceFilter(
        label=_("school"), queryset=_visible(scoping.schools_visible_to)
    )

    class Meta:
        model = User
        fields = ["region", "district", "school", "position", "is_active"]


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
    index_view_class = admin_views.TeacherIndexView
    inspect_view_class = admin_views.TeacherInspectView
    edit_view_class = admin_views.TeacherRefusedView
    add_view_class = admin_views.TeacherRefusedCreateView
    delete_view_class = admin_views.TeacherRefusedDeleteView
    history_view_class = admin_views.TeacherHistoryView
    usage_view_class = admin_views.TeacherUsageView
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

    @property
    def menu_item_class(self):
        class TeacherMenuItem(MenuItem):
            def is_shown(self, request):
                return scoping.is_coordinator(request.user)

        return TeacherMenuItem

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


@hooks.register("register_admin_viewset")
def register_network():
    return NetworkViewSetGroup()


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("schools-import/", import_views.import_upload, name="schools_import"),
        path("schools-import/apply/", import_views.import_apply, name="schools_import_apply"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return scoping.is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import schools and teachers"), reverse("schools_import"), icon_name="upload", order=260
    )
