"""Run the comparison (see bench/peer/__init__.py)."""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.anonymous_pages import free_port, server_environment
from bench.peer.load import get, requests_per_second

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PEER_VENV = Path(
    os.environ.get("PEER_VENV") or Path.home() / ".cache" / "drom-bench" / "wagtail-lms-0.11.1"
)
# The peer runs on the same Wagtail, Django and gunicorn as Drom (requirements.txt).
PEER_REQUIREMENTS = ["wagtail-lms==0.11.1", "wagtail==8.0.1", "Django==5.2.19", "gunicorn==27.0.1"]
ROUNDS = int(os.environ.get("ROUNDS", "5"))
REPEAT = int(os.environ.get("REPEAT", "20"))
LOAD_ROUNDS = int(os.environ.get("LOAD_ROUNDS", "3"))
LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "5"))
LOAD_PROCESSES = int(os.environ.get("LOAD_PROCESSES", "2"))
LOAD_THREADS = int(os.environ.get("LOAD_THREADS", "4"))
SIDES = ("Drom", "wagtail-lms")


def peer_python() -> str:
    python = PEER_VENV / "bin" / "python"
    marker = PEER_VENV / ".installed"
    wanted = " ".join(PEER_REQUIREMENTS)
    if not (python.exists() and marker.exists() and marker.read_text() == wanted):
        print(f"installing {wanted} into {PEER_VENV} (the first time only)…", flush=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(PEER_VENV)], check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [str(python), "-m", "pip", "install", "--quiet", *PEER_REQUIREMENTS], check=True
        )
        marker.write_text(wanted)
    return str(python)


def environments(tmp: Path) -> tuple[dict, dict]:
    ports = {side: free_port() for side in SIDES}
    drom = server_environment(tmp, ports["Drom"])
    drom.update(ALLOWED_HOSTS="127.0.0.1,localhost,testserver", PYTHONPATH=str(ROOT))
    drom["DATABASE_URL"] = f"sqlite:///{tmp / 'drom.sqlite3'}"  # the comparison is on SQLite
    peer = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "VIRTUAL_ENV", "PYTHONPATH"}
    }
    peer.update(
        DJANGO_SETTINGS_MODULE="peer_site.settings",
        PYTHONPATH=str(HERE),
        PEER_DATABASE=str(tmp / "peer.sqlite3"),
        PEER_STATIC_ROOT=str(tmp / "peer-static"),
        PEER_MEDIA_ROOT=str(tmp / "peer-media"),
    )
    return {"Drom": (sys.executable, drom, ROOT), "wagtail-lms": (peer_python(), peer, HERE)}, ports


def run(python, env, cwd, *args) -> None:
    subprocess.run([python, *args], env=env, cwd=cwd, check=True)  # noqa: S603


def prepare(tmp: Path, sides: dict) -> None:
    if (tmp / "prepared").exists():
        print(f"reusing the databases prepared in {tmp}", flush=True)
        return
    python, env, cwd = sides["Drom"]
    print("Drom: migrate, demo site, the course shape…", flush=True)
    run(python, env, cwd, "manage.py", "migrate", "--noinput", "-v", "0")
    run(python, env, cwd, "manage.py", "load_demo", "-v", "0")
    run(python, env, cwd, "manage.py", "collectstatic", "--noinput", "-v", "0")
    run(python, env, cwd, "-m", "bench.peer.drom_side", "build")
    python, env, cwd = sides["wagtail-lms"]
    print("wagtail-lms: migrate, the course shape…", flush=True)
    run(python, env, cwd, "-m", "django", "migrate", "--noinput", "-v", "0")
    run(python, env, cwd, "-m", "peer_site.side", "build")
    (tmp / "prepared").touch()


class Worker:
    """One side's measuring process (shared.serve_measurements), spoken to line by line."""

    def __init__(self, python, env, cwd, module):
        self.process = subprocess.Popen(  # noqa: S603
            [python, "-m", module], env=env, cwd=cwd, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )  # fmt: skip
        self.urls = self.read()["urls"]
        self.read()  # ready: warmed

    def read(self) -> dict:
        for line in self.process.stdout:
            if line.startswith("@@"):
                return json.loads(line[2:])
        raise SystemExit(f"a measuring process stopped (exit {self.process.wait()})")

    def ask(self, **command) -> dict:
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return self.read()

    def close(self) -> None:
        self.process.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
        self.process.stdin.close()
        self.process.wait(30)


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95) - 1)]


def spread(ratios: list[float]) -> str:
    return f"{statistics.median(ratios):.2f}× (rounds {min(ratios):.2f}–{max(ratios):.2f})"


