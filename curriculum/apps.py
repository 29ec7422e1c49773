from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Curriculum library")

    def ready(self):
        from . import packs  # noqa: F401 - builds a lesson pack when a plan is published
