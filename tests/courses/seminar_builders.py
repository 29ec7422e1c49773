"""A blended course for the seminar tests: 16 academic hours, one self-paced lesson and one
seminar whose sessions give 8 hours in person."""

from datetime import timedelta

from django.utils import timezone

from schools.models import Region
from tests.courses.builders import catalogue
from tests.factories import (
    CourseLessonPageFactory,
    CoursePageFactory,
    SeminarPageFactory,
    SeminarSessionFactory,
    TrainerFactory,
)


def make_blended_course(home, *, slug="blended"):
    course = CoursePageFactory(
        parent=catalogue(home),
        title="Ромски фолклор в класната стая",
        slug=slug,
        academic_hours=16,
        programme_name="Ромски фолклор",
        uin="4000777",
        credits=1,
    )
    lesson = CourseLessonPageFactory(parent=course, title="Самостоятелен модул", slug="module-1")
    seminar = SeminarPageFactory(parent=course, title="Семинар", slug="seminar")
    return course, lesson, seminar


def make_session(seminar, *, region_code=None, days=7, hours=8, capacity=20, trainer=None):
    starts = timezone.now() + timedelta(days=days)
    return SeminarSessionFactory(
        seminar=seminar,
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        region=Region.objects.get(code=region_code) if region_code else None,
        academic_hours=hours,
        capacity=capacity,
        trainer=trainer or TrainerFactory(),
    )
