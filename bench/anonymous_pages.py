"""Anonymous pages against a static file, served by the same gunicorn: requests per second, and
the conditional-GET check (ETag, Last-Modified, 304, gzip).

Production settings, a fresh database with the demo content, gunicorn with 2 sync workers, and
a Python load tool (keep-alive connections spread over processes). Rounds alternate page and
stylesheet, order swapped each round; the ratio is page req/s ÷ stylesheet req/s.

    .venv/bin/python -m bench.anonymous_pages                  # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/drom_speed_bench …  # PostgreSQL
    BENCH_SECONDS=5 BENCH_CONNECTIONS=16 BENCH_ROUNDS=3 …
"""

import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CLIENT_PROCESSES = int(os.environ.get("BENCH_CLIENTS", "2"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_environment(tmp: Path, port: int) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="bench-only-secret-key-0123456789abcdef",  # noqa: S106
        BASE_URL=f"http://127.0.0.1:{port}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        VERIFY_SERVICES_AT_START="false",
        LOG_LEVEL="ERROR",
        LOG_FORMAT="text",
        PAGE_CACHE_DIR=str(tmp / "cache"),
        MEDIA_ROOT=str(tmp / "media"),
        PRIVATE_ROOT=str(tmp / "private"),
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def get(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def _load(args) -> int:
    port, path, seconds, connections = args
    pool = [http.client.HTTPConnection("127.0.0.1", port, timeout=30) for _ in range(connections)]
    done = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for connection in pool:
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            done += response.status == 200  # (an error page would be no figure at all)
    return done


def requests_per_second(port, path) -> float:
    per_process = max(1, CONNECTIONS // CLIENT_PROCESSES)
    with Pool(CLIENT_PROCESSES) as pool:
        counts = pool.map(_load, [(port, path, SECONDS, per_process)] * CLIENT_PROCESSES)
    return sum(counts) / SECONDS


def conditional_get_check(port, path) -> None:
    first, body = get(port, path)
    etag, modified = first.getheader("ETag"), first.getheader("Last-Modified")
    by_etag, _ = get(port, path, {"If-None-Match": etag or ""})
    by_date, _ = get(port, path, {"If-Modified-Since": modified or ""})
    zipped, zbody = get(port, path, {"Accept-Encoding": "gzip"})
    print(
        f"  {path:<34} ETag {etag}  Last-Modified {modified}\n"
        f"  {'':<34} If-None-Match → {by_etag.status}, If-Modified-Since → {by_date.status}, "
        f"gzip {zipped.getheader('Content-Encoding')} {len(zbody)} of {len(body)} bytes, "
        f"Cache-Control: {first.getheader('Cache-Control')}"
    )


def main() -> None:
    # BENCH_DIR=/tmp/somewhere keeps the prepared database for the next run.
    tmp = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="drom-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = server_environment(tmp, port)
    print(f"preparing a database with the demo content ({env['DATABASE_URL'].split(':')[0]})…")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                home, html = get(port, "/")
                break
            except OSError:
                time.sleep(0.2)
        stylesheet = re.search(rb'href="(/static/css/drom[^"]*\.css)"', html).group(1).decode()
        # The sections in the main menu (library, resources, courses…), and a lesson plan.
        nav = re.search(rb'class="site-nav".*?</nav>', html, re.S).group(0)
        sections = [m.decode() for m in re.findall(rb'href="(/[a-z0-9/-]*)"', nav)]
        pages = ["/", *sections]
        for section in sections:  # the first page listed in a section: a lesson plan
            _, listing = get(port, section)
            links = re.findall(rf'href="({re.escape(section)}[a-z0-9-]+/)"'.encode(), listing)
            children = [link.decode() for link in links if link.decode() not in pages]
            if children:
                pages.append(children[0])
                break
        print("\nconditional GET (anonymous):")
        for path in pages:
            conditional_get_check(port, path)
        print(
            f"\nreq/s, gunicorn -w 2, {CONNECTIONS} keep-alive connections over "
            f"{CLIENT_PROCESSES} client processes, {SECONDS:.0f} s × {ROUNDS} rounds"
        )
        for path in pages:
            ratios, page_rates, static_rates = [], [], []
            for n in range(ROUNDS):
                order = [path, stylesheet] if n % 2 == 0 else [stylesheet, path]
                rates = {p: requests_per_second(port, p) for p in order}
                page_rates.append(rates[path])
                static_rates.append(rates[stylesheet])
                ratios.append(rates[path] / rates[stylesheet])
            print(
                f"  {path:<34} page {statistics.median(page_rates):7.0f} req/s   "
                f"stylesheet {statistics.median(static_rates):7.0f} req/s   "
                f"ratio {statistics.median(ratios):.2f} (min {min(ratios):.2f}, "
                f"max {max(ratios):.2f})"
            )
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
