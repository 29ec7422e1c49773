from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Curriculum library")

    def ready(self):
        from .listening import media_saved  # the models are ready only now
        from .models import DromMedia

        post_save.connect(media_saved, sender=DromMedia, dispatch_uid="curriculum_listening_copy")
