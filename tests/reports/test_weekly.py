"""The weekly XLSX: subscribing, the command, scope of the attachment."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from openpyxl import load_workbook

from reports.models import ReportSubscription

pytestmark = pytest.mark.django_db


def test_subscribe_and_unsubscribe(coordinator_client, coordinator, course):
    url = "/admin/coordinator-reports/subscription/"
    coordinator_client.post(url, {"subscribe": "1"})
    assert ReportSubscription.objects.filter(user=coordinator).exists()
    coordinator_client.post(url, {"subscribe": "0"})
    assert not ReportSubscription.objects.filter(user=coordinator).exists()


def test_teachers_cannot_subscribe(client, course, network):
    client.force_login(network["completed"])
    client.post("/admin/coordinator-reports/subscription/", {"subscribe": "1"})
    assert not ReportSubscription.objects.exists()


def test_weekly_command_sends_the_regions_xlsx_once_a_week(
    coordinator, course, network, django_capture_on_commit_callbacks
):
    ReportSubscription.objects.create(user=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_weekly_reports", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coord@example.test"]
    name, content, _mimetype = message.attachments[0]
    assert name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    rows = list(sheet.values)
    assert rows[0][0] == "Училище"
    schools = {row[0] for row in rows[1:]}
    assert schools == {"ОУ „Христо Ботев“", "СУ „Г. С. Раковски“"}  # no Vidin school
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_weekly_reports", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # already sent this week


def test_weekly_command_skips_former_coordinators(coordinator, course):
    ReportSubscription.objects.create(user=coordinator)
    coordinator.groups.clear()
    call_command("send_weekly_reports", stdout=io.StringIO())
    assert mail.outbox == []
