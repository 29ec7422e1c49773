from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Coordinator reports")

    def ready(self):
        from . import tally  # reads courses' models: only once the apps are loaded

        # After every migrate: SQLite loses a table's triggers when a migration rebuilds it.
        post_migrate.connect(
            tally.install_after_migrate, sender=self, dispatch_uid="reports_tally_install"
        )
