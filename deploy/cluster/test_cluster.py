"""Checks through the proxy that two app servers, a worker and the stores act as one Drom.

The tests run in this order (the SMTP sink holds the third message it is sent, so the
reminder test must be the first to send mail).
"""

from __future__ import annotations

import email
import io
import json
import re
import signal
import time
from email import policy
from pathlib import Path

import pytest
import requests
from PIL import Image

from .conftest import (
    PASSWORD,
    RESTORE_BUCKET,
    Visitor,
    cluster_environment,
    free_port,
    pg_execute,
    wait_for,
)

pytestmark = pytest.mark.cluster
REMINDED = 5


def upstreams(responses) -> set[str]:
    return {response.headers.get("X-Upstream", "") for response in responses}


def messages(cluster) -> list:
    return [
        email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(cluster.maildir.glob("*.eml"))
    ]


def test_a_reminder_is_sent_once_by_the_worker_even_when_it_is_killed_mid_batch(cluster, visitor):
    plan = cluster.python(
        "import json\n"
        "from datetime import timedelta\n"
        "from django.utils import timezone\n"
        "from courses.models import Enrollment\n"
        "from reports.filters import report_courses\n"
        "from reports.models import ReminderLog\n"
        "from schools import scoping\n"
        "from schools.models import User\n"
        "coordinator = User.objects.get(email='coordinator@drom.test')\n"
        "course = report_courses().filter(live=True).first()\n"
        "done = Enrollment.objects.filter(course=course, status='completed')"
        ".values('teacher_id')\n"
        "recent = ReminderLog.objects.filter(course=course, "
        "created_at__gt=timezone.now() - timedelta(days=7)).values('teacher_id')\n"
        "teachers = scoping.teachers_visible_to(coordinator).filter(is_active=True)"
        f".exclude(pk__in=done).exclude(pk__in=recent).order_by('pk')[:{REMINDED}]\n"
        "print(json.dumps({'course': course.pk, "
        "'teachers': {t.pk: t.email for t in teachers}}))"
    )
    assert len(plan["teachers"]) == REMINDED
    assert visitor.login("coordinator@drom.test").status_code == 302
    response = (
        visitor.submit(
            "/admin/coordinator-reports/",
            {"course": plan["course"], "teacher": list(plan["teachers"])},
        )
        if False
        else None
    )
    token = visitor.csrf_from(f"/admin/coordinator-reports/?course={plan['course']}")
    response = visitor.post(
        "/admin/coordinator-reports/remind/",
        data={
            "csrfmiddlewaretoken": token,
            "course": plan["course"],
            "teacher": list(plan["teachers"]),
        },
    )
    assert response.status_code == 302

    # The worker sends two, then the mail server keeps it waiting on the third: kill it there.
    wait_for(lambda: (cluster.maildir / "HELD").exists(), what="the third e-mail", timeout=90)
    assert len(messages(cluster)) == 2
    cluster.stop("worker", signal.SIGKILL)
    left = cluster.python(
        "import json\n"
        "from django_tasks_db.models import DBTaskResult\n"
        "print(json.dumps(list(DBTaskResult.objects.filter(status='RUNNING')"
        ".values_list('task_path', flat=True))))"
    )
    assert left == ["ops.tasks.deliver_emails"]  # cut off mid-batch, still marked running

    cluster.start_worker()
    wait_for(lambda: len(messages(cluster)) >= REMINDED, what="all reminders", timeout=90)
    time.sleep(3)  # anything sent twice would arrive now
    sent = messages(cluster)
    recipients = sorted(str(message["To"]) for message in sent)
    assert recipients == sorted(plan["teachers"].values())  # each exactly once
    assert all(cluster.url in message.get_content() for message in sent)  # links: BASE_URL
    state = cluster.python(
        "import json\n"
        "from ops.models import OutgoingEmail\n"
        "from django_tasks_db.models import DBTaskResult\n"
        "print(json.dumps([sorted(set(OutgoingEmail.objects.values_list('status', flat=True))),"
        " DBTaskResult.objects.filter(status='RUNNING').count()]))"
    )
    assert state == [["sent"], 0]


