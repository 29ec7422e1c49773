"""HTTP glue: check who is asking, call a service or selector, redirect (PRG) or render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from ops.storage import private_file_response
from schools import scoping

from . import drafts, evaluation_blocks, grading, selectors, services, timing
from .access import enrollment_for
from .certificate_pdf import document_text
from .certificates import (
    certificate_file_name,
    certificate_pdf_bytes,
    download_name,
    issuer_logo,
    verification_url,
)
from .models import (
    Certificate,
    CourseEvaluationPage,
    CourseLessonPage,
    CoursePage,
    Enrollment,
    QuizAttempt,
    QuizPage,
)
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
@require_POST
def enroll(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(CoursePage, pk=course_id, live=True)
    if not request.user.is_authenticated:
        # Enrolling is a POST: after logging in, back to the course page, never to this URL.
        return redirect_to_login(_course_url(request, course))
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
    shown = request.POST.getlist("shown") or None
    try:
        attempt = services.quiz_attempt_submit(attempt=attempt, answers=answers, shown=shown)
    except services.CourseError as error:
        # The answers saved page by page count as given, with those just sent.
        given = timing.merge(attempt.answers, answers, list(answers) if shown is None else shown)
        missing = grading.unanswered(attempt.questions, given)
        if missing:
            # The quiz page shows the answers given again and marks every unanswered question.
            drafts.quiz_draft_save(
                request.session, attempt_id=attempt.pk, answers=given, missing=missing
            )
        else:
            messages.error(request, error.message)
        return redirect(attempt.quiz.localized.get_url(request))
    return redirect("courses:attempt", attempt_id=attempt.pk)


@never_cache
@login_required
@require_POST
def quiz_save(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Save the answers of one page: on a page turn (no JavaScript needed) or from the browser
    as the teacher answers (answered with JSON, not a redirect)."""
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("quiz", "enrollment"),
        pk=attempt_id,
        enrollment__teacher=request.user,
    )
    from_script = request.headers.get("X-Requested-With") == "fetch"
    try:
        attempt = services.quiz_attempt_save(
            attempt=attempt,
            answers=_answers_from(request.POST),
            shown=request.POST.getlist("shown"),
        )
    except services.CourseError as error:
        if from_script:
            return JsonResponse({"saved": False, "message": str(error.message)}, status=409)
        messages.error(request, error.message)
        return redirect(attempt.quiz.localized.get_url(request))
    if attempt.submitted_at is not None:
        if from_script:
            return JsonResponse({"saved": False, "closed": True}, status=409)
        return redirect("courses:attempt", attempt_id=attempt.pk)
    if from_script:
        return JsonResponse({"saved": True})
    page = request.POST.get("go", "")
    url = attempt.quiz.localized.get_url(request)
    return redirect(f"{url}?page={int(page)}" if page.isdigit() else url)


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
    verify_url = verification_url(request, certificate, language=language)
    logo, logo_key = issuer_logo()
    # Made once and kept in private storage; handed over (signed URL or stream) after the check.
    return private_file_response(
        certificate_file_name(
            certificate, language=language, verify_url=verify_url, logo_key=logo_key
        ),
        filename=download_name(certificate, language=language),
        content_type="application/pdf",
        build=lambda: certificate_pdf_bytes(
            certificate, language=language, verify_url=verify_url, logo=logo
        ),
    )


@never_cache
@require_GET
def verify(request: HttpRequest, code: str) -> HttpResponse:
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None:
        return render(request, "courses/verify.html", {"certificate": None}, status=404)
    # The page speaks the language of its address: /en/… shows the English certificate's text.
    text = document_text(certificate, language=get_language())
    return render(request, "courses/verify.html", {"certificate": certificate, "text": text})


@never_cache
@login_required
@require_POST
def evaluation_submit(request: HttpRequest, page_id: int) -> HttpResponse:
    """The evaluation form's answers: kept once, then the certificate; errors keep the typing."""
    form = get_object_or_404(CourseEvaluationPage, pk=page_id, live=True)
    enrollment = _my_enrollment(request, form.course)
    items = evaluation_blocks.questions(form.questions)
    answers, errors = evaluation_blocks.clean_answers(items, request.POST)
    if not errors:
        try:
            services.evaluation_submit(enrollment=enrollment, form=form, answers=answers)
        except services.CourseError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Thank you for your evaluation. Your certificate is ready.")
            )
        return redirect(_course_url(request, form.course))
    context = form.get_context(request, enrollment=enrollment)
    context.update({"errors": errors, "typed": request.POST})
    return TemplateResponse(request, form.get_template(request), context, status=400)
