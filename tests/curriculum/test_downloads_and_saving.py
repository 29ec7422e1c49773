"""Offline use (PDF, lesson pack) and teachers' saved lesson plans."""

import io
import zipfile

import pytest
from pypdf import PdfReader
from pytest_django.asserts import assertRedirects

from curriculum.models import SavedLessonPlan

pytestmark = pytest.mark.django_db


def test_pdf_of_a_lesson_plan_has_the_cyrillic_text(client, song_plan):
    response = client.get(song_plan.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Василица – ромската Нова година" in text
    assert "Честита Василица" in text  # the song's translation
    assert "Кога е Василица? — 14 януари" in text  # starter check with its answer
    assert "bah — щастие" in text  # vocabulary
    assert "мин." in text and " min" not in text  # durations in Bulgarian (cms.units)


def test_english_pdf_labels_are_english(client, song_plan):
    from django.utils import translation

    with translation.override("en"):
        from curriculum.pdf import lesson_plan_pdf

        data = lesson_plan_pdf(song_plan)
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Learning outcome" in text


def test_lesson_pack_zip_holds_plan_worksheets_and_recordings(client, song_plan):
    response = client.get(song_plan.url + "pack/")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert "vasilitsa.pdf" in names
    assert any(n.startswith("worksheets/") and n.endswith(".pdf") for n in names)
    assert any(n.startswith("recordings/") and n.endswith(".wav") for n in names)
    assert archive.testzip() is None


def test_download_sizes_are_shown_next_to_pdf_and_pack_links(client, song_plan):
    import re

    html = client.get(song_plan.url).content.decode()
    sizes = re.findall(
        r'<a href="([^"]+)" download>[^<]*</a> <span class="filesize">\(([^)]*)\)', html
    )
    by_url = {url.rsplit("/", 2)[-2]: size for url, size in sizes}
    assert re.search(r"\d", by_url["pdf"]) and re.search(r"\d", by_url["pack"])
    # Every download link on the page carries a size.
    assert html.count(" download>") == len(sizes)


def test_teacher_saves_and_removes_a_plan(teacher_client, teacher, song_plan, library):
    response = teacher_client.post(song_plan.url + "save/")
    assertRedirects(response, song_plan.url, fetch_redirect_response=False)
    assert SavedLessonPlan.objects.filter(user=teacher, page=song_plan).exists()
    # Saving twice keeps one entry.
    teacher_client.post(song_plan.url + "save/")
    assert SavedLessonPlan.objects.filter(user=teacher).count() == 1
    mine = teacher_client.get(library.url + "my/")
    assert song_plan.title in mine.content.decode()
    assert "no-cache" in mine["Cache-Control"] and "private" in mine["Cache-Control"]
    teacher_client.post(song_plan.url + "save/", {"action": "remove"})
    assert not SavedLessonPlan.objects.filter(user=teacher).exists()


def test_saving_needs_post(teacher_client, teacher, song_plan):
    response = teacher_client.get(song_plan.url + "save/")
    assert response.status_code == 405
    assert not SavedLessonPlan.objects.exists()


def test_saving_needs_csrf(teacher, song_plan):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    response = client.post(song_plan.url + "save/")
    assert response.status_code == 403
    assert not SavedLessonPlan.objects.exists()


def test_anonymous_cannot_save_or_see_my_plans(client, song_plan, library):
    response = client.post(song_plan.url + "save/")
    assertRedirects(
        response, f"/accounts/login/?next={song_plan.url}", fetch_redirect_response=False
    )
    assert not SavedLessonPlan.objects.exists()
    response = client.get(library.url + "my/")
    assertRedirects(
        response, f"/accounts/login/?next={library.url}my/", fetch_redirect_response=False
    )


def test_a_teacher_sees_only_their_own_saved_plans(client, song_plan, library):
    from tests.factories import UserFactory

    other = UserFactory(email="other@example.test")
    mine = UserFactory(email="mine@example.test")
    SavedLessonPlan.objects.create(user=other, page=song_plan)
    client.force_login(mine)
    response = client.get(library.url + "my/")
    assert song_plan.title not in response.content.decode()
