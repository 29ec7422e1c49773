"""The partners' JSON API and the recordings served from the library."""

import pytest

from tests.curriculum.conftest import make_audio, make_image, make_plan

pytestmark = pytest.mark.django_db


def test_api_lists_only_live_lesson_plans_with_their_metadata(client, library, song_plan):
    make_plan(library, title="Чернова", publish=False)
    response = client.get("/api/v2/lesson-plans/")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == [song_plan.title]
    assert items[0]["grade_bands"] == ["g1-4", "g5-7"]
    assert set(items[0]["topics"]) == {"holidays-customs", "music-song"}

    detail = client.get(f"/api/v2/lesson-plans/{song_plan.pk}/").json()
    assert detail["learning_outcome"] == song_plan.learning_outcome
    assert [block["type"] for block in detail["body"]][:2] == ["activity", "song"]


def test_api_does_not_show_a_draft_plan(client, library):
    draft = make_plan(library, title="Чернова", publish=False)
    assert client.get(f"/api/v2/lesson-plans/{draft.pk}/").status_code == 404


def test_api_is_read_only(client, song_plan):
    response = client.post("/api/v2/lesson-plans/", {"title": "x"})
    assert response.status_code == 405


def test_api_lists_media_with_transcript_and_licence(client, song_plan):
    items = client.get("/api/v2/media/?fields=transcript,licence,grade_bands").json()["items"]
    assert items[0]["transcript"] == "Bahtalo Vasilica"
    assert items[0]["licence"] == "cc-by-sa"


def test_recording_is_served_with_its_type_and_captions_track(client):
    from django.core.files.base import ContentFile

    audio = make_audio()
    audio.captions = ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nBaht\n", name="c.vtt")
    audio.save()
    response = client.get(audio.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    assert b"".join(response.streaming_content).startswith(b"RIFF")
    captions = client.get(audio.captions_url)
    assert captions["Content-Type"].startswith("text/vtt")
    download = client.get(audio.url + "?download=1")
    assert "attachment" in download["Content-Disposition"]


def test_private_collection_recording_is_refused(client):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Лично")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    audio = make_audio(collection=private)
    assert client.get(audio.url).status_code == 403


def test_resource_page_has_player_transcript_and_download(client, resource_library):
    audio = make_audio(transcript="Bahtalo Vasilica, sastipe thaj baht")
    response = client.get(resource_library.resource_url(audio))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<audio controls preload="none">' in html
    assert "sastipe thaj baht" in html
    assert 'class="filesize"' in html


def test_resource_library_filters_by_type_and_search(client, resource_library, song_plan):
    response = client.get(resource_library.url, {"type": "audio"})
    kinds = {r.kind for r in response.context["listing"].page.object_list}
    assert kinds == {"audio"}
    response = client.get(resource_library.url, {"q": "ЧЕРГА"})
    titles = [r.title for r in response.context["listing"].page.object_list]
    assert titles == ["Шарена черга"]


@pytest.mark.parametrize("query", ["черги", "чергата", "cherga", "ЧЕРГИТЕ"])
def test_resource_search_finds_word_forms_and_latin_spellings(client, resource_library, query):
    make_image(title="Шарена черга")
    make_image(title="Ковашки чук")
    response = client.get(resource_library.url, {"q": query})
    titles = [r.title for r in response.context["listing"].page.object_list]
    assert titles == ["Шарена черга"]


def test_unknown_resource_is_404(client, resource_library):
    assert client.get(resource_library.url + "audio/999/").status_code == 404
    assert client.get(resource_library.url + "poem/1/").status_code == 404


def test_image_resource_page_shows_the_download_size(client, resource_library):
    import re

    from tests.curriculum.conftest import make_image

    image = make_image(description="Черга от Сливен")
    html = client.get(resource_library.resource_url(image)).content.decode()
    assert re.search(r'class="filesize">\(PNG, \d', html)
    assert 'width="' in html and 'height="' in html
