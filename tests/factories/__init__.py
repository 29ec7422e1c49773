"""factory_boy / wagtail-factories factories for every model and page type, and the helpers the
suites share (``make_user``, ``make_teacher``, ``make_school``). tests/test_factories.py proves
that every model has one and that what each builds passes the model's own validation."""

from .courses import (
    AssignmentFactory,
    CertificateCounterFactory,
    CertificateFactory,
    EnrollmentFactory,
    LessonCompletionFactory,
    MinistryProgrammeApprovalTaskFactory,
    QuizAttemptFactory,
)
from .curriculum import (
    DromDocumentFactory,
    DromImageFactory,
    DromMediaFactory,
    DromRenditionFactory,
    SavedLessonPlanFactory,
    TopicFactory,
)
from .pages import (
    CourseIndexPageFactory,
    CourseLessonPageFactory,
    CoursePageFactory,
    HomePageFactory,
    LessonPlanIndexPageFactory,
    LessonPlanPageFactory,
    QuizPageFactory,
    ResourceLibraryPageFactory,
    StandardPageFactory,
)
from .reports import (
    ExportLogFactory,
    NationalCoordinatorFactory,
    ReminderLogFactory,
    ReportSubscriptionFactory,
)
from .schools import (
    DistrictFactory,
    MunicipalityFactory,
    RegionFactory,
    SchoolChangeFactory,
    SchoolFactory,
    TeacherFactory,
    UserFactory,
    make_school,
    make_teacher,
    make_user,
)

__all__ = [
    "AssignmentFactory",
    "CertificateCounterFactory",
    "CertificateFactory",
    "CourseIndexPageFactory",
    "CourseLessonPageFactory",
    "CoursePageFactory",
    "DistrictFactory",
    "DromDocumentFactory",
    "DromImageFactory",
    "DromMediaFactory",
    "DromRenditionFactory",
    "EnrollmentFactory",
    "MinistryProgrammeApprovalTaskFactory",
    "ExportLogFactory",
    "HomePageFactory",
    "LessonCompletionFactory",
    "LessonPlanIndexPageFactory",
    "LessonPlanPageFactory",
    "MunicipalityFactory",
    "NationalCoordinatorFactory",
    "QuizAttemptFactory",
    "QuizPageFactory",
    "RegionFactory",
    "ReminderLogFactory",
    "ReportSubscriptionFactory",
    "ResourceLibraryPageFactory",
    "SavedLessonPlanFactory",
    "SchoolChangeFactory",
    "SchoolFactory",
    "StandardPageFactory",
    "TeacherFactory",
    "TopicFactory",
    "UserFactory",
    "make_school",
    "make_teacher",
    "make_user",
]
