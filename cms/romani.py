"""Romani words inside Bulgarian (or English) text, marked so that screen readers and
translators know the language: `<span lang="rom">…</span>`.

Rich text gets them from the editor's "rom" button (the Draftail feature registered in
cms/wagtail_hooks.py). Plain-text fields such as quiz questions and their feedback use a written
convention: `[rom]Ederlezi[/rom]`, turned into the span when shown and into the bare word where
markup has no place (PDFs, e-mails, search).
"""

import re

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

MARK = re.compile(r"\[rom\](.+?)\[/rom\]", re.DOTALL)
FEATURE = "rom"
STYLE = "ROMANI"


def romani_html(text: str) -> SafeString:
    """`text` escaped, with each [rom]…[/rom] as a span in Romani."""
    parts, last = [], 0
    for match in MARK.finditer(text or ""):
        parts.append(conditional_escape(text[last : match.start()]))
        parts.append(format_html('<span lang="rom">{}</span>', match.group(1)))
        last = match.end()
    parts.append(conditional_escape((text or "")[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


def romani_plain(text: str) -> str:
    """`text` without the marks, where no markup can go."""
    return MARK.sub(r"\1", text or "")
