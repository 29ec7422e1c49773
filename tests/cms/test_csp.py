"""The Content-Security-Policy: strict on public pages, PDFs and downloads, with the admin's
additions under /admin/ only, and a report-only mode (ops/csp.py)."""

import re
from pathlib import Path

from django.urls import reverse

from ops.csp import policy_settings

ROOT = Path(__file__).resolve().parents[2]
HEADER = "Content-Security-Policy"
REPORT_ONLY = "Content-Security-Policy-Report-Only"


def directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def public_templates() -> list[Path]:
    """Our templates that render outside the Wagtail admin."""
    found = []
    for path in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templates/**/*.html")]:
        relative = path.relative_to(ROOT).as_posix()
        if "/wagtailadmin/" in relative or "/admin/" in relative or relative.startswith(".venv"):
            continue
        found.append(path)
    return found


def test_public_templates_need_nothing_inline():
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>")
    handler = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
    style = re.compile(r"\sstyle\s*=", re.IGNORECASE)
    templates = public_templates()
    assert len(templates) > 30
    wrong = [
        f"{path.relative_to(ROOT)}: {kind}"
        for path in templates
        for kind, pattern in (
            ("inline script", inline_script),
            ("handler", handler),
            ("style", style),
        )
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert wrong == []


def test_public_pages_are_strict(client, home_bg):
    response = client.get("/")
    assert response.status_code == 200
    policy = directives(response[HEADER])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert "unsafe" not in response[HEADER]
    assert REPORT_ONLY not in response


def test_login_and_verification_pages_are_strict(client, db):
    for url in (reverse("login"), reverse("courses:verify", args=["unknown"])):
        response = client.get(url)
        assert "unsafe" not in response[HEADER], url


def test_the_admin_gets_its_additions_and_works_for_an_author(client, author, home_bg):
    client.force_login(author)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = directives(response[HEADER])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # the preview panel
    assert policy["object-src"] == ["'none'"]
    edit = client.get(reverse("wagtailadmin_explore", args=[home_bg.pk]))
    assert edit.status_code == 200


def test_report_only_mode_sends_the_same_policy_without_enforcing_it(client, settings, home_bg):
    enforced = policy_settings(report_only=False, file_origins=[])
    reported = policy_settings(report_only=True, file_origins=[], report_uri="/csp-report/")
    assert enforced["CONTENT_SECURITY_POLICY_REPORT_ONLY"] is None
    assert reported["CONTENT_SECURITY_POLICY"] is None
    for name, value in reported.items():
        setattr(settings, name, value)
    response = client.get("/")
    assert HEADER not in response
    policy = directives(response[REPORT_ONLY])
    assert policy["script-src"] == ["'self'"] and policy["report-uri"] == ["/csp-report/"]


def test_files_from_object_storage_are_allowed():
    policy = policy_settings(
        report_only=False,
        file_origins=["https://files.example.bg", "", "https://files.example.bg"],
    )["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert policy["img-src"] == ["'self'", "https://files.example.bg", "data:"]
    assert policy["media-src"] == ["'self'", "https://files.example.bg"]
    assert policy["script-src"] == ["'self'"]
