"""Public site pages: response time, queries and page weight (HTML + stylesheet) per page.

make bench                                  # SQLite file database
DATABASE_URL=postgres://postgres@127.0.0.1:5432/drom_bench .venv/bin/python -m bench.site_pages
"""

from pathlib import Path

from bench._harness import bench_database, call_command, measure, vendor

PAGES = ["/", "/en/", "/about/", "/en/about/", "/accounts/login/", "/sitemap.xml"]
BUDGET_KB = 30  # HTML + CSS of a page, uncompressed: light enough for a slow village connection


def main() -> None:
    from django.conf import settings
    from django.test import Client

    with bench_database():
        call_command("load_demo", verbosity=0)
        client = Client()
        css = (Path(settings.BASE_DIR) / "static" / "css" / "drom.css").stat().st_size
        print(f"database: {vendor()}; stylesheet {css / 1024:.1f} KB; budget {BUDGET_KB} KB/page")
        for path in PAGES:
            measure(f"GET {path}", lambda path=path: client.get(path))
            size = len(client.get(path).content)
            weight = (size + css) / 1024
            verdict = "ok" if weight <= BUDGET_KB else "OVER BUDGET"
            print(f"{'':<40} weight {weight:5.1f} KB (HTML {size / 1024:.1f} KB) {verdict}")


if __name__ == "__main__":
    main()
