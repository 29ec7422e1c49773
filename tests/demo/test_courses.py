"""The demo courses load in both languages, with teachers in every state, and only once."""

from django.core.management import call_command

from courses.models import (
    Certificate,
    CourseLessonPage,
    CoursePage,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
)
from curriculum.models import LessonPlanPage


def test_demo_courses_and_learners(client):
    courses = CoursePage.objects.filter(locale__language_code="bg").order_by("path")
    assert [c.title for c in courses] == [
        "Интеркултурно образование в класната стая",
        "Работа с ромските родители за превенция на отпадането",
        "Ромският фолклор в избираемите часове",
    ]
    intercultural, parents, _folklore = courses
    assert intercultural.academic_hours == 16 and intercultural.credits == 1
    assert intercultural.is_approved_programme and not parents.is_approved_programme
    assert intercultural.get_children().count() == 8  # 6 lessons, 2 quizzes
    assert parents.get_children().count() == 5  # 4 lessons, 1 quiz
    assert CoursePage.objects.filter(locale__language_code="en").count() == 3
    index = intercultural.get_parent()
    assert index.show_in_menus  # "Teacher courses" is in the main menu
    for course in (intercultural, parents):
        statuses = set(course.enrollments.values_list("status", flat=True))
        assert statuses == {"enrolled", "in_progress", "completed"}
        # someone failed a quiz and has not completed
        assert QuizAttempt.objects.filter(
            quiz__in=course.get_children(), passed=False, enrollment__status="in_progress"
        ).exists()
    culture = CourseLessonPage.objects.get(
        slug="romskata-kultura-v-chasa", locale__language_code="bg"
    )
    cards = [b for b in culture.body if b.block_type == "lesson_plan"]
    if LessonPlanPage.objects.live().exists():  # the library's demo loads before the courses
        assert cards and isinstance(cards[0].value["page"].specific, LessonPlanPage)
    demo = Enrollment.objects.get(teacher__email="teacher@drom.test", course=intercultural)
    assert demo.status == "in_progress" and demo.completed_lessons == 3
    completed = Enrollment.objects.filter(status="completed")
    assert Certificate.objects.count() == completed.count() > 0

    counts = (
        Enrollment.objects.count(),
        LessonCompletion.objects.count(),
        QuizAttempt.objects.count(),
        Certificate.objects.count(),
    )
    call_command("load_demo", verbosity=0)
    client.force_login(demo.teacher)
    html = client.get(culture.url).content.decode()
    assert "<h1>Ромската култура в учебния час</h1>" in html
    if cards:
        assert cards[0].value["page"].url in html
    assert counts == (
        Enrollment.objects.count(),
        LessonCompletion.objects.count(),
        QuizAttempt.objects.count(),
        Certificate.objects.count(),
    )
