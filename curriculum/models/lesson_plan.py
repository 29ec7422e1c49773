"""A lesson plan: one lesson for the class, with its PDF, lesson pack and "save to my plans"."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.authoring.forms import TranslatedPageForm
from cms.units import file_size
from curriculum import blocks as lesson_blocks
from curriculum import feedback, packs, services
from curriculum.caching import CachedForAnonymousMixin, private
from curriculum.offline import offline_copy
from curriculum.pdf import lesson_plan_pdf_cached, lesson_plan_pdf_size
from curriculum.plansearch import build_index
from curriculum.rendering import prefetch_lesson_images
from curriculum.tasks import lesson_plan_pdf_build
from curriculum.textsearch import searchable

from .fields import MultipleChoiceField
from .saved import SavedLessonPlan
from .taxonomy import (
    Genre,
    GradeBand,
    Language,
    Licence,
    Occasion,
    ResourceKind,
    Supervision,
    TeachingForm,
)

SCHOOL_PERIOD_MINUTES = 40
NOTE_FEATURES = ["bold", "italic", "rom", "ul", "ol", "link", "document-link"]


class LessonPlanPage(CachedForAnonymousMixin, RoutablePageMixin, Page):
    base_form_class = TranslatedPageForm
    cover_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences for the list."))
    learning_outcome = models.CharField(
        _("learning outcome"),
        max_length=300,
        help_text=_("One sentence: what pupils will know or be able to do."),
    )
    key_points = StreamField(
        [("point", lesson_blocks.PointBlock())],
        verbose_name=_("key learning points"),
        blank=True,
    )
    grade_bands = MultipleChoiceField(_("grade bands"), choices=GradeBand.choices, blank=False)
    teaching_form = models.CharField(
        _("form of teaching"),
        max_length=20,
        choices=TeachingForm.choices,
        default=TeachingForm.ELECTIVE,
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration in minutes"), help_text=_("One school period is 40 minutes.")
    )
    topics = ParentalManyToManyField(
        "curriculum.Topic", verbose_name=_("topics"), blank=True, related_name="lesson_plans"
    )
    genre = models.CharField(_("folklore genre"), max_length=20, choices=Genre.choices, blank=True)
    community = models.CharField(
        _("Roma group or community"), max_length=200, blank=True, help_text=_("Where known.")
    )
    place_of_origin = models.CharField(_("place of origin"), max_length=200, blank=True)
    occasion = models.CharField(
        _("calendar occasion"), max_length=20, choices=Occasion.choices, blank=True
    )
    languages = MultipleChoiceField(
        _("languages used"), choices=Language.choices, help_text=_("Languages of the materials.")
    )
    essential_questions = StreamField(
        [("question", lesson_blocks.PointBlock(label=_("Question")))],
        verbose_name=_("essential questions"),
        blank=True,
    )
    misconceptions = StreamField(
        [("misconception", lesson_blocks.MisconceptionBlock())],
        verbose_name=_("misconceptions and stereotypes"),
        blank=True,
    )
    vocabulary = StreamField(
        [("word", lesson_blocks.VocabularyBlock())], verbose_name=_("key vocabulary"), blank=True
    )
    teacher_tips = RichTextField(_("teacher tips"), blank=True, features=NOTE_FEATURES)
    materials = RichTextField(_("materials and equipment"), blank=True, features=NOTE_FEATURES)
    body = StreamField(lesson_blocks.LessonStepsBlock(), verbose_name=_("lesson steps"))
    starter_check = StreamField(
        [("question", lesson_blocks.CheckQuestionBlock())],
        verbose_name=_("starter check"),
        blank=True,
    )
    exit_check = StreamField(
        [("question", lesson_blocks.CheckQuestionBlock())],
        verbose_name=_("exit check"),
        blank=True,
    )
    assessment = RichTextField(_("assessment"), blank=True, features=NOTE_FEATURES)
    inclusion = RichTextField(
        _("inclusion and differentiation"), blank=True, features=NOTE_FEATURES
    )
    sensitive_content = RichTextField(
        _("sensitive-content guidance"),
        blank=True,
        features=NOTE_FEATURES,
        help_text=_(
            "For topics such as the Roma Holocaust, discrimination or early marriage: how to "
            "prepare pupils, what to avoid, where to get support."
        ),
    )
    supervision = models.CharField(
        _("supervision level"), max_length=20, choices=Supervision.choices, default=Supervision.NONE
    )
    related_resources = StreamField(
        lesson_blocks.RelatedResourcesBlock(), verbose_name=_("related resources"), blank=True
    )
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY_SA
    )
    # Derived from the lesson steps when saved, so that "includes a song" is a cheap filter.
    includes = MultipleChoiceField(_("includes"), choices=ResourceKind.choices, editable=False)
    # Derived when saved: the plan's search terms by tier (curriculum/plansearch.py).
    search_terms = models.JSONField(_("search terms"), default=dict, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_outcome"),
        FieldPanel("cover_image"),
        FieldPanel("key_points"),
        FieldPanel("body"),
    ]
    classification_panels = [
        FieldPanel("grade_bands"),
        FieldPanel("teaching_form"),
        FieldPanel("duration_minutes"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("genre"),
        FieldPanel("occasion"),
        FieldPanel("languages"),
        MultiFieldPanel(
            [FieldPanel("community"), FieldPanel("place_of_origin")], heading=_("Origin")
        ),
    ]
    teaching_panels = [
        FieldPanel("essential_questions"),
        FieldPanel("misconceptions"),
        FieldPanel("vocabulary"),
        FieldPanel("teacher_tips"),
        FieldPanel("materials"),
        FieldPanel("starter_check"),
        FieldPanel("exit_check"),
        FieldPanel("assessment"),
        FieldPanel("inclusion"),
        MultiFieldPanel(
            [FieldPanel("sensitive_content"), FieldPanel("supervision")],
            heading=_("Sensitive content"),
        ),
        FieldPanel("related_resources"),
        MultiFieldPanel(
            [FieldPanel("authors"), FieldPanel("last_reviewed"), FieldPanel("licence")],
            heading=pgettext_lazy("authorship", "Credits"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Lesson")),
            ObjectList(classification_panels, heading=_("Classification")),
            ObjectList(teaching_panels, heading=_("Teaching notes")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_text"),
        index.FilterField("occasion"),
        index.FilterField("duration_minutes"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("learning_outcome"),
        APIField("grade_bands", serializer=serializers.ListField(child=serializers.CharField())),
        APIField(
            "topics",
            serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug"),
        ),
        APIField("teaching_form"),
        APIField("duration_minutes"),
        APIField("genre"),
        APIField("occasion"),
        APIField("languages", serializer=serializers.ListField(child=serializers.CharField())),
        APIField("community"),
        APIField("place_of_origin"),
        APIField("key_points"),
        APIField("essential_questions"),
        APIField("vocabulary"),
        APIField("misconceptions"),
        APIField("starter_check"),
        APIField("exit_check"),
        APIField("body"),
        APIField("authors"),
        APIField("last_reviewed"),
        APIField("licence"),
    ]
    parent_page_types = ["curriculum.LessonPlanIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson plan")
        verbose_name_plural = _("lesson plans")

    def search_text(self) -> str:
        stream_text = []
        for field_name in ("key_points", "essential_questions", "vocabulary", "body"):
            value = getattr(self, field_name)
            stream_text += value.stream_block.get_searchable_content(value)
        return searchable(
            self.title,
            self.summary,
            self.learning_outcome,
            self.community,
            self.place_of_origin,
            self.get_occasion_display() if self.occasion else "",
            *stream_text,
        )

    def derive_search_terms(self) -> dict:
        def stream(name):
            value = getattr(self, name)
            return value.stream_block.get_searchable_content(value)

        labels = []
        for language in ("bg", "en"):
            with translation.override(language):
                if self.occasion:
                    labels.append(str(self.get_occasion_display()))
                if self.genre:
                    labels.append(str(self.get_genre_display()))
        topics = [t for topic in self.topics.all() for t in (topic.name, topic.name_en)]
        return build_index(
            title=self.title,
            keywords=[
                *topics,
                *labels,
                *stream("vocabulary"),
                self.community,
                self.place_of_origin,
            ],
            summary=[self.summary, self.learning_outcome, *stream("key_points")],
            body=[
                *stream("essential_questions"),
                *stream("body"),
                self.place_of_origin,
                self.teacher_tips,
                self.materials,
            ],
        )

    def derive_includes(self) -> list[str]:
        kinds = {"song", "tale", "gallery", "video", "worksheet"}
        return sorted({child.block_type for child in self.body if child.block_type in kinds})

    def save(self, *args, **kwargs):
        self.includes = self.derive_includes()
        self.search_terms = self.derive_search_terms()
        return super().save(*args, **kwargs)

    @property
    def periods(self) -> float:
        return round((self.duration_minutes or 0) / SCHOOL_PERIOD_MINUTES, 1)

    @property
    def grade_bands_display(self) -> list[str]:
        return self._meta.get_field("grade_bands").labels(self)

    @property
    def languages_display(self) -> list[str]:
        return self._meta.get_field("languages").labels(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_lesson_images(self)
        context["topics"] = list(self.topics.all())
        context["saved"] = False
        if request.user.is_authenticated:
            context["saved"] = SavedLessonPlan.objects.filter(user=request.user, page=self).exists()
        context["library"] = self.get_parent()
        context.update(self._downloads(request))
        context.update(feedback.feedback_context(plan=self, request=request))
        pdf_bytes = context.pop("pdf_bytes")
        if context["saved"]:  # a saved plan can be kept on the phone
            context["offline"] = offline_copy(
                page=self, pdf_url=context["pdf_url"], pdf_bytes=pdf_bytes
            )
        return context

    def _downloads(self, request) -> dict:
        url = self.get_url(request)
        pdf_size = None
        # A preview shows unsaved edits: it never makes (or caches) a PDF of them.
        if not getattr(request, "is_preview", False):
            pdf_size = lesson_plan_pdf_size(self)
            if pdf_size is None:
                # Made once per revision and language: by a worker when one runs the tasks
                # (the size shows from the next view on), else right here, the first time.
                lesson_plan_pdf_build.enqueue(page_id=self.pk, language=get_language())
                pdf_size = lesson_plan_pdf_size(self)
        files_size = sum(
            (getattr(file.instance, "file_size", None) or 0)
            for _name, file in services.lesson_pack_files(page=self)
        )
        return {
            "pdf_url": url + self.reverse_subpage("pdf"),
            "pdf_bytes": pdf_size,
            "pdf_size": file_size(pdf_size) if pdf_size else "",
            "pack_url": url + self.reverse_subpage("pack"),
            "pack_size": file_size(pdf_size + files_size) if pdf_size else "",
        }

    @path("")
    def plan(self, request):
        return self.render(request)

    @path("pdf/")
    def pdf(self, request):
        response = HttpResponse(lesson_plan_pdf_cached(self), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.pdf"'
        return response

    @path("pack/")
    def pack(self, request):
        # Built once per version (by a worker when there is one) and served from the store.
        return packs.lesson_pack_response(page=self, request=request)

    @path("i-taught-this/")
    @method_decorator(require_POST)
    def feedback_give(self, request):
        return feedback.feedback_post(plan=self, request=request)

    @path("save/")
    @method_decorator(require_POST)
    def save_toggle(self, request):
        if not request.user.is_authenticated:
            return private(redirect_to_login(self.get_url(request)))
        if request.POST.get("action") == "remove":
            services.saved_plan_remove(user=request.user, page=self)
            messages.success(request, _("Removed from My lesson plans."))
        else:
            services.saved_plan_add(user=request.user, page=self)
            messages.success(request, _("Saved to My lesson plans."))
        return private(redirect(self.get_url(request)))
