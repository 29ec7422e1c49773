"""The certificate as a document a school files: one A4 page in the layout training providers use
under Ordinance 15 (Наредба № 15/2019, чл. 50), and an appendix with the modules when the
programme has them.

Top to bottom: the issuing organisation (logo, name, UIC, address), the title, the register
number and date, the holder (three names, position, school with its NEISPUO code, town and
district), the programme (title, UIN, form, period, academic hours, credits), then, anchored to
the foot of the page, the place and date, the head's signature line with name and position, the
stamp area, and the QR code with the verification address.

The English document is English throughout: names and places are transliterated under the
Transliteration Act (cms.translit), titles come from the course's English translation.
"""

import io
from dataclasses import dataclass

import segno
from django.utils import translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from cms.pdf import FONT, new_pdf
from cms.translit import transliterate
from schools.models import User

from .models import Certificate, CoursePage

BLUE = (31, 95, 139)
GREY = (90, 90, 90)
LEFT, RIGHT, WIDTH = 20, 190, 170
FOOT = 214  # where the signature block starts: the lower part of the page is never empty


@dataclass
class Text:
    """What is printed, in the document's language."""

    holder: str
    position: str
    school: str
    town: str
    district: str
    course: str
    programme: str
    provider: str
    issuer_name: str
    issuer_address: str
    head_name: str
    head_position: str
    place: str
    training_form: str
    modules: list[tuple[str, int]]


def _label(choices, code: str) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return ""


def document_text(certificate: Certificate, *, language: str) -> Text:
    """The printed values; call inside translation.override(language)."""
    issuer = certificate.issuer or {}
    erased = _("(data erased at the holder's request)") if certificate.holder_erased else ""
    if language != "en":
        return Text(
            holder=erased or certificate.holder_name,
            position=_label(User.Position, certificate.position),
            school=certificate.school_name,
            town=certificate.town,
            district=certificate.district,
            course=certificate.course_title,
            programme=certificate.programme_name,
            provider=certificate.provider,
            issuer_name=issuer.get("name") or certificate.provider,
            issuer_address=issuer.get("address", ""),
            head_name=issuer.get("head_name", ""),
            head_position=issuer.get("head_position", ""),
            place=issuer.get("place", ""),
            training_form=_label(CoursePage.TrainingForm, certificate.training_form),
            modules=[(m["title"], m["hours"]) for m in certificate.modules],
        )
    latin = transliterate
    return Text(
        holder=erased or latin(certificate.holder_name),
        position=_label(User.Position, certificate.position),
        school=latin(certificate.school_name),
        town=latin(certificate.town),
        district=certificate.district_en or latin(certificate.district),
        course=latin(certificate.course_title_en or certificate.course_title),
        programme=latin(certificate.programme_name_en or certificate.programme_name),
        provider=latin(certificate.provider_en or certificate.provider),
        issuer_name=latin(issuer.get("name_en") or issuer.get("name") or certificate.provider_en)
        or latin(certificate.provider),
        issuer_address=latin(issuer.get("address_en") or issuer.get("address", "")),
        head_name=latin(issuer.get("head_name", "")),
        head_position=latin(issuer.get("head_position_en") or issuer.get("head_position", "")),
        place=latin(issuer.get("place", "")),
        training_form=_label(CoursePage.TrainingForm, certificate.training_form),
        modules=[(latin(m.get("title_en") or m["title"]), m["hours"]) for m in certificate.modules],
    )


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return buffer


def _quoted(title: str, language: str) -> str:
    return f"“{title}”" if language == "en" else f"„{title}“"


def _frame(pdf: FPDF) -> None:
    pdf.set_draw_color(*BLUE)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, 194, 281)
    pdf.set_line_width(0.3)
    pdf.rect(10.5, 10.5, 189, 276)


def _centered(pdf: FPDF, size: float, text: str, *, style: str = "", height: float = 6) -> None:
    pdf.set_font(FONT, style, size)
    pdf.multi_cell(0, height, text, align="C", new_x="LMARGIN", new_y="NEXT")


