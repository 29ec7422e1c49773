"""What every page inside a course shares: never cached for others, reached only through
courses.access, and (for the steps) listed in the course's outline."""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from cms.caching import ViewRestrictionsCachedMixin, remember

from .. import access

if TYPE_CHECKING:
    from .pages import CoursePage


class PrivatePageMixin(ViewRestrictionsCachedMixin):
    """Course pages show personal progress: never cache them in a shared cache."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_vary_headers(response, ["Cookie"])
        return response


def required_field() -> models.BooleanField:
    return models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Editing this later never takes away a completion already recorded."),
    )


class CourseStepMixin:
    """A lesson or a quiz: a step of its course, shown only to teachers enrolled in it.

    The enrollment is read once per request, in `serve`, and handed on to `get_context`.
    """

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    step_kind: str
    # The fields the course outline never reads (the step's body), deferred when it is built.
    outline_defer: tuple[str, ...] = ()
    # Every page type that is a step registers itself here, so the course finds them all.
    step_models: list[type] = []
    # Whether the page shows the teacher's certificate (read with the enrollment if so).
    shows_certificate = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # A page type that says what the outline skips is a step of the outline (the
        # evaluation form, also under a course, is not).
        if "outline_defer" in cls.__dict__:
            CourseStepMixin.step_models.append(cls)

    @cached_property
    def course(self) -> "CoursePage":
        # Remembered until content changes: no tree queries on every lesson and quiz view.
        if self.pk is None:
            return self.get_parent().specific
        return remember(f"step-course:{self.pk}", lambda: self.get_parent().specific)

    def serve(self, request, *args, **kwargs):
        enrollment = access.enrollment_for(
            user=request.user, course=self.course, certificate=self.shows_certificate
        )
        # Editors check drafts in the preview without enrolling in their own course.
        if not getattr(request, "is_preview", False):
            refusal = access.step_refusal(user=request.user, page=self, enrollment=enrollment)
            if refusal is not None:
                return refusal.response(request)
        return super().serve(request, *args, enrollment=enrollment, **kwargs)
