"""The admin listings' filters. Every choice offered is one schools.scoping lets the user see.

The place filters (planning region, district) are written once in ``place_filters`` and lead
every listing's filters: only the lookup from the listed model to its district differs.
"""

import django_filters
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from schools import scoping
from schools.models import District, Municipality, School, User


def visible(scope):
    """A django-filter queryset callable: the choices offered are only the visible ones."""

    def queryset(request):
        return scope(request.user) if request is not None else scope(None)

    return queryset


def place_filters(district_path: str = "") -> type[django_filters.FilterSet]:
    """Filters by planning region and (below the district level) district.

    ``district_path`` is the lookup from the listed model to its district ("" for districts).
    """
    region_path = f"{district_path}__region" if district_path else "region"
    filters = {
        "region": django_filters.ModelChoiceFilter(
            label=capfirst(_("planning region")),
            field_name=region_path,
            queryset=visible(scoping.regions_visible_to),
        )
    }
    if district_path:
        filters["district"] = django_filters.ModelChoiceFilter(
            label=capfirst(_("district")),
            field_name=district_path,
            queryset=visible(scoping.districts_visible_to),
        )
    return type("PlaceFilters", (django_filters.FilterSet,), filters)


class DistrictFilterSet(place_filters(), WagtailFilterSet):
    class Meta:
        model = District
        fields = ["region"]


class MunicipalityFilterSet(place_filters("district"), WagtailFilterSet):
    class Meta:
        model = Municipality
        fields = ["region", "district"]


class SchoolFilterSet(place_filters("municipality__district"), WagtailFilterSet):
    class Meta:
        model = School
        fields = ["region", "district", "kind", "network_member", "active"]


class TeacherFilterSet(place_filters("school__municipality__district"), WagtailFilterSet):
    school = django_filters.ModelChoiceFilter(
        label=capfirst(_("school")), queryset=visible(scoping.schools_visible_to)
    )

    class Meta:
        model = User
        fields = ["region", "district", "school", "position", "is_active"]