def _header(pdf: FPDF, text: Text, issuer: dict, logo: io.BytesIO | None) -> None:
    pdf.set_xy(LEFT, 16)
    if logo is not None:
        pdf.image(logo, x=LEFT, y=15, h=20, keep_aspect_ratio=True)
        pdf.set_left_margin(LEFT + 26)
        pdf.set_right_margin(210 - RIGHT + 26)
        pdf.set_x(LEFT + 26)
    pdf.set_text_color(*BLUE)
    _centered(pdf, 13, text.issuer_name, style="B", height=6.5)
    pdf.set_text_color(*GREY)
    details = [
        text.issuer_address,
        " · ".join(
            part
            for part in (
                (_("UIC %(number)s") % {"number": issuer["identifier"]})
                if issuer.get("identifier")
                else "",
                issuer.get("website", ""),
            )
            if part
        ),
    ]
    for line in filter(None, details):
        _centered(pdf, 9, line, height=4.6)
    pdf.set_text_color(0, 0, 0)
    pdf.set_left_margin(LEFT)
    pdf.set_right_margin(210 - RIGHT)
    pdf.set_draw_color(*BLUE)
    pdf.set_line_width(0.5)
    line_y = max(pdf.get_y() + 3, 40)
    pdf.line(LEFT, line_y, RIGHT, line_y)
    pdf.set_y(line_y + 8)


def _facts(pdf: FPDF, rows: list[tuple[str, str]]) -> None:
    label_width, value_width, line = 64, 98, 6
    for label, value in rows:
        pdf.set_font(FONT, "B", 10.5)
        label_lines = len(
            pdf.multi_cell(label_width, line, f"{label}:", dry_run=True, output="LINES")
        )
        pdf.set_font(FONT, "", 10.5)
        value_lines = len(pdf.multi_cell(value_width, line, value, dry_run=True, output="LINES"))
        y = pdf.get_y()
        pdf.set_xy(LEFT + 8, y)
        pdf.set_font(FONT, "B", 10.5)
        pdf.multi_cell(label_width, line, f"{label}:", align="L")
        pdf.set_xy(LEFT + 8 + label_width, y)
        pdf.set_font(FONT, "", 10.5)
        pdf.multi_cell(value_width, line, value, align="L")
        pdf.set_y(y + max(label_lines, value_lines) * line + 0.8)


