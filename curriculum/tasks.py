"""Background work for the library (django-tasks): making a lesson plan's PDF.

A lesson plan page shows the size of its PDF; the PDF is made here, out of the page request when
a worker runs the tasks, and then once per published revision and language.
"""

from django.utils import translation
from django_tasks import task
from wagtail.models import Page

from .pdf import lesson_plan_pdf_cached, lesson_plan_pdf_size


@task()
def lesson_plan_pdf_build(*, page_id: int, language: str) -> int | None:
    """Make (and cache) the PDF of a live lesson plan; returns its size in bytes."""
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    page = page.specific
    with translation.override(language):
        return lesson_plan_pdf_size(page) or len(lesson_plan_pdf_cached(page))
