"""How long `make run` takes until Drom serves: runs it, stops the server once the port answers.

    .venv/bin/python -m bench.make_run            # twice: the second run is the one that matters
    PORT=8765 RUNS=1 .venv/bin/python -m bench.make_run
    MAKEFILE=/tmp/Makefile.old …     # another Makefile (e.g. `git show main:Makefile`), to compare

Each line of make's output is printed with the seconds since the start, so a slow step shows.
It uses the checkout's own database (db.sqlite3, or DATABASE_URL) as `make run` does.
"""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("PORT", "8765"))
RUNS = int(os.environ.get("RUNS", "2"))
MAKEFILE = os.environ.get("MAKEFILE", "Makefile")


def answers(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def one_run() -> tuple[float, float]:
    start = time.perf_counter()
    cpu = os.times()
    make = subprocess.Popen(  # noqa: S603
        ["make", "-f", MAKEFILE, "run", f"PORT={PORT}"],  # noqa: S607
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: stopped as one, nothing else
    )

    def echo():
        for line in make.stdout:
            print(f"  {time.perf_counter() - start:6.1f} s  {line.rstrip()}", flush=True)

    reader = threading.Thread(target=echo, daemon=True)
    reader.start()
    try:
        while not answers(PORT):
            if make.poll() is not None:
                raise SystemExit(f"make run stopped (exit {make.returncode}) before serving")
            time.sleep(0.1)
        served = time.perf_counter() - start
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(15)
        reader.join(2)
    # CPU seconds of make and what it ran (waited for), a figure less swayed by a busy machine.
    after = os.times()
    return served, (after.children_user - cpu.children_user) + (
        after.children_system - cpu.children_system
    )


def main() -> None:
    if answers(PORT):
        sys.exit(f"port {PORT} is already in use; set PORT=…")
    for number in range(1, RUNS + 1):
        print(f"make run #{number}:", flush=True)
        served, cpu = one_run()
        load = os.getloadavg()[0]
        print(
            f"make run #{number} served after {served:.1f} s "
            f"({cpu:.1f} s of CPU in processes that ended; load average {load:.1f})\n",
            flush=True,
        )


if __name__ == "__main__":
    main()
