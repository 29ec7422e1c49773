"""One set of helpers for sizes, durations and dates, in pages and PDFs alike."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from cms import units


@pytest.mark.parametrize(
    ("size", "bg", "en"),
    [
        (172_800, "168,8 КБ", "168.8 KB"),
        (1024, "1,0 КБ", "1.0 KB"),
        (5 * 1024 * 1024, "5,0 МБ", "5.0 MB"),
        (3 * 1024**3, "3,0 ГБ", "3.0 GB"),
        (600, "600 байта", "600 bytes"),
    ],
)
def test_sizes_are_written_as_each_language_writes_them(size, bg, en):
    with translation.override("bg"):
        assert units.file_size(size) == bg
    with translation.override("en"):
        assert units.file_size(size) == en
    assert units.file_size(None) == ""


def test_the_size_unit_is_all_cyrillic():
    with translation.override("bg"):
        assert units.file_size(172_800).endswith("\u041a\u0411")  # К and Б, no Latin K


def test_durations_and_dates():
    with translation.override("bg"):
        assert units.minutes(40) == "40 мин."
        assert units.long_date(datetime.date(2026, 9, 1)) == "1 септември 2026 г."
    with translation.override("en"):
        assert units.minutes(40) == "40 min"


def test_template_filters_use_the_same_helpers():
    template = Template(
        "{% load drom_tags %}{{ s|file_size }} · {{ m|minutes }} · {{ d|long_date }}"
    )
    with translation.override("bg"):
        out = template.render(Context({"s": 172_800, "m": 80, "d": datetime.date(2026, 9, 1)}))
    assert out == "168,8 КБ · 80 мин. · 1 септември 2026 г."
