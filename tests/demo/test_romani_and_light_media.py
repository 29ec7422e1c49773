"""The demo marks its Romani words and ships light recordings: transcripts and lyrics in
lang="rom" under a Bulgarian heading that is not, quiz questions with their Romani words marked,
and every recording with an Opus copy a fraction of the WAV's size."""

import re

from courses.models import QuizPage
from curriculum.models import DromMedia, LessonPlanPage


def test_every_demo_recording_has_a_light_copy(client):
    recordings = list(DromMedia.objects.filter(type="audio"))
    assert recordings
    for media in recordings:
        assert media.listening_ready, media
        assert media.listening_size < media.file_size / 3


def test_the_transcript_is_romani_and_its_heading_is_not(client):
    media = DromMedia.objects.get(title="Херделези идва (запис)")
    html = client.get(f"/library/resources/audio/{media.pk}/").content.decode()
    transcript = html.split('<h2 id="transcript">Транскрипция</h2>', 1)[1].split("</section>", 1)[0]
    assert transcript.startswith('\n                    <div class="transcript">')
    assert '<p><span lang="rom">Herdelezi, Herdelezi,<br>avel o nilaj,' in transcript
    assert "<p>Херделези, Херделези,<br>идва лятото," in transcript  # the translation: page's bg


def test_the_song_heading_romani_sits_outside_the_romani_lyrics(client):
    plan = LessonPlanPage.objects.get(slug="herdelezi", locale__language_code="bg")
    html = client.get(plan.url).content.decode()
    # The heading is Bulgarian ("романи"): outside the element in Romani, not inside it.
    assert re.search(r'<div><h4>романи</h4><pre lang="rom">Herdelezi, Herdelezi,', html, re.I)
    assert not re.search(r'lang="rom"[^>]*>\s*<h\d>романи', html, re.I)


def test_the_demo_quiz_marks_its_romani_words():
    texts = [
        child.value["text"]
        for quiz in QuizPage.objects.filter(locale__language_code="bg")
        for child in quiz.questions
    ]
    assert any("[rom]Ederlezi[/rom]" in text for text in texts)
