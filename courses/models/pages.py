"""The course pages: catalogue → course → lessons and quizzes, ordered by the page tree.

Pages only render; everything that changes learner records goes through courses.services. The
catalogue and a course's page are the same for every anonymous visitor and are cached for them
(cms.caching); for a logged-in teacher they show progress, so a course's page and its lessons and
quizzes are kept for her alone (cms.personal_cache) and never in a shared or browser cache.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.authoring.forms import TranslatedPageForm
from cms.caching import CachedForAnonymousMixin, remember
from cms.personal_cache import PersonalPageMixin

from .. import drafts, selectors
from ..blocks import LessonStreamBlock, ProgrammeModulesBlock, QuestionStreamBlock
from ..steps import LESSON, QUIZ
from .step_base import CourseStepMixin, PrivatePageMixin, required_field

HOURS_PER_CREDIT = 16


class CourseIndexPage(CachedForAnonymousMixin, Page):
    base_form_class = TranslatedPageForm
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = selectors.course_catalogue(
            courses=CoursePage.objects.child_of(self), user=request.user
        )
        context["courses"] = Paginator(courses, 12).get_page(request.GET.get("page"))
        return context


class CoursePage(PersonalPageMixin, CachedForAnonymousMixin, Page):
    class TrainingForm(models.TextChoices):
        # The forms of training that Ordinance 15 (чл. 46) names for teacher qualification.
        DISTANCE = "distance", _("distance")
        IN_PERSON = "in_person", _("in person")
        BLENDED = "blended", _("in person with distance elements")

    base_form_class = TranslatedPageForm
    summary = models.TextField(_("summary"), max_length=600)
    audience = models.TextField(_("who it is for"), blank=True)
    outcomes = RichTextField(
        _("learning outcomes"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    cover_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cover image"),
    )
    academic_hours = models.PositiveSmallIntegerField(
        _("academic hours"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    estimated_duration = models.CharField(
        _("estimated duration"), max_length=100, blank=True, help_text=_("For example: 4 weeks.")
    )
    sequential = models.BooleanField(
        _("lessons must be taken in order"),
        default=False,
        help_text=_("A lesson or quiz opens only when every required step before it is done."),
    )
    provider = models.CharField(_("provider"), max_length=200, default="Сдружение „Дром“")
    programme_name = models.CharField(
        _("approved programme name"),
        max_length=300,
        blank=True,
        help_text=_("Only for training programmes approved by the Ministry of Education."),
    )
    uin = models.CharField(_("programme registration number (UIN)"), max_length=50, blank=True)
    credits = models.PositiveSmallIntegerField(
        _("qualification credits"),
        null=True,
        blank=True,
        help_text=_("Only for approved programmes. One credit is 16 academic hours."),
    )
    enrollment_open = models.BooleanField(_("open for enrollment"), default=True)
    training_form = models.CharField(
        _("form of training"),
        max_length=20,
        choices=TrainingForm.choices,
        default=TrainingForm.DISTANCE,
    )
    modules = StreamField(
        ProgrammeModulesBlock(),
        verbose_name=_("programme modules"),
        blank=True,
        help_text=_(
            "The modules of the programme with their academic hours, as approved; they are "
            "listed in an appendix to the certificate. Their hours add up to the course's."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("audience"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("academic_hours"), FieldPanel("estimated_duration")]),
                FieldPanel("sequential"),
                FieldPanel("enrollment_open"),
                FieldPanel("provider"),
                FieldPanel("training_form"),
            ],
            heading=_("How the course runs"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("programme_name"),
                FieldPanel("uin"),
                FieldPanel("credits"),
                FieldPanel("modules"),
            ],
            heading=_("Approved training programme"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("outcomes"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = [
        "courses.CourseLessonPage",
        "courses.QuizPage",
        "courses.SeminarPage",
        "courses.CourseEvaluationPage",
    ]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def is_approved_programme(self) -> bool:
        return bool(self.uin and self.programme_name)

    def clean(self):
        super().clean()
        errors = {}
        if self.credits is not None:
            if not self.is_approved_programme:
                errors["credits"] = _(
                    "Credits are awarded only by approved programmes: fill in the programme "
                    "name and its UIN, or leave credits empty."
                )
            elif self.academic_hours and self.credits * HOURS_PER_CREDIT > self.academic_hours:
                errors["credits"] = _(
                    "One credit needs 16 academic hours: %(hours)s hours give at most "
                    "%(max)s credits."
                ) % {"hours": self.academic_hours, "max": self.academic_hours // HOURS_PER_CREDIT}
        module_hours = sum(block.value["hours"] or 0 for block in self.modules)
        if self.modules and self.academic_hours and module_hours != self.academic_hours:
            errors["modules"] = _(
                "The modules' hours add up to %(sum)s, the course has %(hours)s academic hours."
            ) % {"sum": module_hours, "hours": self.academic_hours}
        if bool(self.uin) != bool(self.programme_name):
            errors["uin"] = _("An approved programme needs both its name and its UIN.")
        if errors:
            raise ValidationError(errors)

    def step_pages(self) -> list[Page]:
        """Its live steps (lessons, quizzes, seminars) in page-tree order (bodies deferred): the
        outline — titles, ids, order, required flags — read in a query per step type once, then
        remembered until content next changes (cms.caching.remember; any publish, move or
        deletion forgets it)."""

        def read():
            found = [
                page
                for model in CourseStepMixin.step_models
                for page in model.objects.child_of(self).live().defer(*model.outline_defer)
            ]
            return sorted(found, key=lambda page: page.path)

        return remember(f"course-steps:{self.pk}", read) if self.pk else read()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = selectors.course_outline(course=self, user=request.user)
        return context


class CourseLessonPage(PersonalPageMixin, CourseStepMixin, PrivatePageMixin, Page):
    base_form_class = TranslatedPageForm
    outline_defer = ("body",)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"), blank=True)
    required = required_field()
    reflection_prompt = models.TextField(
        _("reflection prompt"),
        blank=True,
        help_text=_(
            "If set, the teacher must write an answer to complete the lesson; it is kept and "
            "visible to them later."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        FieldPanel("reflection_prompt"),
        FieldPanel("required"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("course lesson")
        verbose_name_plural = _("course lessons")

    step_kind = LESSON

    def get_context(self, request, *args, enrollment=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.lesson_context(lesson=self, enrollment=enrollment))
        draft = drafts.reflection_draft_take(getattr(request, "session", None), lesson_id=self.pk)
        context["reflection_draft"] = draft
        context["problems"] = [("reflection", draft["message"])] if draft else []
        return context


class QuizPage(PersonalPageMixin, CourseStepMixin, PrivatePageMixin, Page):
    base_form_class = TranslatedPageForm
    outline_defer = ("questions",)

    class Counting(models.TextChoices):
        BEST = "best", _("the best attempt")
        LAST = "last", _("the last attempt")

    class Overdue(models.TextChoices):
        # Moodle's three ways of handling an attempt whose time is up.
        AUTOSUBMIT = "autosubmit", _("submitted automatically with the answers saved so far")
        GRACE = "grace", _("a grace period to submit, without changing answers")
        NOT_COUNTED = "abandon", _("not counted unless submitted before the limit")

    class Review(models.TextChoices):
        NEVER = "never", _("never")
        AFTER_PASSING = "passed", _("after passing")
        AFTER_LAST_ATTEMPT = "last", _("after the last attempt")

    introduction = models.TextField(_("introduction"), blank=True)
    required = required_field()
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("0 means unlimited.")
    )
    counting = models.CharField(
        _("which attempt counts"), max_length=4, choices=Counting.choices, default=Counting.BEST
    )
    shuffle_questions = models.BooleanField(_("shuffle the questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle the choices"), default=False)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty means no limit."),
    )
    overdue_handling = models.CharField(
        _("when the time is up"),
        max_length=10,
        choices=Overdue.choices,
        default=Overdue.AUTOSUBMIT,
    )
    grace_period_minutes = models.PositiveSmallIntegerField(
        _("grace period (minutes)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Only with a grace period: how long the teacher may still submit."),
    )
    questions_per_page = models.PositiveSmallIntegerField(
        _("questions per page"),
        default=0,
        help_text=_("0 shows all questions on one page. Answers are saved on every page turn."),
    )
    review_policy = models.CharField(
        _("show the correct answers"),
        max_length=6,
        choices=Review.choices,
        default=Review.AFTER_PASSING,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("attempts_allowed")]),
                FieldRowPanel([FieldPanel("counting"), FieldPanel("review_policy")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldRowPanel(
                    [
                        FieldPanel("time_limit_minutes"),
                        FieldPanel("overdue_handling"),
                        FieldPanel("grace_period_minutes"),
                    ]
                ),
                FieldPanel("questions_per_page"),
                FieldPanel("required"),
            ],
            heading=_("Rules"),
        ),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    step_kind = QUIZ

    def attempts_left(self, used: int) -> int | None:
        """None means unlimited."""
        if not self.attempts_allowed:
            return None
        return max(0, self.attempts_allowed - used)

    def personal_cache_allowed(self, response) -> bool:
        # An attempt in progress shows the time left and turns to its grace period or closes
        # with the clock, without any write: its page is rendered every time.
        return (getattr(response, "context_data", None) or {}).get("open_attempt") is None

    def review_allowed(self, *, attempts: list, passed: bool) -> bool:
        """May the teacher see the correct answers, given her attempts (in order) so far?"""
        if self.review_policy == self.Review.AFTER_PASSING:
            return passed
        if self.review_policy == self.Review.AFTER_LAST_ATTEMPT:
            return self.attempts_left(len(attempts)) == 0 and all(a.submitted_at for a in attempts)
        return False

    def get_context(self, request, *args, enrollment=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            selectors.quiz_context(
                quiz=self,
                enrollment=enrollment,
                preview=getattr(request, "is_preview", False),
                page=request.GET.get("page", ""),
            )
        )
        open_attempt = context["open_attempt"]
        draft = {}
        if open_attempt is not None:
            draft = drafts.quiz_draft_take(
                getattr(request, "session", None), attempt_id=open_attempt.pk
            )
        context["questions"], context["problems"] = drafts.questions_with_draft(
            context["questions"], draft
        )
        return context
