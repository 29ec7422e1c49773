"""Certificate documents: the PDF (Bulgarian or English) with a QR code, and ZIPs of many.

The QR code (segno, pure Python) encodes the public verification URL, which confirms the
certificate and nothing more.
"""

import hashlib
import io
import zipfile

import segno
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.pdf import FONT, new_pdf
from ops.addresses import public_url
from schools.models import User

from .models import Certificate


def verification_url(request, certificate: Certificate) -> str:
    """The public page that confirms the certificate (BASE_URL, or the request's host)."""
    with translation.override("bg"):
        path = reverse("courses:verify", args=[certificate.code])
    return public_url(path, request)


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return buffer


def _position_label(code: str) -> str:
    try:
        return str(User.Position(code).label)
    except ValueError:
        return ""


def certificate_pdf_bytes(certificate: Certificate, *, language: str, verify_url: str) -> bytes:
    with translation.override(language):
        english = language == "en"
        course = (certificate.course_title_en if english else "") or certificate.course_title
        district = (certificate.district_en if english else "") or certificate.district
        pdf = new_pdf(title=f"{_('Certificate')} {certificate.number}")
        pdf.add_page()
        pdf.set_draw_color(31, 95, 139)
        pdf.set_line_width(1.2)
        pdf.rect(8, 8, 194, 281)
        pdf.set_font(FONT, "B", 12)
        pdf.cell(0, 8, certificate.provider, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(10)
        pdf.set_font(FONT, "B", 26)
        pdf.cell(0, 14, _("CERTIFICATE").upper(), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 11)
        pdf.cell(
            0,
            7,
            _("Registration No. %(number)s of %(date)s")
            % {"number": certificate.number, "date": f"{certificate.issued_at:%d.%m.%Y}"},
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        if certificate.is_revoked:
            pdf.set_text_color(176, 13, 39)
            pdf.set_font(FONT, "B", 14)
            pdf.cell(0, 10, _("REVOKED"), align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
        pdf.ln(8)
        pdf.set_font(FONT, "", 12)
        pdf.cell(0, 8, _("This certifies that"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "B", 18)
        pdf.multi_cell(0, 10, certificate.holder_name, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 12)
        workplace = ", ".join(
            part
            for part in (
                _position_label(certificate.position),
                certificate.school_name,
                (_("institution code %(code)s") % {"code": certificate.school_code})
                if certificate.school_code
                else "",
                certificate.town,
                (_("%(district)s district") % {"district": district}) if district else "",
            )
            if part
        )
        pdf.multi_cell(0, 7, workplace, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.cell(
            0,
            8,
            _("has successfully completed the training"),
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font(FONT, "B", 15)
        pdf.multi_cell(0, 9, f"„{course}“", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 11)
        pdf.ln(6)
        facts = []
        if certificate.uin:
            facts.append((_("Approved programme"), certificate.programme_name))
            facts.append((_("UIN"), certificate.uin))
        facts += [
            (_("Provider"), certificate.provider),
            (
                _("Period"),
                f"{certificate.started_on:%d.%m.%Y} – {certificate.completed_on:%d.%m.%Y}",
            ),
            (_("Academic hours"), certificate.hours_display),
        ]
        if certificate.credits:
            facts.append((_("Qualification credits"), str(certificate.credits)))
        for label, value in facts:
            pdf.set_x(25)
            pdf.set_font(FONT, "B", 11)
            pdf.cell(68, 7, f"{label}:")
            pdf.set_font(FONT, "", 11)
            pdf.multi_cell(100, 7, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
        top = pdf.get_y()
        pdf.image(_qr_png(verify_url), x=30, y=top, w=38, h=38)
        pdf.set_xy(75, top + 4)
        pdf.multi_cell(
            110,
            6,
            _("Check this certificate by scanning the code or at:"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_x(75)
        pdf.set_font(FONT, "", 8)
        pdf.multi_cell(110, 5, verify_url, link=verify_url, new_x="LMARGIN", new_y="NEXT")
        return bytes(pdf.output())


def certificate_file_name(certificate: Certificate, *, language: str, verify_url: str) -> str:
    """Where this rendering of the certificate is kept in private storage; the name changes
    when anything printed on it can (revocation, the verification address)."""
    stamp = f"{certificate.revoked_at:%Y%m%d%H%M%S}" if certificate.is_revoked else "valid"
    digest = hashlib.sha256(f"{verify_url}|{stamp}".encode()).hexdigest()[:12]
    return f"certificates/{certificate.year}/{certificate.number}-{language}-{digest}.pdf"


def certificates_zip(certificates, *, request=None) -> bytes:
    """One ZIP with the Bulgarian PDF of each certificate (built in memory by a task: a course
    or a year has hundreds, not millions)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for certificate in certificates:
            archive.writestr(
                f"{certificate.number}.pdf",
                certificate_pdf_bytes(
                    certificate, language="bg", verify_url=verification_url(request, certificate)
                ),
            )
    return buffer.getvalue()
