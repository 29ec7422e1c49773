"""wagtail-lms's side of the comparison, run in its own virtualenv (bench/peer on the path):
`python -m peer_site.side build` once, then `python -m peer_site.side` to measure on request."""

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer_site.settings")

import django  # noqa: E402

django.setup()

import shared  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.db import transaction  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail_lms.models import (  # noqa: E402
    CourseEnrollment,
    CoursePage,
    H5PLessonCompletion,
    H5PLessonPage,
)

SLUG = "peer-course"
USERNAME = "teacher{}"


@transaction.atomic
def build() -> None:
    home = Page.objects.get(depth=2)  # the site's root page, made by Wagtail's first migration
    course = home.add_child(
        instance=CoursePage(
            title="Курс за сравнение",
            slug=SLUG,
            description="<p>Десет урока за приобщаващото образование.</p>",
        )
    )
    course.save_revision().publish()
    lessons = []
    for number in range(1, shared.LESSONS + 1):
        body = [("paragraph", html) for html in shared.lesson_paragraphs(number)]
        lesson = course.add_child(
            instance=H5PLessonPage(title=f"Урок {number}", slug=f"lesson-{number}", body=body)
        )
        lesson.save_revision().publish()
        lessons.append(lesson)
    users = User.objects.bulk_create(
        User(username=USERNAME.format(k), password="!")  # noqa: S106 - logged in by session
        for k in range(shared.TEACHERS)
    )
    CourseEnrollment.objects.bulk_create(CourseEnrollment(user=u, course=course) for u in users)
    H5PLessonCompletion.objects.bulk_create(
        H5PLessonCompletion(user=u, lesson=lessons[n - 1])
        for k, u in enumerate(users)
        for n in shared.completed_lessons(k)
    )
    print(
        f"wagtail-lms: {CourseEnrollment.objects.count()} enrollments, "
        f"{H5PLessonCompletion.objects.count()} completions",
        file=sys.stderr,
    )


def main() -> None:
    if sys.argv[1:] == ["build"]:
        build()
        return
    course = CoursePage.objects.get(slug=SLUG)
    lesson = H5PLessonPage.objects.child_of(course).get(slug=f"lesson-{shared.MEASURED_LESSON}")
    pages = {
        "course page (enrolled)": (course.url, True),
        "lesson page (enrolled)": (lesson.url, True),
        "course page (anonymous)": (course.url, False),
    }
    shared.reply({"urls": {name: url for name, (url, _) in pages.items()}})
    shared.serve_measurements(pages, User.objects.get(username=USERNAME.format(0)))


if __name__ == "__main__":
    main()
