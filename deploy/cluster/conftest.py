"""`make cluster-test`: Drom as it runs on several machines, started on this one.

On loopback only, on free ports: PostgreSQL (the server at CLUSTER_DATABASE_URL, in databases
of the test's own), a private Redis, moto's S3 server, an SMTP sink, two gunicorn app servers
with production settings, one task worker, and nginx in front of them. Everything is stopped
and the databases dropped at the end, and an alarm ends the whole run after CLUSTER_TIMEOUT
seconds whatever happens.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = int(os.environ.get("CLUSTER_TIMEOUT", "600"))
DATABASE_URL = os.environ.get(
    "CLUSTER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/drom_cluster"
)
BUCKET = "drom-cluster"
RESTORE_BUCKET = "drom-cluster-restore"
PASSWORD = "drom-demo-2026"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, *, what: str, timeout: float = 60, interval: float = 0.3):
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = check()
            if result:
                return result
        except (OSError, requests.RequestException):
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        time.sleep(interval)


def pg_execute(url: str, *statements: str) -> None:
    import psycopg

    base, _, _name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


@dataclass
class Cluster:
    tmp: Path
    ports: dict[str, int]
    env: dict[str, str]
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    logs: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports['proxy']}"

    @property
    def maildir(self) -> Path:
        return self.tmp / "mail"

    def start(self, name: str, command: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 - closed in stop_all
        self.logs.append(log)
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env or self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped with its children
        )
        self.processes[name] = process
        return process

    def stop(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)
        for log in self.logs:
            log.close()

    def manage(self, *args, env: dict | None = None, check: bool = True, timeout: int = 300):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result

    def python(self, code: str, env: dict | None = None):
        """Run Django code in the cluster's environment; returns what it printed as JSON."""
        result = self.manage("shell", "-c", code, env=env)
        return json.loads(result.stdout.strip().splitlines()[-1])

    def log(self, name: str) -> str:
        return (self.tmp / f"{name}.log").read_text(errors="replace")

    def start_worker(self) -> subprocess.Popen:
        return self.start(
            "worker",
            [sys.executable, "manage.py", "run_worker", "--worker-id", "cluster-worker-1",
             "--interval", "0.2"],
        )  # fmt: skip

    def start_app(self, name: str, port: int, env: dict | None = None) -> subprocess.Popen:
        return self.start(
            name,
            [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "1", "--threads", "4", "--timeout", "60"],
            env=env,
        )  # fmt: skip


