"""SQLite keeps its connection between requests (issue 10): a new one costs 4–5 ms of schema
parsing and pragmas, a third of an enrolled teacher's page."""

from django.db.backends.sqlite3.base import DatabaseWrapper

from cms.settings.environment import database_settings


def test_the_default_sqlite_database_keeps_its_connection_between_requests(
    tmp_path, monkeypatch, db
):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("CONN_MAX_AGE", raising=False)
    settings = database_settings(tmp_path)
    assert settings["ENGINE"] == "django.db.backends.sqlite3"
    settings = {
        "TIME_ZONE": None,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "TEST": {},
        **settings,
    }
    wrapper = DatabaseWrapper(settings)
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
        kept = wrapper.connection
        # What Django does at the end of every request (django.db.close_old_connections).
        wrapper.close_if_unusable_or_obsolete()
        assert wrapper.connection is kept
        with wrapper.cursor() as cursor:  # the next request, on the same connection
            cursor.execute("SELECT 1")
        assert wrapper.connection is kept
    finally:
        wrapper.close()


def test_conn_max_age_zero_still_gives_a_connection_per_request(tmp_path, monkeypatch, db):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("CONN_MAX_AGE", "0")
    settings = {"TIME_ZONE": None, "AUTOCOMMIT": True, "ATOMIC_REQUESTS": False, "TEST": {}}
    wrapper = DatabaseWrapper({**settings, **database_settings(tmp_path)})
    try:
        wrapper.ensure_connection()
        wrapper.close_if_unusable_or_obsolete()
        assert wrapper.connection is None
    finally:
        wrapper.close()
