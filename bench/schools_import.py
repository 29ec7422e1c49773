"""Bulk import at national scale: reading, planning and applying 5,000 schools and 5,000 teachers.

Prints wall-clock figures and query counts; the plan's query count must not grow with the file.
Run: `.venv/bin/python -m bench.schools_import` (or `make bench`).
"""

import io
import time

from bench._harness import bench_database, vendor

ROWS = 5000


def schools_csv() -> bytes:
    lines = ["Код по НЕИСПУО;Наименование;Вид;Област;Община;Населено място"]
    districts = ["Сливен", "Пловдив", "Видин", "Шумен", "София", "Хасково"]
    for n in range(ROWS):
        district = districts[n % len(districts)]
        lines.append(
            f"{7000000 + n}.0;ОУ „Христо Ботев“ №{n};училище;{district};{district};с. Село {n}"
        )
    return "\r\n".join(lines).encode("cp1251", errors="replace")


def teachers_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["Имейл", "Име", "Фамилия", "Длъжност", "Код на училището"])
    for n in range(ROWS):
        sheet.append([f"uchitel{n}@bench.test", "Мария", "Петрова", "учител", 7000000 + n])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def timed(label, fn):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        result = fn()
        elapsed = (time.perf_counter() - start) * 1000
    print(f"{label:<44} {elapsed:9.1f} ms   {len(ctx.captured_queries):6d} queries", flush=True)
    return result


def main():
    from django.core import mail
    from django.test.utils import override_settings

    from schools.importing.parsing import parse_schools, parse_teachers
    from schools.importing.services import (
        schools_import_apply,
        schools_import_plan,
        teachers_import_apply,
        teachers_import_plan,
    )
    from schools.models import Region

    print(f"database: {vendor()}, {ROWS} rows per file")
    with (
        bench_database(),
        override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
    ):
        mail.outbox = []
        data = schools_csv()
        rows = timed("parse schools (CSV, Windows-1251)", lambda: parse_schools(data, "s.csv"))
        plan = timed(
            "plan schools", lambda: schools_import_plan(rows=rows, regions=Region.objects.all())
        )
        timed("apply schools", lambda: schools_import_apply(plan=plan))
        plan = timed(
            "plan schools again (nothing to change)",
            lambda: schools_import_plan(rows=rows, regions=Region.objects.all()),
        )
        assert plan.counts["unchanged"] == ROWS

        data = teachers_xlsx()
        rows = timed("parse teachers (XLSX)", lambda: parse_teachers(data, "t.xlsx"))
        plan = timed(
            "plan teachers", lambda: teachers_import_plan(rows=rows, regions=Region.objects.all())
        )
        timed(
            "apply teachers (+ invitations)",
            lambda: teachers_import_apply(plan=plan, site_url="http://x"),
        )


if __name__ == "__main__":
    main()
