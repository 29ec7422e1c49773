"""Read-only JSON API for partners (Wagtail API v2): live lesson plans and the library's files.

Mounted at /api/v2/ by cms.urls. Wagtail's API only ever lists live, public pages; files come from
Wagtail's own image and document endpoints and wagtailmedia's media endpoint, with our metadata.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtailmedia.api.views import MediaAPIViewSet

from .models import DromDocument, DromImage, DromMedia, LessonPlanPage

RESOURCE_FIELDS = [
    "description",
    "creator",
    "origin",
    "languages",
    "licence",
    "topics",
    "grade_bands",
]


class LessonPlansAPIViewSet(PagesAPIViewSet):
    model = LessonPlanPage
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "summary",
        "grade_bands",
        "duration_minutes",
        "topics",
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().type(LessonPlanPage)


class ResourceImagesAPIViewSet(ImagesAPIViewSet):
    model = DromImage
    body_fields = [*ImagesAPIViewSet.body_fields, *RESOURCE_FIELDS]


class ResourceDocumentsAPIViewSet(DocumentsAPIViewSet):
    model = DromDocument
    body_fields = [*DocumentsAPIViewSet.body_fields, *RESOURCE_FIELDS]


class ResourceMediaAPIViewSet(MediaAPIViewSet):
    model = DromMedia
    body_fields = [*MediaAPIViewSet.body_fields, *RESOURCE_FIELDS, "transcript"]


api_router = WagtailAPIRouter("curriculum_api")
api_router.register_endpoint("lesson-plans", LessonPlansAPIViewSet)
api_router.register_endpoint("images", ResourceImagesAPIViewSet)
api_router.register_endpoint("documents", ResourceDocumentsAPIViewSet)
api_router.register_endpoint("media", ResourceMediaAPIViewSet)
