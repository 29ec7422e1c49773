"""A lesson plan as a PDF for teachers without a connection in the classroom (fpdf2, DejaVu)."""

import re
from html import unescape

from django.core.cache import cache
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from cms.pdf import FONT, new_pdf
from cms.units import long_date, minutes

PDF_TIMEOUT = 60 * 60 * 24
SIZE_TIMEOUT = 60 * 60 * 24 * 30


def plain(html: str) -> str:
    """Rich text as plain lines: paragraphs and list items each on a line."""
    text = re.sub(r"<li[^>]*>", "• ", html or "")
    text = re.sub(r"</(p|li|h\d)>|<br\s*/?>", "\n", text)
    text = unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


class _Writer:
    def __init__(self, pdf):
        self.pdf = pdf

    def heading(self, text: str, size: int = 13):
        self.pdf.ln(2)
        self.pdf.set_font(FONT, "B", size)
        self.pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_font(FONT, "", 11)

    def text(self, text: str):
        if text:
            self.pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")

    def section(self, title: str, text: str):
        if text:
            self.heading(title)
            self.text(text)

    def items(self, title: str, lines: list[str]):
        if lines:
            self.heading(title)
            for line in lines:
                self.text(f"• {line}")


def _step(writer: _Writer, child) -> None:
    value = child.value
    kind = child.block_type
    if kind == "activity":
        writer.heading(f"{value['title']} ({minutes(value['minutes'])})", 12)
        writer.text(plain(value["instructions"].source))
    elif kind == "song":
        writer.heading(f"{_('Song')}: {value['title']}", 12)
        writer.text(value["lyrics_romani"])
        writer.pdf.ln(2)
        writer.text(value["lyrics_translation"])
    elif kind == "tale":
        writer.heading(f"{_('Tale')}: {value['title']}", 12)
        writer.text(plain(value["text"].source))
        if value["source"]:
            writer.text(f"({value['source']})")
    elif kind == "questions":
        writer.items(value["title"] or _("Discussion questions"), list(value["questions"]))
    elif kind == "worksheet" and value["document"] is not None:
        writer.heading(f"{_('Worksheet')}: {value['document'].title}", 12)
        writer.text(value["description"])
    elif kind == "video" and value["video"] is not None:
        writer.heading(f"{_('Video')}: {value['video'].title}", 12)
        writer.text(value["caption"])
    elif kind == "gallery" and value["title"]:
        writer.heading(f"{_('Image gallery')}: {value['title']}", 12)


def lesson_plan_pdf(page) -> bytes:
    pdf = new_pdf(title=page.title, author=page.authors or "Дром")
    pdf.add_page()
    writer = _Writer(pdf)
    writer.heading(page.title, 18)
    writer.text(page.summary)
    facts = [
        f"{_('Learning outcome')}: {page.learning_outcome}",
        f"{_('Grade bands')}: {', '.join(page.grade_bands_display)}",
        f"{_('Duration')}: {minutes(page.duration_minutes)}",
        f"{_('Form of teaching')}: {page.get_teaching_form_display()}",
    ]
    if page.occasion:
        facts.append(f"{_('Occasion')}: {page.get_occasion_display()}")
    if page.community or page.place_of_origin:
        facts.append(
            f"{_('Origin')}: {', '.join(p for p in (page.community, page.place_of_origin) if p)}"
        )
    writer.items(_("About this lesson"), facts)
    writer.items(_("Key learning points"), [c.value for c in page.key_points])
    writer.items(_("Essential questions"), [c.value for c in page.essential_questions])
    writer.items(
        _("Key vocabulary"),
        [
            f"{c.value['term']} — {c.value['gloss']}"
            + (f" ({c.value['dialect']})" if c.value["dialect"] else "")
            for c in page.vocabulary
        ],
    )
    writer.section(_("Materials and equipment"), plain(page.materials))
    writer.items(
        _("Starter check"),
        [f"{c.value['question']} — {c.value['answer']}" for c in page.starter_check],
    )
    writer.heading(_("Lesson steps"), 14)
    for child in page.body:
        _step(writer, child)
    writer.items(
        _("Exit check"), [f"{c.value['question']} — {c.value['answer']}" for c in page.exit_check]
    )
    writer.items(
        _("Misconceptions and stereotypes"),
        [f"{c.value['misconception']} → {c.value['response']}" for c in page.misconceptions],
    )
    writer.section(_("Teacher tips"), plain(page.teacher_tips))
    writer.section(_("Assessment"), plain(page.assessment))
    writer.section(_("Inclusion and differentiation"), plain(page.inclusion))
    writer.section(_("Sensitive content"), plain(page.sensitive_content))
    credits = [f"{_('Licence')}: {page.get_licence_display()}"]
    if page.authors:
        credits.insert(0, f"{_('Authors')}: {page.authors}")
    if page.last_reviewed:
        credits.append(f"{_('Last reviewed')}: {long_date(page.last_reviewed)}")
    writer.items(pgettext("authorship", "Credits"), credits)
    return bytes(pdf.output())


def _cache_key(page) -> str:
    """One PDF per published revision and language."""
    stamp = page.last_published_at.timestamp() if page.last_published_at else 0
    version = f"{page.latest_revision_id}-{stamp}"
    return f"curriculum-pdf-{page.pk}-{version}-{get_language()}"


def lesson_plan_pdf_cached(page, *, cached: bool = True) -> bytes:
    """The PDF, made once per published revision and language; its size is remembered too."""
    key = _cache_key(page)
    data = cache.get(key) if cached else None
    if data is None:
        data = lesson_plan_pdf(page)
        if cached:
            cache.set(key, data, PDF_TIMEOUT)
    if cached:
        # The size outlives the bytes: the page shows it on every view.
        cache.add(f"{key}-size", len(data), SIZE_TIMEOUT)
    return data


def lesson_plan_pdf_size(page) -> int | None:
    """The size of the PDF if it has been made (a small cache read, never a rendering)."""
    return cache.get(f"{_cache_key(page)}-size")
