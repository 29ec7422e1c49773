"""What authors learn, on the demo content and as the demo account of each role: the quiz
statistics have something to show, the drop-off follows the outline, "I taught this" feedback is
there (approved, and one waiting for the methodologist), and every role sees only what it may."""

import pytest
from django.urls import reverse

from courses.models import CoursePage, QuizPage
from curriculum.models import LessonPlanFeedback
from reports.selectors.insights import course_insights, quiz_insights
from schools.models import User

QUIZ_URL = reverse("drom_reports:quiz_insights")
COURSE_URL = reverse("drom_reports:course_insights")
FEEDBACK_URL = reverse("plan_feedback:index")


def demo(email: str) -> User:
    return User.objects.get(email=email)


def refused(response) -> bool:
    """403, or Wagtail's answer to PermissionDenied (back to the dashboard, or to the login for
    a role with no admin at all)."""
    return response.status_code == 403 or (
        response.status_code == 302
        and (response["Location"] == "/admin/" or "/admin/login/" in response["Location"])
    )


def test_the_demo_quiz_statistics_show_something():
    national = demo("national@drom.test")
    quiz = QuizPage.objects.filter(locale__language_code="bg", attempts__isnull=False).first()
    insights = quiz_insights(viewer=national, quiz=quiz)
    assert insights.shown and insights.sample >= 5
    facilities = {q.facility for q in insights.questions}
    assert len(facilities) > 1  # questions differ in difficulty
    assert any(q.wrong_answers for q in insights.questions)
    assert insights.passing.passed_on and insights.passing.median is not None


def test_the_demo_drop_off_and_median_time():
    course = CoursePage.objects.filter(locale__language_code="bg").order_by("path").first()
    insights = course_insights(viewer=demo("author@drom.test"), course=course)
    assert insights.enrolled > insights.completed > 0
    assert insights.median_days is not None
    assert [s.number for s in insights.steps] == list(range(1, len(insights.steps) + 1))
    assert insights.steps[0].completed >= insights.steps[-1].completed


def test_the_demo_has_approved_feedback_and_one_waiting(client):
    assert LessonPlanFeedback.objects.filter(status="approved").count() >= 5
    pending = LessonPlanFeedback.objects.get(status="pending")
    approved = LessonPlanFeedback.objects.filter(status="approved").exclude(comment="").first()
    page = client.get(approved.plan.url)
    assert approved.comment in page.text and "Преподавах това" in page.text
    assert pending.comment not in client.get(pending.plan.url).text


@pytest.mark.parametrize(
    ("email", "insights", "feedback"),
    [
        ("teacher@drom.test", False, False),
        ("reviewer@drom.test", False, False),
        ("trainer@drom.test", False, False),
        ("author@drom.test", True, True),
        ("methodologist@drom.test", True, True),
        ("coordinator@drom.test", True, False),
        ("national@drom.test", True, True),
    ],
)
def test_each_demo_role_sees_only_what_it_may(client, email, insights, feedback):
    client.force_login(demo(email))
    for url in (QUIZ_URL, COURSE_URL, QUIZ_URL + "?export=xlsx"):
        response = client.get(url)
        assert (response.status_code == 200) is insights, url
        assert refused(response) is not insights, url
    response = client.get(FEEDBACK_URL)
    assert (response.status_code == 200) is feedback
    if feedback:
        assert "uchitel" not in response.text  # never a teacher's address
        pending = LessonPlanFeedback.objects.get(status="pending")
        may_moderate = email == "methodologist@drom.test"
        assert ("Одобри" in response.text) is may_moderate
        client.post(reverse("plan_feedback:moderate", args=[pending.pk]), {"decision": "reject"})
        pending.refresh_from_db()
        assert (pending.status == "rejected") is may_moderate
    else:
        assert refused(response)
