"""Assignments: a coordinator assigns courses in their regions with a due date; teachers see it;
the report filters by it; reminders go on schedule, once; changes and cancellations are logged."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.assignments import CANCEL, CHANGE, assignments_create
from courses.models import Assignment, Enrollment
from ops import scheduling
from ops.models import OutgoingEmail
from reports import campaigns
from reports.models import ReminderLog
from tests.courses.builders import make_course
from tests.factories import make_teacher

pytestmark = pytest.mark.django_db

ASSIGN = reverse("drom_reports:assign")
REPORT = reverse("drom_reports:course")
LIST = reverse("drom_reports:assignments")


def today():
    return timezone.localdate()


def assign_post(client, course, *, schools=(), due=None, **extra):
    data = {
        "courses": [course.pk],
        "schools": [s.pk for s in schools],
        "due_on": (due or today() + dt.timedelta(days=30)).isoformat(),
        "message": "Моля, завършете до срока.",
        **extra,
    }
    return client.post(ASSIGN, data)


def test_coordinator_assigns_two_schools_which_enrolls_and_logs(
    coordinator_client, coordinator, course, network, school_sliven, school_burgas
):
    assert coordinator_client.get(ASSIGN).status_code == 200
    response = assign_post(coordinator_client, course, schools=[school_sliven, school_burgas])
    assert response.status_code == 302
    assert "assignment=assigned" in response.url
    assigned = set(Assignment.objects.values_list("teacher__email", flat=True))
    # Four in Sliven, two in Burgas; nobody in Vidin (another region).
    assert len(assigned) == 6
    assert "zhana@example.test" not in assigned
    # Assigning enrolls the two who were not enrolled; nobody's progress changes.
    anna = network["not_started"]
    assert Enrollment.objects.get(teacher=anna, course=course).status == "enrolled"
    assert Enrollment.objects.get(teacher=network["completed"], course=course).status == (
        "completed"
    )
    assert ModelLogEntry.objects.filter(action="drom.assignment.create").count() == 6
    assert ModelLogEntry.objects.filter(user=coordinator).count() == 6


def test_reassigning_changes_the_due_date_and_logs_a_change(
    coordinator, course, network, school_sliven
):
    ids = [network["not_started"].pk]
    assignments_create(by=coordinator, teacher_ids=ids, courses=[course], due_on=today())
    later = today() + dt.timedelta(days=10)
    result = assignments_create(by=coordinator, teacher_ids=ids, courses=[course], due_on=later)
    assert (len(result.created), len(result.changed)) == (0, 1)
    assert Assignment.objects.get().due_on == later
    assert ModelLogEntry.objects.filter(action=CHANGE).count() == 1


def test_cannot_assign_outside_the_coordinators_regions(
    coordinator_client, coordinator, course, network, school_vidin
):
    response = assign_post(coordinator_client, course, schools=[school_vidin])
    assert response.status_code == 200
    assert "Направете валиден избор." in response.content.decode()
    response = assign_post(coordinator_client, course, emails="zhana@example.test")
    assert "Не са учители във вашите региони: zhana@example.test" in response.content.decode()
    with pytest.raises(PermissionDenied):
        assignments_create(
            by=coordinator,
            teacher_ids=[network["not_started"].pk, network["vidin_new"].pk],
            courses=[course],
            due_on=today(),
        )
    assert not Assignment.objects.exists()
    assert not Enrollment.objects.filter(teacher=network["vidin_new"]).exists()


def test_bad_input_is_refused_in_bulgarian(coordinator_client, course, network, school_sliven):
    response = assign_post(
        coordinator_client, course, schools=[school_sliven], due=today() - dt.timedelta(days=1)
    )
    assert "Срокът е в миналото." in response.content.decode()
    response = coordinator_client.post(ASSIGN, {"courses": [course.pk], "due_on": "2027-03-15"})
    assert "Изберете област за планиране" in response.content.decode()
    assert not Assignment.objects.exists()


def test_teachers_and_authors_cannot_assign(client, teacher, author, course):
    for user in (teacher, author):
        client.force_login(user)
        # Teachers never reach the admin (sent to log in); authors are refused.
        assert client.get(ASSIGN).status_code in (302, 403)
        assert client.get(LIST).status_code in (302, 403)
        assert client.post(ASSIGN, {"courses": [course.pk]}).status_code in (302, 403)
    assert not Assignment.objects.exists()


def test_teacher_sees_who_assigned_and_the_due_date_sorted(
    client, coordinator, course, network, home_bg
):
    anna = network["not_started"]
    assignments_create(
        by=coordinator, teacher_ids=[anna.pk], courses=[course], due_on=dt.date(2099, 3, 15)
    )
    client.force_login(anna)
    html = client.get(reverse("courses:my_learning")).content.decode()
    name = coordinator.get_full_name()
    assert f"Възложено от {name}, срок 15 март 2099 г." in html
    assert "Моля" not in html
    page = client.get(course.url).content.decode()
    assert f"Възложено от {name}, срок 15 март 2099 г." in page


def test_my_learning_sorts_assigned_courses_by_due_date(client, coordinator, network, home_bg):
    anna = network["not_started"]
    first = make_course(home_bg, quizzes=0, slug="first")
    second = make_course(home_bg, quizzes=0, slug="second")
    assignments_create(
        by=coordinator, teacher_ids=[anna.pk], courses=[first], due_on=dt.date(2099, 6, 1)
    )
    assignments_create(
        by=coordinator, teacher_ids=[anna.pk], courses=[second], due_on=dt.date(2099, 2, 1)
    )
    client.force_login(anna)
    html = client.get(reverse("courses:my_learning")).content.decode()
    assert html.index(second.title) < html.index(first.title)


def test_report_filters_assigned_overdue_and_due_soon(
    coordinator_client, coordinator, course, network
):
    past = today() - dt.timedelta(days=2)
    soon = today() + dt.timedelta(days=5)
    assignments_create(
        by=coordinator, teacher_ids=[network["enrolled"].pk], courses=[course], due_on=today()
    )
    Assignment.objects.update(due_on=past)  # the due date has passed since
    assignments_create(
        by=coordinator, teacher_ids=[network["in_progress"].pk], courses=[course], due_on=soon
    )
    assignments_create(
        by=coordinator, teacher_ids=[network["completed"].pk], courses=[course], due_on=today()
    )
    Assignment.objects.filter(teacher=network["completed"]).update(due_on=past)

    def emails(assignment):
        response = coordinator_client.get(
            REPORT,
            {"course": course.pk, "level": "teacher", "assignment": assignment, "export": "csv"},
        )
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        return {line.split(";")[6] for line in body.splitlines()[1:]}

    assert emails("assigned") == {"boris@example.test", "vera@example.test", "galya@example.test"}
    # Completed on time or not, a finished course is never overdue.
    assert emails("overdue") == {"boris@example.test"}
    assert emails("due7") == {"vera@example.test"}
    html = coordinator_client.get(REPORT, {"course": course.pk}).content.decode()
    assert "Възложени" in html and "Просрочени" in html
    html = coordinator_client.get(
        REPORT, {"course": course.pk, "level": "teacher", "assignment": "overdue"}
    ).content.decode()
    assert f"{past:%d.%m.%Y} (просрочено)" in html


def test_reminders_go_14_and_3_days_before_and_the_day_after_once(
    coordinator, course, network, django_capture_on_commit_callbacks
):
    due = today() + dt.timedelta(days=40)
    people = [network["enrolled"], network["in_progress"], network["completed"]]
    assignments_create(
        by=coordinator, teacher_ids=[p.pk for p in people], courses=[course], due_on=due
    )

    def run(day):
        with django_capture_on_commit_callbacks(execute=True):
            return campaigns.assignment_reminders_run(today=day)

    assert run(due - dt.timedelta(days=20)) == 0
    # Boris and Vera, not Galya (completed).
    assert run(due - dt.timedelta(days=14)) == 2
    assert run(due - dt.timedelta(days=14)) == 0  # once, however often the job runs
    assert run(due - dt.timedelta(days=13)) == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["boris@example.test", "vera@example.test"]
    assert "след 14 дни" in mail.outbox[0].subject
    # Vera completes before the 3-day reminder: she gets no more.
    Enrollment.objects.filter(teacher=network["in_progress"]).update(
        status="completed", completed_at=timezone.now()
    )
    assert run(due - dt.timedelta(days=3)) == 1
    assert run(due) == 0
    assert run(due + dt.timedelta(days=1)) == 1
    assert "изтече" in mail.outbox[-1].subject
    assert run(due + dt.timedelta(days=2)) == 0
    assert [m.to[0] for m in mail.outbox].count("boris@example.test") == 3
    kinds = set(ReminderLog.objects.values_list("kind", flat=True))
    assert kinds == {"due_14", "due_3", "overdue"}


def test_scheduled_reminder_respects_a_coordinators_recent_reminder(
    coordinator, course, network, django_capture_on_commit_callbacks
):
    boris = network["enrolled"]
    due = today() + dt.timedelta(days=3)
    assignments_create(by=coordinator, teacher_ids=[boris.pk], courses=[course], due_on=due)
    ReminderLog.objects.create(teacher=boris, course=course, sent_by=coordinator, email="b@x.test")
    with django_capture_on_commit_callbacks(execute=True):
        assert campaigns.assignment_reminders_run(today=today()) == 0
    assert Assignment.objects.get().reminded_3_at is not None  # skipped, not delayed


def test_weekly_overdue_digest_per_coordinator_in_scope(
    coordinator, national, course, network, django_capture_on_commit_callbacks
):
    assignments_create(
        by=national,
        teacher_ids=[network["enrolled"].pk, network["vidin_new"].pk],
        courses=[course],
        due_on=today(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        sent = campaigns.overdue_digests_run(today=today() + dt.timedelta(days=1))
    assert sent == 2
    by_to = {m.to[0]: m for m in mail.outbox}
    regional = by_to[coordinator.email].body
    assert "boris@example.test" in regional and "zori@example.test" not in regional
    national_body = by_to[national.email].body
    assert "boris@example.test" in national_body and "zori@example.test" in national_body


def test_cancel_is_scoped_and_logged(
    client, coordinator, national, course, network, django_assert_max_num_queries
):
    assignments_create(
        by=national,
        teacher_ids=[network["enrolled"].pk, network["vidin_new"].pk],
        courses=[course],
        due_on=today(),
    )
    vidin = Assignment.objects.get(teacher=network["vidin_new"])
    sliven = Assignment.objects.get(teacher=network["enrolled"])
    client.force_login(coordinator)
    html = client.get(LIST).content.decode()
    assert "Борис" in html and "Зорница" not in html
    cancel = reverse("drom_reports:assignment_cancel", args=[vidin.pk])
    assert client.post(cancel).status_code == 404
    assert client.post(reverse("drom_reports:assignment_cancel", args=[sliven.pk])).status_code == (
        302
    )
    sliven.refresh_from_db()
    vidin.refresh_from_db()
    assert sliven.cancelled_at is not None and vidin.cancelled_at is None
    assert ModelLogEntry.objects.filter(action=CANCEL, user=coordinator).count() == 1
    # The enrollment stays the teacher's.
    assert Enrollment.objects.filter(teacher=network["enrolled"], course=course).exists()


def test_assignment_list_export_is_safe(coordinator_client, coordinator, course, network):
    hostile = make_teacher(network["enrolled"].school, first_name='=HYPERLINK("http://x.test","x")')
    assignments_create(by=coordinator, teacher_ids=[hostile.pk], courses=[course], due_on=today())
    response = coordinator_client.get(LIST, {"export": "csv"})
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    assert "'=HYPERLINK" in body.decode("utf-8-sig")


def test_assigning_a_region_costs_a_fixed_number_of_queries(
    coordinator, course, school_sliven, django_assert_max_num_queries
):
    warm = [make_teacher(school_sliven).pk]  # the coordinator's groups are read once, then kept
    assignments_create(by=coordinator, teacher_ids=warm, courses=[course], due_on=today())
    few = [make_teacher(school_sliven).pk for _ in range(2)]
    with django_assert_max_num_queries(12) as small:
        assignments_create(by=coordinator, teacher_ids=few, courses=[course], due_on=today())
    many = [make_teacher(school_sliven).pk for _ in range(30)]
    with django_assert_max_num_queries(12) as large:
        assignments_create(by=coordinator, teacher_ids=many, courses=[course], due_on=today())
    assert len(small.captured_queries) == len(large.captured_queries)


def test_a_reminder_run_costs_the_same_queries_for_2_or_30_teachers(
    coordinator, course, school_sliven, django_assert_max_num_queries
):
    """The e-mails of a batch are written in one INSERT (a national run queued 17,000)."""
    due = today() + dt.timedelta(days=14)
    counts = []
    for size in (2, 30):
        teachers = [make_teacher(school_sliven).pk for _ in range(size)]
        assignments_create(by=coordinator, teacher_ids=teachers, courses=[course], due_on=due)
        with django_assert_max_num_queries(20) as captured:
            assert campaigns.assignment_reminders_run(today=today()) == size
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
    assert OutgoingEmail.objects.filter(kind=OutgoingEmail.Kind.REMINDER).count() == 32


def test_scheduled_commands_go_through_the_task_queue(
    coordinator, course, network, django_capture_on_commit_callbacks
):
    due = today() + dt.timedelta(days=3)
    assignments_create(
        by=coordinator, teacher_ids=[network["enrolled"].pk], courses=[course], due_on=due
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_assignment_reminders", today=today().isoformat())
    assert [m.to[0] for m in mail.outbox] == ["boris@example.test"]
    assert "след 3 дни" in mail.outbox[0].subject
    Assignment.objects.update(due_on=today() - dt.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_overdue_digests")
    assert coordinator.email in {m.to[0] for m in mail.outbox}
    assert {"assignment_reminders", "overdue_digests"} <= set(scheduling.JOBS_BY_NAME)
