"""The listening copy of a recording (curriculum.audio), kept beside the original.

An abstract model so that DromMedia carries the fields and reads them without another query.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.units import file_size as human_size


class ListeningCopy(models.Model):
    class Status(models.TextChoices):
        NONE = "", _("not made")
        PENDING = "pending", _("being made")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    listening_file = models.FileField(
        _("listening copy"), upload_to="media_listening", blank=True, editable=False
    )
    listening_size = models.PositiveBigIntegerField(
        _("listening copy size"), null=True, editable=False
    )
    listening_status = models.CharField(
        _("listening copy"), max_length=10, choices=Status.choices, blank=True, editable=False
    )
    # The original the copy was made from: a new upload makes a new copy.
    listening_source = models.CharField(max_length=255, blank=True, editable=False)
    listening_error = models.CharField(max_length=255, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def listening_ready(self) -> bool:
        return (
            self.listening_status == self.Status.READY
            and bool(self.listening_file)
            and self.listening_source == self.file.name
        )

    @property
    def listening_url(self) -> str:
        name = self.listening_file.name.rsplit("/", 1)[-1]
        return reverse("curriculum_media", kwargs={"pk": self.pk, "filename": name})

    @property
    def listening_size_display(self) -> str:
        return human_size(self.listening_size) if self.listening_size else ""
