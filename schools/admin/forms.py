"""Admin forms whose related-field choices are only the places the user may work in."""

from wagtail.admin.forms import WagtailAdminModelForm

from schools import scoping
from schools.codes import normalise_code


class ScopedChoicesForm(WagtailAdminModelForm):
    """Offers only the districts / municipalities the user may work in."""

    #: field name -> user -> queryset of the choices
    scoped_fields = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, scope in self.scoped_fields.items():
            if name in self.fields:
                self.fields[name].queryset = scope(self.for_user)


class MunicipalityForm(ScopedChoicesForm):
    scoped_fields = {"district": scoping.districts_visible_to}


class SchoolForm(ScopedChoicesForm):
    scoped_fields = {"municipality": scoping.municipalities_visible_to}

    def clean_code(self):
        # Stored in the one canonical form the importer and the sign-up use too.
        return normalise_code(self.cleaned_data["code"])
