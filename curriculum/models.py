"""The public library's file models.

Wagtail's image and document models and wagtailmedia's media model are swapped for our own from
the first migration (they cannot be swapped later); the resource metadata they carry is added by
the curriculum library.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtailmedia.models import AbstractMedia


class DromImage(AbstractImage):
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "description",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class DromRendition(AbstractRendition):
    image = models.ForeignKey(DromImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class DromDocument(AbstractDocument):
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = ("title", "file", "collection", "description", "tags")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class DromMedia(AbstractMedia):
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "description",
        "duration",
        "width",
        "height",
        "thumbnail",
        "tags",
    )

    class Meta(AbstractMedia.Meta):
        verbose_name = _("audio or video")
        verbose_name_plural = _("audio and video")
