"""HTTP glue for seminars: teachers book and cancel (POST, then back to the page), download the
calendar invitation; trainers keep the register on a phone, a plain form that needs no script."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from schools import scoping

from ..models import SeminarBooking, SeminarSession
from ..services import CourseError
from . import mail, selectors, services

Attendance = SeminarBooking.Attendance


def _seminar_url(request, seminar) -> str:
    return seminar.get_url(request) or "/"


@never_cache
@login_required
@require_POST
def book(request: HttpRequest, session_id: int) -> HttpResponse:
    session = get_object_or_404(SeminarSession.objects.select_related("seminar"), pk=session_id)
    try:
        booking = services.seminar_book(teacher=request.user, session=session)
    except CourseError as error:
        messages.error(request, error.message)
    else:
        if booking.status == SeminarBooking.Status.WAITING:
            messages.warning(request, _("The session is full: you are on its waiting list."))
        else:
            messages.success(
                request, _("Your place is booked. The calendar invitation is in your e-mail.")
            )
    return redirect(_seminar_url(request, session.seminar))


@never_cache
@login_required
@require_POST
def cancel(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = get_object_or_404(
        SeminarBooking.objects.select_related("session__seminar"),
        pk=booking_id,
        teacher=request.user,
    )
    try:
        services.seminar_booking_cancel(booking=booking, teacher=request.user)
    except CourseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your booking is cancelled."))
    return redirect(_seminar_url(request, booking.session.seminar))


@never_cache
@login_required
@require_GET
def booking_ics(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = get_object_or_404(
        SeminarBooking.objects.select_related("teacher", "session__seminar", "session__trainer"),
        pk=booking_id,
        teacher=request.user,
        status=SeminarBooking.Status.BOOKED,
    )
    response = HttpResponse(mail.booking_ics(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="seminar.ics"'
    return response


@never_cache
@login_required
@require_GET
def trainer_sessions(request: HttpRequest) -> HttpResponse:
    if not scoping.is_trainer(request.user):
        raise PermissionDenied
    sessions = selectors.trainer_sessions(trainer=request.user)
    return render(request, "courses/seminars/trainer_sessions.html", {"sessions": sessions})


def _parse_marks(post, register, session_hours) -> tuple[dict, dict]:
    """The marks as typed, booking id → Mark, and the rows left unmarked or wrong (id → error)."""
    marks, errors = {}, {}
    for booking in register:
        attendance = post.get(f"attendance-{booking.pk}", "")
        raw_hours = post.get(f"hours-{booking.pk}", "").strip()
        if not attendance:
            continue
        if attendance not in Attendance.values:
            errors[booking.pk] = _("Choose present, partly present or absent.")
            continue
        hours = 0
        if attendance == Attendance.PARTLY:
            if not raw_hours.isdigit() or not 0 < int(raw_hours) < session_hours:
                errors[booking.pk] = _(
                    "Partly present: give the hours attended, from 1 to %(max)s."
                ) % {"max": session_hours - 1}
                continue
            hours = int(raw_hours)
        marks[booking.pk] = services.Mark(attendance=attendance, hours=hours)
    return marks, errors


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def session_attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    session = get_object_or_404(
        selectors.sessions_with_places(SeminarSession.objects.all()), pk=session_id
    )
    if not scoping.can_take_attendance(request.user, trainer_id=session.trainer_id):
        raise PermissionDenied
    register = selectors.session_register(session=session)
    errors: dict = {}
    typed = {}
    if request.method == "POST":
        marks, errors = _parse_marks(request.POST, register, session.academic_hours)
        if not errors:
            try:
                services.attendance_record(session=session, trainer=request.user, marks=marks)
            except CourseError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("The attendance is saved."))
                return redirect("courses:session_attendance", session_id=session.pk)
        typed = {
            b.pk: (
                request.POST.get(f"attendance-{b.pk}", ""),
                request.POST.get(f"hours-{b.pk}", ""),
            )
            for b in register
        }
    rows = [
        {
            "booking": b,
            "attendance": typed.get(b.pk, (b.attendance, ""))[0],
            "hours": typed.get(b.pk, ("", b.attended_hours or ""))[1],
            "error": errors.get(b.pk),
        }
        for b in register
    ]
    status = 400 if errors else 200
    return render(
        request,
        "courses/seminars/attendance.html",
        {
            "session": session,
            "rows": rows,
            "errors": errors,
            "choices": Attendance.choices,
        },
        status=status,
    )
