"""Learner records, consistent with the invariants courses.services keeps (a completed
enrollment has its date, a submitted attempt its score, a certificate its enrollment)."""

from datetime import timedelta

import factory
from django.utils import timezone
from wagtail.models import Site

from courses import evaluation_blocks
from courses.grading import snapshot_questions
from courses.models import (
    Assignment,
    Certificate,
    CertificateCounter,
    CertificateIssuer,
    CourseEvaluation,
    Enrollment,
    LessonCompletion,
    MinistryProgrammeApprovalTask,
    QuizAttempt,
    SeminarBooking,
    SeminarSession,
)

from .pages import (
    CourseEvaluationPageFactory,
    CourseLessonPageFactory,
    CoursePageFactory,
    QuizPageFactory,
    SeminarPageFactory,
)
from .schools import TeacherFactory, TrainerFactory, UserFactory


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    teacher = factory.SubFactory(TeacherFactory)
    course = factory.SubFactory(CoursePageFactory)
    school = factory.SelfAttribute("teacher.school")

    class Params:
        completed = factory.Trait(
            status=Enrollment.Status.COMPLETED,
            percent=100,
            completed_at=factory.LazyFunction(timezone.now),
            hours_earned=16,
        )


class LessonCompletionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonCompletion

    enrollment = factory.SubFactory(EnrollmentFactory)
    teacher = factory.SelfAttribute("enrollment.teacher")
    lesson = factory.SubFactory(
        CourseLessonPageFactory, parent=factory.SelfAttribute("..enrollment.course")
    )


class QuizAttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizAttempt

    enrollment = factory.SubFactory(EnrollmentFactory)
    quiz = factory.SubFactory(QuizPageFactory, parent=factory.SelfAttribute("..enrollment.course"))
    number = factory.Sequence(lambda n: n + 1)
    # The questions as the quiz had them when the attempt started (as the services store them).
    questions = factory.LazyAttribute(lambda o: snapshot_questions(o.quiz.questions))

    class Params:
        submitted = factory.Trait(
            submitted_at=factory.LazyFunction(timezone.now), score=100, passed=True
        )


class CertificateCounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateCounter
        django_get_or_create = ("year",)

    year = factory.LazyFunction(lambda: timezone.localdate().year)


class CertificateFactory(factory.django.DjangoModelFactory):
    """A certificate as courses.services.certificate_issue would copy it (numbered 9xxxxx, so it
    never collides with one the register hands out in the same test)."""

    class Meta:
        model = Certificate

    enrollment = factory.SubFactory(EnrollmentFactory, completed=True)
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    serial = factory.Sequence(lambda n: 900000 + n)
    number = factory.LazyAttribute(lambda o: f"{o.year}-{o.serial:06d}")
    code = factory.Sequence(lambda n: f"test-verification-code-{n:04d}")
    issued_at = factory.LazyFunction(timezone.now)
    holder_name = factory.LazyAttribute(lambda o: o.enrollment.teacher.get_full_name())
    course_title = factory.LazyAttribute(lambda o: o.enrollment.course.title)
    provider = factory.LazyAttribute(lambda o: o.enrollment.course.provider)
    hours = factory.LazyAttribute(lambda o: o.enrollment.course.academic_hours)
    started_on = factory.LazyFunction(timezone.localdate)
    completed_on = factory.LazyFunction(timezone.localdate)
    issued_on = factory.LazyFunction(timezone.localdate)


class CertificateIssuerFactory(factory.django.DjangoModelFactory):
    """The issuer setting of the default site, filled as a training provider would."""

    class Meta:
        model = CertificateIssuer
        django_get_or_create = ("site",)

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    name = "Сдружение „Дром“"
    name_en = "Drom Association"
    identifier = "175000000"
    address = "София 1000, ул. „Примерна“ 1"
    address_en = "1 Primerna St, Sofia 1000, Bulgaria"
    website = "drom.example"
    place = "София"
    head_name = "Стефка Иванова Георгиева"
    head_position = "Председател"
    head_position_en = "Chair"


class MinistryProgrammeApprovalTaskFactory(factory.django.DjangoModelFactory):
    """The review step for courses claiming a Ministry programme (groups added by the caller)."""

    class Meta:
        model = MinistryProgrammeApprovalTask

    name = factory.Sequence(lambda n: f"Одобрение на програма на МОН {n}")


class SeminarSessionFactory(factory.django.DjangoModelFactory):
    """A session a week from now, two academic hours, for any teacher (no region)."""

    class Meta:
        model = SeminarSession

    seminar = factory.SubFactory(SeminarPageFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place = "София, Дом на културата, зала 2"
    trainer = factory.SubFactory(TrainerFactory)
    capacity = 20
    academic_hours = 2


class SeminarBookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeminarBooking

    session = factory.SubFactory(SeminarSessionFactory)
    seminar = factory.SelfAttribute("session.seminar")
    enrollment = factory.SubFactory(
        EnrollmentFactory,
        course=factory.LazyAttribute(lambda o: o.factory_parent.seminar.get_parent().specific),
    )
    teacher = factory.SelfAttribute("enrollment.teacher")
    status = SeminarBooking.Status.BOOKED


class CourseEvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseEvaluation

    enrollment = factory.SubFactory(EnrollmentFactory, completed=True)
    course = factory.SelfAttribute("enrollment.course")
    form = factory.SubFactory(
        CourseEvaluationPageFactory, parent=factory.SelfAttribute("..enrollment.course")
    )
    questions = factory.LazyAttribute(lambda o: evaluation_blocks.questions(o.form.questions))
    answers = factory.LazyFunction(lambda: {"r-useful": 5, "r-trainer": 4, "t-change": ""})


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A course assigned to a teacher, due in 30 days (assigned_by: any user; tests that are
    about scope use courses.assignments.assignments_create as a coordinator)."""

    class Meta:
        model = Assignment

    teacher = factory.SubFactory(TeacherFactory)
    course = factory.SubFactory(CoursePageFactory)
    assigned_by = factory.SubFactory(UserFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
