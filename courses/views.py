"""HTTP glue: check who is asking, call a service or selector, redirect (PRG) or render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from ops.storage import private_file_response
from schools import scoping

from . import drafts, grading, selectors, services
from .access import enrollment_for
from .certificates import certificate_file_name, certificate_pdf_bytes, verification_url
from .models import Certificate, CourseLessonPage, CoursePage, Enrollment, QuizAttempt, QuizPage
from .passport import passport_csv_response, passport_for, passport_pdf_response
from .progress import quiz_passed


def _course_url(request, course) -> str:
    return course.get_url(request) or "/"


def _my_enrollment(request, course) -> Enrollment:
    enrollment = enrollment_for(user=request.user, course=course)
    if enrollment is None:
        raise Http404
    return enrollment


def safe_next_url(request: HttpRequest) -> str | None:
    """The POSTed `next` if it is a page of this site (no other host, no javascript: …)."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target,
        allowed_hosts={request.get_host()},
        # as Django's LoginView: from an https page, never send the teacher on over http
        require_https=request.is_secure(),
    ):
        return target
    return None


@never_cache
@login_required
@require_POST
def enroll(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(CoursePage, pk=course_id, live=True)
    try:
        services.enrollment_create(teacher=request.user, course=course)
    except services.CourseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are enrolled. Good luck with the course!"))
    return redirect(_course_url(request, course))


@never_cache
@login_required
@require_POST
def lesson_complete(request: HttpRequest, lesson_id: int) -> HttpResponse:
    lesson = get_object_or_404(CourseLessonPage, pk=lesson_id, live=True)
    course = lesson.get_parent().specific
    enrollment = _my_enrollment(request, course)
    reflection = request.POST.get("reflection", "")
    try:
        services.lesson_complete(enrollment=enrollment, lesson=lesson, reflection=reflection)
    except services.CourseError as error:
        if lesson.reflection_prompt:
            # The page shows the text again, with the problem linked to the field.
            drafts.reflection_draft_save(
                request.session, lesson_id=lesson.pk, text=reflection, message=str(error.message)
            )
        else:
            messages.error(request, error.message)
        return redirect(lesson.get_url(request))
    enrollment.refresh_from_db()
    if enrollment.is_completed:
        messages.success(
            request, _("You have completed the course. Your certificate is in “My learning”.")
        )
    else:
        messages.success(request, _("Lesson completed."))
    return redirect(safe_next_url(request) or lesson.get_url(request))


@never_cache
@login_required
@require_POST
def quiz_start(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = get_object_or_404(QuizPage, pk=quiz_id, live=True)
    enrollment = _my_enrollment(request, quiz.get_parent().specific)
    try:
        services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    except services.CourseError as error:
        messages.error(request, error.message)
    return redirect(quiz.get_url(request))


def _answers_from(post) -> dict[str, list[str]]:
    return {key[2:]: post.getlist(key) for key in post if key.startswith("q-")}


@never_cache
@login_required
@require_POST
def quiz_submit(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("quiz", "enrollment"),
        pk=attempt_id,
        enrollment__teacher=request.user,
    )
    answers = _answers_from(request.POST)
    try:
        attempt = services.quiz_attempt_submit(attempt=attempt, answers=answers)
    except services.CourseError as error:
        missing = grading.unanswered(attempt.questions, answers)
        if missing:
            # The quiz page shows the answers given again and marks every unanswered question.
            drafts.quiz_draft_save(
                request.session, attempt_id=attempt.pk, answers=answers, missing=missing
            )
        else:
            messages.error(request, error.message)
        return redirect(attempt.quiz.localized.get_url(request))
    return redirect("courses:attempt", attempt_id=attempt.pk)


@never_cache
@login_required
@require_GET
def attempt_result(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("quiz", "enrollment__course"),
        pk=attempt_id,
        enrollment__teacher=request.user,
        submitted_at__isnull=False,
    )
    quiz = attempt.quiz
    attempts = list(
        QuizAttempt.objects.filter(enrollment=attempt.enrollment, quiz=quiz).only(
            "id", "number", "score", "submitted_at"
        )
    )
    passed = quiz_passed(attempts, counting=quiz.counting, pass_mark=quiz.pass_mark)
    show_review = quiz.review_allowed(attempts=attempts, passed=passed)
    context = {
        "attempt": attempt,
        "quiz": quiz.localized,
        "course": attempt.enrollment.course.localized,
        "enrollment": attempt.enrollment,
        "quiz_passed": passed,
        "attempts_left": quiz.attempts_left(len(attempts)),
        "review": grading.review(attempt.questions, attempt.answers, attempt.results)
        if show_review
        else None,
    }
    return render(request, "courses/attempt_result.html", context)


@never_cache
@login_required
@require_GET
def my_learning(request: HttpRequest) -> HttpResponse:
    context = selectors.my_learning(user=request.user)
    context["passport"] = passport_for(user=request.user)
    return render(request, "courses/my_learning.html", context)


@never_cache
@login_required
@require_GET
def passport_csv(request: HttpRequest) -> HttpResponse:
    return passport_csv_response(user=request.user)


@never_cache
@login_required
@require_GET
def passport_pdf(request: HttpRequest) -> HttpResponse:
    return passport_pdf_response(user=request.user)


@never_cache
@login_required
@require_GET
def certificate_pdf(request: HttpRequest, number: str) -> HttpResponse:
    certificate = get_object_or_404(Certificate.objects.select_related("enrollment"), number=number)
    if not scoping.can_view_certificate(request.user, holder_id=certificate.enrollment.teacher_id):
        raise Http404
    language = "en" if request.GET.get("lang") == "en" else "bg"
    verify_url = verification_url(request, certificate)
    # Made once and kept in private storage; handed over (signed URL or stream) after the check.
    return private_file_response(
        certificate_file_name(certificate, language=language, verify_url=verify_url),
        filename=f"certificate-{certificate.number}.pdf",
        content_type="application/pdf",
        build=lambda: certificate_pdf_bytes(certificate, language=language, verify_url=verify_url),
    )


@never_cache
@require_GET
def verify(request: HttpRequest, code: str) -> HttpResponse:
    certificate = Certificate.objects.filter(code=code).first()
    status = 200 if certificate else 404
    return render(request, "courses/verify.html", {"certificate": certificate}, status=status)
