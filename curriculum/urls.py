"""The library's URLs outside page serving: the JSON API and the recordings' files."""

from django.urls import path

from . import views
from .api import api_router

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("library-files/media/<int:pk>/<str:filename>", views.media_file, name="curriculum_media"),
    path("my-lesson-plans/", views.my_plans, name="curriculum_my_plans"),
]
