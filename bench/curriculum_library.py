"""The public library: library page (plain, filtered, searched), a lesson plan, its PDF and pack,
with the demo's 12 plans and again with 200 plans.

make bench
DATABASE_URL=postgres://postgres@127.0.0.1:5432/drom_bench \
    .venv/bin/python -m bench.curriculum_library
"""

import tempfile

from bench._harness import bench_database, call_command, measure, vendor

LIB = "/library/"


def add_plans(library, count: int) -> None:
    from curriculum.models import LessonPlanPage, Topic

    topics = list(Topic.objects.all())
    for n in range(count):
        plan = LessonPlanPage(
            title=f"Упражнение {n}: песни и приказки",
            slug=f"bench-{n}",
            summary="Учениците слушат песен и разказват приказка за Василица.",
            learning_outcome="Учениците разказват приказката.",
            grade_bands=[["g1-4"], ["g5-7"], ["g8-10", "g11-12"]][n % 3],
            duration_minutes=[40, 80, 120][n % 3],
            languages=["bg", "rom"],
            body=[("activity", {"title": "Стъпка", "minutes": 10, "instructions": "<p>x</p>"})],
        )
        library.add_child(instance=plan)
        plan.topics.set(topics[n % len(topics) : n % len(topics) + 2])
        plan.save_revision().publish()


def main() -> None:
    from django.conf import settings
    from django.test import Client

    settings.MEDIA_ROOT = tempfile.mkdtemp()
    with bench_database():
        call_command("load_demo", verbosity=0)
        from curriculum.models import LessonPlanIndexPage

        library = LessonPlanIndexPage.objects.get(locale__language_code="bg")
        client = Client()
        print(f"database: {vendor()}")
        for label in ("demo (12 plans)", "with 200 more plans"):
            print(f"-- {label}")
            measure("GET /library/", lambda: client.get("/library/"))
            measure(
                "GET /library/?grade=g5-7&topic=music-song",
                lambda: client.get("/library/", {"grade": "g5-7", "topic": "music-song"}),
            )
            measure("GET /library/?q=ВАСИЛИЦА", lambda: client.get("/library/", {"q": "ВАСИЛИЦА"}))
            # Word forms, Latin letters and a typo go through curriculum/plansearch.py.
            for query in ("песни", "kyuchek", "херделзи"):
                measure(
                    f"GET /library/?q={query}", lambda q=query: client.get("/library/", {"q": q})
                )
            measure("GET /library/vasilitsa/", lambda: client.get("/library/vasilitsa/"))
            measure("GET /library/resources/", lambda: client.get("/library/resources/"))
            if label.startswith("demo"):
                measure(
                    "GET /library/vasilitsa/pack/ (ZIP)",
                    lambda: b"".join(client.get("/library/vasilitsa/pack/").streaming_content),
                    repeat=5,
                )
                add_plans(library, 200)


if __name__ == "__main__":
    main()
