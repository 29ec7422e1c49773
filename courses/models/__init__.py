"""Teacher training: course pages authored in Wagtail and the learner records that outlive them."""

# Records first: the page models import courses.access/selectors/progress, which read records
# from courses.models.records (never from the pages, so the import graph has no cycle).
from .assignments import Assignment
from .issuer import CertificateIssuer
from .records import Certificate, CertificateCounter, Enrollment, LessonCompletion, QuizAttempt
from .review import MinistryProgrammeApprovalTask
from .seminars import SeminarBooking, SeminarSession

from .pages import CourseIndexPage, CourseLessonPage, CoursePage, QuizPage  # isort: skip
from .seminar_page import SeminarPage  # isort: skip
from .evaluation import CourseEvaluation, CourseEvaluationPage  # isort: skip

__all__ = [
    "Assignment",
    "Certificate",
    "CertificateCounter",
    "CertificateIssuer",
    "CourseEvaluation",
    "CourseEvaluationPage",
    "CourseIndexPage",
    "CourseLessonPage",
    "CoursePage",
    "Enrollment",
    "LessonCompletion",
    "MinistryProgrammeApprovalTask",
    "QuizAttempt",
    "QuizPage",
    "SeminarBooking",
    "SeminarPage",
    "SeminarSession",
]
