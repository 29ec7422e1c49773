"""Learner records, consistent with the invariants courses.services keeps (a completed
enrollment has its date, a submitted attempt its score, a certificate its enrollment)."""

from datetime import timedelta

import factory
from django.utils import timezone

from courses.grading import snapshot_questions
from courses.models import (
    Assignment,
    Certificate,
    CertificateCounter,
    Enrollment,
    LessonCompletion,
    MinistryProgrammeApprovalTask,
    QuizAttempt,
)

from .pages import CourseLessonPageFactory, CoursePageFactory, QuizPageFactory
from .schools import TeacherFactory, UserFactory


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


class MinistryProgrammeApprovalTaskFactory(factory.django.DjangoModelFactory):
    """The review step for courses claiming a Ministry programme (groups added by the caller)."""

    class Meta:
        model = MinistryProgrammeApprovalTask

    name = factory.Sequence(lambda n: f"Одобрение на програма на МОН {n}")


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A course assigned to a teacher, due in 30 days (assigned_by: any user; tests that are
    about scope use courses.assignments.assignments_create as a coordinator)."""

    class Meta:
        model = Assignment

    teacher = factory.SubFactory(TeacherFactory)
    course = factory.SubFactory(CoursePageFactory)
    assigned_by = factory.SubFactory(UserFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
