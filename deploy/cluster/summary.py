"""Printed by `manage.py shell` in the cluster's environment: what a backup must carry over."""

import json

from django.core.files.storage import storages
from wagtail.models import Page

from courses.models import Certificate, Enrollment, QuizAttempt


def walk(storage, directory=""):
    directories, files = storage.listdir(directory)
    found = [f"{directory}/{name}".lstrip("/") for name in files]
    for name in directories:
        found += walk(storage, f"{directory}/{name}".lstrip("/"))
    return found


print(
    json.dumps(
        {
            "pages": sorted([p.url_path, p.title, p.live] for p in Page.objects.all()),
            "enrollments": sorted(
                [e.teacher.email, e.course_id, e.status, e.percent]
                for e in Enrollment.objects.select_related("teacher")
            ),
            "attempts": sorted(
                [a.enrollment.teacher.email, a.score, a.passed]
                for a in QuizAttempt.objects.select_related("enrollment__teacher")
            ),
            "certificates": sorted(
                [c.number, c.code, c.holder_name] for c in Certificate.objects.all()
            ),
            "files": sorted(walk(storages["default"])) + sorted(walk(storages["private"])),
        },
        default=str,
    )
)
