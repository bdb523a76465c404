"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server
with the sample corpus ingested through the real command."""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from scripts.measure_page import ARGS
from tests.editors import editors_group

# Playwright's sync API runs an asyncio event loop in the main thread for the whole session, and
# Django refuses ORM calls from a thread with a running loop (SynchronousOnlyOperation), although
# the test's queries are plain synchronous calls made between browser steps. Set at import time
# because the loop outlives each test. https://docs.djangoproject.com/en/5.2/topics/async/
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ARGS  # the same flags as the page measurements (closed network, no sync)
SCREENSHOTS = ROOT / "var" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session. Missing: skipped on a workstation, a failure in CI."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{message}, and CI must run the browser tests.")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def migrated_db(transactional_db):
    """The live server needs committed data (a transactional database); each test starts from
    the database as migrated, data migrations included (the ``editors`` group), not an empty one
    (an earlier transactional test flushed it)."""
    editors_group()


@pytest.fixture
def site(migrated_db, live_server):
    """The live server's address, with the sample corpus ingested."""
    call_command("ingest", str(ROOT / "articles" / "corpus"), stdout=io.StringIO())
    return live_server.url


# Chromium also reports a Content-Security-Policy violation on the console, but not always one
# from a worker; the event reaches the page in every case.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => window.__reportCspViolation(
  `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`
  + ` in ${event.sourceFile || event.documentURI}:${event.lineNumber}`));
"""


class Tab:
    """A browser tab that records what a reader would notice going wrong: console errors,
    uncaught exceptions, Content-Security-Policy violations, dialogs (``alert()``) and any
    request to a host other than the site."""

    def __init__(self, context, site: str):
        self.site = site
        self.page = context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("request", self._request)
        self.page.on("dialog", self._dialog)
        self.page.expose_function(
            "__reportCspViolation", lambda text: self.errors.append(f"CSP violation: {text}")
        )
        self.page.add_init_script(REPORT_CSP_VIOLATIONS)

    def _dialog(self, dialog) -> None:
        self.errors.append(f"dialog ({dialog.type}): {dialog.message}")
        dialog.dismiss()

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def _request(self, request) -> None:
        url = request.url
        if not (url.startswith(self.site + "/") or url.startswith(("data:", "blob:"))):
            self.foreign.append(url)

    def open(self, path: str):
        self.page.goto(self.site + path)
        self.wait_for_figures()
        return self.page

    def wait_for_figures(self) -> None:
        """Until every figure on the page is drawn (charts.js marks each one when done)."""
        self.page.wait_for_load_state("load")
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('[data-figure]')]"
            ".every(element => element.dataset.drawn === 'true')"
        )

    def problems(self) -> list[str]:
        return self.errors + [f"request to another host: {url}" for url in self.foreign]


@pytest.fixture
def tab(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Tab(context, site)
    context.close()
