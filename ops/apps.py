from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running Drom: background work, files, health, logs, schedules, backups.

    A lower layer like cms.pdf: the apps call it (to queue an e-mail, store a private file); it
    imports none of them.
    """

    name = "ops"
    verbose_name = _("Operations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 - connects the post_migrate site sync
