"""The seminar step of a course: teachers book one of its sessions, the trainer's register
completes it (courses.seminars)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.authoring.forms import TranslatedPageForm

from ..seminars import selectors as seminar_selectors
from ..steps import SEMINAR
from .step_base import CourseStepMixin, PrivatePageMixin, required_field


class SeminarPage(CourseStepMixin, PrivatePageMixin, Page):
    """A seminar step: teachers book one of its sessions (courses.models.seminars), and the
    trainer's attendance record completes the step."""

    base_form_class = TranslatedPageForm
    outline_defer = ("introduction",)

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")

    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    mode = models.CharField(_("format"), max_length=10, choices=Mode.choices)
    required = required_field()
    cancel_hours_before = models.PositiveSmallIntegerField(
        _("cancellation allowed until (hours before the start)"),
        default=48,
        validators=[MaxValueValidator(720)],
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("attendance needed to complete (% of the session's hours)"),
        default=75,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("A teacher present for part of the session completes the step from here."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("mode"),
                FieldRowPanel(
                    [FieldPanel("cancel_hours_before"), FieldPanel("min_attendance_percent")]
                ),
                FieldPanel("required"),
            ],
            heading=_("Rules"),
        ),
    ]

    class Meta:
        verbose_name = _("seminar")
        verbose_name_plural = _("seminars")

    step_kind = SEMINAR

    def get_context(self, request, *args, enrollment=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            seminar_selectors.seminar_context(
                seminar=self, enrollment=enrollment, user=request.user
            )
        )
        return context
