"""Coordinator reports at national scale: overview, drill-downs, a school, full exports.

    DATABASE_URL=sqlite:////tmp/drom_scale.sqlite3 python -m bench.reports
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/drom_scale python -m bench.reports

The database must hold `seed_scale` data (100,000 teachers, 2,500 schools, 20 courses,
300,000 enrollments, 1,000,000 lesson completions); if it holds none, the script migrates it and
runs `seed_scale` first (a few minutes). Each screen is requested through Django's test client
as a national or a regional coordinator (full stack: middleware, scoping, SQL, templates).

Prints milliseconds (median of several runs), queries, and peak Python memory (tracemalloc,
measured in a separate run because tracing slows the code), against the budgets: screens under
300 ms on PostgreSQL; exports of 100,000 rows streamed in under 30 s with memory that does not
grow with rows (compare the regional and the national export).
"""

import os
import resource
import statistics
import sys
import time
import tracemalloc

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = "sqlite:////tmp/drom_scale.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

#: BENCH_TRACE=0 skips the traced second run of each export (it takes several times as long;
#: the process's peak RSS still shows whether memory stays flat); BENCH_EXPORTS=0 skips exports.
TRACE_EXPORTS = os.environ.get("BENCH_TRACE", "1") != "0"
EXPORTS = os.environ.get("BENCH_EXPORTS", "1") != "0"
SCREEN_BUDGET_MS = 300
EXPORT_BUDGET_S = 30
URL = "/admin/coordinator-reports/"


def ensure_data():
    """The seeded coordinators; seeds the database only when it holds no scale data.

    A seeded database is reused as it is (seeding the national size takes minutes): set
    BENCH_SEED=never to refuse to seed (the run stops instead), BENCH_MIGRATE=0 to skip the
    migrate check of a database known to be current.
    """
    from reports.management.commands.seed_scale import DOMAIN
    from schools.models import User

    if os.environ.get("BENCH_MIGRATE", "1") != "0":
        call_command("migrate", verbosity=0)
    if not User.objects.filter(email=f"national@{DOMAIN}").exists():
        if os.environ.get("BENCH_SEED") == "never":
            sys.exit("No seed_scale data in this database (BENCH_SEED=never).")
        print("No scale data: running seed_scale (national scale)…", flush=True)
        call_command("seed_scale")
    national = User.objects.get(email=f"national@{DOMAIN}")
    regional = User.objects.get(email=f"regional@{DOMAIN}")
    print(data_size(), flush=True)
    return national, regional


def data_size() -> str:
    """What the figures were measured on: the sizes of the tables that matter."""
    from courses.models import Assignment, CoursePage, Enrollment, LessonCompletion
    from schools.models import School, User

    sizes = {
        "teachers": User.objects.filter(school__isnull=False).count(),
        "schools": School.objects.count(),
        "courses": CoursePage.objects.count(),
        "enrollments": Enrollment.objects.count(),
        "completions": LessonCompletion.objects.count(),
        "assignments": Assignment.objects.count(),
    }
    return "Data: " + ", ".join(f"{n:,} {name}" for name, n in sizes.items())


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def consume(response) -> int:
    assert response.status_code == 200, response.status_code
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def show(result: dict) -> dict:
    """Print one figure as soon as it is measured (a long run shows progress)."""
    ms = result["ms"]
    shown = f"{ms:.0f} ms" if ms < 10_000 else f"{ms / 1000:.1f} s"
    sql = f"SQL {result['sql_ms']:.0f} ms" if "sql_ms" in result else ""
    print(
        f"  {result['label']:<62} {shown:>10} {sql:>12} {result['queries']!s:>6} q "
        f"{result['peak_mb']:>7.1f} MB traced {result['rss_mb']:>6.0f} MB max RSS",
        flush=True,
    )
    return result


def max_rss_mb() -> float:
    """The process's peak resident memory so far (Linux reports kilobytes): if an export
    streams, the national one leaves it where the regional one did."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class QueryCounter:
    """Counts SQL statements (CaptureQueriesContext cannot: each request resets its log)."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0  # waiting for the database (server-side cursors: the DECLARE only)

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start


