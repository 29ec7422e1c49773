"""Planning and applying imports: scoping, all-or-nothing, idempotence, invitations, commands."""

from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertRedirects

from schools.importing.parsing import parse_schools, parse_teachers
from schools.importing.services import (
    ImportRefused,
    schools_import_apply,
    schools_import_plan,
    teachers_import_apply,
    teachers_import_plan,
)
from schools.models import Municipality, Region, School, SchoolChange, User

FILES = Path(__file__).parent / "files"
ALL = Region.objects.all


def schools_file(name="schools_utf8_comma.csv", regions=None):
    rows = parse_schools((FILES / name).read_bytes(), name)
    return schools_import_plan(rows=rows, regions=regions or ALL())


def teachers_file(name="teachers_utf8_semicolon.csv", regions=None):
    rows = parse_teachers((FILES / name).read_bytes(), name)
    return teachers_import_plan(rows=rows, regions=regions or ALL())


@pytest.fixture
def imported_schools(db):
    schools_import_apply(plan=schools_file())


def test_import_creates_schools_and_municipalities(db):
    plan = schools_file()
    assert plan.counts == {"create": 3, "update": 0, "unchanged": 0, "error": 0}
    assert schools_import_apply(plan=plan) == {"created": 3, "updated": 0}
    school = School.objects.select_related("municipality__district").get(code="2401778")
    assert school.kind == School.Kind.KINDERGARTEN
    assert school.municipality.name == "Казанлък"
    assert school.municipality.district.code == "BG-24"
    assert not school.network_member
    assert Municipality.objects.filter(name="Казанлък").count() == 1


@pytest.mark.parametrize(
    "name",
    ["schools_utf8_comma.csv", "schools_utf8_bom_semicolon.csv", "schools_tab_english.tsv"],
)
def test_reimport_changes_nothing(imported_schools, name):
    plan = schools_file(name)
    assert plan.counts == {"create": 0, "update": 0, "unchanged": 3, "error": 0}


def test_reimport_of_a_changed_name_updates(imported_schools, tmp_path):
    text = (FILES / "schools_utf8_comma.csv").read_text().replace("ДГ „Слънце“", "ДГ „Слънчице“")
    rows = parse_schools(text.encode(), "x.csv")
    plan = schools_import_plan(rows=rows, regions=ALL())
    assert plan.counts["update"] == 1
    assert [row.changes for row in plan.rows if row.action == "update"] == [["name"]]
    schools_import_apply(plan=plan)
    assert School.objects.get(code="2401778").name == "ДГ „Слънчице“"


def test_coordinator_cannot_import_outside_their_regions(db):
    bg34 = Region.objects.filter(code="BG34")
    plan = schools_file("schools_errors.csv", regions=bg34)
    vidin = next(row for row in plan.rows if row.values["code"] == "500101")
    assert "извън вашите райони" in " ".join(str(e) for e in vidin.errors)


def test_errors_mean_nothing_is_written(db):
    plan = schools_file("schools_errors.csv")
    assert plan.has_errors
    assert plan.counts["create"] == 2  # the good rows would be created…
    with pytest.raises(ImportRefused):
        schools_import_apply(plan=plan)
    assert not School.objects.exists()  # …but all or nothing
    assert not Municipality.objects.exists()


def test_existing_school_in_another_region_cannot_be_changed(imported_schools):
    only_north = Region.objects.filter(code="BG31")
    plan = schools_file(regions=only_north)
    assert all(row.errors for row in plan.rows)


def test_plan_query_count_does_not_grow_with_rows(imported_schools, tmp_path):
    header, *rows = (FILES / "schools_utf8_comma.csv").read_text().splitlines()
    many = [header] + [
        f"{3000000 + n},ОУ №{n},училище,Сливен,Сливен,с. Село {n},,да" for n in range(200)
    ]
    for content in ("\n".join([header, *rows]), "\n".join(many)):
        parsed = parse_schools(content.encode(), "x.csv")
        with CaptureQueriesContext(connection) as ctx:
            schools_import_plan(rows=parsed, regions=ALL())
        # districts, existing schools, municipalities: the regions are subqueries of the first two
        assert len(ctx.captured_queries) == 3


def test_import_teachers_and_invite(imported_schools, django_capture_on_commit_callbacks):
    plan = teachers_file()
    assert plan.counts == {"create": 3, "update": 0, "unchanged": 0, "error": 0}
    with django_capture_on_commit_callbacks(execute=True):
        result = teachers_import_apply(plan=plan, site_url="https://drom.example")
        assert not mail.outbox  # invitations leave only once the import is committed
    assert result == {"created": 3, "updated": 0}
    user = User.objects.get(email="rumyana.ilieva@example.test")
    assert user.school.code == "1690101"
    assert user.father_name == "Асенова"
    assert not user.has_usable_password()
    assert user.groups.filter(name="Учители").exists()
    assert SchoolChange.objects.filter(user=user, to_school=user.school).exists()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "d.koleva@example.test",
        "rumyana.ilieva@example.test",
        "s.mustafov@example.test",
    ]
    assert "https://drom.example/accounts/password/reset/" in mail.outbox[0].body


