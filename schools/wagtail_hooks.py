"""The schools app in the Wagtail admin: the network's screens and the import.

The screens themselves live in schools/admin/ and schools/importing/views.py.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ops import erasure as ops_erasure

from . import erasure
from .admin.viewsets import CoordinatorMenuItem, NetworkViewSetGroup
from .importing import views as import_views


@hooks.register("register_admin_viewset")
def register_network():
    return NetworkViewSetGroup()


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("schools-import/", import_views.import_upload, name="schools_import"),
        path("schools-import/apply/", import_views.import_apply, name="schools_import_apply"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return CoordinatorMenuItem(
        _("Import schools and teachers"), reverse("schools_import"), icon_name="upload", order=260
    )


for _rule in (
    erasure.erase_account,
    erasure.keep_school_changes,
    erasure.erase_sign_in_traces,
    erasure.erase_admin_traces,
    erasure.erase_log_labels,
    erasure.keep_editorial_history,
    erasure.search_index_holds_no_people,
):
    hooks.register(ops_erasure.HOOK, _rule)
