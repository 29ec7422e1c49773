"""What the coordinator reports keep: export logs, reminders, weekly subscriptions, and the
enrollment tallies the database keeps."""

import factory
from django.utils import timezone

from reports.models import (
    EnrollmentTally,
    EnrollmentTallyByPosition,
    ExportLog,
    ReminderLog,
    ReportPreference,
    ReportSubscription,
)
from schools import roles

from .courses import EnrollmentFactory
from .pages import CoursePageFactory
from .schools import TeacherFactory, UserFactory


class NationalCoordinatorFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        UserFactory.groups.function(
            self, create, extracted or [roles.NATIONAL_COORDINATORS], **kwargs
        )


class ExportLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExportLog

    user = factory.SubFactory(NationalCoordinatorFactory)
    format = ExportLog.Format.XLSX
    course = factory.SubFactory(CoursePageFactory)
    level = "region"
    rows = 6


class ReminderLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReminderLog

    teacher = factory.SubFactory(TeacherFactory)
    course = factory.SubFactory(CoursePageFactory)
    sent_by = factory.SubFactory(NationalCoordinatorFactory)
    email = factory.SelfAttribute("teacher.email")
    sent_at = factory.LazyFunction(timezone.now)


class ReportSubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportSubscription

    user = factory.SubFactory(NationalCoordinatorFactory)


class ReportPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportPreference

    user = factory.SubFactory(NationalCoordinatorFactory)
    teacher_columns = factory.LazyFunction(lambda: ["position_label", "r_last_activity"])


class _TallyRowFactory(factory.django.DjangoModelFactory):
    """A tally row as the database makes it: by the triggers, for a new enrollment (the tally
    is never written by Django)."""

    enrollment = factory.SubFactory(EnrollmentFactory)

    @classmethod
    def _create(cls, model_class, *args, enrollment, **kwargs):
        return model_class.objects.get(
            teacher_school_id=enrollment.teacher.school_id, course_id=enrollment.course_id
        )


class EnrollmentTallyFactory(_TallyRowFactory):
    class Meta:
        model = EnrollmentTally


class EnrollmentTallyByPositionFactory(_TallyRowFactory):
    class Meta:
        model = EnrollmentTallyByPosition