class Visitor(requests.Session):
    """A browser without the browser: cookies, CSRF tokens taken from forms."""

    def __init__(self, base: str):
        super().__init__()
        self.base = base

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", 30)
        kwargs.setdefault("allow_redirects", False)
        return super().request(
            method, self.base + url if url.startswith("/") else url, *args, **kwargs
        )

    def csrf_from(self, path: str) -> str:
        page = self.get(path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert match, f"no form on {path} ({page.status_code})"
        return match.group(1)

    def submit(self, path: str, data: dict, files=None):
        token = self.csrf_from(path)
        return self.post(path, data={**data, "csrfmiddlewaretoken": token}, files=files)

    def login(self, email: str, password: str = PASSWORD):
        return self.submit("/accounts/login/", {"username": email, "password": password})


def _nginx_config(cluster: Cluster) -> Path:
    template = (ROOT / "deploy/nginx/cluster.conf.template").read_text()
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (cluster.tmp / "nginx-temp" / sub).mkdir(parents=True, exist_ok=True)
        (cluster.tmp / "nginx-temp" / sub).chmod(0o777)  # nginx's workers run as nobody
    values = {
        "tmp": cluster.tmp,
        "user": "user nobody nogroup;" if os.geteuid() == 0 else "",
        "port": cluster.ports["proxy"],
        "app1": cluster.ports["app1"],
        "app2": cluster.ports["app2"],
        "s3": cluster.ports["s3"],
        "bucket": BUCKET,
    }
    config = template
    for name, value in values.items():
        config = config.replace(f"@{name}@", str(value))
    path = cluster.tmp / "nginx.conf"
    path.write_text(config)
    return path


def cluster_environment(
    ports: dict, tmp: Path, database_url: str, bucket: str, *, redis_db: int = 0
) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    proxy = f"http://127.0.0.1:{ports['proxy']}"
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "cluster-test-secret-key-long-enough-for-check-deploy-0123456789abcdef",
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{ports['redis']}/{redis_db}",
        "STORAGE_URL": f"s3+http://cluster:cluster-secret@127.0.0.1:{ports['s3']}/{bucket}"
        "?region=us-east-1",
        "S3_PUBLIC_URL": proxy,
        "TASKS_BACKEND": "database",
        "BASE_URL": proxy,
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": proxy,
        "BEHIND_PROXY": "true",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(ports["smtp"]),
        "EMAIL_TIMEOUT": "30",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "INFO",
        "MEDIA_ROOT": str(tmp / "unused-media"),
        "PRIVATE_ROOT": str(tmp / "unused-private"),
    }


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    for program in ("nginx", "redis-server", "pg_dump", "pg_restore"):
        if shutil.which(program) is None and not Path(f"/usr/sbin/{program}").exists():
            pytest.fail(f"{program} is needed (Debian: apt-get install nginx-light redis-server "
                        "postgresql-client); .ci/run installs them.")  # fmt: skip

    def out_of_time(signum, frame):
        raise TimeoutError(f"the cluster test ran longer than {TIMEOUT} s")

    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(TIMEOUT)
    tmp = tmp_path_factory.mktemp("cluster")
    ports = {name: free_port() for name in ("proxy", "app1", "app2", "redis", "s3", "smtp")}
    cluster = Cluster(
        tmp=tmp, ports=ports, env=cluster_environment(ports, tmp, DATABASE_URL, BUCKET)
    )
    restore_url = DATABASE_URL + "_restore"
    databases = [DATABASE_URL.rpartition("/")[2], restore_url.rpartition("/")[2]]
    drop = [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in databases]
    try:
        pg_execute(DATABASE_URL, *drop)
        pg_execute(DATABASE_URL, f'CREATE DATABASE "{databases[0]}"')
        cluster.start(
            "redis",
            ["redis-server", "--bind", "127.0.0.1", "--port", str(ports["redis"]), "--save", "",
             "--appendonly", "no", "--dir", str(tmp)],
        )  # fmt: skip
        cluster.start(
            "s3", [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(ports["s3"])]
        )
        cluster.start(
            "smtp",
            [sys.executable, "deploy/cluster/smtp_sink.py", "--port", str(ports["smtp"]),
             "--maildir", str(cluster.maildir), "--hold-after", "2"],
        )  # fmt: skip
        wait_for(lambda: socket.create_connection(("127.0.0.1", ports["s3"]), 1), what="moto")
        wait_for(lambda: socket.create_connection(("127.0.0.1", ports["redis"]), 1), what="redis")
        wait_for(lambda: socket.create_connection(("127.0.0.1", ports["smtp"]), 1), what="smtp")

        cluster.manage("storage_setup", "--create")
        cluster.manage("migrate", "--noinput", "-v", "0", timeout=600)
        cluster.manage("load_demo", timeout=600)
        cluster.manage("collectstatic", "--noinput", "-v", "0")

        cluster.start_app("app1", ports["app1"])
        cluster.start_app("app2", ports["app2"])
        cluster.start_worker()
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        cluster.start(
            "nginx", [nginx, "-c", str(_nginx_config(cluster)), "-p", str(tmp), "-g", "daemon off;"]
        )
        for port in (ports["app1"], ports["app2"], ports["proxy"]):
            wait_for(
                lambda port=port: requests.get(f"http://127.0.0.1:{port}/readyz", timeout=5).ok,
                what=f"the server on port {port}",
            )
        yield cluster
    finally:
        cluster.stop_all()
        with contextlib.suppress(Exception):
            pg_execute(DATABASE_URL, *drop)
        signal.alarm(0)


@pytest.fixture
def visitor(cluster):
    with Visitor(cluster.url) as session:
        yield session
