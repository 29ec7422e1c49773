"""Admin URLs of the ops layer (prepared downloads); Wagtail's admin checks the login."""

from django.urls import path
from wagtail import hooks

from . import audit, erasure, views


@hooks.register("register_admin_urls")
def register_download_urls():
    return [
        path("downloads/<int:pk>/", views.download_status, name="ops_download"),
        path("downloads/<int:pk>/file/", views.download_file, name="ops_download_file"),
    ]


hooks.register(erasure.HOOK, erasure.erase_outbox)
hooks.register(erasure.HOOK, erasure.erase_prepared_downloads)


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    audit.register(actions)
