"""seed_scale at a small size: the records keep the courses app's invariants and report well."""

import io

import pytest
from django.core.management import CommandError, call_command

from courses.models import Certificate, CoursePage, Enrollment, LessonCompletion
from reports import selectors
from reports.filters import ReportFilters
from schools.models import User

pytestmark = pytest.mark.django_db


def test_seed_scale_small(home_bg):
    out = io.StringIO()
    call_command(
        "seed_scale",
        "--teachers=300",
        "--schools=12",
        "--courses=3",
        "--enrollments=600",
        "--completions=1500",
        stdout=out,
    )
    assert "total" in out.getvalue()
    assert (
        User.objects.filter(email__endswith="@scale.drom.test", school__isnull=False).count() == 300
    )
    assert Enrollment.objects.count() == 600
    assert LessonCompletion.objects.count() == 1500
    completed = Enrollment.objects.filter(status="completed")
    assert Certificate.objects.count() == completed.count()
    assert not completed.filter(completed_at__isnull=True).exists()
    # Every teacher is counted once per course in the national overview.
    national = User.objects.get(email="national@scale.drom.test")
    course = CoursePage.objects.get(slug="scale-course-1")
    summary = selectors.course_summary(
        viewer=national, filters=ReportFilters(course=course), level="region"
    )
    assert summary.total.teachers == 300
    assert summary.total.completed == completed.filter(course=course).count()
    with pytest.raises(CommandError):
        call_command("seed_scale", "--teachers=1", "--schools=1", "--courses=1", stdout=out)