def in_process(workers: dict) -> dict:
    pages = list(workers["Drom"].urls)
    figures = {(side, page): {"timings": [], "medians": []} for side in SIDES for page in pages}
    for number in range(ROUNDS):
        order = SIDES if number % 2 == 0 else SIDES[::-1]
        for page in pages:
            for side in order:
                answer = workers[side].ask(cmd="measure", page=page, repeat=REPEAT)
                if answer["status"] != 200:
                    raise SystemExit(f"{side} answered {answer['status']} for {page}")
                entry = figures[(side, page)]
                entry["timings"] += answer["timings"]
                entry["medians"].append(statistics.median(answer["timings"]))
                entry.update(queries=answer["queries"], bytes=answer["bytes"])
    print(f"\nin-process (Django test client), {ROUNDS} rounds × {REPEAT} requests, A/B swapped:")
    print(f"  {'page':<26}{'side':<13}{'median':>9}{'p95':>9}{'queries':>9}{'bytes':>9}")
    for page in pages:
        for side in SIDES:
            entry = figures[(side, page)]
            print(
                f"  {page:<26}{side:<13}{statistics.median(entry['timings']):7.1f}ms"
                f"{p95(entry['timings']):7.1f}ms{entry['queries']:9d}{entry['bytes']:9d}"
            )
        ratios = [
            peer / drom
            for drom, peer in zip(
                figures[("Drom", page)]["medians"],
                figures[("wagtail-lms", page)]["medians"],
                strict=True,
            )
        ]
        print(f"  {'':<26}wagtail-lms time ÷ Drom time: {spread(ratios)}")
    return figures


def under_load(sides: dict, ports: dict, urls: dict, cookies: dict) -> None:
    servers = {}
    for side, (python, env, cwd) in sides.items():
        app = "cms.wsgi" if side == "Drom" else "peer_site.wsgi"
        servers[side] = subprocess.Popen(  # noqa: S603
            [python, "-m", "gunicorn", app, "-w", "2", "-b", f"127.0.0.1:{ports[side]}",
             "--log-level", "warning"],
            env=env, cwd=cwd,
        )  # fmt: skip
    try:
        for side in SIDES:
            for _ in range(150):
                try:
                    get(ports[side], "/", {})
                    break
                except OSError:
                    time.sleep(0.2)
        print(
            f"\ngunicorn -w 2 (sync) each, {LOAD_PROCESSES} client processes × {LOAD_THREADS} "
            f"threads, {LOAD_SECONDS:.0f} s × {LOAD_ROUNDS} rounds, A/B swapped:"
        )
        for page, _ in urls["Drom"].items():
            headers = {
                side: {"Cookie": cookies[side]} if "anonymous" not in page else {} for side in SIDES
            }
            for side in SIDES:
                status, _ = get(ports[side], urls[side][page], headers[side])
                if status != 200:
                    raise SystemExit(f"{side} under gunicorn answered {status} for {page}")
            rates = {side: [] for side in SIDES}
            for number in range(LOAD_ROUNDS):
                for side in SIDES if number % 2 == 0 else SIDES[::-1]:
                    rates[side].append(
                        requests_per_second(
                            ports[side], urls[side][page], headers[side], seconds=LOAD_SECONDS,
                            processes=LOAD_PROCESSES, threads=LOAD_THREADS,
                        )
                    )  # fmt: skip
            ratios = [d / p for d, p in zip(rates["Drom"], rates["wagtail-lms"], strict=True)]
            print(
                f"  {page:<26}Drom {statistics.median(rates['Drom']):6.0f} req/s   wagtail-lms "
                f"{statistics.median(rates['wagtail-lms']):6.0f} req/s   Drom ÷ wagtail-lms "
                f"{spread(ratios)}"
            )
    finally:
        for server in servers.values():
            server.terminate()
        for server in servers.values():
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()


def main() -> None:
    tmp = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="drom-peer-"))
    tmp.mkdir(parents=True, exist_ok=True)
    sides, ports = environments(tmp)
    prepare(tmp, sides)
    modules = {"Drom": "bench.peer.drom_side", "wagtail-lms": "peer_site.side"}
    workers = {side: Worker(*sides[side], modules[side]) for side in SIDES}
    try:
        in_process(workers)
        urls = {side: workers[side].urls for side in SIDES}
        cookies = {side: workers[side].ask(cmd="cookie")["cookie"] for side in SIDES}
    finally:
        for worker in workers.values():
            worker.close()
    under_load(sides, ports, urls, cookies)


if __name__ == "__main__":
    main()
