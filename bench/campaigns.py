"""Campaign screens at scale: the all-courses report, its XLSX, assigning a region, reminders.

    DATABASE_URL=sqlite:////tmp/drom_scale.sqlite3 python -m bench.campaigns
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/drom_scale python -m bench.campaigns

Uses the `seed_scale` data of bench.reports (seeded on first run). Assigning and the reminder run
happen inside a transaction that is rolled back, so the database is left as it was. Prints
milliseconds (median), queries and peak Python memory, against the same budgets as
bench.reports (screens < 300 ms on PostgreSQL, exports < 30 s with flat memory).
"""

import datetime as dt
import sys
import time
import tracemalloc

from django.db import connection, transaction
from django.utils import timezone

from bench.reports import (
    EXPORT_BUDGET_S,
    EXPORTS,
    TRACE_EXPORTS,
    QueryCounter,
    client_for,
    consume,
    ensure_data,
    max_rss_mb,
    screen,
    show,
)

ALL = "/admin/coordinator-reports/all-courses/"


class Rollback(Exception):
    pass


def timed(label, run, *, again=False):
    """Time one run; its peak Python memory is traced in that run, or with `again` in a second
    run (exports: tracing slows them several times); BENCH_TRACE=0 traces nothing."""
    counter = QueryCounter()
    if not again and TRACE_EXPORTS:
        tracemalloc.start()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        outcome = run()
        seconds = time.perf_counter() - start
    peak = float("nan")
    if again and TRACE_EXPORTS:
        tracemalloc.start()
        run()
    if tracemalloc.is_tracing():
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return show(
        {
            "label": f"{label} ({outcome})",
            "ms": seconds * 1000,
            "queries": counter.count,
            "peak_mb": peak / 2**20,
            "rss_mb": max_rss_mb(),
            "ok": seconds < EXPORT_BUDGET_S,
            "budget": f"< {EXPORT_BUDGET_S} s",
        }
    )


def export(label, client, params):
    def run():
        return f"{consume(client.get(ALL, params)) / 2**20:.1f} MB"

    return timed(label, run, again=True)


def assign_and_remind(regional, region):
    from courses.assignments import assignments_create
    from courses.models import CoursePage
    from reports import campaigns
    from schools import scoping

    course = CoursePage.objects.filter(slug="scale-course-2").first()
    course.enrollment_open = True
    teachers = list(
        scoping.teachers_visible_to(regional)
        .filter(school__municipality__district__region=region)
        .values_list("pk", flat=True)[:20000]
    )
    due = timezone.localdate() + dt.timedelta(days=14)
    results = []
    try:
        with transaction.atomic():
            results.append(
                timed(
                    f"assign a region ({len(teachers):,} teachers)",
                    lambda: len(
                        assignments_create(
                            by=regional, teacher_ids=teachers, courses=[course], due_on=due
                        ).created
                    ),
                )
            )
            results.append(
                timed(
                    "reminder run, 14 days before (e-mails queued)",
                    lambda: campaigns.assignment_reminders_run(),
                )
            )
            raise Rollback
    except Rollback:
        pass
    return results


def tally_agrees(national, regional) -> bool:
    """The enrollment tally (reports/tally/) against the enrollments themselves, at the scale
    the bench runs on: same rows for both coordinators at region and district level, and how
    long each way takes."""
    from courses.models import CoursePage
    from reports.selectors import all_courses

    def rows(source, **arguments):
        rows = (r[:3] + tuple(n or 0 for n in r[3:]) for r in source(**arguments))
        return sorted(r for r in rows if any(r[3:]))

    courses = tuple(CoursePage.objects.live().filter(locale__language_code="bg"))
    agree = True
    print("\nThe all-courses counts from the tally and from the enrollments:")
    for viewer in (national, regional):
        for level in ("region", "district"):
            arguments = {
                "viewer": viewer,
                "filters": all_courses.AllCoursesFilters(courses=courses),
                "course_ids": [c.pk for c in courses],
                "level": level,
            }
            start = time.perf_counter()
            from_tally = rows(all_courses._tally_counts, **arguments)
            middle = time.perf_counter()
            from_enrollments = rows(all_courses._enrollment_counts, **arguments)
            end = time.perf_counter()
            same = from_tally == from_enrollments
            agree &= same
            print(
                f"  {viewer.email:<28} {level:<9} {'same' if same else 'DIFFERENT'} "
                f"({len(from_tally)} rows): tally {1000 * (middle - start):.0f} ms, "
                f"enrollments {1000 * (end - middle):.0f} ms"
            )
    return agree


def main() -> int:
    from schools.models import Region

    national, regional = ensure_data()
    region = Region.objects.get(code="BG34")
    n_client, r_client = client_for(national), client_for(regional)
    results = [
        screen("(baseline: the admin dashboard)", n_client, {}, url="/admin/"),
        screen("all courses, national (regions)", n_client, {}, url=ALL),
        screen(
            "all courses, national (regions), mediators",
            n_client,
            {"position": "mediator"},
            url=ALL,
        ),
        screen(
            "all courses, a region (districts), regional", r_client, {"region": region.pk}, url=ALL
        ),
        screen("all courses, teachers page 1, regional", r_client, {"level": "teacher"}, url=ALL),
        *(
            [
                export("all courses XLSX, regional", r_client, {"export": "xlsx"}),
                export("all courses XLSX, national", n_client, {"export": "xlsx"}),
            ]
            if EXPORTS
            else []
        ),
        screen(
            "assignments list, regional",
            r_client,
            {},
            url="/admin/coordinator-reports/assignments/",
        ),
        *assign_and_remind(regional, region),
    ]
    agree = tally_agrees(national, regional)
    vendor = connection.vendor
    print(f"\nCampaign screens on {vendor} ({connection.settings_dict['NAME']})")
    print(f"{'what':<62} {'time':>10} {'queries':>8} {'peak MB':>8} {'max RSS':>8}  budget")
    failed = 0
    for r in results:
        shown = f"{r['ms']:.0f} ms" if r["ms"] < 10_000 else f"{r['ms'] / 1000:.1f} s"
        verdict = "ok" if r["ok"] else ("over" if vendor == "postgresql" else "over (SQLite)")
        failed += not r["ok"] and vendor == "postgresql"
        print(
            f"{r['label']:<62} {shown:>10} {r['queries']!s:>8} {r['peak_mb']:>8.1f} "
            f"{r['rss_mb']:>8.0f}  "
            f"{r['budget']} {verdict}"
        )
    return 1 if failed or not agree else 0


if __name__ == "__main__":
    sys.exit(main())
