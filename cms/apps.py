from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        # Models can be imported only once every app is ready, hence import_module here.
        import_module("cms.invalidation").connect()
        import_module("cms.people_invalidation").connect()
