"""Demo content of the library: lesson plans in Bulgarian with English translations, their
images, recordings and worksheets (all made here, nothing downloaded), and the September kit.

Idempotent: a plan, file or document that already exists (by slug or title) is left as it is.
"""

from datetime import date

from wagtail.models import Collection, Locale

from curriculum import generate
from curriculum.listening import listening_copy_make
from curriculum.models import (
    DromDocument,
    DromImage,
    DromMedia,
    LessonPlanIndexPage,
    LessonPlanPage,
    ResourceLibraryPage,
    Topic,
)

from . import feedback
from .plans import KIT, PLANS

INTROS = {
    "bg": "<p>Готови планове на уроци по ромски фолклор за всички възрасти: песни, приказки, "
    "празници и занаяти. Филтрирайте по клас, тема и повод или потърсете дума.</p>",
    "en": "<p>Ready-to-teach Roma folklore lesson plans for every age: songs, tales, holidays "
    "and crafts. Filter by grade, topic and occasion, or search for a word.</p>",
}
RESOURCE_INTROS = {
    "bg": "<p>Всички изображения, записи, видеа и работни листове на библиотеката.</p>",
    "en": "<p>Every image, recording, video and worksheet in the library.</p>",
}


def _collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name="Библиотека").first()
    return existing or root.add_child(name="Библиотека")


def _image(spec, collection, topics):
    title = spec["image_title"]
    image = DromImage.objects.filter(title=title).first()
    if image is None:
        image = DromImage(
            title=title,
            file=generate.picture(
                name=f"{spec['slug']}.png", colours=spec["colours"], seed=spec["seed"]
            ),
            collection=collection,
            title_en=spec["en"]["gallery"],
            alt_text=spec["bg"]["alt"],
            alt_text_en=spec["en"]["alt"],
            description=spec["image_description"],
            description_en=f"{spec['en']['alt']}.",
            creator="Дром (генерирано изображение)",
            licence="cc-by-sa",
            languages=[],
            grade_bands=spec["grades"],
        )
        image.file_size = image.file.size
        image.save()
        image.topics.set(topics)
    return image


def _audio(spec, collection, topics):
    song = spec["song"]
    title = f"{song['bg']['title']} (запис)"
    media = DromMedia.objects.filter(title=title).first()
    if media is None:
        media = DromMedia(
            title=title,
            type="audio",
            file=generate.melody(name=f"{spec['slug']}.wav", tune=song["tune"]),
            collection=collection,
            duration=len(song["tune"]) * 0.3,
            title_en=f"{song['en']['title']} (recording)",
            description=song["bg"]["description"],
            description_en=song["en"]["description"],
            creator="Дром (генерирана мелодия)",
            origin=spec.get("community", ""),
            licence="cc-by-sa",
            languages=["rom", "bg"],
            grade_bands=spec["grades"],
            # The lyrics in Romani, then the translation: [rom]…[/rom] marks the Romani part.
            transcript=f"[rom]{song['romani']}[/rom]\n\n{song['bg']['translation']}",
            transcript_en=f"[rom]{song['romani']}[/rom]\n\n{song['en']['translation']}",
        )
        media.save()
        media.topics.set(topics)
    # The demo ships the light copy the pages play (the WAV stays as the original download).
    listening_copy_make(media_id=media.pk)
    media.refresh_from_db()
    return media


# Each worksheet exists as a Bulgarian and an English file; both carry a Bulgarian title (the
# Bulgarian site never shows an English one) and an English title for the English site.
WORKSHEET_TITLES = {
    "bg": ("{bg}", "{en} (in Bulgarian)"),
    "en": ("{bg} (на английски)", "{en}"),
}


def _worksheet(spec, collection, topics, lang="bg"):
    sheet = spec["worksheet"][lang]
    names = {code: spec["worksheet"][code]["title"] for code in ("bg", "en")}
    title, title_en = (pattern.format(**names) for pattern in WORKSHEET_TITLES[lang])
    document = DromDocument.objects.filter(title=title).first()
    if document is None:
        file = generate.worksheet(
            name=f"{spec['slug']}-{lang}.pdf", title=sheet["title"], lines=sheet["tasks"]
        )
        document = DromDocument(
            title=title,
            title_en=title_en,
            file=file,
            collection=collection,
            description=spec["worksheet"]["bg"]["tasks"][0],
            description_en=spec["worksheet"]["en"]["tasks"][0],
            creator="Дром",
            licence="cc-by-sa",
            languages=[lang],
            grade_bands=spec["grades"],
        )
        document.file_size = file.size
        document.save()
        document.topics.set(topics)
    return document


def _body(spec, lang, files):
    text = spec[lang]
    body = []
    for title, minutes, instructions in text["steps"]:
        body.append(
            (
                "activity",
                {"title": title, "minutes": minutes, "instructions": f"<p>{instructions}</p>"},
            )
        )
    if "song" in spec:
        song = spec["song"]
        body.insert(
            1,
            (
                "song",
                {
                    "title": song[lang]["title"],
                    "lyrics_romani": song["romani"],
                    "lyrics_translation": song[lang]["translation"],
                    "recording": files["audio"],
                    "notes": f"<p>{song[lang]['description']}</p>",
                },
            ),
        )
    if "tale" in text:
        tale = text["tale"]
        body.insert(
            1,
            (
                "tale",
                {
                    "title": tale["title"],
                    "text": f"<p>{tale['text']}</p>",
                    "source": tale["source"],
                    "recording": None,
                },
            ),
        )
    body.append(
        (
            "gallery",
            {
                "title": text["gallery"],
                "images": [
                    {"image": files["image"], "alt_text": spec[lang]["alt"], "decorative": False}
                ],
            },
        )
    )
    if "worksheet" in spec:
        body.append(
            (
                "worksheet",
                {
                    "document": files[f"worksheet_{lang}"],
                    "description": spec["worksheet"][lang]["tasks"][0],
                },
            )
        )
    body.append(("questions", {"title": "", "questions": text["discussion"]}))
    return body


