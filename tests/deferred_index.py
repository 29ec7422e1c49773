"""The search and reference indexes, brought up to date when something reads them.

Every page, image or document a test saves updates Wagtail's search index and its reference
index (the task runs at once in tests): some 40 % of what building a lesson plan or a course
costs, in tests most of which never search nor ask where something is used. Here, while a test
runs, those updates are queued instead, and the queue is worked off — each queued object indexed
from what the database holds then, as the task itself does — just before any SQL statement that
touches either index's tables. Whatever reads an index (a search, the admin's usage listings, a
delete that removes an object's entries, a test counting IndexEntry rows) therefore sees exactly
what it would have seen had each save updated it at once; a test that never reads one never pays
for it. An object saved twice is indexed once, from its last state; one deleted before the queue
is worked off is skipped, as indexing it and then removing its entries would have left nothing.

The queue is used only where nothing could tell the difference:
- in the test's own thread, while its function-scoped fixtures and the test itself run: not in
  module- or session-wide fixtures (the demo that is saved for later runs is indexed as before);
- not while queries are being counted (``django_assert_num_queries``, ``assertNumQueries``,
  ``CaptureQueriesContext``): the queue is worked off before counting starts and saves inside
  update the indexes at once, so every budget counts what it counted before;
- only for the immediate task backend; with the database queue the tasks are queued there, as
  before, for a worker to run.
At the end of a test the queue is forgotten: the test's transaction is rolled back anyway.
"""

import threading
from contextlib import contextmanager

import modelsearch.signal_handlers
import wagtail.signal_handlers
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

TABLES = (IndexEntry._meta.db_table, ReferenceIndex._meta.db_table)
# The names the two signal handlers call their tasks by: (module, attribute).
TASKS = (
    (modelsearch.signal_handlers, "insert_or_update_object_task"),
    (wagtail.signal_handlers, "update_reference_index_task"),
)


class _State:
    active = False  # a test's function-scoped fixtures or body are running
    exact = 0  # inside a query count or a wider-scoped fixture: no queueing
    working_off = False
    queue: dict = {}  # (task, args) -> None: an ordered set


state = _State()


def work_off():
    """Run every queued update, in the order of the saves, each object's last state."""
    if state.working_off:
        return
    state.working_off = True
    try:
        while state.queue:
            task, args = next(iter(state.queue))
            del state.queue[(task, args)]
            task.enqueue(*args)  # immediate: a deleted object fails the task, as it would have
    finally:
        state.working_off = False


class QueuedTask:
    """Stands in the signal handlers' module for a task: queues while a test runs."""

    def __init__(self, task):
        self.task = task

    def enqueue(self, *args):
        if (
            state.active
            and not state.exact
            and not state.working_off
            and threading.current_thread() is threading.main_thread()
            and isinstance(self.task.get_backend(), ImmediateBackend)
        ):
            state.queue[(self.task, args)] = None
            return None
        return self.task.enqueue(*args)


def _work_off_before_index_sql(execute, sql, params, many, context):
    if state.queue and not state.working_off and any(table in sql for table in TABLES):
        work_off()
    return execute(sql, params, many, context)


@contextmanager
def exactly():
    """Indexes updated at each save while inside, with what was queued before brought up to date."""
    work_off()
    state.exact += 1
    try:
        yield
    finally:
        state.exact -= 1


@contextmanager
def installed():
    """For the test session: the stand-ins, and counting queries done exactly."""
    originals = [(module, name, getattr(module, name)) for module, name in TASKS]
    real_enter, real_exit = CaptureQueriesContext.__enter__, CaptureQueriesContext.__exit__

    def enter(self):
        work_off()  # before counting starts: these updates were made before, at the saves
        entered = real_enter(self)
        state.exact += 1
        return entered

    def exit_(self, *exc_info):
        state.exact -= 1
        return real_exit(self, *exc_info)

    for module, name, task in originals:
        setattr(module, name, QueuedTask(task))
    CaptureQueriesContext.__enter__, CaptureQueriesContext.__exit__ = enter, exit_
    try:
        yield
    finally:
        CaptureQueriesContext.__enter__, CaptureQueriesContext.__exit__ = real_enter, real_exit
        for module, name, task in originals:
            setattr(module, name, task)


def start_test():
    if _work_off_before_index_sql not in connection.execute_wrappers:
        connection.execute_wrappers.append(_work_off_before_index_sql)
    state.queue.clear()
    state.exact = 0
    state.active = True


def end_test():
    state.active = False
    state.queue.clear()
