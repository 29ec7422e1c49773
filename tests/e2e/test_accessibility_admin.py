"""Our screens inside Wagtail's admin, as the coordinators use them: axe on our part of each page
(<main>; the admin's own frame is Wagtail's), and a phone's width without sideways scrolling."""

import pytest

from tests.e2e.conftest import login
from tests.e2e.test_accessibility import axe_violations, describe_violations

pytestmark = pytest.mark.e2e

REPORTS = "/admin/coordinator-reports/"


def report_problems(page, urls: list[str]) -> list[str]:
    problems = []
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        assert REPORTS in page.url, f"{url} sent the coordinator to {page.url}"
        violations = axe_violations(page, context={"include": [["main"]]})
        if violations:
            problems.append(f"{page.url}\n{describe_violations(violations)}")
    return problems


def test_coordinator_reports_in_the_admin_meet_wcag_aa(page):
    """Our report screens inside Wagtail's admin: axe checks our part of the page (<main>); the
    admin's own frame is Wagtail's."""
    login(page, "coordinator@drom.test")
    page.goto(REPORTS)
    page.locator("table.reports-table td.title a").first.click()
    drilled = page.url
    page.goto(REPORTS + "?level=teacher")
    page.locator("table.reports-table td.title a").first.click()
    teacher = page.url
    problems = report_problems(
        page,
        [REPORTS, drilled, REPORTS + "?level=teacher", teacher, REPORTS + "charts/"]
        + [REPORTS + "e-mail/"]
        # Campaigns, seminars, evaluations and what authors learn, as the regional coordinator.
        + [REPORTS + p for p in ("all-courses/", "all-courses/?level=teacher", "assign/")]
        + [REPORTS + p for p in ("assignments/", "seminars/", "evaluations/")]
        + [REPORTS + p for p in ("quiz-statistics/", "course-drop-off/")],
    )
    # The export log is for national coordinators only.
    page.context.clear_cookies()
    login(page, "national@drom.test")
    problems += report_problems(page, [REPORTS + "exports/", REPORTS + "log/"])
    # The certificate ZIP: the request, then its status page once it is ready.
    page.goto("/admin/certificates-zip/?year=1999")  # few (none): the page, not the PDFs
    for _ in range(2):
        violations = axe_violations(page, context={"include": [["main"]]})
        if violations:
            problems.append(f"{page.url}\n{describe_violations(violations)}")
        if "/admin/downloads/" in page.url:
            break
        page.get_by_role("button", name="Подготви ZIP файла").click()
        page.wait_for_load_state("load")
    assert "/admin/downloads/" in page.url and "Готово" in page.content()
    assert not problems, "\n\n".join(problems)


def test_coordinator_screens_fit_a_phone_without_sideways_scrolling(page):
    """At 360 CSS px, as the regional coordinator: wide tables scroll inside their own box, the
    page itself never sideways (WCAG 1.4.10)."""
    login(page, "coordinator@drom.test")
    page.set_viewport_size({"width": 360, "height": 740})
    wide = []
    for path in (
        "",
        "?level=teacher",
        "charts/",
        "all-courses/",
        "all-courses/?level=teacher",
        "assign/",
        "assignments/",
        "seminars/",
        "evaluations/",
        "quiz-statistics/",
        "course-drop-off/",
    ):
        page.goto(REPORTS + path)
        page.wait_for_load_state("load")
        assert REPORTS in page.url, f"{path} sent the coordinator to {page.url}"
        # Wagtail's frame clips rather than scrolls, so the page's own width tells nothing:
        # look for anything in <main> past the right edge that no scrolling box of its own holds.
        outside = page.evaluate(
            """() => { const width = document.documentElement.clientWidth;
            const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)
                && el.getBoundingClientRect().right <= width + 1;
            return [...document.querySelectorAll('main *')].filter(el => {
                if (el.getBoundingClientRect().right <= width + 1) return false;
                for (let p = el.parentElement; p && p.tagName !== 'MAIN'; p = p.parentElement)
                    if (scrolls(p)) return false;
                return getComputedStyle(el).display !== 'none';
            }).slice(0, 3).map(el => el.tagName + (el.className ? '.' + el.className : '')); }"""
        )
        if outside:
            wide.append(f"{path or 'overview'}: {outside}")
    assert not wide, "\n".join(wide)
