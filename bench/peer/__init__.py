"""Drom against wagtail-lms 0.11.1 on a course of the same shape (issue 10): `python -m bench.peer`.

wagtail-lms is installed from PyPI into a virtualenv of its own outside the project
(PEER_VENV, default ~/.cache/drom-bench/wagtail-lms-0.11.1, made on the first run) and hosted by
the small Django project in peer_site/ (Wagtail's project template, DEBUG off). Both get 1 course,
10 lessons of ~640 words, 2,500 enrolled teachers and 12,500 completions in a SQLite file.

For each page (course and lesson for an enrolled teacher, course for an anonymous visitor;
wagtail-lms has no quizzes) it prints both sides' median and p95 in-process time, queries and
bytes, then requests/s under gunicorn (2 sync workers each) from a Python load tool. Rounds are
interleaved A/B with the order swapped each round; ratios are given with their spread.

    .venv/bin/python -m bench.peer
    BENCH_DIR=/tmp/peer-bench …     # keeps (and reuses) the prepared databases
    ROUNDS=5 REPEAT=20 LOAD_ROUNDS=3 LOAD_SECONDS=5 LOAD_THREADS=4 …
"""
