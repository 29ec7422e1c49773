"""Reports → Quiz statistics and Course drop-off: the figures on a small hand-made data set with
known answers, the anonymity threshold, the scope of a regional coordinator, refusals per role,
exports and query budgets that grow with neither attempts nor questions."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import grading
from courses.models import Enrollment
from reports.selectors.insights import course_insights, quiz_insights
from schools import roles
from schools.models import User
from tests.courses.builders import short, single
from tests.factories import (
    CourseLessonPageFactory,
    CoursePageFactory,
    EnrollmentFactory,
    LessonCompletionFactory,
    QuizAttemptFactory,
    QuizPageFactory,
    make_school,
    make_teacher,
    make_user,
)

pytestmark = pytest.mark.django_db

QUIZ_URL = reverse("drom_reports:quiz_insights")
COURSE_URL = reverse("drom_reports:course_insights")

QUESTIONS = [
    single("q1", "Кога е Международният ден на ромите?", ["8 април", "24 май", "1 юни"], 0),
    single("q2", "Кой е химнът на ромите?", ["Джелем, джелем", "Шумен", "Мила Родино"], 0),
    # Romani words marked as authors mark them ([rom]…[/rom]): shown without the marks.
    single("q3", "Какво е [rom]Vasilica[/rom]?", ["Празник", "Песен", "[rom]Khelipe[/rom]"], 0),
]
RIGHT = {"q1": "q1-0", "q2": "q2-0", "q3": "q3-0"}
WRONG = {"q1": "q1-2", "q2": "q2-1", "q3": "q3-2"}
#: first attempts: which questions each of five teachers answered correctly
FIRST = [(1, 1, 1), (1, 1, 0), (1, 0, 0), (1, 0, 1), (0, 0, 0)]
#: the attempt each teacher first passed on (pass mark 70 %: all three right); None = never
PASSED_ON = [1, 2, 3, 2, None]


def attempt(enrollment, quiz, number, marks):
    questions = grading.snapshot_questions(quiz.questions)
    answers = {
        qid: [RIGHT[qid] if mark else WRONG[qid]]
        for qid, mark in zip(("q1", "q2", "q3"), marks, strict=True)
    }
    grade = grading.grade(questions, answers)
    return QuizAttemptFactory(
        enrollment=enrollment,
        quiz=quiz,
        number=number,
        questions=questions,
        answers=answers,
        results=grade.results,
        score=grade.score,
        passed=grade.passed(quiz.pass_mark),
        submitted_at=timezone.now(),
    )


def make_quiz(*, teachers=5, school=None, extra_questions=0):
    course = CoursePageFactory(
        title="Курс за статистика", slug=f"stat-{teachers}-{extra_questions}"
    )
    questions = QUESTIONS + [
        single(f"x{i}", f"Допълнителен въпрос {i}", ["а", "б"], 0) for i in range(extra_questions)
    ]
    quiz = QuizPageFactory(parent=course, questions=json.dumps(questions), pass_mark=70)
    school = school or make_school("BG-02", code="2097001")
    for n in range(teachers):
        teacher = make_teacher(school, email=f"stat{teachers}-{extra_questions}-{n}@example.test")
        enrollment = EnrollmentFactory(teacher=teacher, course=course)
        first, passed_on = FIRST[n % 5], PASSED_ON[n % 5]
        attempt(enrollment, quiz, 1, first)
        last = passed_on or 2
        for number in range(2, last + 1):
            attempt(enrollment, quiz, number, (1, 1, 1) if number == passed_on else (0, 0, 0))
    return course, quiz


def test_facility_discrimination_and_wrong_answers_on_known_data(national):
    _course, quiz = make_quiz()
    insights = quiz_insights(viewer=national, quiz=quiz)
    assert insights.sample == 5 and insights.shown
    by_id = {q.id: q for q in insights.questions}
    # q1: right 4 of 5 → 0.8. Its rest scores (q2+q3)/2 are 1, .5, 0, .5, 0; the point-biserial
    # correlation of (1,1,1,1,0) with them is 0.4 / √(0.8 × 0.7) = 0.53.
    assert (by_id["q1"].facility, by_id["q1"].discrimination) == (0.8, 0.53)
    assert (by_id["q2"].facility, by_id["q2"].discrimination) == (0.4, 0.33)
    assert (by_id["q3"].facility, by_id["q3"].discrimination) == (0.4, 0.33)
    assert [q.number for q in insights.questions] == [1, 2, 3]
    assert by_id["q1"].wrong_answers == [("1 юни", 1)]
    assert by_id["q2"].wrong_answers == [("Шумен", 3)]
    assert by_id["q3"].text == "Какво е Vasilica?"
    assert by_id["q3"].wrong_answers == [("Khelipe", 3)]


def test_attempts_needed_to_pass(national):
    _course, quiz = make_quiz()
    passing = quiz_insights(viewer=national, quiz=quiz).passing
    assert passing.teachers == 5
    assert passing.passed_on == [(1, 1), (2, 2), (3, 1)]
    assert passing.never_passed == 1
    assert passing.median == 2


def test_questions_are_withheld_below_five_teachers_and_lone_typed_answers_never_shown(national):
    _course, quiz = make_quiz(teachers=4)
    insights = quiz_insights(viewer=national, quiz=quiz)
    assert not insights.shown and insights.questions == []

    course = CoursePageFactory(title="Кратки отговори", slug="kratki")
    quiz = QuizPageFactory(
        parent=course, questions=json.dumps([short("s1", "Как се казва празникът?", ["Херделези"])])
    )
    school = make_school("BG-02", code="2097002")
    typed = ["Гергьовден", "Гергьовден", "Моят личен отговор", "Херделези", "Херделези"]
    for n, text in enumerate(typed):
        enrollment = EnrollmentFactory(
            teacher=make_teacher(school, email=f"short{n}@example.test"), course=course
        )
        questions = grading.snapshot_questions(quiz.questions)
        grade = grading.grade(questions, {"s1": [text]})
        QuizAttemptFactory(
            enrollment=enrollment,
            quiz=quiz,
            number=1,
            questions=questions,
            answers={"s1": [text]},
            results=grade.results,
            score=grade.score,
            submitted_at=timezone.now(),
        )
    (question,) = quiz_insights(viewer=national, quiz=quiz).questions
    assert question.wrong_answers == [("гергьовден", 2)]


def test_quiz_statistics_cost_the_same_queries_for_more_attempts_and_questions(
    national, django_assert_num_queries
):
    _c, small = make_quiz(teachers=5)
    _c, large = make_quiz(teachers=25, extra_questions=12, school=make_school("BG-22"))
    # The viewer's groups (read once per request), the first attempts, the passes per teacher.
    viewers = User.objects.get(pk=national.pk), User.objects.get(pk=national.pk)
    with django_assert_num_queries(3):
        small_insights = quiz_insights(viewer=viewers[0], quiz=small)
    with django_assert_num_queries(3):
        large_insights = quiz_insights(viewer=viewers[1], quiz=large)
    assert small_insights.sample == 5 and large_insights.sample == 25
    assert len(large_insights.questions) == 15


def build_course(school, *, teachers=6):
    """Lesson → quiz → lesson; of six teachers 6 finish lesson 1, 4 try the quiz, 3 pass it and
    2 finish lesson 2 (and the course: 4 and 6 days after enrolling)."""
    course = CoursePageFactory(title="Курс с отпадане", slug=f"otpadane-{school.code}")
    first = CourseLessonPageFactory(parent=course, title="Урок 1", slug="urok-1")
    quiz = QuizPageFactory(parent=course, questions=json.dumps(QUESTIONS), title="Тест", slug="t")
    second = CourseLessonPageFactory(parent=course, title="Урок 2", slug="urok-2")
    now = timezone.now()
    for n in range(teachers):
        teacher = make_teacher(school, email=f"drop{school.code}-{n}@example.test")
        enrollment = EnrollmentFactory(teacher=teacher, course=course)
        LessonCompletionFactory(enrollment=enrollment, teacher=teacher, lesson=first)
        if n < 4:
            attempt(enrollment, quiz, 1, (1, 1, 1) if n < 3 else (0, 0, 0))
        if n < 2:
            LessonCompletionFactory(enrollment=enrollment, teacher=teacher, lesson=second)
            Enrollment.objects.filter(pk=enrollment.pk).update(
                status="completed",
                enrolled_at=now - timedelta(days=4 + 2 * n),
                completed_at=now,
                percent=100,
            )
    return course


def test_drop_off_per_step_in_outline_order_and_median_time(national):
    course = build_course(make_school("BG-02", code="2097003"))
    insights = course_insights(viewer=national, course=course)
    assert (insights.enrolled, insights.completed, insights.median_days) == (6, 2, 5.0)
    rows = [(s.title, s.kind, s.started, s.completed, s.percent, s.lost) for s in insights.steps]
    assert rows == [
        ("Урок 1", "lesson", 6, 6, 100, 0),
        ("Тест", "quiz", 4, 3, 50, 3),
        ("Урок 2", "lesson", 2, 2, 33, 1),
    ]


def test_a_regional_coordinator_sees_only_her_regions_and_an_author_everybody(
    coordinator, author, django_assert_num_queries
):
    burgas = make_school("BG-02", code="2097004")  # Southeastern region: the coordinator's
    course = build_course(burgas)
    sofia = make_school("BG-22", code="2297004")
    for n in range(3):
        teacher = make_teacher(sofia, email=f"sofia-drop-{n}@example.test")
        EnrollmentFactory(teacher=teacher, course=course)
    assert course_insights(viewer=coordinator, course=course).enrolled == 6
    course_insights(viewer=author, course=course)  # the outline is remembered after this
    # the enrollments (times, count), one grouped count per kind of step, the evaluations
    with django_assert_num_queries(6):
        assert course_insights(viewer=author, course=course).enrolled == 9


@pytest.mark.parametrize(
    "group", [roles.TEACHERS, roles.COMMUNITY_REVIEWERS, roles.TRAINERS], ids=str
)
def test_teachers_reviewers_and_trainers_are_refused(client, group):
    make_quiz()
    user = make_user(f"refused-{abs(hash(group))}@example.test", group, is_staff=True)
    client.force_login(user)
    for url in (QUIZ_URL, COURSE_URL, QUIZ_URL + "?export=csv"):
        assert refused(client.get(url))


def refused(response) -> bool:
    """403, or Wagtail's answer to PermissionDenied: back to the admin's dashboard with a
    message (or, for a role with no admin at all, to the admin's login)."""
    return response.status_code == 403 or (
        response.status_code == 302
        and (response["Location"] == "/admin/" or "/admin/login/" in response["Location"])
    )


@pytest.mark.parametrize("who", ["author", "methodologist", "coordinator", "national"])
def test_authors_methodologists_and_coordinators_see_the_screens_without_names(
    client, request, who
):
    _course, quiz = make_quiz()
    client.force_login(request.getfixturevalue(who))
    page = client.get(QUIZ_URL, {"item": quiz.pk})
    assert page.status_code == 200
    assert "Кой е химнът на ромите?" in page.text or who == "coordinator"
    assert "stat5-0-0@example.test" not in page.text
    course_page = client.get(COURSE_URL)
    assert course_page.status_code == 200


def test_quiz_statistics_export_in_bulgarian_csv(client, author):
    _course, quiz = make_quiz()
    client.force_login(author)
    response = client.get(QUIZ_URL, {"item": quiz.pk, "export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:4] == ["№", "Въпрос", "Отговорили", "Лекота"]
    assert rows[1][1] == "Кога е Международният ден на ромите?"
    xlsx = client.get(COURSE_URL, {"export": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd")
