"""HTTP glue for the Open Badges credential: the holder's download, the public keys, the
revocation status and a verification endpoint (courses.credentials does the work)."""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from schools import scoping

from . import credentials
from .certificates import verification_url
from .models import Certificate

JSON_LD = "application/ld+json"


@never_cache
@login_required
@require_GET
def download(request: HttpRequest, number: str) -> HttpResponse:
    certificate = get_object_or_404(Certificate.objects.select_related("enrollment"), number=number)
    if not scoping.can_view_certificate(request.user, holder_id=certificate.enrollment.teacher_id):
        raise Http404
    signed = credentials.credential(
        certificate,
        request=request,
        verify_url=verification_url(request, certificate, language="en"),
    )
    response = HttpResponse(json.dumps(signed, ensure_ascii=False, indent=2), content_type=JSON_LD)
    response["Content-Disposition"] = f'attachment; filename="certificate-{number}.json"'
    return response


@require_GET
@cache_control(public=True, max_age=300)
def keys(request: HttpRequest) -> HttpResponse:
    return JsonResponse(credentials.keys_document(request), content_type=JSON_LD)


def _status(certificate: Certificate) -> dict:
    return {
        "revoked": certificate.is_revoked,
        "revokedAt": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
    }


@never_cache
@require_GET
def status(request: HttpRequest, code: str) -> HttpResponse:
    certificate = get_object_or_404(Certificate, code=code)
    return JsonResponse(_status(certificate))


@csrf_exempt  # a public check with no side effects, called by other systems without a session
@never_cache
@require_POST
def verify(request: HttpRequest) -> HttpResponse:
    try:
        signed = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"verified": False, "errors": ["not JSON"]}, status=400)
    if not isinstance(signed, dict):
        return JsonResponse({"verified": False, "errors": ["not a credential"]}, status=400)
    errors = credentials.verify_signature(signed)
    status_id = str((signed.get("credentialStatus") or {}).get("id", ""))
    code = status_id.rstrip("/").rsplit("/", 1)[-1] if status_id else ""
    certificate = Certificate.objects.filter(code=code).first() if code else None
    if not errors and certificate is None:
        errors.append("unknown certificate")
    revoked = bool(certificate and certificate.is_revoked)
    if revoked:
        errors.append("revoked")
    return JsonResponse({"verified": not errors, "revoked": revoked, "errors": errors})
