"""Finds English interface text on a screen that should be all Bulgarian.

The interface vocabulary is every English word in the msgids of the catalogues Drom loads (Django,
Wagtail, wagtail-localize, wagtailmedia, taggit, Drom's own): a word from it on a Bulgarian screen
is an untranslated string. Content is not interface: texts stored in the database (English page
titles, Romani lyrics, names) are removed before looking, so only the interface is judged.
"""

import glob
import re
import zoneinfo
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.apps import apps
from django.db import models

# Names and abbreviations that are the same in Bulgarian. Keep this list short and say why.
ALLOWED = {
    "wagtail",  # the CMS's name (e.g. "Ръководство за редактори на Wagtail")
    "drom",  # the platform's name in Latin script (logo alt text, e-mail sender)
    # formats and acronyms
    "pdf", "csv", "xlsx", "json", "zip", "html", "url", "urls", "api", "id", "uin", "utc",
    # file types
    "webvtt", "mp3", "wav", "ogg", "flac", "m4a", "mp4", "webm", "jpeg", "png", "webp", "gif",
    "slug",  # shown beside its Bulgarian name: "адрес (slug)"
    "vtt",  # the captions file type (".vtt")
    "enter",  # the Enter key, named on the keyboard itself
    "english",  # the language switcher names each language in itself ("English")
}  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z']+")
URL = re.compile(r"(?:https?://|/)[\w.:/?&=%#+-]*[\w/]")
SKIP_TAGS = {"script", "style", "template", "noscript", "svg", "code", "pre", "textarea"}
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "aria-description")
CATALOGUE_GLOBS = ("**/locale/en/LC_MESSAGES/*.po", "**/locale/bg/LC_MESSAGES/*.po")


@cache
def interface_vocabulary() -> frozenset[str]:
    """Lower-case English words (3+ letters) of every msgid Drom's interface can show."""
    import django
    import wagtail

    roots = {Path(django.__file__).parents[1], Path(wagtail.__file__).parents[1]}
    roots.add(Path(__file__).resolve().parents[2])
    words = set()
    for root in roots:
        for pattern in CATALOGUE_GLOBS:
            for path in glob.glob(str(root / pattern), recursive=True):
                if "/.venv/" in path and root == Path(__file__).resolve().parents[2]:
                    continue
                for entry in polib.pofile(path):
                    text = re.sub(r"%\(\w+\)[sd]|\{\w*\}|<[^>]+>|&\w+;", " ", entry.msgid)
                    words.update(w.lower() for w in WORD.findall(text) if len(w) >= 3)
    return frozenset(words - ALLOWED)


def content_texts() -> list[str]:
    """Every short text stored in the database that has Latin letters: content, not interface."""
    texts = set()
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.FileField)
            and not f.choices
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for value in row:
                if isinstance(value, str) and 2 < len(value) <= 300 and WORD.search(value):
                    texts.add(value.strip())
                    texts.add(value.rsplit("/", 1)[-1])  # a file's name without its folder
                    # Rich text and multi-line fields show up line by line or tag by tag.
                    for part in re.split(r"<[^>]+>|\n", value):
                        if WORD.search(part) and len(part.strip()) > 2:
                            texts.add(part.strip())
    return sorted(texts, key=len, reverse=True)


class _Text(HTMLParser):
    """Visible text and the attributes people read (labels, titles, alt texts)."""

    VOID = {"input", "img", "br", "hr", "meta", "link", "source", "track", "area", "col", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skipping = 0
        self.stack: list[bool] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = tag in SKIP_TAGS or "hidden" in attrs
        if tag not in self.VOID:
            self.stack.append(hidden)
            self.skipping += hidden
        if self.skipping or hidden:
            return
        for name in ATTRIBUTES:
            if attrs.get(name):
                self.chunks.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.chunks.append(attrs["value"])

    def handle_startendtag(self, tag, attrs):
        if tag in self.VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.skipping -= self.stack.pop()

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.chunks.append(data)


def visible_texts(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return [" ".join(chunk.split()) for chunk in parser.chunks]


@cache
def time_zones() -> frozenset[str]:
    """IANA names ("Europe/Sofia") in the account's time zone list: identifiers, not words."""
    return frozenset(zoneinfo.available_timezones())


def english_in(texts, content: list[str]) -> list[str]:
    """The texts that still hold English interface words once content is taken out."""
    vocabulary = interface_vocabulary()
    found = []
    for text in texts:
        if text in time_zones():
            continue
        rest = URL.sub(" ", text)
        for value in content:
            if value in rest:
                rest = rest.replace(value, " ")
        words = [w for w in WORD.findall(rest) if w.lower() in vocabulary]
        if words:
            found.append(text)
    return found