# The dialect names of the demo vocabulary, for the English plans (the Bulgarian name stood there).
DIALECTS_EN = {"общоупотребима": "common", "калдерашки": "Kalderash", "ерлийски": "Erli"}


def _dialect(name: str, lang: str) -> str:
    return DIALECTS_EN.get(name, name) if lang == "en" else name


def _fields(spec, lang, files):
    text = spec[lang]
    return {
        "title": text["title"],
        "summary": text["summary"],
        "learning_outcome": text["outcome"],
        "key_points": [("point", p) for p in text["points"]],
        "essential_questions": [("question", q) for q in text["essential"]],
        "misconceptions": [
            ("misconception", {"misconception": m, "response": r}) for m, r in text.get("myths", [])
        ],
        "vocabulary": [
            ("word", {"term": term, "gloss": gloss, "dialect": _dialect(dialect, lang)})
            for (term, dialect), gloss in zip(spec["vocabulary"], text["glosses"], strict=True)
        ],
        "teacher_tips": f"<p>{text['tips']}</p>",
        "materials": "<ul>" + "".join(f"<li>{m}</li>" for m in text["materials"]) + "</ul>",
        "body": _body(spec, lang, files),
        "starter_check": [("question", {"question": q, "answer": a}) for q, a in text["starter"]],
        "exit_check": [("question", {"question": q, "answer": a}) for q, a in text["exit"]],
        "assessment": f"<p>{text['assessment']}</p>",
        "inclusion": f"<p>{text['inclusion']}</p>",
        "sensitive_content": f"<p>{text['sensitive']}</p>" if text.get("sensitive") else "",
        "community": text.get("community", ""),
        "place_of_origin": text.get("place", ""),
        "authors": text["authors"],
    }


def _plan(spec, library_bg, en, collection, log):
    page = LessonPlanPage.objects.child_of(library_bg).filter(slug=spec["slug"]).first()
    topics = list(Topic.objects.filter(slug__in=spec["topics"]))
    files = {"image": _image(spec, collection, topics)}
    if "song" in spec:
        files["audio"] = _audio(spec, collection, topics)
    if "worksheet" in spec:
        files["worksheet_bg"] = _worksheet(spec, collection, topics, "bg")
        files["worksheet_en"] = _worksheet(spec, collection, topics, "en")
    common = {
        "grade_bands": spec["grades"],
        "teaching_form": spec.get("form", "elective"),
        "duration_minutes": spec["minutes"],
        "genre": spec.get("genre", ""),
        "occasion": spec.get("occasion", ""),
        "languages": spec["languages"],
        "supervision": spec.get("supervision", "none"),
        "licence": "cc-by-sa",
        "last_reviewed": date(2026, 9, 1),
        "cover_image": files["image"],
    }
    if page is None:
        page = LessonPlanPage(slug=spec["slug"], **common, **_fields(spec, "bg", files))
        library_bg.add_child(instance=page)
        page.topics.set(topics)
        page.save_revision().publish()
        log(f"lesson plan {spec['slug']}")
    if not page.has_translation(en):
        translation = page.copy_for_translation(en)
        for name, value in _fields(spec, "en", files).items():
            setattr(translation, name, value)
        translation.topics.set(topics)
        translation.save_revision().publish()
        log(f"lesson plan /en/{spec['slug']}")


def _kit(collection, log):
    for item in KIT:
        if DromDocument.objects.filter(title=item["title"]).exists():
            continue
        file = generate.worksheet(
            name=f"{item['slug']}.pdf", title=item["title"], lines=item["lines"]
        )
        document = DromDocument(
            title=item["title"],
            file=file,
            collection=collection,
            description=item["description"],
            creator="Дром",
            licence="cc-by",
            languages=["bg"],
            grade_bands=["g1-4", "g5-7", "g8-10", "g11-12"],
        )
        document.file_size = file.size
        document.save()
        document.tags.add("комплект за септември")
        document.topics.set(Topic.objects.filter(slug="september-kit"))
        log(f"document {item['slug']}")


def load(log) -> None:
    en = Locale.objects.get(language_code="en")
    libraries = {
        lib.locale.language_code: lib
        for lib in LessonPlanIndexPage.objects.select_related("locale")
    }
    for code, library in libraries.items():
        if not library.intro and code in INTROS:
            library.intro = INTROS[code]
            library.save_revision().publish()
            resources = ResourceLibraryPage.objects.child_of(library).first()
            if resources is not None and not resources.intro:
                resources.intro = RESOURCE_INTROS[code]
                resources.save_revision().publish()
    collection = _collection()
    for spec in PLANS:
        _plan(spec, libraries["bg"], en, collection, log)
    _kit(collection, log)
    feedback.load(log)
