"""A small HTTP load tool: client processes × threads, each thread with its own connection."""

import http.client
import threading
import time
from multiprocessing import Pool


def _process(args) -> int:
    port, path, headers, seconds, threads = args
    counts = [0] * threads
    deadline = time.perf_counter() + seconds

    def run(slot: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < deadline:
            # gunicorn's sync workers close each connection; http.client opens the next one.
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            counts[slot] += response.status == 200
        connection.close()

    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(counts)


def requests_per_second(
    port: int, path: str, headers: dict, *, seconds: float, processes: int, threads: int
) -> float:
    with Pool(processes) as pool:
        counts = pool.map(_process, [(port, path, headers, seconds, threads)] * processes)
    return sum(counts) / seconds


def get(port: int, path: str, headers: dict) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body