def screen(label, client, params, repeat=5, url=URL):
    consume(client.get(url, params))  # warm-up: connection, caches, templates
    timings, sql = [], []
    for _ in range(repeat):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            start = time.perf_counter()
            consume(client.get(url, params))
            timings.append((time.perf_counter() - start) * 1000)
        sql.append(counter.seconds * 1000)
    tracemalloc.start()
    consume(client.get(url, params))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    median = statistics.median(timings)
    return show(
        {
            "label": label,
            "ms": median,
            "sql_ms": statistics.median(sql),
            "queries": counter.count,
            "peak_mb": peak / 2**20,
            "rss_mb": max_rss_mb(),
            "ok": median < SCREEN_BUDGET_MS,
            "budget": f"< {SCREEN_BUDGET_MS} ms",
        }
    )


def export(label, client, params):
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        size = consume(client.get(URL, params))
        seconds = time.perf_counter() - start
    peak = float("nan")
    if TRACE_EXPORTS:
        tracemalloc.start()
        consume(client.get(URL, params))
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    from reports.models import ExportLog

    rows = ExportLog.objects.order_by("-pk").values_list("rows", flat=True).first()
    return show(
        {
            "label": f"{label} ({rows:,} rows, {size / 2**20:.1f} MB)",
            "ms": seconds * 1000,
            "queries": counter.count,
            "peak_mb": peak / 2**20,
            "rss_mb": max_rss_mb(),
            "ok": seconds < EXPORT_BUDGET_S,
            "budget": f"< {EXPORT_BUDGET_S} s",
        }
    )


def main() -> int:
    from courses.models import CoursePage
    from schools.models import Region, School

    national, regional = ensure_data()
    course = CoursePage.objects.filter(slug="scale-course-1").first()
    region = Region.objects.get(code="BG34")
    school = (
        School.objects.filter(code__startswith="9", municipality__district__region=region)
        .order_by("code")
        .first()
    )
    municipality = school.municipality
    district = municipality.district
    n_client, r_client = client_for(national), client_for(regional)
    base = {"course": course.pk}
    results = [
        # The fixed cost of any admin page (session, user, menus) for comparison.
        screen("(baseline: the admin dashboard)", n_client, {}, url="/admin/"),
        screen("course overview, national (regions)", n_client, base),
        screen("region drill-down (districts), regional", r_client, {**base, "region": region.pk}),
        screen(
            "district drill-down (municipalities), regional",
            r_client,
            {**base, "region": region.pk, "district": district.pk},
        ),
        screen(
            "municipality drill-down (schools), regional",
            r_client,
            {
                **base,
                "region": region.pk,
                "district": district.pk,
                "municipality": municipality.pk,
            },
        ),
        screen(
            "schools of a region, regional",
            r_client,
            {**base, "region": region.pk, "level": "school"},
        ),
        screen(
            "teachers of a region, page 1, regional",
            r_client,
            {**base, "region": region.pk, "level": "teacher", "status": "unfinished"},
        ),
        screen(
            "teachers of the nation, page 1, national",
            n_client,
            {**base, "level": "teacher"},
        ),
        screen(
            "overdue filter, teachers of a region, page 1",
            r_client,
            {**base, "region": region.pk, "level": "teacher", "assignment": "overdue"},
        ),
        screen(
            "overdue filter, national (regions)",
            n_client,
            {**base, "assignment": "overdue"},
        ),
        screen(
            "school page (teachers), regional",
            r_client,
            {
                **base,
                "region": region.pk,
                "district": district.pk,
                "municipality": municipality.pk,
                "school": school.pk,
            },
        ),
        screen("charts, national", n_client, base),
    ]
    if EXPORTS:
        results += [
            export(
                "CSV export, region, teachers",
                r_client,
                {**base, "level": "teacher", "export": "csv"},
            ),
            export(
                "CSV export, national, teachers",
                n_client,
                {**base, "level": "teacher", "export": "csv"},
            ),
            export(
                "XLSX export, national, teachers",
                n_client,
                {**base, "level": "teacher", "export": "xlsx"},
            ),
        ]
    vendor = connection.vendor
    print(f"\nCoordinator reports on {vendor} ({connection.settings_dict['NAME']})")
    print(f"{'what':<58} {'time':>10} {'queries':>8} {'peak MB':>8} {'max RSS':>8}  budget")
    failed = 0
    for r in results:
        shown = f"{r['ms']:.0f} ms" if r["ms"] < 10_000 else f"{r['ms'] / 1000:.1f} s"
        verdict = "ok" if r["ok"] else ("over" if vendor == "postgresql" else "over (SQLite)")
        failed += not r["ok"] and vendor == "postgresql"
        print(
            f"{r['label']:<58} {shown:>10} {r['queries']!s:>8} {r['peak_mb']:>8.1f} "
            f"{r['rss_mb']:>8.0f}  "
            f"{r['budget']} {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
