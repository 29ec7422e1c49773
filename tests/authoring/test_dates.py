"""Dates and times in the admin as Bulgarians write them, on a 24-hour clock."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import formats, translation

from tests.curriculum.conftest import make_plan

pytestmark = pytest.mark.django_db
SOFIA = ZoneInfo("Europe/Sofia")


def test_bulgarian_date_and_time_formats():
    moment = dt.datetime(2026, 11, 30, 6, 37, tzinfo=SOFIA)
    afternoon = dt.datetime(2026, 11, 30, 18, 5, tzinfo=SOFIA)
    with translation.override("bg"):
        assert formats.date_format(moment, "DATETIME_FORMAT") == "30 ноември 2026 г., 6:37 ч."
        assert formats.date_format(afternoon, "DATETIME_FORMAT") == "30 ноември 2026 г., 18:05 ч."
        assert formats.date_format(moment.date(), "DATE_FORMAT") == "30 ноември 2026 г."
        assert formats.date_format(moment, "SHORT_DATE_FORMAT") == "30.11.2026"


def test_the_admin_shows_dates_in_bulgarian_without_gravatar(client, users, library):
    plan = make_plan(library, title="План")
    client.force_login(users["author"])
    html = client.get(reverse("wagtailadmin_pages:history", args=[plan.pk])).content.decode()
    assert re.search(r"\d{1,2} [а-я]+ \d{4} г\., \d{1,2}:\d{2} ч\.", html)
    for english in ("a.m.", "p.m.", "преди обяд", "след обяд", " ago"):
        assert english not in html
    assert "gravatar.com" not in client.get("/admin/").content.decode()
