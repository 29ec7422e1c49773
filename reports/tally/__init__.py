"""The enrollment tallies (`reports.models.EnrollmentTally`, and `EnrollmentTallyByPosition`
for a summary filtered by position), kept by the database itself.

The all-courses summary at national scale grouped 300,000 enrollments joined to their teachers,
their places and their assignments on every view (600–900 ms on PostgreSQL). The tally holds the
same counts already grouped per (teacher's current school, school enrolled at, course,
attestation period of completion, due date of the active assignment), each row carrying both
schools' municipality, district and region, so the summary is one scan of a few tens of
thousands of rows with no join.

Row triggers keep it, inside the writing transaction (so it is never behind what was committed,
whatever wrote it: services, bulk updates, imports, raw SQL):
- an enrollment inserted, deleted, or changed in what it is counted by (teacher, course, school,
  status, completion date, hours, credits — not its percent or last activity, which change with
  every lesson): its old contribution is taken off and the new one added;
- a teacher's change of school or active flag: all her enrollments move;
- an assignment made, cancelled, re-dated or deleted: its enrollment moves between due dates
  (a teacher has at most one active assignment per course);
- a school, municipality or district moved to another municipality, district or region: the
  place columns of its rows follow.

`install()` runs after every `migrate` (post_migrate) and makes the triggers in the database the
ones defined here, counting the tally afresh whenever it had to change one: SQLite drops a
table's triggers when a migration rebuilds that table, and each trigger's name ends in a digest
of the SQL (reports/tally/sql.py), so a change there replaces the old ones. `rebuild()`
counts afresh.
"""

from django.db import connections, transaction

from .sql import COUNTS, KEY, PLACES, PREFIX, TABLES, definitions, upserts

__all__ = [
    "COUNTS",
    "KEY",
    "PLACES",
    "PREFIX",
    "TABLES",
    "definitions",
    "install",
    "installed_triggers",
    "rebuild",
]


def installed_triggers(connection) -> dict[str, str]:
    """The tally's triggers in the database: {name: table}."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND t.tgname LIKE %s",
                [f"{PREFIX}%"],
            )
        else:
            cursor.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{PREFIX}%"],
            )
        return dict(cursor.fetchall())


def supported(connection) -> bool:
    return connection.vendor in ("postgresql", "sqlite")


def rebuild(using: str = "default") -> None:
    """Count every enrollment afresh (the triggers keep it from then on)."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Writers wait while the tallies are counted afresh, so that no change falls between.
            cursor.execute(
                "LOCK TABLE courses_enrollment, courses_assignment, schools_user, schools_school, "
                f"{', '.join(TABLES)} IN SHARE MODE"
            )
        for table in TABLES:
            cursor.execute(f"DELETE FROM {table}")
        # Into empty tables each key comes once: the upserts only insert.
        for statement in upserts(
            connection.vendor,
            enrollments="courses_enrollment",
            teacher="schools_user",
            where="TRUE" if connection.vendor == "postgresql" else "1",
            sign="",
        ):
            cursor.execute(statement)


def install(using: str = "default") -> bool:
    """Make the database's triggers the ones defined here: create what is missing, drop what
    is stale, and count the tally afresh if anything changed. True if it did."""
    connection = connections[using]
    if not supported(connection):
        return False
    tables = set(connection.introspection.table_names())
    if not {*TABLES, "courses_enrollment", "courses_assignment", "schools_user"} <= tables:
        return False  # migrating to a state before the tally
    functions, wanted = definitions(connection.vendor)
    present = installed_triggers(connection)
    if set(present) == set(wanted):
        return False
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for name, table in present.items():
            if name not in wanted:
                on = f" ON {table}" if connection.vendor == "postgresql" else ""
                cursor.execute(f"DROP TRIGGER {name}{on}")
                if connection.vendor == "postgresql":
                    cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
        for statement in functions:
            cursor.execute(statement)
        for name, (_table, statement) in wanted.items():
            if name not in present:
                cursor.execute(statement)
        rebuild(using)
    return True


def install_after_migrate(sender, using="default", **kwargs) -> None:
    install(using)
