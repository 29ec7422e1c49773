"""The library's file models: images, documents, audio and video, with shared resource metadata.

Wagtail's image and document models and wagtailmedia's media model are swapped for our own from
the first migration (they cannot be swapped later). Each carries the same metadata a teacher
needs to judge and credit a resource: who made it, where it comes from, its languages, licence,
consent, topics and grade bands.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.search import index
from wagtailmedia.models import AbstractMedia

from cms.romani import romani_plain
from cms.units import file_size as human_size
from curriculum import validators
from curriculum.textsearch import searchable

from .fields import MultipleChoiceField
from .listening import ListeningCopy
from .taxonomy import GradeBand, Language, Licence, ResourceKind, Topic

METADATA_FIELDS = (
    "title_en",
    "description",
    "description_en",
    "creator",
    "origin",
    "languages",
    "licence",
    "topics",
    "grade_bands",
    "living_performers",
    "consent_record",
)


class LocalizedText(str):
    """A resource's text in the visitor's language; `lang` is set when it is Bulgarian instead."""

    lang = ""

    def __new__(cls, text, lang=""):
        value = super().__new__(cls, text or "")
        value.lang = lang
        return value


class ResourceMetadata(models.Model):
    """Metadata every resource carries. Texts are Bulgarian, with an English version beside them
    (`<field>_en`): the English site shows it, or the Bulgarian marked lang="bg" until it exists.
    """

    title_en = models.CharField(
        _("title in English"),
        max_length=255,
        blank=True,
        help_text=_("The title above is the Bulgarian one; the English site shows this one."),
    )
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    creator = models.CharField(
        _("creator or performer"),
        max_length=255,
        blank=True,
        help_text=_("Who made, sang, told or photographed it."),
    )
    origin = models.CharField(
        _("community or place of origin"),
        max_length=255,
        blank=True,
        help_text=_("For example: Kalderash Roma, Sliven; leave empty if unknown."),
    )
    languages = MultipleChoiceField(_("languages"), choices=Language.choices)
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY_SA
    )
    living_performers = models.BooleanField(
        _("records living performers"),
        default=False,
        help_text=_("Tick for recordings or photographs of people who are alive."),
    )
    consent_record = models.TextField(
        _("consent record"),
        blank=True,
        help_text=_(
            "Who gave consent, when, for what use, and where the signed form is kept. "
            "Required when the resource records living performers."
        ),
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="%(class)s_set"
    )
    grade_bands = MultipleChoiceField(_("grade bands"), choices=GradeBand.choices)

    search_fields = [
        index.SearchField("search_text"),
        index.FilterField("licence"),
    ]
    api_fields = [
        APIField("title_en"),
        APIField("description"),
        APIField("description_en"),
        APIField("creator"),
        APIField("origin"),
        APIField("languages", serializer=serializers.ListField(child=serializers.CharField())),
        APIField("licence"),
        APIField(
            "topics",
            serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug"),
        ),
        APIField("grade_bands", serializer=serializers.ListField(child=serializers.CharField())),
    ]

    class Meta:
        abstract = True

    def search_text(self) -> str:
        return searchable(
            self.title,
            self.title_en,
            self.description,
            self.description_en,
            self.creator,
            self.origin,
        )

    def localized(self, field: str) -> LocalizedText:
        """`field` in the active language, falling back to the Bulgarian (marked as such)."""
        source = settings.LANGUAGE_CODE
        language = (get_language() or source).split("-")[0]
        if language != source:
            translated = getattr(self, f"{field}_{language}", "")
            if translated:
                return LocalizedText(translated)
            return LocalizedText(getattr(self, field, ""), source)
        return LocalizedText(getattr(self, field, ""))

    def upload_checks(self) -> list[tuple[str, Callable]]:
        """(field, validator) pairs that check a newly uploaded file by its content."""
        return []

    def clean(self):
        super().clean()
        errors = {}
        if self.living_performers and not self.consent_record.strip():
            errors["consent_record"] = [
                _("Record the performers' consent before publishing a recording of them.")
            ]
        for name, check in self.upload_checks():
            value = getattr(self, name)
            # Only a new upload is checked: files already stored passed when they arrived.
            if value and not getattr(value, "_committed", True):
                try:
                    check(value)
                except ValidationError as error:
                    errors[name] = error.messages
        if errors:
            raise ValidationError(errors)

    @property
    def kind_label(self) -> str:
        return str(ResourceKind(self.kind).label)

    @property
    def languages_display(self) -> list[str]:
        return self._meta.get_field("languages").labels(self)

    @property
    def grade_bands_display(self) -> list[str]:
        return self._meta.get_field("grade_bands").labels(self)


class DromImage(ResourceMetadata, AbstractImage):
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Empty: the title is read."
        ),
    )
    alt_text_en = models.CharField(_("alternative text in English"), max_length=255, blank=True)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "alt_text",
        "alt_text_en",
        *METADATA_FIELDS,
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )
    search_fields = [*AbstractImage.search_fields, *ResourceMetadata.search_fields]
    kind = "image"

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.title

    def upload_checks(self):
        return [("file", validators.validate_image_file)]

    @property
    def default_alt_text(self) -> str:
        """What `{% image %}` reads out: alt text, else title; on /en/ English ones first."""
        alt, title = self.localized("alt_text"), self.localized("title")
        for text in (alt, title):
            if text and not text.lang:
                return text
        return alt or title

    @property
    def size_display(self) -> str:
        size = self.file_size
        if size is None and self.file:
            # Images saved outside the admin may not have recorded their size yet.
            try:
                size = self.file.size
            except OSError:
                size = None
        return human_size(size) if size else ""


class DromRendition(AbstractRendition):
    image = models.ForeignKey(DromImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class DromDocument(ResourceMetadata, AbstractDocument):
    admin_form_fields = ("title", "file", "collection", *METADATA_FIELDS, "tags")
    search_fields = [*AbstractDocument.search_fields, *ResourceMetadata.search_fields]
    kind = "document"

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def upload_checks(self):
        return [("file", validators.validate_document_file)]

    @property
    def size_display(self) -> str:
        return human_size(self.file_size) if self.file_size else ""


class DromMedia(ListeningCopy, ResourceMetadata, AbstractMedia):
    transcript = models.TextField(
        _("transcript or lyrics"),
        blank=True,
        help_text=_("The words of the recording; for songs, the lyrics with a translation."),
    )
    transcript_en = models.TextField(
        _("transcript in English"),
        blank=True,
        help_text=_("For songs: the lyrics with an English translation."),
    )
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to="media_captions",
        blank=True,
        help_text=_("Optional subtitles as a .vtt file."),
    )
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, editable=False)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        *METADATA_FIELDS,
        "transcript",
        "transcript_en",
        "captions",
        "duration",
        "width",
        "height",
        "thumbnail",
        "tags",
    )
    search_fields = [*AbstractMedia.search_fields, *ResourceMetadata.search_fields]
    api_fields = [
        *ResourceMetadata.api_fields,
        APIField("transcript"),
        APIField("transcript_en"),
    ]

    class Meta(AbstractMedia.Meta):
        verbose_name = _("audio or video")
        verbose_name_plural = _("audio and video")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The size is shown beside every download link; reading it from storage on each page
        # view would touch the disk (or S3) once per link.
        if self.file and self.file_size is None:
            try:
                self.file_size = self.file.size
            except OSError:
                self.file_size = None
        super().save(*args, **kwargs)

    @property
    def kind(self) -> str:
        return "audio" if self.type == "audio" else "video"

    def search_text(self) -> str:
        transcripts = (romani_plain(self.transcript), romani_plain(self.transcript_en))
        return searchable(super().search_text(), *transcripts)

    @property
    def transcript_lang(self) -> str:
        """The language of the transcript as shown, for its lang attribute: a recording only in
        Romani has a Romani transcript (not the page's Bulgarian); a Bulgarian one shown on an
        English page is marked "bg"; an English one on an English page needs nothing."""
        shown = self.localized("transcript")
        english = bool(self.transcript_en) and not shown.lang and shown == self.transcript_en
        if list(self.languages or []) == ["rom"] and not english:
            return "rom"
        return shown.lang

    def upload_checks(self):
        return [
            ("file", lambda f: validators.validate_media_file(f, self.type, sound=True)),
            ("captions", validators.validate_captions_file),
            ("thumbnail", validators.validate_image_file),
        ]

    @property
    def size_display(self) -> str:
        return human_size(self.file_size) if self.file_size else ""

    @property
    def url(self) -> str:
        """Served by curriculum.views (uploaded media are not served by whitenoise)."""
        name = self.file.name.rsplit("/", 1)[-1]
        return reverse("curriculum_media", kwargs={"pk": self.pk, "filename": name})

    @property
    def captions_url(self) -> str:
        return reverse("curriculum_media", kwargs={"pk": self.pk, "filename": "captions.vtt"})

    @property
    def mime_type(self) -> str:
        extension = self.file.name.rsplit(".", 1)[-1].lower()
        return {
            "mp3": "audio/mpeg",
            "wav": "audio/wav",
            "ogg": "audio/ogg",
            "oga": "audio/ogg",
            "flac": "audio/flac",
            "m4a": "audio/mp4",
            "mp4": "video/mp4",
            "webm": "video/webm",
            "ogv": "video/ogg",
        }.get(extension, "application/octet-stream")
