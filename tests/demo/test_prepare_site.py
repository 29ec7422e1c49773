"""A second `make run` skips what is done: `prepare_site` on a database that already has every
migration and the demo content applies nothing, adds nothing, and only reads — but it still sees a
pending migration and still points the site at a new address."""

from django.core.management import call_command
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import override_settings
from wagtail.models import Site

from cms.management.commands.prepare_site import pending_migrations
from tests.demo.test_load_demo import row_counts

# What the second run reads (162 when measured; 172 once the demo had assignments, plan feedback
# and listening copies): the migration records, then each loader's look
# at what it made — a fixed number, whatever the database holds.
QUERIES = 180


def test_prepare_site_on_a_prepared_database_does_nothing(
    demo, capsys, django_assert_max_num_queries
):
    counts = row_counts()
    with django_assert_max_num_queries(QUERIES) as captured:
        call_command("prepare_site")
    out = capsys.readouterr().out
    assert "every migration is applied" in out
    assert "nothing to do" in out
    assert row_counts() == counts
    writes = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SELECT")]
    assert not [sql for sql in writes if sql.split()[0] in {"INSERT", "UPDATE", "DELETE"}]


def test_a_migration_not_yet_applied_is_seen(db):
    assert pending_migrations() == []
    record = MigrationRecorder.Migration.objects.filter(app="courses").latest("id")
    record.delete()  # as after pulling a branch with a new migration
    assert [(m.app_label, m.name) for m, _backwards in pending_migrations()] == [
        ("courses", record.name)
    ]


def test_a_new_address_is_given_to_the_site_without_migrating(db, capsys):
    with override_settings(BASE_URL="http://127.0.0.1:8123"):
        call_command("prepare_site", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert "every migration is applied" in capsys.readouterr().out
