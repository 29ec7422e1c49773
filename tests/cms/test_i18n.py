"""Every Bulgarian catalogue is complete: no empty and no fuzzy translation."""

import re
from pathlib import Path

import polib
import pytest

from cms.management.commands.compile_translations import catalogues


def test_there_is_a_bulgarian_catalogue_for_the_site_and_each_app():
    owners = {path.parts[-5] if path.parts[-5] != "main" else "site" for path in catalogues()}
    paths = [str(p) for p in catalogues()]
    assert any(p.endswith("/locale/bg/LC_MESSAGES/django.po") for p in paths)
    for app in ("ops", "schools", "curriculum", "courses", "reports"):
        assert any(f"/{app}/locale/bg/" in p for p in paths), app
    assert owners


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(p.parents[4])))
def test_catalogue_has_no_untranslated_or_fuzzy_entries(path):
    po = polib.pofile(str(path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {path}"
    assert fuzzy == [], f"fuzzy in {path}"
    assert po.metadata.get("Language") == "bg"


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(p.parents[4])))
def test_placeholders_survive_translation(path):
    """A translation that drops or renames %(name)s would crash or mislead at run time."""
    for entry in polib.pofile(str(path)).translated_entries():
        if not entry.msgid_plural:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), entry.msgid
            continue
        known = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
        forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
        # No form may invent a placeholder; the plural form must keep them all (the singular
        # may spell "one" out, as Bulgarian often does).
        assert all(placeholders(form) <= known for form in forms), entry.msgid
        assert placeholders(forms[-1]) == placeholders(entry.msgid_plural), entry.msgid


def test_a_string_has_one_translation_across_catalogues():
    """Django merges the catalogues (the site's wins), so one English string translated two ways
    would silently show the other app's wording. Use a context (pgettext) to mean different things.
    """
    seen: dict[tuple[str | None, str], tuple[str, str]] = {}
    clashes = []
    for path in catalogues():
        for entry in polib.pofile(str(path)).translated_entries():
            if entry.msgid_plural:
                continue
            key = (entry.msgctxt, entry.msgid)
            if key in seen and seen[key][0] != entry.msgstr:
                clashes.append(f"{entry.msgid!r}: {seen[key]} vs {(entry.msgstr, str(path))}")
            seen.setdefault(key, (entry.msgstr, str(path)))
    assert clashes == []


def test_make_compiles_every_catalogue():
    """`make messages` builds each .mo from the PO_FILES patterns: a catalogue they miss would
    never be compiled, and its strings would silently stay in English."""
    from django.conf import settings

    base = Path(settings.BASE_DIR)
    line = next(
        row for row in (base / "Makefile").read_text().splitlines() if row.startswith("PO_FILES")
    )
    patterns = re.findall(r"[\w*/.-]+\.po", line)
    made = {path.resolve() for pattern in patterns for path in base.glob(pattern)}
    assert {path.resolve() for path in catalogues()} <= made
