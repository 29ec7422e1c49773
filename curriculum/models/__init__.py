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
from .pages import LessonPlanIndexPage, LessonPlanPage, ResourceLibraryPage  # noqa: E402
from .saved import SavedLessonPlan  # noqa: E402

__all__ += ["LessonPlanIndexPage", "LessonPlanPage", "ResourceLibraryPage", "SavedLessonPlan"]
