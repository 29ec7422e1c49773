""" "I taught this": a teacher gives one feedback per plan (and may change it), the form keeps what
was typed on error, a methodologist approves it before it shows on the plan (without a name),
authors see it per plan in the admin, and everybody else is refused."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from curriculum.models import LessonPlanFeedback
from schools import roles
from tests.curriculum.conftest import make_plan
from tests.factories import LessonPlanFeedbackFactory, make_teacher, make_user

pytestmark = pytest.mark.django_db

ADMIN_URL = reverse("plan_feedback:index")
Status = LessonPlanFeedback.Status


@pytest.fixture
def plan(library):
    return make_plan(library, title="Херделези в класа", slug="herdelezi")


@pytest.fixture
def plan_teacher(db):
    return make_teacher(email="prepodavah@example.test", first_name="Радка", last_name="Асенова")


def give(client, plan, **data):
    return client.post(plan.url + "i-taught-this/", data)


def test_a_teacher_gives_feedback_it_waits_for_moderation_and_she_may_change_it(
    client, plan, plan_teacher
):
    client.force_login(plan_teacher)
    page = client.get(plan.url)
    assert "Преподавах това" in page.text
    response = give(client, plan, rating="4", comment="Децата пяха и танцуваха.")
    assert response.status_code == 302 and response["Location"].endswith("#i-taught-this")
    feedback = LessonPlanFeedback.objects.get()
    assert (feedback.teacher, feedback.rating, feedback.status) == (plan_teacher, 4, Status.PENDING)
    # Not on the plan before a methodologist approved it.
    assert (
        "Децата пяха"
        not in client.get(plan.url).text.split('id="i-taught-this"')[1].split("<form")[0]
    )

    feedback.status = Status.APPROVED
    feedback.save()
    give(client, plan, rating="5", comment="Втори път беше още по-добре.")
    feedback.refresh_from_db()
    assert LessonPlanFeedback.objects.count() == 1  # one per teacher and plan
    assert (feedback.rating, feedback.status) == (5, Status.PENDING)  # moderated again


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"comment": "Без оценка"}, "Изберете оценка от 1 до 5."),
        ({"rating": "9", "comment": "Твърде висока"}, "Изберете оценка от 1 до 5."),
        ({"rating": "3", "comment": "дълго " * 100}, "най-много 500 знака"),
    ],
)
def test_bad_input_is_refused_in_bulgarian_and_keeps_what_was_typed(
    client, plan, plan_teacher, data, message
):
    client.force_login(plan_teacher)
    response = give(client, plan, **data)
    assert response.status_code == 400
    assert message in response.text
    assert data["comment"].strip()[:20] in response.text
    assert not LessonPlanFeedback.objects.exists()


def test_anonymous_visitors_log_in_and_staff_cannot_give_feedback(client, plan, author):
    response = give(client, plan, rating="4")
    assert response.status_code == 302 and "/login" in response["Location"]
    client.force_login(author)
    assert give(client, plan, rating="4").status_code == 403
    assert not LessonPlanFeedback.objects.exists()


def test_a_methodologist_approves_and_the_plan_shows_it_without_a_name(
    client, plan, plan_teacher, methodologist
):
    feedback = LessonPlanFeedbackFactory(plan=plan, teacher=plan_teacher, comment="Работи чудесно.")
    client.force_login(methodologist)
    listing = client.get(ADMIN_URL, {"status": "pending"})
    assert listing.status_code == 200 and "Работи чудесно." in listing.text
    assert "Асенова" not in listing.text
    response = client.post(
        reverse("plan_feedback:moderate", args=[feedback.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.status, feedback.moderated_by) == (Status.APPROVED, methodologist)
    assert feedback.moderated_at is not None
    client.logout()
    page = client.get(plan.url)
    assert "Работи чудесно." in page.text and "4 / 5" in page.text
    assert "Асенова" not in page.text and "Радка" not in page.text


def test_rejected_feedback_never_shows(client, plan, methodologist):
    feedback = LessonPlanFeedbackFactory(plan=plan, comment="Неподходящ коментар")
    client.force_login(methodologist)
    client.post(reverse("plan_feedback:moderate", args=[feedback.pk]), {"decision": "reject"})
    feedback.refresh_from_db()
    assert feedback.status == Status.REJECTED
    client.logout()
    assert "Неподходящ коментар" not in client.get(plan.url).text


@pytest.mark.parametrize("who", ["author", "national"])
def test_authors_and_national_coordinators_see_feedback_per_plan_but_may_not_moderate(
    client, request, plan, who
):
    feedback = LessonPlanFeedbackFactory(plan=plan, rating=2, comment="Твърде дълго.")
    LessonPlanFeedbackFactory(plan=plan, rating=4, status=Status.APPROVED)
    client.force_login(request.getfixturevalue(who))
    listing = client.get(ADMIN_URL)
    assert listing.status_code == 200
    assert "Херделези в класа" in listing.text and "Твърде дълго." in listing.text
    assert "Одобри" not in listing.text
    response = client.post(
        reverse("plan_feedback:moderate", args=[feedback.pk]), {"decision": "approve"}
    )
    assert response.status_code in (302, 403)
    feedback.refresh_from_db()
    assert feedback.status == Status.PENDING
    export = client.get(ADMIN_URL, {"export": "csv"})
    body = b"".join(export.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["План на урок", "Оценка", "Коментар", "Състояние", "Месец"]
    assert len(rows) == 3


@pytest.mark.parametrize("group", [roles.COMMUNITY_REVIEWERS, roles.REGIONAL_COORDINATORS])
def test_reviewers_and_regional_coordinators_are_refused(client, plan, group):
    feedback = LessonPlanFeedbackFactory(plan=plan)
    client.force_login(make_user(f"nope-{abs(hash(group))}@example.test", group, is_staff=True))
    assert client.get(ADMIN_URL).status_code in (302, 403)
    client.post(reverse("plan_feedback:moderate", args=[feedback.pk]), {"decision": "approve"})
    feedback.refresh_from_db()
    assert feedback.status == Status.PENDING


def test_the_moderation_list_costs_the_same_queries_for_many_feedbacks(
    client, library, methodologist
):
    plans = [make_plan(library, title=f"План {n}") for n in range(3)]
    LessonPlanFeedbackFactory(plan=plans[0])
    client.force_login(methodologist)
    with CaptureQueriesContext(connection) as few:
        client.get(ADMIN_URL)
    for plan in plans:
        for _ in range(5):
            LessonPlanFeedbackFactory(plan=plan)
    with CaptureQueriesContext(connection) as many:
        client.get(ADMIN_URL)
    assert len(many) == len(few)


def test_a_moderation_without_a_decision_changes_nothing(client, plan, methodologist):
    feedback = LessonPlanFeedbackFactory(plan=plan)
    client.force_login(methodologist)
    response = client.post(
        reverse("plan_feedback:moderate", args=[feedback.pk]), {"decision": "maybe"}, follow=True
    )
    assert "Изберете дали да одобрите, или да отхвърлите отзива." in response.text
    feedback.refresh_from_db()
    assert feedback.status == Status.PENDING
    missing = client.post(reverse("plan_feedback:moderate", args=[999999]), {"decision": "approve"})
    assert missing.status_code == 404
