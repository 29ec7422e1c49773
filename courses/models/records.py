"""Learner records: plain models that point at pages with PROTECT, so they outlive page edits.

`Enrollment` carries denormalised progress (status, counts, percent, last activity, best quiz
score, hours and credits earned) written in the same transaction as the step that changed it,
so that coordinator reports aggregate enrollments alone and never scan completions or attempts.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..hours import hours_label


class Enrollment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("enrolled, not started")
        IN_PROGRESS = "in_progress", _("in progress")
        COMPLETED = "completed", _("completed")

    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="enrollments",
        verbose_name=_("teacher"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="enrollments",
        verbose_name=_("course"),
    )
    # The school at the moment of enrolling: a teacher who moves keeps her history where it was.
    school = models.ForeignKey(
        "schools.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrollments",
        verbose_name=_("school at enrollment"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ENROLLED
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_lessons = models.PositiveSmallIntegerField(_("lessons completed"), default=0)
    passed_quizzes = models.PositiveSmallIntegerField(_("quizzes passed"), default=0)
    percent = models.PositiveSmallIntegerField(_("percent done"), default=0)
    last_activity = models.DateTimeField(_("last activity"), null=True, blank=True)
    best_quiz_score = models.DecimalField(
        _("best quiz score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    quiz_attempts = models.PositiveSmallIntegerField(_("quiz attempts submitted"), default=0)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # Hours and credits as the course gave them on completion; later course edits change neither.
    hours_earned = models.PositiveSmallIntegerField(_("academic hours earned"), default=0)
    credits_earned = models.PositiveSmallIntegerField(_("credits earned"), default=0)
    # Of hours_earned, those attended at seminars (the rest were studied on one's own).
    in_person_hours = models.PositiveSmallIntegerField(_("academic hours in person"), default=0)

    class Meta:
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["teacher", "course"], name="unique_enrollment"),
            models.CheckConstraint(
                condition=Q(percent__gte=0, percent__lte=100), name="enrollment_percent_range"
            ),
            models.CheckConstraint(
                condition=Q(status="completed", completed_at__isnull=False)
                | (~Q(status="completed") & Q(completed_at__isnull=True)),
                name="enrollment_completed_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["course", "status"], name="enrollment_course_status"),
            models.Index(fields=["school", "course", "status"], name="enrollment_school_course"),
            models.Index(fields=["course", "completed_at"], name="enrollment_course_completed"),
            models.Index(fields=["teacher", "status"], name="enrollment_teacher_status"),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} – {self.course}"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED

    @property
    def hours_display(self) -> str:
        return hours_label(hours=self.hours_earned, in_person=self.in_person_hours)


class LessonCompletion(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.PROTECT, related_name="completions")
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(
        "courses.CourseLessonPage", on_delete=models.PROTECT, related_name="completions"
    )
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)
    reflection = models.TextField(_("reflection"), blank=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(fields=["teacher", "lesson"], name="unique_lesson_completion")
        ]

    def __str__(self) -> str:
        return f"{self.teacher} – {self.lesson_id}"


class QuizAttempt(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.PROTECT, related_name="attempts")
    quiz = models.ForeignKey("courses.QuizPage", on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("attempt number"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    seed = models.PositiveIntegerField(default=0)
    # The questions as they were when the attempt started: grading and review never change
    # because an editor later reworded or removed a question.
    questions = models.JSONField(default=list)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    results = models.JSONField(default=list, blank=True)
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), default=False)
    timed_out = models.BooleanField(_("submitted after the time limit"), default=False)
    #: False for an attempt closed after its time limit under the "not counted" rule (it still
    #: uses up an attempt, but its score never decides whether the quiz is passed)
    counted = models.BooleanField(_("counted"), default=True)
    #: when the answers of the open attempt were last saved (page by page, or by the browser)
    saved_at = models.DateTimeField(_("answers saved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "quiz", "number"], name="unique_attempt_number"
            ),
            # At most one open attempt per quiz: a second "start" cannot slip past the limit.
            models.UniqueConstraint(
                fields=["enrollment", "quiz"],
                condition=Q(submitted_at__isnull=True),
                name="one_open_attempt",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="attempt_score_range",
            ),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True) | Q(score__isnull=False),
                name="attempt_submitted_has_score",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "submitted_at"], name="attempt_quiz_submitted")]

    def __str__(self) -> str:
        return f"{self.enrollment} – {self.quiz_id} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None


class CertificateCounter(models.Model):
    """The numbered register, one row per year, locked while a number is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Certificate(models.Model):
    """A certificate as issued: the holder, school and course are copied, never looked up again."""

    enrollment = models.OneToOneField(
        Enrollment, on_delete=models.PROTECT, related_name="certificate"
    )
    number = models.CharField(_("registration number"), max_length=20, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("number in the register"))
    code = models.CharField(_("verification code"), max_length=40, unique=True)
    issued_at = models.DateTimeField(_("issued at"))
    #: the date printed as the registration date: never before the end of the training
    issued_on = models.DateField(_("date of issue"))
    holder_name = models.CharField(_("full name"), max_length=300)
    position = models.CharField(_("position"), max_length=30, blank=True)
    school_name = models.CharField(_("school"), max_length=255, blank=True)
    school_code = models.CharField(_("institution code"), max_length=10, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    district_en = models.CharField(_("district in English"), max_length=100, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    course_title_en = models.CharField(_("course in English"), max_length=255, blank=True)
    programme_name = models.CharField(_("approved programme"), max_length=300, blank=True)
    programme_name_en = models.CharField(
        _("approved programme in English"), max_length=300, blank=True
    )
    uin = models.CharField(_("UIN"), max_length=50, blank=True)
    provider = models.CharField(_("provider"), max_length=200)
    provider_en = models.CharField(_("provider in English"), max_length=200, blank=True)
    hours = models.PositiveSmallIntegerField(_("academic hours"))
    in_person_hours = models.PositiveSmallIntegerField(_("academic hours in person"), default=0)
    credits = models.PositiveSmallIntegerField(_("credits"), null=True, blank=True)
    started_on = models.DateField(_("from"))
    completed_on = models.DateField(_("to"))
    training_form = models.CharField(_("form of training"), max_length=20, blank=True)
    #: [{"title", "title_en", "hours"}] of the programme's modules as they were when issued
    modules = models.JSONField(_("modules"), default=list, blank=True)
    #: the issuing organisation and signatory as they were when issued (CertificateIssuer)
    issuer = models.JSONField(_("issuer"), default=dict, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.CharField(_("reason for revocation"), max_length=300, blank=True)
    #: when the holder's personal data were erased at their request (the name is then empty)
    holder_erased_at = models.DateTimeField(_("holder's data erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-year", "-serial"]
        constraints = [
            models.UniqueConstraint(fields=["year", "serial"], name="unique_certificate_serial"),
            models.CheckConstraint(
                condition=Q(completed_on__gte=F("started_on")),
                name="certificate_period_in_order",
            ),
            models.CheckConstraint(
                condition=Q(issued_on__gte=F("completed_on")),
                name="certificate_issued_after_completion",
            ),
        ]
        indexes = [models.Index(fields=["issued_at"], name="certificate_issued")]

    def __str__(self) -> str:
        return self.number

    @property
    def holder_erased(self) -> bool:
        return self.holder_erased_at is not None

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def hours_display(self) -> str:
        return hours_label(hours=self.hours, in_person=self.in_person_hours)