def test_a_login_made_on_one_server_holds_on_the_other(visitor):
    assert visitor.login("teacher@drom.test").status_code == 302
    pages = [visitor.get("/learning/") for _ in range(6)]
    assert all(page.status_code == 200 for page in pages)
    assert all("teacher@drom.test" in page.text or "Моето обучение" in page.text for page in pages)
    assert len(upstreams(pages)) == 2  # both app servers answered, both knew the session


def test_a_login_lockout_is_shared(cluster):
    attacker = Visitor(cluster.url)
    # One form, posted again and again: the proxy alternates the app servers between posts.
    token = attacker.csrf_from("/accounts/login/")

    def attempt(password):
        return attacker.post(
            "/accounts/login/",
            data={
                "csrfmiddlewaretoken": token,
                "username": "uchitel007@drom.test",
                "password": password,
            },
        )

    failures = [attempt("wrong-password-123") for _ in range(4)]
    assert [answer.status_code for answer in failures] == [200] * 4
    assert len(upstreams(failures)) == 2  # the failures were counted on both servers
    fifth = attempt("wrong-password-123")
    assert fifth.status_code == 429
    locked = [attempt(PASSWORD) for _ in range(2)]  # the right password, on both servers
    assert len(upstreams(locked)) == 2
    assert [answer.status_code for answer in locked] == [429, 429]
    assert "sessionid" not in attacker.cookies


def test_the_sign_up_limit_is_shared(cluster):
    newcomer = Visitor(cluster.url)
    token = newcomer.csrf_from("/accounts/signup/")
    answers = [
        newcomer.post(
            "/accounts/signup/",
            data={"csrfmiddlewaretoken": token, "email": f"not-an-address-{n}"},
        )
        for n in range(31)
    ]
    assert len(upstreams(answers)) == 2
    limited = [n for n, answer in enumerate(answers) if "Твърде много регистрации" in answer.text]
    assert limited == [30]  # the 31st of the hour, whichever server counted the others


def test_an_image_uploaded_through_one_server_is_served_through_the_other_from_the_store(
    cluster, visitor
):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(buffer, "PNG")
    data = buffer.getvalue()
    # The administrator: authors' image permissions are granted on Drom's image model while
    # Wagtail checks wagtailimages.Image (reported separately); this test is about the store.
    assert visitor.login("admin@drom.test").status_code == 302
    form = visitor.get("/admin/images/add/").text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    fields = {"csrfmiddlewaretoken": token, "title": "Клъстер", "licence": "cc-by-sa"}
    collection = re.search(r'name="collection"[^>]*>\s*<option value="(\d+)"', form)
    if collection:
        fields["collection"] = collection.group(1)
    upload = visitor.post(
        "/admin/images/add/", data=fields, files={"file": ("klaster.png", data, "image/png")}
    )
    assert upload.status_code == 302, upload.text[:2000]
    uploaded_on = upload.headers["X-Upstream"]

    listing = wait_for(
        lambda: [
            answer
            for answer in [visitor.get("/api/v2/images/?title=Клъстер")]
            if answer.headers["X-Upstream"] != uploaded_on and answer.json()["items"]
        ],
        what="the API through the other server",
        timeout=20,
        interval=0.1,
    )[0]
    item = listing.json()["items"][0]
    original = item["meta"]["download_url"]
    assert original.startswith(f"{cluster.url}/media/original_images/")
    served = requests.get(original, timeout=10)
    assert served.status_code == 200 and served.content == data
    assert served.headers["X-Upstream"] == "store"
    # A rendition made by the other server is in the store too.
    edit = wait_for(
        lambda: [
            answer
            for answer in [visitor.get(f"/admin/images/{item['id']}/")]
            if answer.headers["X-Upstream"] != uploaded_on
        ],
        what="the image page through the other server",
        timeout=20,
        interval=0.1,
    )[0]
    rendition = re.search(rf'src="({re.escape(cluster.url)}/media/images/[^"]+)"', edit.text)
    assert rendition, edit.text[:2000]
    assert requests.get(rendition.group(1), timeout=10).headers["Content-Type"].startswith("image/")
    in_store = cluster.python(
        "import json\nfrom django.core.files.storage import storages\n"
        "print(json.dumps(storages['default'].exists('original_images/klaster.png')))"
    )
    assert in_store is True


