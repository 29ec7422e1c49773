"""The POSTs behind the report: reminder e-mails to the teachers ticked, the weekly e-mail."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import services
from ..filters import report_courses
from .base import require_coordinator


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@never_cache
@require_POST
def remind(request):
    """Queue reminder e-mails for the teachers ticked on the teacher list."""
    require_coordinator(request.user)
    fallback = reverse("drom_reports:course")
    course = report_courses().filter(pk=request.POST.get("course") or 0).first()
    if course is None:
        raise Http404
    try:
        teacher_ids = [int(pk) for pk in request.POST.getlist("teacher")]
    except ValueError as error:
        raise Http404 from error
    try:
        result = services.reminders_send(
            sender=request.user, course=course, teacher_ids=teacher_ids
        )
    except services.ReportError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(_safe_next(request, fallback))
    messages.success(
        request,
        _(
            "Reminders sent: %(queued)s. Skipped — already completed: %(completed)s; "
            "reminded in the last 7 days: %(recent)s."
        )
        % {
            "queued": len(result.queued),
            "completed": result.completed,
            "recent": result.recent,
        },
    )
    return HttpResponseRedirect(_safe_next(request, fallback))


@never_cache
@require_POST
def subscription(request):
    require_coordinator(request.user)
    subscribed = request.POST.get("subscribe") == "1"
    services.subscription_set(user=request.user, subscribed=subscribed)
    if subscribed:
        messages.success(request, _("You will receive the weekly report every Monday."))
    else:
        messages.success(request, _("You will no longer receive the weekly report."))
    return HttpResponseRedirect(_safe_next(request, reverse("drom_reports:course")))
