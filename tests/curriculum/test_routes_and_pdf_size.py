"""A lesson plan's sub-pages (Wagtail routes) and the size of its PDF shown on the page.

The PDF is made once per published revision and language (a django-tasks task; immediate in
tests); the page only reads its size, so a page view never renders a PDF it has already made,
and an editor's preview never makes one.
"""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from cms.units import file_size
from curriculum import pdf
from curriculum.models import SavedLessonPlan
from curriculum.tasks import lesson_plan_pdf_build
from tests.curriculum.conftest import make_plan


@pytest.fixture
def plan(library):
    cache.clear()
    return make_plan(library, title="Песни за Гергьовден")


def _sizes(html: str) -> dict[str, str]:
    links = re.findall(
        r'<a href="([^"]+)" download>[^<]*</a>( <span class="filesize">\(([^)]*)\))?', html
    )
    return {url.rsplit("/", 2)[-2]: size for url, _span, size in links}


def test_routes_keep_their_urls(plan, library):
    assert plan.reverse_subpage("pdf") == "pdf/"
    assert plan.reverse_subpage("pack") == "pack/"
    assert plan.reverse_subpage("save_toggle") == "save/"
    assert library.reverse_subpage("my_lesson_plans") == "my/"
    assert library.reverse_subpage("library") == ""


def test_the_page_links_its_routes(client, plan, library, teacher_client):
    html = teacher_client.get(plan.url).content.decode()
    assert f'href="{plan.url}pdf/"' in html and f'href="{plan.url}pack/"' in html
    assert f'action="{plan.url}save/"' in html
    assert f'href="{library.url}my/"' in teacher_client.get(library.url).content.decode()


def test_each_route_answers(client, plan):
    assert client.get(plan.url + "pdf/")["Content-Type"] == "application/pdf"
    assert client.get(plan.url + "pack/")["Content-Type"] == "application/zip"
    assert client.get(plan.url + "nothing-here/").status_code == 404


def test_saving_is_a_post_only(client, teacher_client, plan):
    response = teacher_client.get(plan.url + "save/")
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert "private" in response["Cache-Control"]
    assert not SavedLessonPlan.objects.exists()


def test_saving_needs_a_login_and_comes_back(client, plan):
    response = client.post(plan.url + "save/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={plan.url}"
    assert not SavedLessonPlan.objects.exists()


def test_the_page_shows_the_size_of_the_pdf_it_serves(client, plan):
    html = client.get(plan.url).content.decode()
    served = client.get(plan.url + "pdf/").content
    assert _sizes(html)["pdf"] == file_size(len(served))


def test_a_page_view_reads_the_size_without_making_the_pdf_again(client, plan):
    client.get(plan.url)  # the first view of this revision has the PDF made
    key = pdf._cache_key(plan)
    assert cache.get(key) is not None
    cache.delete(key)  # the PDF is gone (evicted); its size is still known
    html = client.get(plan.url).content.decode()
    assert _sizes(html)["pdf"]
    assert cache.get(key) is None  # … and nothing rendered it again to show the page


def test_a_new_revision_gets_its_own_pdf(client, plan):
    client.get(plan.url)
    old_key = pdf._cache_key(plan)
    plan.summary = "Друго описание."
    plan.save_revision().publish()
    plan.refresh_from_db()
    assert pdf._cache_key(plan) != old_key
    assert pdf.lesson_plan_pdf_size(plan) is None
    client.get(plan.url)
    assert pdf.lesson_plan_pdf_size(plan) is not None


def test_the_task_makes_the_pdf_in_the_language_asked(plan):
    result = lesson_plan_pdf_build.enqueue(page_id=plan.pk, language="bg")
    assert result.return_value == pdf.lesson_plan_pdf_size(plan) > 1000
    assert lesson_plan_pdf_build.enqueue(page_id=0, language="bg").return_value is None


def test_a_preview_never_makes_a_pdf(admin_client, plan):
    plan.summary = "Чернова, която още не е публикувана."
    response = plan.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{plan.url}pdf/"' in html
    assert _sizes(html)["pdf"] == ""  # no size for a draft's PDF
    assert cache.get(pdf._cache_key(plan)) is None
    assert pdf.lesson_plan_pdf_size(plan) is None