def test_a_scheduled_page_goes_live(cluster, visitor):
    path = cluster.python(
        "import json\n"
        "from datetime import timedelta\n"
        "from django.utils import timezone\n"
        "from cms.models import HomePage, StandardPage\n"
        "home = HomePage.objects.get(locale__language_code='bg')\n"
        "page = home.add_child(instance=StandardPage(title='Обява', slug='obyava', live=False))\n"
        "page.save_revision(approved_go_live_at=timezone.now() + timedelta(seconds=2))\n"
        "print(json.dumps(page.url))"
    )
    before = [requests.get(cluster.url + path, timeout=10) for _ in range(2)]
    assert [page.status_code for page in before] == [404, 404]
    time.sleep(2.5)
    ran = cluster.manage("run_scheduled")  # what cron runs every minute
    assert "publish_scheduled" in ran.stdout
    after = [requests.get(cluster.url + path, timeout=10) for _ in range(4)]
    assert all(page.status_code == 200 and "Обява" in page.text for page in after)
    assert len(upstreams(after)) == 2


SUMMARY = (Path(__file__).parent / "summary.py").read_text()


def test_a_backup_restored_into_an_empty_database_and_store_gives_the_same_site(cluster):
    archive = cluster.tmp / "drom-backup.tar"
    made = cluster.manage("backup", str(archive))
    assert "postgresql database" in made.stdout
    original = cluster.python(SUMMARY)
    assert original["enrollments"] and original["attempts"] and original["certificates"]

    restore_url = cluster.env["DATABASE_URL"] + "_restore"
    pg_execute(restore_url, f'CREATE DATABASE "{restore_url.rpartition("/")[2]}"')
    # Its own Redis database too: nothing cached for the original may answer for the copy.
    restored_env = cluster_environment(
        cluster.ports, cluster.tmp, restore_url, RESTORE_BUCKET, redis_db=1
    )
    cluster.manage("storage_setup", "--create", env=restored_env)
    done = cluster.manage("restore", str(archive), env=restored_env)
    assert "Restored the backup" in done.stdout
    assert cluster.python(SUMMARY, env=restored_env) == original

    # The same pages, as an app server on the restored database serves them.
    port = free_port()
    cluster.start_app("restored", port, env=restored_env)
    wait_for(
        lambda: requests.get(f"http://127.0.0.1:{port}/readyz", timeout=5).ok,
        what="the restored server",
    )
    code = original["certificates"][0][1]
    for path in ("/", "/library/", "/en/", f"/learning/verify/{code}/", "/sitemap.xml"):
        live = requests.get(cluster.url + path, timeout=10)
        again = requests.get(
            f"http://127.0.0.1:{port}{path}",
            timeout=10,
            headers={"Host": f"127.0.0.1:{cluster.ports['proxy']}"},
        )
        assert live.status_code == again.status_code == 200, path
        assert normalise(again.text) == normalise(live.text), path
    cluster.stop("restored")


def normalise(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_probes_and_json_logs_with_the_proxy_request_id(cluster):
    ready = requests.get(cluster.url + "/readyz", timeout=10)
    assert ready.json() == {
        "database": "ok",
        "cache": "ok",
        "storage": "ok",
        "private_storage": "ok",
    }
    answer = requests.get(cluster.url + "/robots.txt", timeout=10)
    request_id = answer.headers["X-Request-ID"]
    assert len(request_id) == 32  # nginx's $request_id, passed on and echoed back
    lines = [
        json.loads(line)
        for name in ("app1", "app2")
        for line in cluster.log(name).splitlines()
        if line.startswith("{")
    ]
    mine = [line for line in lines if line.get("request_id") == request_id]
    assert mine and mine[0]["path"] == "/robots.txt" and mine[0]["status"] == 200
