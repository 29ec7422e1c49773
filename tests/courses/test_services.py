"""Enrolling, completing lessons, quiz attempts and course completion, through the services."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from courses import services
from courses.models import (
    Certificate,
    CourseLessonPage,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
)
from schools import roles
from tests.courses.builders import make_course, steps
from tests.factories import SchoolFactory, UserFactory, make_teacher

RIGHT = {"q-single": ["q-single-0"], "q-tf": ["true"]}
WRONG = {"q-single": ["q-single-1"], "q-tf": ["false"]}


def enroll(teacher, course):
    return services.enrollment_create(teacher=teacher, course=course)


def finish_lessons(enrollment, course):
    lessons, _quizzes = steps(course)
    for lesson in lessons:
        services.lesson_complete(enrollment=enrollment, lesson=lesson, reflection="Мисли.")


def submit(enrollment, quiz, answers):
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    return services.quiz_attempt_submit(attempt=attempt, answers=answers)


def test_enrollment_records_school_at_that_moment(course, course_teacher):
    school = course_teacher.school
    enrollment = enroll(course_teacher, course)
    course_teacher.school = SchoolFactory()
    course_teacher.save()
    enrollment.refresh_from_db()
    assert enrollment.school == school
    assert enrollment.status == Enrollment.Status.ENROLLED


def test_enrolling_twice_returns_the_same_enrollment(course, course_teacher):
    assert enroll(course_teacher, course) == enroll(course_teacher, course)
    assert Enrollment.objects.count() == 1


def test_only_teachers_can_enroll(course):
    coordinator = UserFactory()
    coordinator.groups.add(Group.objects.get(name=roles.REGIONAL_COORDINATORS))
    with pytest.raises(services.CourseError):
        enroll(coordinator, course)
    assert not Enrollment.objects.exists()


def test_closed_course_refuses_enrollment(course, course_teacher):
    course.enrollment_open = False
    course.save()
    with pytest.raises(services.CourseError):
        enroll(course_teacher, course)


def test_lesson_completion_is_idempotent_and_updates_progress(course, course_teacher):
    enrollment = enroll(course_teacher, course)
    lesson = steps(course)[0][0]
    first = services.lesson_complete(enrollment=enrollment, lesson=lesson)
    again = services.lesson_complete(enrollment=enrollment, lesson=lesson)
    assert first == again
    assert LessonCompletion.objects.count() == 1
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.IN_PROGRESS
    assert enrollment.completed_lessons == 1
    assert enrollment.percent == 33  # 1 of 3 required steps (2 lessons, 1 quiz)
    assert enrollment.last_activity is not None


def test_reflection_is_required_when_the_lesson_asks_for_one(home_bg, course_teacher):
    course = make_course(home_bg, reflection_on_first=True)
    enrollment = enroll(course_teacher, course)
    lesson = steps(course)[0][0]
    with pytest.raises(services.CourseError):
        services.lesson_complete(enrollment=enrollment, lesson=lesson, reflection="   ")
    assert not LessonCompletion.objects.exists()
    services.lesson_complete(enrollment=enrollment, lesson=lesson, reflection="Ще питам децата.")
    assert LessonCompletion.objects.get().reflection == "Ще питам децата."


def test_a_lesson_of_another_course_is_refused(home_bg, course, course_teacher):
    other = make_course(home_bg, slug="other")
    enrollment = enroll(course_teacher, course)
    with pytest.raises(services.CourseError):
        services.lesson_complete(enrollment=enrollment, lesson=steps(other)[0][0])


def test_sequential_course_opens_steps_in_order(home_bg, course_teacher):
    course = make_course(home_bg, sequential=True)
    enrollment = enroll(course_teacher, course)
    (first, second), (quiz,) = steps(course)
    with pytest.raises(services.CourseError):
        services.lesson_complete(enrollment=enrollment, lesson=second)
    with pytest.raises(services.CourseError):
        services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    services.lesson_complete(enrollment=enrollment, lesson=first)
    services.lesson_complete(enrollment=enrollment, lesson=second)
    assert services.quiz_attempt_start(enrollment=enrollment, quiz=quiz).number == 1


def test_course_completes_with_lessons_done_and_quiz_passed(course, course_teacher):
    enrollment = enroll(course_teacher, course)
    finish_lessons(enrollment, course)
    attempt = submit(enrollment, steps(course)[1][0], RIGHT)
    assert attempt.passed
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.percent == 100
    assert enrollment.completed_at is not None
    assert enrollment.hours_earned == 16
    assert enrollment.credits_earned == 1
    assert enrollment.best_quiz_score == 100
    assert enrollment.quiz_attempts == 1
    assert Certificate.objects.get().enrollment == enrollment


def test_a_failed_required_quiz_never_completes_the_course(course, course_teacher):
    enrollment = enroll(course_teacher, course)
    finish_lessons(enrollment, course)
    attempt = submit(enrollment, steps(course)[1][0], WRONG)
    assert not attempt.passed
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.IN_PROGRESS
    assert enrollment.percent == 66
    assert enrollment.best_quiz_score == 0
    assert not Certificate.objects.exists()


def test_optional_steps_are_not_needed(home_bg, course_teacher):
    course = make_course(home_bg)
    lessons, (quiz,) = steps(course)
    quiz.required = False
    quiz.save_revision().publish()
    enrollment = enroll(course_teacher, course)
    finish_lessons(enrollment, course)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_adding_a_lesson_keeps_completion_and_certificate(course, course_teacher):
    enrollment = enroll(course_teacher, course)
    finish_lessons(enrollment, course)
    submit(enrollment, steps(course)[1][0], RIGHT)
    course.add_child(instance=CourseLessonPage(title="Нов урок", slug="new"))
    # The teacher keeps working (or an editor changes rules): completion stays recorded once.
    lesson = CourseLessonPage.objects.get(slug="new")
    services.lesson_complete(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.percent == 100
    assert Certificate.objects.count() == 1


def test_attempt_limit(home_bg, course_teacher):
    course = make_course(home_bg, attempts_allowed=2)
    enrollment = enroll(course_teacher, course)
    quiz = steps(course)[1][0]
    submit(enrollment, quiz, WRONG)
    submit(enrollment, quiz, WRONG)
    with pytest.raises(services.CourseError):
        services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    assert QuizAttempt.objects.count() == 2


def test_unlimited_attempts(home_bg, course_teacher):
    course = make_course(home_bg, attempts_allowed=0)
    enrollment = enroll(course_teacher, course)
    quiz = steps(course)[1][0]
    for _ in range(5):
        submit(enrollment, quiz, WRONG)
    assert QuizAttempt.objects.count() == 5


def test_starting_twice_returns_the_open_attempt(course, course_teacher):
    enrollment = enroll(course_teacher, course)
    quiz = steps(course)[1][0]
    first = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    assert services.quiz_attempt_start(enrollment=enrollment, quiz=quiz) == first


def test_resubmitting_returns_the_same_result_and_creates_nothing(course, course_teacher):
    enrollment = enroll(course_teacher, course)
    quiz = steps(course)[1][0]
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    graded = services.quiz_attempt_submit(attempt=attempt, answers=WRONG)
    again = services.quiz_attempt_submit(attempt=attempt, answers=RIGHT)
    assert again.pk == graded.pk
    assert again.score == 0
    assert QuizAttempt.objects.count() == 1
    enrollment.refresh_from_db()
    assert enrollment.quiz_attempts == 1


@pytest.mark.parametrize(
    "answers",
    [
        {"q-single": ["q-single-0"]},  # missing question
        {**RIGHT, "q-unknown": ["x"]},  # unknown question
        {**RIGHT, "q-single": ["q-tf-0"]},  # tampered choice id
        {**RIGHT, "q-tf": ["perhaps"]},  # wrong type
    ],
)
def test_malformed_answers_burn_no_attempt(home_bg, course_teacher, answers):
    course = make_course(home_bg, attempts_allowed=1)
    enrollment = enroll(course_teacher, course)
    quiz = steps(course)[1][0]
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    with pytest.raises(services.CourseError) as error:
        services.quiz_attempt_submit(attempt=attempt, answers=answers)
    assert "опитът не е използван" in str(error.value.message).lower()
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    graded = services.quiz_attempt_submit(attempt=attempt, answers=RIGHT)
    assert graded.passed


def test_best_attempt_counts(home_bg, course_teacher):
    course = make_course(home_bg, counting="best", lessons=0)
    enrollment = enroll(course_teacher, course)
    quiz = steps(course)[1][0]
    submit(enrollment, quiz, RIGHT)
    enrollment.refresh_from_db()
    assert enrollment.is_completed


def test_last_attempt_counts(home_bg, course_teacher):
    course = make_course(home_bg, counting="last", lessons=1, attempts_allowed=0)
    enrollment = enroll(course_teacher, course)
    quiz = steps(course)[1][0]
    submit(enrollment, quiz, RIGHT)  # passed, but a lesson is still to do
    submit(enrollment, quiz, WRONG)  # the last attempt now counts: failed
    finish_lessons(enrollment, course)
    enrollment.refresh_from_db()
    assert not enrollment.is_completed
    assert enrollment.best_quiz_score == 100


def test_answers_after_the_time_limit_count_unanswered_as_wrong(home_bg, course_teacher):
    course = make_course(home_bg, time_limit_minutes=5)
    enrollment = enroll(course_teacher, course)
    quiz = steps(course)[1][0]
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    services.quiz_attempt_save(
        attempt=attempt, answers={"q-single": ["q-single-0"]}, shown=["q-single"]
    )
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(minutes=10)
    )
    # Answers sent after the limit are not graded: the ones saved by then are.
    graded = services.quiz_attempt_submit(attempt=attempt, answers=RIGHT)
    assert graded.timed_out and graded.counted
    assert graded.score == 50


def test_certificate_numbers_follow_the_register(home_bg):
    course = make_course(home_bg, quizzes=0)
    numbers = []
    for n in range(3):
        teacher = make_teacher(email=f"t{n}@example.test")
        enrollment = enroll(teacher, course)
        finish_lessons(enrollment, course)
        numbers.append(Certificate.objects.get(enrollment=enrollment).number)
    year = timezone.localdate().year
    assert numbers == [f"{year}-000001", f"{year}-000002", f"{year}-000003"]
    codes = set(Certificate.objects.values_list("code", flat=True))
    assert len(codes) == 3 and all(len(code) >= 24 for code in codes)


def test_certificate_copies_holder_school_and_course(home_bg):
    course = make_course(home_bg, quizzes=0)
    teacher = make_teacher(email="copy@example.test")
    enrollment = enroll(teacher, course)
    finish_lessons(enrollment, course)
    certificate = Certificate.objects.get()
    assert certificate.holder_name == "Мария Иванова Петрова"
    assert certificate.school_code == teacher.school.code
    assert certificate.district == teacher.school.municipality.district.name
    assert certificate.uin == "4000123"
    assert certificate.credits == 1
    assert certificate.hours == 16
