"""Who may open a course's lessons and quizzes, and the enrollment that decides it.

`enrollment_for` is the one way to find a teacher's enrollment in a course, whatever language
the course is read in; `step_refusal` says why a step page is refused (or None). A step page
reads the enrollment once per request and hands it to both.

Which steps are *locked* in a sequential course is progress, not access (courses.progress):
a locked step is shown, with its actions withheld, and the services refuse its writes.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from .models.records import Enrollment

#: "read the enrollment yourself" (a step page passes the one it has already read)
UNREAD = object()


def enrollment_for(*, user, course, certificate: bool = True) -> Enrollment | None:
    """The user's enrollment in `course` or in any of its translations (one query; none for
    anonymous visitors), with the certificate loaded unless `certificate=False` (lesson and quiz
    pages never show it: its forty columns are a sixth of their time).

    Its course is the canonical one: read in the course's own language that is `course` itself,
    handed over without a query (selecting the course's columns alongside would cost a third of
    an enrolled teacher's page, issue 10); read in a translation, it is loaded when first asked
    for (one more query).
    """
    if not getattr(user, "is_authenticated", False):
        return None
    enrollments = Enrollment.objects.filter(
        teacher=user, course__translation_key=course.translation_key
    )
    if certificate:
        enrollments = enrollments.select_related("certificate")
    enrollment = enrollments.first()
    canonical = enrollment is not None and enrollment.course_id == course.pk
    if canonical and isinstance(course, Enrollment._meta.get_field("course").related_model):
        enrollment.course = course  # (a plain Page of that id is not handed over)
    return enrollment


class Reason(StrEnum):
    LOGIN = "login"
    NOT_ENROLLED = "not_enrolled"


@dataclass(frozen=True)
class Refusal:
    reason: Reason
    #: where the visitor is sent: the login page comes back here, the course page enrolls
    page: object
    message: str = ""

    def response(self, request: HttpRequest) -> HttpResponse:
        if self.reason == Reason.LOGIN:
            return redirect_to_login(request.get_full_path())
        if self.message:
            messages.info(request, self.message)
        return HttpResponseRedirect(self.page.get_url(request) or "/")


def step_refusal(*, user, page, enrollment=UNREAD) -> Refusal | None:
    """Why `user` may not open the lesson or quiz `page`, or None if they may.

    Lessons and quizzes are for the teachers enrolled in their course (in any language).
    Editors check drafts through Wagtail's preview, which never asks.
    """
    if not getattr(user, "is_authenticated", False):
        return Refusal(Reason.LOGIN, page=page)
    course = page.course
    if enrollment is UNREAD:
        enrollment = enrollment_for(user=user, course=course)
    if enrollment is None:
        return Refusal(
            Reason.NOT_ENROLLED,
            page=course,
            message=_("Enroll in the course to open its lessons and quizzes."),
        )
    return None
