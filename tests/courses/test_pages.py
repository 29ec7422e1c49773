"""Course page rules: where pages may live, credits, and learner records outliving pages."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.urls import reverse
from pytest_django.asserts import assertRedirects
from wagtail.models import Page

from courses import services
from courses.models import (
    CourseEvaluationPage,
    CourseIndexPage,
    CourseLessonPage,
    CoursePage,
    Enrollment,
    QuizPage,
    SeminarPage,
)
from tests.courses.builders import steps


def test_pages_only_where_they_belong():
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert set(CourseLessonPage.allowed_parent_page_models()) == {CoursePage}
    assert set(QuizPage.allowed_parent_page_models()) == {CoursePage}
    assert set(CoursePage.allowed_subpage_models()) == {
        CourseLessonPage,
        QuizPage,
        SeminarPage,
        CourseEvaluationPage,
    }
    assert set(SeminarPage.allowed_parent_page_models()) == {CoursePage}
    assert CourseLessonPage.allowed_subpage_models() == []


def course_page(**kwargs):
    values = {"title": "Курс", "summary": "Резюме", "academic_hours": 16}
    values.update(kwargs)
    return CoursePage(**values)


def test_credits_only_for_approved_programmes():
    with pytest.raises(ValidationError) as error:
        course_page(credits=1).clean()
    assert "credits" in error.value.message_dict


def test_one_credit_needs_sixteen_hours():
    page = course_page(academic_hours=20, credits=2, programme_name="Програма", uin="123")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "credits" in error.value.message_dict
    course_page(academic_hours=32, credits=2, programme_name="Програма", uin="123").clean()


def test_programme_needs_name_and_uin():
    with pytest.raises(ValidationError):
        course_page(uin="123").clean()


def test_a_course_without_records_can_be_deleted(admin_client, course):
    parent = course.get_parent()
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]))
    assertRedirects(
        response, reverse("wagtailadmin_explore", args=[parent.pk]), fetch_redirect_response=False
    )
    assert not Page.objects.filter(pk=course.pk).exists()


def test_a_course_with_learner_records_cannot_be_deleted(admin_client, course, course_teacher):
    services.enrollment_create(teacher=course_teacher, course=course)
    response = admin_client.post(
        reverse("wagtailadmin_pages:delete", args=[course.pk]), follow=True
    )
    assert CoursePage.objects.filter(pk=course.pk).exists()
    assert "Скрийте страницата" in response.content.decode()


def test_a_lesson_with_completions_cannot_be_deleted(admin_client, course, course_teacher):
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    lesson = steps(course)[0][0]
    services.lesson_complete(enrollment=enrollment, lesson=lesson)
    admin_client.post(reverse("wagtailadmin_pages:delete", args=[lesson.pk]))
    assert CourseLessonPage.objects.filter(pk=lesson.pk).exists()


def test_the_catalogue_above_records_cannot_be_deleted(admin_client, course, course_teacher):
    services.enrollment_create(teacher=course_teacher, course=course)
    index = course.get_parent()
    admin_client.post(reverse("wagtailadmin_pages:delete", args=[index.pk]))
    assert Page.objects.filter(pk=index.pk).exists()


def test_database_protects_records_even_outside_the_admin(course, course_teacher):
    services.enrollment_create(teacher=course_teacher, course=course)
    with pytest.raises(ProtectedError):
        course.delete()
    assert Enrollment.objects.count() == 1


def test_editing_a_course_keeps_records(course, course_teacher):
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    services.lesson_complete(enrollment=enrollment, lesson=steps(course)[0][0])
    course.title = "Ново заглавие"
    course.sequential = True
    course.save_revision().publish()
    enrollment.refresh_from_db()
    assert enrollment.completed_lessons == 1
    assert enrollment.completions.count() == 1


def test_catalogue_lists_courses_with_my_progress(course_client, course, course_teacher):
    services.enrollment_create(teacher=course_teacher, course=course)
    html = course_client.get(course.get_parent().url).content.decode()
    assert course.title in html
    assert "<progress" in html


def test_bulk_delete_of_a_course_with_records_is_refused(admin_client, course, course_teacher):
    services.enrollment_create(teacher=course_teacher, course=course)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    admin_client.post(f"{url}?id={course.pk}&childOf={course.get_parent().pk}")
    assert CoursePage.objects.filter(pk=course.pk).exists()
