"""Certificate documents: where they are verified, kept and named, and ZIPs of many (the layout
itself is courses.certificate_pdf).

The QR code (segno, pure Python) encodes the public verification URL, which confirms the
certificate and nothing more.
"""

import hashlib
import io
import zipfile

from django.urls import reverse
from django.utils import translation

from ops.addresses import public_url

from .certificate_pdf import certificate_pdf_bytes
from .models import Certificate, CertificateIssuer

# Bumped when the layout changes, so that PDFs kept in storage are drawn again.
LAYOUT_VERSION = 2


def verification_url(request, certificate: Certificate, *, language: str = "bg") -> str:
    """The public page that confirms the certificate (BASE_URL, or the request's host), in the
    document's language (English under /en/)."""
    with translation.override(language):
        path = reverse("courses:verify", args=[certificate.code])
    return public_url(path, request)


def issuer_logo() -> tuple[io.BytesIO | None, str]:
    """The issuer's logo as a PNG to print, and a key that changes when the logo does."""
    logo = CertificateIssuer.current().logo
    if logo is None:
        return None, ""
    rendition = logo.get_rendition("max-400x400|format-png")
    with rendition.file.open("rb") as file:
        return io.BytesIO(file.read()), rendition.file.name


def download_name(certificate: Certificate, *, language: str) -> str:
    """The name the holder saves: the English document never overwrites the Bulgarian one."""
    if language == "en":
        return f"certificate-{certificate.number}-en.pdf"
    return f"udostoverenie-{certificate.number}.pdf"


def certificate_file_name(
    certificate: Certificate, *, language: str, verify_url: str, logo_key: str = ""
) -> str:
    """Where this rendering of the certificate is kept in private storage; the name changes
    when anything printed on it can (revocation, the verification address, the logo, the
    layout's version)."""
    stamp = f"{certificate.revoked_at:%Y%m%d%H%M%S}" if certificate.is_revoked else "valid"
    erased = "erased" if certificate.holder_erased else ""
    key = f"{LAYOUT_VERSION}|{verify_url}|{stamp}|{erased}|{logo_key}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return f"certificates/{certificate.year}/{certificate.number}-{language}-{digest}.pdf"


def certificates_zip(certificates, *, request=None) -> bytes:
    """One ZIP with the Bulgarian PDF of each certificate (built in memory by a task: a course
    or a year has hundreds, not millions)."""
    buffer = io.BytesIO()
    logo, _key = issuer_logo()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for certificate in certificates:
            archive.writestr(
                f"{certificate.number}.pdf",
                certificate_pdf_bytes(
                    certificate,
                    language="bg",
                    verify_url=verification_url(request, certificate),
                    logo=_copy(logo),
                ),
            )
    return buffer.getvalue()


def _copy(logo: io.BytesIO | None) -> io.BytesIO | None:
    return io.BytesIO(logo.getvalue()) if logo is not None else None
