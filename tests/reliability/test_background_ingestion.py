"""An article added in the admin is ingested by a real Celery worker, so the editor's request
never waits on the pipeline, and the editor sees when it is done (issue 19, item 4).

gunicorn (DEBUG off) on a database of the suite's engine, with a Redis of the test's own as the
broker. The editor signs in to the admin and adds a long article while no worker runs: the
request must answer at once with the job's page, saying it is queued, and nothing is stored
yet. Then a worker starts (``celery -A sanctuary.celery worker``): the job's page says done and
links the article, whose facts the API now lists.
"""

from __future__ import annotations

import http.cookiejar
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.servers import (
    ROOT,
    Gunicorn,
    LocalRedis,
    fetch,
    manage,
    server_env,
    throwaway_database,
)

CORPUS = ROOT / "articles" / "corpus"
PASSWORD = "Quartz-lamp-Orbit-7319"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """An editor's browser: cookies kept, redirects shown rather than followed."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def open(self, path: str, form: dict | None = None) -> tuple[int, dict, str]:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")

    def post_form(self, path: str, fields: dict) -> tuple[int, dict, str]:
        _, _, page = self.open(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.open(path, {**fields, "csrfmiddlewaretoken": token})


def long_article() -> str:
    """About 150 KB of news prose: the sample articles, one after another, again and again."""
    articles = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    parts, size, n = [], 0, 0
    while size < 150_000:
        part = f"{articles[n % len(articles)]}\n\nUpdate {n}.\n"
        parts.append(part)
        size += len(part)
        n += 1
    return "\n".join(parts)


@pytest.fixture
def site(tmp_path):
    redis = LocalRedis().start()
    try:
        with throwaway_database("background", tmp_path) as url:
            env = server_env(url, CELERY_BROKER_URL=redis.url, LOG_LEVEL="WARNING")
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "createcachetable")
            manage({**env, "EDITOR_PASSWORD": PASSWORD}, "createeditor", "background-editor")
            with Gunicorn(env, workers=2, log=tmp_path / "gunicorn.log") as gunicorn:
                yield gunicorn, env
    finally:
        redis.cleanup()


def start_worker(env: dict, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "sanctuary.celery", "worker",
               "--pool=solo", "--concurrency=1", "--loglevel=INFO"]  # fmt: skip
    with open(log, "ab") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)


def test_the_admin_queues_a_long_article_and_a_worker_ingests_it(site, tmp_path):
    gunicorn, env = site
    editor = Browser(gunicorn.base)
    status, headers, _ = editor.post_form(
        "/admin/login/?next=/admin/",
        {"username": "background-editor", "password": PASSWORD, "next": "/admin/"},
    )
    assert status == 302, "signed in"

    status, headers, _ = editor.post_form(
        "/admin/articles/article/add/",
        {
            "text": long_article(),
            "title": "A long article",
            "outlet": "",
            "url": "",
            "published_on": "2024-05-01",
        },  # fmt: skip
    )

    # No worker runs yet: had the request waited on the ingestion, it would still be waiting.
    assert status == 302, gunicorn.log_tail()
    job_page = urllib.parse.urlsplit(headers["Location"]).path
    assert re.fullmatch(r"/admin/stances/ingestionjob/\d+/change/", job_page)
    _, _, page = editor.open(job_page)
    assert "is being ingested in the background" in page and "Queued" in page
    assert fetch(f"{gunicorn.base}/api/articles/")[1]["count"] == 0

    worker = start_worker(env, tmp_path / "worker.log")
    try:
        deadline = time.monotonic() + 180
        while "Done" not in (page := editor.open(job_page)[2]):
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-3000:]
            assert time.monotonic() < deadline, (tmp_path / "worker.log").read_text()[-3000:]
            time.sleep(0.5)
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    article_link = re.search(r'href="(/admin/articles/article/(\d+)/change/)"', page)
    assert article_link, page[-2000:]
    status, article = fetch(f"{gunicorn.base}/api/articles/{article_link.group(2)}/")
    assert status == 200 and article["title"] == "A long article"
    assert article["statements"], "the worker stored what the pipeline found"