def test_invitation_link_sets_password_then_login(
    client, imported_schools, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        teachers_import_apply(plan=teachers_file(), site_url="http://testserver")
    message = next(m for m in mail.outbox if m.to == ["d.koleva@example.test"])
    link = next(w for w in message.body.split() if w.startswith("http://testserver"))
    response = client.get(link.removeprefix("http://testserver"), follow=True)
    assert response.status_code == 200
    password = "Нова-парола-за-Дром-1"
    response = client.post(
        response.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )
    assertRedirects(response, "/accounts/password/reset/complete/", fetch_redirect_response=False)
    login = {"username": "d.koleva@example.test", "password": password}
    assertRedirects(
        client.post("/accounts/login/", login), "/accounts/", fetch_redirect_response=False
    )


def test_reimport_teachers_changes_nothing_and_sends_nothing(
    imported_schools, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        teachers_import_apply(plan=teachers_file(), site_url="http://testserver")
    assert len(mail.outbox) == 3
    mail.outbox.clear()
    plan = teachers_file("teachers_cp1251.csv")
    assert plan.counts == {"create": 0, "update": 0, "unchanged": 3, "error": 0}
    with django_capture_on_commit_callbacks(execute=True):
        teachers_import_apply(plan=plan, site_url="http://testserver")
    assert not mail.outbox


def test_teacher_moved_by_import_keeps_history(imported_schools):
    teachers_import_apply(plan=teachers_file(), site_url="http://testserver")
    text = (FILES / "teachers_utf8_semicolon.csv").read_text(encoding="utf-8-sig")
    rows = parse_teachers(
        text.replace("Колева;детски учител;2401778", "Колева;детски учител;1690101").encode(),
        "x.csv",
    )
    plan = teachers_import_plan(rows=rows, regions=ALL())
    assert [row.changes for row in plan.rows if row.action == "update"] == [["school"]]
    teachers_import_apply(plan=plan, site_url="http://testserver")
    user = User.objects.get(email="d.koleva@example.test")
    assert user.school.code == "1690101"
    assert list(user.school_changes.values_list("from_school__code", "to_school__code")) == [
        ("2401778", "1690101"),
        (None, "2401778"),
    ]


def test_teacher_errors(imported_schools, teacher_north, coordinator):
    plan = teachers_file("teachers_errors.csv", regions=Region.objects.filter(code="BG34"))
    errors = {row.line: " ".join(str(e) for e in row.errors) for row in plan.rows}
    assert "Няма училище с код 9999999" in errors[5]
    assert "извън вашите райони" in errors[6]  # Vidin's school, and a Vidin teacher
    with pytest.raises(ImportRefused):
        teachers_import_apply(plan=plan, site_url="http://testserver")
    assert not User.objects.filter(email="dup@example.test").exists()


def test_a_teacher_of_another_region_is_not_moved_into_yours(imported_schools, teacher_north):
    """A Sliven school is the coordinator's, but the Vidin teacher listed with it is not."""
    content = "email,first name,family name,school code\nnorth@example.test,Мария,Петрова,1690101\n"
    rows = parse_teachers(content.encode(), "x.csv")
    plan = teachers_import_plan(rows=rows, regions=Region.objects.filter(code="BG34"))
    assert [str(e) for e in plan.rows[0].errors] == [
        "Този учител работи в училище извън вашите райони."
    ]
    assert teachers_import_plan(rows=rows, regions=ALL()).rows[0].action == "update"


def test_teacher_plan_query_count_does_not_grow_with_rows(imported_schools):
    header = "email,first name,family name,school code"
    for n in (1, 200):
        content = "\n".join([header] + [f"t{i}@example.test,А,Б,1690101" for i in range(n)])
        parsed = parse_teachers(content.encode(), "x.csv")
        with CaptureQueriesContext(connection) as ctx:
            teachers_import_plan(rows=parsed, regions=Region.objects.filter(code="BG34"))
        # schools and people, each with its region test as a subquery
        assert len(ctx.captured_queries) == 2


def test_staff_accounts_are_not_touched(imported_schools, coordinator, tmp_path):
    content = "email,first name,family name,school code\ncoord@example.test,А,Б,1690101\n"
    rows = parse_teachers(content.encode(), "x.csv")
    plan = teachers_import_plan(rows=rows, regions=ALL())
    assert "служебен профил" in str(plan.rows[0].errors[0])


def test_command_dry_run_writes_nothing(db, capsys):
    call_command("import_schools", str(FILES / "schools_utf8_bom_semicolon.csv"), "--dry-run")
    out = capsys.readouterr().out
    assert "3 create" in out
    assert "Dry run" in out
    assert not School.objects.exists()


def test_command_imports_and_is_idempotent(db, capsys, django_capture_on_commit_callbacks):
    call_command("import_schools", str(FILES / "schools_cp1251_semicolon.csv"))
    assert School.objects.count() == 3
    call_command("import_schools", str(FILES / "schools_cp1251_semicolon.csv"))
    assert "0 created, 0 updated" in capsys.readouterr().out
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_teachers", str(FILES / "teachers_cp1251.csv"))
    assert User.objects.count() == 3
    assert len(mail.outbox) == 3


def test_command_refuses_a_file_with_errors(db):
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_schools", str(FILES / "schools_errors.csv"))
    assert not School.objects.exists()


def test_command_refuses_an_unreadable_file(db):
    with pytest.raises(CommandError):
        call_command("import_schools", str(FILES / "not_a_table.csv"))
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_teachers", "/nonexistent.csv")
