"""Data built once for a test module and shared by its tests, each test still on its own.

A course with its lessons and quiz takes some 40 ms to build, and hundreds of tests ask for one.
Built by a module-scoped fixture through ``once_per_module``, it is made inside a transaction
opened for the module; each test then runs in its own savepoint inside it (pytest-django's usual
transaction per test), so whatever a test changes is rolled back after it and the next test finds
the data as it was built. After the module's last test (on that pytest-xdist worker) the module's
transaction is rolled back too, and the next module starts from the migrated database as before.
Tests get fresh instances loaded by primary key (see the fixtures), so a change a test makes to
an object in memory does not reach the next test either.

Only where every test of the module asks for the data (directly or through another fixture): a
test that does not must not find it. Not where the module has a test that commits
(``transaction=True``, ``transactional_db``, a live server) or a Django ``TestCase`` class, which
manages its own transactions: there the fixture yields ``None`` and the data is built for each
test, as before.
"""

from django.db import transaction
from django.test import SimpleTestCase

TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def _commits(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    if TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    return isinstance(getattr(item, "cls", None), type) and issubclass(item.cls, SimpleTestCase)


def shareable(request) -> bool:
    """Whether every test of the requesting module asks for the data (a test that does not must
    not find it there), and runs inside a transaction that is rolled back."""
    module = request.node
    items = [item for item in request.session.items if module in item.iter_parents()]
    return all(
        request.fixturename in getattr(item, "fixturenames", ()) and not _commits(item)
        for item in items
    )


def once_per_module(request, django_db_blocker, build):
    """For a module-scoped generator fixture: ``yield from once_per_module(..., build)``.

    Yields what ``build()`` returned, built in the module's transaction, or ``None`` where the
    module cannot share it (the function-scoped fixture then builds it for each test).
    """
    if not shareable(request):
        yield None
        return
    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        # Marked as Django marks a TestCase's transactions, so that code under test may still
        # open a durable atomic block inside the test's own.
        module_transaction._from_testcase = True
        module_transaction.__enter__()
        try:
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            module_transaction.__exit__(None, None, None)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            module_transaction.__exit__(None, None, None)
