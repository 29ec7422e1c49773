"""The teacher table: the coordinator chooses its columns and the choice is remembered."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/admin/coordinator-reports/"


def test_chosen_columns_are_remembered(coordinator_client, course, network):
    params = {"course": course.pk, "level": "teacher"}
    html = coordinator_client.get(URL, params).content.decode()
    assert "Най-добър резултат" in html or "Последна активност" in html
    coordinator_client.get(URL, {**params, "columns": "1", "col": ["r_school_name", "due_label"]})
    html = coordinator_client.get(URL, params).content.decode()
    start = html.index("reports-table")
    table = html[start : html.index("</table>", start)]
    assert "Последна активност" not in table
    assert "Училище" in table and "Срок" in table
    assert 'class="table-scroll"' in html
    # Name and status always stay.
    assert "Учител" in table and "Състояние" in table
