"""The demo courses load in both languages, with teachers in every state, and only once."""

from django.core.management import call_command

from courses.models import Certificate, CoursePage, Enrollment, LessonCompletion, QuizAttempt


def test_demo_courses_and_learners(db):
    call_command("load_demo", verbosity=0)
    courses = CoursePage.objects.filter(locale__language_code="bg").order_by("path")
    assert [c.title for c in courses] == [
        "Интеркултурно образование в класната стая",
        "Работа с ромските родители за превенция на отпадането",
    ]
    intercultural, parents = courses
    assert intercultural.academic_hours == 16 and intercultural.credits == 1
    assert intercultural.is_approved_programme and not parents.is_approved_programme
    assert intercultural.get_children().count() == 8  # 6 lessons, 2 quizzes
    assert parents.get_children().count() == 5  # 4 lessons, 1 quiz
    assert CoursePage.objects.filter(locale__language_code="en").count() == 2
    for course in courses:
        statuses = set(course.enrollments.values_list("status", flat=True))
        assert statuses == {"enrolled", "in_progress", "completed"}
        # someone failed a quiz and has not completed
        assert QuizAttempt.objects.filter(
            quiz__in=course.get_children(), passed=False, enrollment__status="in_progress"
        ).exists()
    demo = Enrollment.objects.get(teacher__email="teacher@drom.test")
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
    assert counts == (
        Enrollment.objects.count(),
        LessonCompletion.objects.count(),
        QuizAttempt.objects.count(),
        Certificate.objects.count(),
    )
