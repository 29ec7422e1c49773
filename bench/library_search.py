"""The library's search (curriculum/plansearch.py) over the demo's plans and over 2,000 plans
(the demo's terms copied, each a fresh string as the database would return it): time per
search in Python, without the page around it.

.venv/bin/python -m bench.library_search
"""

import tempfile

from bench._harness import bench_database, call_command, measure

QUERIES = ["кючек", "песни", "kyuchek", "херделзи", "пес", "хардилези"]


def main() -> None:
    from django.conf import settings

    settings.MEDIA_ROOT = tempfile.mkdtemp()
    with bench_database():
        call_command("load_demo", verbosity=0)
        from curriculum.models import LessonPlanPage
        from curriculum.plansearch import search

        demo = list(
            LessonPlanPage.objects.filter(locale__language_code="bg").values_list(
                "pk", "title", "search_terms"
            )
        )

        def copies(count):
            return [
                (
                    n,
                    title,
                    {k: (v + " ")[:-1] if isinstance(v, str) else v for k, v in index.items()},
                )
                for n in range(count)
                for _pk, title, index in [demo[n % len(demo)]]
            ]

        for label, count in (("demo", len(demo)), ("2,000 plans", 2000)):
            print(f"-- {label}")
            for query in QUERIES:
                # (the time includes copying the rows, as reading them from the database would)
                measure(
                    f"search {query!r}", lambda q=query, c=count: search(copies(c), q), repeat=5
                )


if __name__ == "__main__":
    main()
