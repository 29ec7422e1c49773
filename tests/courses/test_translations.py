"""Reading a course in English keeps one set of records with the Bulgarian course."""

from django.urls import reverse

from courses.models import Enrollment, LessonCompletion, QuizAttempt
from tests.courses.builders import steps


def translate(page, locale, title):
    existing = page.get_translation_or_none(locale)
    if existing is not None:  # e.g. the English course catalogue, made by migration courses.0004
        return existing.specific
    translation = page.copy_for_translation(locale)
    translation.title = title
    translation.save_revision().publish()
    return translation


def test_learning_in_english_records_against_the_bulgarian_course(
    course, course_client, course_teacher, locale_en, home_en
):
    translate(course.get_parent(), locale_en, "Courses")
    course_en = translate(course, locale_en, "Course in English")
    (lesson, _second), (quiz,) = steps(course)
    lesson_en = translate(lesson, locale_en, "Lesson one")
    quiz_en = quiz.copy_for_translation(locale_en)
    quiz_en.title = "Quiz in English"
    quiz_en.questions = [
        {**block, "value": {**block["value"], "text": "Which day is International Roma Day?"}}
        if block["id"] == "q-single"
        else block
        for block in quiz.questions.raw_data
    ]
    quiz_en.save_revision().publish()

    course_client.post(reverse("courses:enroll", args=[course_en.pk]))
    enrollment = Enrollment.objects.get()
    assert enrollment.course_id == course.pk  # the Bulgarian page
    html = course_client.get(course_en.url).content.decode()
    assert "<progress" in html and lesson_en.url in html

    course_client.post(reverse("courses:lesson_complete", args=[lesson_en.pk]))
    assert LessonCompletion.objects.get().lesson_id == lesson.pk

    course_client.post(reverse("courses:quiz_start", args=[quiz_en.pk]))
    assert QuizAttempt.objects.get().quiz_id == quiz.pk
    html = course_client.get(quiz_en.url).content.decode()
    assert "Which day is International Roma Day?" in html
    # The Bulgarian page shows the same open attempt (records are shared).
    assert 'name="q-q-single"' in course_client.get(quiz.url).content.decode()
