"""Offline lesson plans: the service worker from the site's root, the manifest that puts Drom on
a phone's home screen, the "keep on this device" control of a saved plan with its size shown
before downloading, and nothing of it on the pages everyone shares."""

import io
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from PIL import Image

from cms.units import file_size
from curriculum.listening import listening_copy_make
from curriculum.models import DromMedia, SavedLessonPlan
from curriculum.pdf import lesson_plan_pdf_size

pytestmark = pytest.mark.django_db

# The worker stays small: it only answers from the cache when the network fails.
WORKER_BUDGET = 2 * 1024


def control(html: str) -> str:
    found = re.search(r"<section class=\"offline-control[^>]*>.*?</section>", html, re.DOTALL)
    return found.group(0) if found else ""


def test_the_worker_is_served_from_the_root_for_the_whole_site(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    assert response["X-Content-Type-Options"] == "nosniff"
    # The strict policy holds for it too: scripts and workers from this site only.
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "worker-src 'self'" in policy
    assert len(response.content) < WORKER_BUDGET
    source = response.content.decode()
    # It keeps nothing by itself and always asks the network first.
    assert "cache.put" not in source and "fetch(request).catch" in source
    assert "importScripts" not in source and "http" not in source.replace("https", "")


def test_the_manifest_names_drom_in_bulgarian_with_real_icons():
    with open(finders.find("manifest.webmanifest"), encoding="utf-8") as file:
        manifest = json.load(file)
    assert manifest["lang"] == "bg" and manifest["short_name"] == "Дром"
    assert manifest["display"] == "standalone" and manifest["scope"] == "/"
    pngs = [icon for icon in manifest["icons"] if icon["type"] == "image/png"]
    assert {icon["sizes"] for icon in pngs} >= {"192x192", "512x512"}
    assert any(icon["purpose"] == "maskable" for icon in pngs)
    for icon in pngs:
        with open(finders.find(icon["src"]), "rb") as file:
            width, height = Image.open(io.BytesIO(file.read())).size
        assert f"{width}x{height}" == icon["sizes"]
    assert manifest["shortcuts"][0]["url"] == reverse("curriculum_my_plans")


def test_a_saved_plan_offers_to_keep_it_with_its_size_before_downloading(
    teacher_client, teacher, song_plan
):
    recording = song_plan.body[1].value["recording"]
    listening_copy_make(media_id=recording.pk)
    recording = DromMedia.objects.get(pk=recording.pk)
    SavedLessonPlan.objects.create(user=teacher, page=song_plan)

    html = teacher_client.get(song_plan.url).content.decode()
    section = control(html)
    assert section and " hidden" in section.split(">", 1)[0]  # shown by the script only
    files = re.search(r'data-offline-files="([^"]*)"', section).group(1).split()
    worksheet = song_plan.body[2].value["document"]
    pdf_url = song_plan.url + "pdf/"
    assert files == [pdf_url, recording.listening_url, worksheet.url]  # the light copy, not WAV
    expected = lesson_plan_pdf_size(song_plan) + recording.listening_size + worksheet.file_size
    assert f"Запази на това устройство ({file_size(expected)})" in section
    assert re.search(r"\(\d+,\d КБ\)", section)
    assert f'data-offline-page="{song_plan.url}"' in section
    assert f'data-worker="{reverse("service_worker")}"' in section
    assert "Достъпен офлайн" in section
    # The script that keeps plans (and forgets them on logout) comes with the page.
    assert re.search(r'<script src="[^"]*js/offline\.js" defer>', html)
    assert '<form method="post" action="/accounts/logout/" class="inline-form" data-logout>' in html


def test_an_unsaved_plan_and_an_anonymous_visit_show_no_offline_control(
    client, teacher_client, song_plan
):
    assert not control(teacher_client.get(song_plan.url).content.decode())
    teacher_client.logout()
    response = client.get(song_plan.url)
    html = response.content.decode()
    assert not control(html)
    # The page everyone shares stays identical and cacheable: no worker script in it.
    assert "offline.js" not in html
    assert "public" in response["Cache-Control"]


def test_my_plans_marks_each_plan_kept_offline(teacher_client, teacher, song_plan, library):
    SavedLessonPlan.objects.create(user=teacher, page=song_plan)
    html = teacher_client.get(library.url + "my/").content.decode()
    badge = re.search(r"<p class=\"offline-badge\"[^>]*>.*?</p>", html, re.DOTALL).group(0)
    assert f'data-offline-badge="{song_plan.url}"' in badge
    assert " hidden" in badge and "Достъпен офлайн" in badge
    assert "private" in teacher_client.get(library.url + "my/")["Cache-Control"]


def test_logout_clears_what_the_phone_kept(teacher_client):
    response = teacher_client.post(reverse("logout"))
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_every_recording_link_says_its_size(client, song_plan, resource_library):
    recording = song_plan.body[1].value["recording"]
    listening_copy_make(media_id=recording.pk)
    recording = DromMedia.objects.get(pk=recording.pk)
    html = client.get(song_plan.url).content.decode()
    player = html.split("<audio", 1)[1].split("</ul>", 1)[0]
    sources = re.findall(r'<source src="([^"]+)" type=\'?"?([^>]+?)\'?>', player)
    assert [src for src, _ in sources] == [recording.listening_url, recording.url]
    light, original = file_size(recording.listening_size), file_size(recording.file_size)
    assert f'за слушане</a> <span class="filesize">(OGG, {light})' in player
    assert f'оригиналния запис</a> <span class="filesize">(WAV, {original})' in player
    assert "KБ" not in html  # the Latin K of Django's own filesizeformat
