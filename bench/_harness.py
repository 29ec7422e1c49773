"""Shared bits of the benchmarks: a database made for the run, timing and query counting."""

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
if "DATABASE_URL" not in os.environ:
    # A file database (not :memory:) so that the figures include real disk I/O, as in production.
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


@contextmanager
def bench_database():
    """Create a test database (suffix _bench), migrate it, and drop it afterwards."""
    from django.test.utils import get_runner  # noqa: F401 - loads the test machinery

    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield test_name
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def measure(label: str, fn: Callable[[], object], *, repeat: int = 30, warmup: int = 3) -> dict:
    for _ in range(warmup):
        fn()
    timings = []
    queries = 0
    for _ in range(repeat):
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn()
            timings.append((time.perf_counter() - start) * 1000)
        queries = len(ctx.captured_queries)
    timings.sort()
    figures = {
        "label": label,
        "median_ms": statistics.median(timings),
        "p95_ms": timings[max(0, int(len(timings) * 0.95) - 1)],
        "queries": queries,
    }
    print(
        f"{label:<40} median {figures['median_ms']:7.1f} ms   p95 {figures['p95_ms']:7.1f} ms"
        f"   {queries:3d} queries",
        flush=True,
    )
    return figures


def vendor() -> str:
    return connection.vendor


__all__ = ["bench_database", "call_command", "measure", "vendor"]
