"""Browser journeys: Playwright driving Debian's chromium against the real server.

The server is Drom as it runs in production — production settings, gunicorn, whitenoise — on a
free local port, with a fresh database (SQLite file, or PostgreSQL when DATABASE_URL points there)
that has been migrated and filled with the demo content. E-mails are written to files in
`mail_dir` so that journeys can follow links from them. Each test's last screen is saved under
test-results/e2e/ (git-ignored).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from email import message_from_bytes, policy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
RESULTS = ROOT / "test-results" / "e2e"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
HOW_TO_RUN = (
    "Browser tests need Debian's chromium: `sudo apt-get install chromium`, then `make e2e` "
    "(CI installs it and never skips them)."
)


def pytest_collection_modifyitems(config, items):
    e2e_items = [item for item in items if "e2e" in item.keywords]
    if CHROMIUM or not e2e_items:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(
            f"CI must run the browser tests but chromium is missing. {HOW_TO_RUN}"
        )
    skip = pytest.mark.skip(reason=HOW_TO_RUN)
    for item in e2e_items:
        item.add_marker(skip)


def pytest_collection_finish(session):
    if not CHROMIUM and any("e2e" in item.keywords for item in session.items):
        print(f"\n*** {HOW_TO_RUN} ***\n")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(tmp: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp / 'e2e.sqlite3'}"
    # A database of its own, made fresh, beside the one pytest-django creates for unit tests.
    import psycopg

    # Named after the configured database, so two checkouts testing at once never share it.
    base, _, name = url.rpartition("/")
    e2e_name = f"{name.split('?')[0] or 'drom'}_e2e"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{e2e_name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{e2e_name}"')
    return f"{base}/{e2e_name}"


@pytest.fixture(scope="session")
def e2e_env(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("e2e")
    (tmp / "mail").mkdir()
    port = _free_port()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "e2e-only-secret-key-that-is-long-enough-for-the-deploy-checks-0123456789",
        "DATABASE_URL": _database_url(tmp),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp / "mail"),
        "MEDIA_ROOT": str(tmp / "media"),
        "PRIVATE_ROOT": str(tmp / "private"),
        "SERVE_MEDIA": "true",
        "E2E_PORT": str(port),
        "E2E_TMP": str(tmp),
    }


@pytest.fixture(scope="session")
def live_url(e2e_env) -> str:
    """The base URL (no trailing slash) of a running Drom with the demo content."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["compile_translations"],
        ["migrate", "--noinput", "-v", "0"],
        ["load_demo"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        subprocess.run([*manage, *command], env=e2e_env, cwd=ROOT, check=True, capture_output=True)
    port = e2e_env["E2E_PORT"]
    log = open(Path(e2e_env["E2E_TMP"]) / "server.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "cms.wsgi",
            "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
        ],
        env=e2e_env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/robots.txt", timeout=10)  # noqa: S310 - local URL
            break
        # gunicorn accepts connections before its workers answer: a read may time out meanwhile.
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if server.poll() is not None or time.monotonic() > deadline:
                log.close()
                output = (Path(e2e_env["E2E_TMP"]) / "server.log").read_text()
                raise RuntimeError(f"The server did not start:\n{output}") from None
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=20)
    log.close()


@pytest.fixture(scope="session")
def mail_dir(e2e_env) -> Path:
    """Where the server writes the e-mails it sends (one .log file per connection)."""
    return Path(e2e_env["EMAIL_FILE_PATH"])


def read_mails(mail_dir: Path, to: str | None = None) -> list:
    """E-mails sent so far (EmailMessage objects), oldest first, optionally only those to `to`."""
    messages = []
    for path in sorted(mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime):
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                msg = message_from_bytes(chunk.strip(), policy=policy.default)
                if to is None or to.lower() in str(msg.get("To", "")).lower():
                    messages.append(msg)
    return messages


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread and Django refuses ORM calls from a
    # thread with a running loop. Browser tests reach the database through the server only, but a
    # run that mixes them with unit tests (plain `pytest`) must not break the ones that follow.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_url, request):
    # A reader's own style sheet is the browser's, not the page's: the page's
    # Content-Security-Policy does not apply to it (Playwright injects it as a <style> element).
    user_styles = request.node.get_closest_marker("user_stylesheet") is not None
    context = browser.new_context(
        base_url=live_url, locale="bg-BG", accept_downloads=True, bypass_csp=user_styles
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = request.node.nodeid.split("::", 1)[-1].replace("/", "_").replace("::", "-")
    try:
        page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)
    finally:
        context.close()


def login(page, email: str, password: str = "drom-demo-2026") -> None:
    """Log in through the real form (demo accounts share the demo password)."""
    page.goto("/accounts/login/")
    page.get_by_label("Имейл адрес").fill(email)
    page.get_by_label("Парола").fill(password)
    page.get_by_role("button", name="Вход").click()