def _signature_block(
    pdf: FPDF, certificate: Certificate, text: Text, *, verify_url: str, language: str
) -> None:
    # Left: the QR code; the full address runs along the foot of the page.
    pdf.image(_qr_png(verify_url), x=LEFT, y=FOOT, w=36, h=36)
    pdf.set_xy(LEFT, FOOT + 37)
    pdf.set_font(FONT, "", 8)
    pdf.multi_cell(62, 4, _("Check this certificate by scanning the code or at:"), align="L")
    pdf.set_xy(LEFT, 274)
    pdf.set_font(FONT, "", 8)
    pdf.cell(WIDTH, 5, verify_url, link=verify_url, align="C")
    # Middle: the place for the stamp.
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.3)
    pdf.set_dash_pattern(dash=1.2, gap=1.2)
    pdf.ellipse(95, FOOT + 14, 30, 30)
    pdf.set_dash_pattern()
    pdf.set_text_color(*GREY)
    pdf.set_font(FONT, "", 9)
    pdf.set_xy(95, FOOT + 26)
    pdf.cell(30, 6, _("Stamp"), align="C")
    pdf.set_text_color(0, 0, 0)
    # Right: place and date, the head's signature line, name and position.
    pdf.set_xy(130, FOOT)
    pdf.set_font(FONT, "", 10)
    date = f"{certificate.issued_on:%d.%m.%Y}"
    place_date = (
        _("%(place)s, %(date)s") % {"place": text.place, "date": date} if text.place else date
    )
    pdf.multi_cell(60, 5, place_date, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(130, FOOT + 10)
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(60, 4.5, _("Head of the issuing organisation:"), align="C")
    pdf.set_draw_color(0, 0, 0)
    pdf.line(132, FOOT + 31, RIGHT, FOOT + 31)
    pdf.set_xy(130, FOOT + 32)
    pdf.set_font(FONT, "", 7)
    pdf.cell(60, 3.5, _("(signature)"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(130, FOOT + 37)
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(60, 5, text.head_name or " ", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(130)
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(60, 4.5, text.head_position, align="C", new_x="LMARGIN", new_y="NEXT")


def _first_page(pdf, certificate, text, *, verify_url, language, logo) -> None:
    pdf.add_page()
    _frame(pdf)
    _header(pdf, text, certificate.issuer or {}, logo)
    pdf.set_text_color(*BLUE)
    _centered(pdf, 28, _("CERTIFICATE").upper(), style="B", height=13)
    pdf.set_text_color(0, 0, 0)
    _centered(pdf, 12, _("of professional qualification training"), height=7)
    pdf.ln(2)
    _centered(
        pdf,
        11,
        _("Registration No. %(number)s of %(date)s")
        % {"number": certificate.number, "date": f"{certificate.issued_on:%d.%m.%Y}"},
    )
    if certificate.is_revoked:
        pdf.set_text_color(176, 13, 39)
        _centered(pdf, 14, _("REVOKED"), style="B", height=9)
        pdf.set_text_color(0, 0, 0)
    pdf.ln(6)
    _centered(pdf, 11, _("This certificate is issued to"))
    pdf.ln(1)
    _centered(pdf, 20, text.holder, style="B", height=10)
    pdf.ln(1)
    school = text.school
    if certificate.school_code:
        school = _("%(school)s (NEISPUO code %(code)s)") % {
            "school": school,
            "code": certificate.school_code,
        }
    place = ", ".join(
        part
        for part in (
            text.town,
            (_("%(district)s district") % {"district": text.district}) if text.district else "",
        )
        if part
    )
    for line in filter(None, (text.position, school, place)):
        _centered(pdf, 11, line, height=5.6)
    pdf.ln(5)
    _centered(pdf, 11, _("for having successfully completed the training"))
    pdf.ln(1)
    _centered(pdf, 15, _quoted(text.course, language), style="B", height=8)
    pdf.ln(5)
    rows = []
    if certificate.uin:
        rows.append((_("Approved programme"), text.programme))
        rows.append((_("UIN"), certificate.uin))
    if text.provider != text.issuer_name:
        rows.append((_("Provider"), text.provider))
    if text.training_form:
        rows.append((_("Form of training"), text.training_form))
    rows.append(
        (_("Period"), f"{certificate.started_on:%d.%m.%Y} – {certificate.completed_on:%d.%m.%Y}")
    )
    rows.append((_("Academic hours"), certificate.hours_display))
    if certificate.credits:
        rows.append((_("Qualification credits"), str(certificate.credits)))
    if text.modules:
        rows.append((_("Modules"), _("listed in the appendix")))
    _facts(pdf, rows)
    _signature_block(pdf, certificate, text, verify_url=verify_url, language=language)


def _appendix(pdf: FPDF, certificate: Certificate, text: Text, language: str) -> None:
    pdf.add_page()
    _frame(pdf)
    pdf.set_y(20)
    pdf.set_text_color(*BLUE)
    _centered(pdf, 14, _("APPENDIX"), style="B", height=8)
    pdf.set_text_color(0, 0, 0)
    _centered(
        pdf,
        11,
        _("to certificate Registration No. %(number)s of %(date)s")
        % {"number": certificate.number, "date": f"{certificate.issued_on:%d.%m.%Y}"},
    )
    _centered(pdf, 11, f"{text.holder} — {_quoted(text.course, language)}")
    pdf.ln(6)
    pdf.set_font(FONT, "", 10.5)
    with pdf.table(col_widths=(12, 118, 40), text_align=("RIGHT", "LEFT", "RIGHT")) as table:
        row = table.row()
        for header in ("№", _("Module"), _("Academic hours")):
            row.cell(header)
        for index, (title, hours) in enumerate(text.modules, start=1):
            row = table.row()
            row.cell(str(index))
            row.cell(title)
            row.cell(str(hours))
        row = table.row()
        row.cell("")
        row.cell(_("Total"))
        row.cell(str(sum(hours for _title, hours in text.modules)))


def certificate_pdf_bytes(
    certificate: Certificate, *, language: str, verify_url: str, logo: io.BytesIO | None = None
) -> bytes:
    with translation.override(language):
        text = document_text(certificate, language=language)
        pdf = new_pdf(title=f"{_('Certificate')} {certificate.number}", author=text.issuer_name)
        pdf.set_lang(language)
        pdf.set_margins(LEFT, 16, 210 - RIGHT)
        # Page one is laid out to fit; nothing on it may spill onto a second page.
        pdf.set_auto_page_break(auto=False)
        _first_page(pdf, certificate, text, verify_url=verify_url, language=language, logo=logo)
        if text.modules:
            pdf.set_auto_page_break(auto=True, margin=18)
            _appendix(pdf, certificate, text, language)
        return bytes(pdf.output())
