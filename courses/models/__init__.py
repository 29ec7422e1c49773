"""Teacher training: course pages authored in Wagtail and the learner records that outlive them."""

from .pages import CourseIndexPage, CourseLessonPage, CoursePage, QuizPage
from .records import Certificate, CertificateCounter, Enrollment, LessonCompletion, QuizAttempt
from .review import MinistryProgrammeApprovalTask

__all__ = [
    "Certificate",
    "CertificateCounter",
    "CourseIndexPage",
    "CourseLessonPage",
    "CoursePage",
    "Enrollment",
    "LessonCompletion",
    "MinistryProgrammeApprovalTask",
    "QuizAttempt",
    "QuizPage",
]
