"""Background work of the courses (django-tasks): ZIPs of many certificates."""

from django.utils import translation
from django_tasks import task

from ops.downloads import download_build

from .certificates import certificates_zip
from .models import Certificate


def _certificates_zip(download) -> bytes:
    ids = download.parameters.get("certificate_ids", [])
    certificates = Certificate.objects.filter(pk__in=ids).order_by("year", "serial")
    with translation.override("bg"):
        return certificates_zip(certificates)


@task()
def build_certificates_zip(*, download_id: int) -> str:
    """Build the ZIP a national coordinator asked for in the certificate register."""
    return download_build(download_id=download_id, build=_certificates_zip)
