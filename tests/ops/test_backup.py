"""A backup restored into an empty database and empty stores gives the same site back: pages,
enrollments, quiz attempts, certificates and files. On SQLite and, in CI, on PostgreSQL."""

import json
import os
import subprocess
import sys
import tarfile
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection

from cms.models import HomePage
from courses import services
from courses.models import Certificate, Enrollment, QuizAttempt
from ops.backup import backup_create
from tests.cms.test_settings import run_manage_many
from tests.courses.builders import make_course, steps
from tests.factories import make_teacher

ROOT = Path(__file__).resolve().parents[2]
RIGHT = {"q-single": ["q-single-0"], "q-tf": ["true"]}

# Printed the same way by this process and by one that reads the restored database.
SUMMARY = """
import json
from wagtail.models import Page
from courses.models import Certificate, Enrollment, QuizAttempt
print(json.dumps({
    "pages": sorted([p.url_path, p.title, p.live] for p in Page.objects.all()),
    "enrollments": sorted(
        [e.teacher.email, e.course.slug, e.status, e.percent]
        for e in Enrollment.objects.select_related("teacher", "course")
    ),
    "attempts": sorted([a.score, a.passed] for a in QuizAttempt.objects.all()),
    "certificates": sorted([c.number, c.code, c.holder_name] for c in Certificate.objects.all()),
}, default=str))
"""


def summary_here() -> dict:
    namespace = {}
    from io import StringIO

    out = StringIO()
    with redirect_stdout(out):
        exec(SUMMARY, namespace)  # noqa: S102 - our own fixed code, shared with the subprocess
    return json.loads(out.getvalue())


def environment(database_url: str, tmp: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp / "restored-media"),
        "PRIVATE_ROOT": str(tmp / "restored-private"),
    }


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def empty_database(tmp_path):
    """A new, empty database of the same kind as the one the tests run on."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg  # noqa: PLC0415 - only the PostgreSQL run needs it

    db = connection.settings_dict
    name = f"{db['NAME']}_restore"
    admin = f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/postgres"
    with psycopg.connect(admin, autocommit=True, password=db.get("PASSWORD") or None) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    with psycopg.connect(admin, autocommit=True, password=db.get("PASSWORD") or None) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restored_into_empty_places_gives_the_same_site(tmp_path, empty_database):
    home = HomePage.objects.get(locale__language_code="bg")
    course = make_course(home, slug="backup-course", lessons=1, quizzes=1)
    course.save_revision().publish()
    teacher = make_teacher(email="backup.teacher@example.test")
    enrollment = services.enrollment_create(teacher=teacher, course=course)
    lessons, quizzes = steps(course)
    services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quizzes[0])
    services.quiz_attempt_submit(attempt=attempt, answers=RIGHT)
    assert Certificate.objects.count() == 1
    assert Enrollment.objects.get().status == Enrollment.Status.COMPLETED
    assert QuizAttempt.objects.count() == 1
    storages["default"].save("original_images/cherga.png", ContentFile(b"\x89PNG image"))
    storages["private"].save("certificates/2026/x-bg.pdf", ContentFile(b"%PDF cert"))
    expected = summary_here()

    archive = tmp_path / "drom.tar"
    manifest = backup_create(archive)
    assert manifest["engine"] == connection.vendor
    assert manifest["files"] == {"default": 1, "private": 1}

    env = environment(empty_database, tmp_path)
    restored = manage(env, "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert "1 public and 1 private file(s)" in restored.stdout
    # A new process reads the restored site, then tries to restore again over it (one Django
    # start-up for both: see tests/cms/test_settings.py).
    check, again = run_manage_many(
        [["shell", "--no-imports", "-c", SUMMARY], ["restore", str(archive)]], **env
    )
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout) == expected
    assert (tmp_path / "restored-media/original_images/cherga.png").read_bytes() == b"\x89PNG image"
    assert (tmp_path / "restored-private/certificates/2026/x-bg.pdf").read_bytes() == b"%PDF cert"

    # Never over a live site: a second restore into the same places is refused.
    assert again.returncode != 0
    assert "The database is not empty" in again.stderr


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar"
    with tarfile.open(bogus, "w"):
        pass
    result = manage(
        environment(f"sqlite:///{tmp_path / 'x.sqlite3'}", tmp_path), "restore", str(bogus)
    )
    assert result.returncode != 0
    assert "is not a Drom backup" in result.stderr
