"""Curriculum models, split by subject; everything stays importable from `curriculum.models`."""

from .fields import MultipleChoiceField
from .files import DromDocument, DromImage, DromMedia, DromRendition, ResourceMetadata
from .taxonomy import (
    DurationBand,
    Genre,
    GradeBand,
    Language,
    Licence,
    Occasion,
    ResourceKind,
    Supervision,
    TeachingForm,
    Topic,
)

__all__ = [
    "DromDocument",
    "DromImage",
    "DromMedia",
    "DromRendition",
    "DurationBand",
    "Genre",
    "GradeBand",
    "Language",
    "Licence",
    "MultipleChoiceField",
    "Occasion",
    "ResourceKind",
    "ResourceMetadata",
    "Supervision",
    "TeachingForm",
    "Topic",
]
# Pages last: they import curriculum.selectors/services, which read the models above from their
# own modules (curriculum.models.files, .taxonomy, .saved), never from the pages.
from .feedback import LessonPlanFeedback  # noqa: E402
from .saved import SavedLessonPlan  # noqa: E402

from .lesson_plan import LessonPlanPage  # noqa: E402  # isort: skip
from .pages import LessonPlanIndexPage, ResourceLibraryPage  # noqa: E402  # isort: skip

__all__ += [
    "LessonPlanFeedback",
    "LessonPlanIndexPage",
    "LessonPlanPage",
    "ResourceLibraryPage",
    "SavedLessonPlan",
]
