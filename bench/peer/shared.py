"""What both sides share: the course shape, its text, and the in-process measuring loop.

Imported by Drom (as bench.peer.shared) and by the wagtail-lms project in its own virtualenv (as
`shared`, with bench/peer on its path), so it uses nothing but Django and the standard library.
"""

import json
import random
import sys
import time

LESSONS = 10
WORDS_PER_LESSON = 640
PARAGRAPHS_PER_LESSON = 8
TEACHERS = 2500
COMPLETIONS_PER_TEACHER = 5  # 2,500 × 5 = 12,500 completions
MEASURED_LESSON = 3  # the page measured: a lesson the measured teacher has completed
WORDS = [
    *("ученици", "училище", "учител", "урок", "класна", "стая", "майчин", "език", "романи"),
    *("родители", "общност", "приобщаване", "четене", "писане", "разказ", "история", "празник"),
    *("музика", "семейство", "игра", "въпрос", "отговор", "задача", "работа", "група"),
    *("приятелство", "уважение", "култура", "традиция", "бъдеще", "знание", "умение", "дневник"),
]


def lesson_paragraphs(number: int) -> list[str]:
    """The same ~640 words of lesson `number` on both sides, as HTML paragraphs."""
    rng = random.Random(number)
    per = WORDS_PER_LESSON // PARAGRAPHS_PER_LESSON
    return [
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(per)).capitalize() + ".</p>"
        for _ in range(PARAGRAPHS_PER_LESSON)
    ]


def completed_lessons(teacher_index: int) -> list[int]:
    """Which lessons (1-based) teacher `teacher_index` has completed: 5 of 10, spread."""
    rng = random.Random(teacher_index)
    done = set(rng.sample(range(1, LESSONS + 1), COMPLETIONS_PER_TEACHER))
    if teacher_index == 0:  # the measured teacher: the measured lesson is among hers
        done = {1, 2, MEASURED_LESSON, 5, 8}
    return sorted(done)


def serve_measurements(pages: dict, user) -> None:
    """Answer the orchestrator on stdin/stdout, one JSON object a line.

    pages: name → (url, logged_in). Commands: {"cmd": "measure", "page": name, "repeat": n}
    answers the timings (ms), queries, bytes and status of n GETs; {"cmd": "cookie"} the cookies
    of `user`'s browser, session and CSRF (for the load tool against gunicorn); {"cmd": "quit"}.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    anonymous, teacher = Client(), Client()
    teacher.force_login(user)
    for url, logged_in in pages.values():  # warm, as a running server is
        for _ in range(3):
            (teacher if logged_in else anonymous).get(url)
    reply({"ready": True})
    for line in sys.stdin:
        command = json.loads(line)
        if command["cmd"] == "quit":
            return
        if command["cmd"] == "cookie":
            # What her browser sends: the session and, once a page with a form was shown, the
            # CSRF cookie (without it every page would set a new one).
            reply({"cookie": "; ".join(f"{c.key}={c.value}" for c in teacher.cookies.values())})
            continue
        url, logged_in = pages[command["page"]]
        client = teacher if logged_in else anonymous
        timings, queries, size, status = [], 0, 0, 0
        for _ in range(command["repeat"]):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            queries, size, status = len(captured), len(response.content), response.status_code
        reply({"timings": timings, "queries": queries, "bytes": size, "status": status})


def reply(message: dict) -> None:
    sys.stdout.write("@@" + json.dumps(message) + "\n")
    sys.stdout.flush()
