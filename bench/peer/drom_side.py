"""Drom's side of the comparison: build the course shape, then measure in-process on request.

Run by bench.peer in Drom's virtualenv with production settings (DEBUG off) and the run's own
SQLite file: `python -m bench.peer.drom_side build` once, then `python -m bench.peer.drom_side`.
"""

import sys

import django

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from bench.peer import shared  # noqa: E402
from cms.models import HomePage  # noqa: E402
from courses.models import (  # noqa: E402
    CourseIndexPage,
    CourseLessonPage,
    CoursePage,
    Enrollment,
    LessonCompletion,
)
from schools import roles  # noqa: E402
from schools.models import School, User  # noqa: E402

SLUG = "peer-course"
EMAIL = "peer-bench-{}@drom.test"


@transaction.atomic
def build() -> None:
    home = HomePage.objects.get(locale=Locale.get_default())
    index = CourseIndexPage.objects.child_of(home).first()
    course = index.add_child(
        instance=CoursePage(
            title="Курс за сравнение",
            slug=SLUG,
            summary="Десет урока за приобщаващото образование.",
            academic_hours=16,
        )
    )
    course.save_revision().publish()
    lessons = []
    for number in range(1, shared.LESSONS + 1):
        body = [("paragraph", html) for html in shared.lesson_paragraphs(number)]
        lesson = course.add_child(
            instance=CourseLessonPage(title=f"Урок {number}", slug=f"lesson-{number}", body=body)
        )
        lesson.save_revision().publish()
        lessons.append(lesson)
    schools = list(School.objects.values_list("pk", flat=True)[:50])
    teachers = User.objects.bulk_create(
        User(
            email=EMAIL.format(k),
            first_name="Учител",
            last_name=f"Номер {k}",
            school_id=schools[k % len(schools)],
            password="!",  # noqa: S106 - nobody logs in with it: the bench logs in by session
        )
        for k in range(shared.TEACHERS)
    )
    group = Group.objects.get(name=roles.TEACHERS)
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=t.pk, group_id=group.pk) for t in teachers
    )
    now = timezone.now()
    done = {k: shared.completed_lessons(k) for k in range(shared.TEACHERS)}
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            teacher=t,
            course=course,
            school_id=t.school_id,
            status=Enrollment.Status.IN_PROGRESS,
            completed_lessons=len(done[k]),
            percent=len(done[k]) * 100 // shared.LESSONS,
            last_activity=now,
        )
        for k, t in enumerate(teachers)
    )
    LessonCompletion.objects.bulk_create(
        LessonCompletion(enrollment=e, teacher_id=e.teacher_id, lesson=lessons[n - 1])
        for k, e in enumerate(enrollments)
        for n in done[k]
    )
    print(
        f"Drom: {Enrollment.objects.filter(course=course).count()} enrollments, "
        f"{LessonCompletion.objects.filter(lesson__in=lessons).count()} completions",
        file=sys.stderr,
    )


def main() -> None:
    if sys.argv[1:] == ["build"]:
        build()
        return
    course = CoursePage.objects.get(slug=SLUG)
    lesson = CourseLessonPage.objects.child_of(course).get(slug=f"lesson-{shared.MEASURED_LESSON}")
    pages = {
        "course page (enrolled)": (course.url, True),
        "lesson page (enrolled)": (lesson.url, True),
        "course page (anonymous)": (course.url, False),
    }
    shared.reply({"urls": {name: url for name, (url, _) in pages.items()}})
    shared.serve_measurements(pages, User.objects.get(email=EMAIL.format(0)))


if __name__ == "__main__":
    main()
