"""Deployment settings, security headers and abuse limits.

The suite itself serves plain HTTP (``HTTPS=0``, set by pytest-env); the deployment checks run
``manage.py`` in a subprocess with the environment a deployment has.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "HTTPS",
            "ALLOWED_HOSTS",
            "CSRF_TRUSTED_ORIGINS",
            # The browser tests set it for Playwright's event loop; no deployment has it.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


# Deployment settings


def check_deploy(**environment: str) -> subprocess.CompletedProcess:
    return manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="sanctuary.example.org",
        **environment,
    )


def test_check_deploy_reports_nothing_with_debug_off():
    done = check_deploy(CSRF_TRUSTED_ORIGINS="https://sanctuary.example.org")

    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_check_deploy_fails_loudly_without_https():
    """The check is not vacuous: the same command with HTTPS turned off reports the gaps."""
    done = check_deploy(HTTPS="0")

    assert done.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in done.stderr


def test_a_deployment_must_bring_its_own_secret_key():
    done = manage("check", DEBUG="0", ALLOWED_HOSTS="sanctuary.example.org")

    assert done.returncode != 0
    assert "SECRET_KEY must be set in the environment when DEBUG is off" in done.stderr


def test_https_settings_follow_debug():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS > 0, s.SECURE_HSTS_INCLUDE_SUBDOMAINS)"
    )
    deployed = manage("shell", "-v0", "-c", code, DEBUG="0", SECRET_KEY="k" * 50)
    local = manage("shell", "-v0", "-c", code, DEBUG="1")

    assert deployed.stdout.split() == ["True"] * 5, deployed.stderr
    assert local.stdout.split()[:4] == ["False"] * 4, local.stderr


# Headers


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize(
    "path", ["/", "/timeline/", "/statements/", "/about/", "/api/jurisdictions/", "/admin/login/"]
)
def test_every_response_carries_the_security_headers(client, db, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]  # no inline script, no eval, no other host
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert all("http" not in value for values in directives.values() for value in values)


def test_the_api_docs_load_their_script_from_a_file_not_inline(client, db):
    page = client.get("/api/docs/")
    script = client.get("/api/docs/?script=")

    assert page.status_code == 200
    html = page.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()


TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_template_holds_inline_script_or_event_handlers(template):
    html = template.read_text()

    assert not INLINE_SCRIPT.search(html)
    assert not EVENT_HANDLER.search(html)
    assert "javascript:" not in html


# Abuse limits: login attempts


@pytest.fixture
def editor_account(django_user_model):
    cache.clear()
    user = django_user_model.objects.create_user(
        username="editor", password="a long and careful passphrase", is_staff=True
    )
    yield user
    cache.clear()


def sign_in(client, password: str, address: str = "203.0.113.7", **headers: str):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def test_failed_logins_lock_out_the_address(client, editor_account, settings):
    settings.AXES_FAILURE_LIMIT = 3

    failures = [sign_in(client, "wrong").status_code for _ in range(3)]
    locked = sign_in(client, "a long and careful passphrase")

    assert failures[:2] == [200, 200]  # the form again, with an error
    assert failures[2] == 429
    assert locked.status_code == 429  # even the right password, from that address
    assert "Too many failed sign-ins" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_locked_out_address_does_not_lock_out_the_editor_elsewhere(
    client, editor_account, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        sign_in(client, "wrong")

    elsewhere = sign_in(client, "a long and careful passphrase", address="198.51.100.20")

    assert elsewhere.status_code == 302
    assert elsewhere["Location"] == "/admin/"


def test_a_made_up_forwarded_for_does_not_escape_the_login_limit(client, editor_account, settings):
    settings.AXES_FAILURE_LIMIT = 3

    statuses = [
        sign_in(client, "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(4)
    ]

    assert statuses[-1] == 429


def test_a_successful_login_resets_the_count(client, editor_account, settings):
    settings.AXES_FAILURE_LIMIT = 3
    sign_in(client, "wrong")
    sign_in(client, "wrong")

    assert sign_in(client, "a long and careful passphrase").status_code == 302
    client.logout()
    sign_in(client, "wrong")
    sign_in(client, "wrong")
    assert sign_in(client, "a long and careful passphrase").status_code == 302


# Abuse limits: anonymous API reads (the limit itself: tests/api/test_formats.py)


def test_a_made_up_forwarded_for_does_not_escape_the_api_throttle(db, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    cache.clear()
    api = APIClient()

    statuses = [
        api.get("/api/jurisdictions/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(4)
    ]

    assert statuses == [200, 200, 200, 429]
    cache.clear()
