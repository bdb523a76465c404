"""Simultaneous first requests for one URL make its answer once (issue 18: request coalescing).

Right after a write nothing is stored, and readers who ask for the same page at the same moment
used to make it once each, in every worker. gunicorn (DEBUG off, three workers of two threads:
six requests at once, across processes) on a database of the suite's engine with the sample
corpus, and Redis as the shared cache (a server of the test's own). Six clients, released
together by a barrier, ask for a page nothing is stored for: one answer is made by its view and
the five others are the stored answer (``X-Cache: hit``), with the same body. A URL whose answer
is never stored (a 404) is made by each request, as before, after the first has finished.
"""

from __future__ import annotations

import pytest

from tests.servers import (
    Gunicorn,
    LocalRedis,
    get,
    manage,
    released_together,
    server_env,
    throwaway_database,
)

CLIENTS = 6


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("coalescing")
    redis = LocalRedis().start()
    try:
        with throwaway_database("coalescing", tmp_path) as url:
            env = server_env(url, CACHE_URL=redis.url, LOG_LEVEL="ERROR")
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "createcachetable")
            manage(env, "load_sample_corpus", "-v0")
            with Gunicorn(env, workers=3, threads=2, log=tmp_path / "gunicorn.log") as server:
                yield server.base
    finally:
        redis.cleanup()


def together(base: str, path: str) -> list[tuple[int, dict, bytes]]:
    return released_together(CLIENTS, lambda: get(base + path))


@pytest.mark.parametrize("path", ["/timeline/?year=2019", "/api/jurisdictions/?state=CA"])
def test_simultaneous_first_requests_make_the_answer_once(site, path):
    answers = together(site, path)

    assert [status for status, _, _ in answers] == [200] * CLIENTS
    made = [headers for _, headers, _ in answers if headers.get("x-cache") != "hit"]
    assert len(made) == 1, f"{len(made)} of {CLIENTS} requests made the answer"
    assert len({body for _, _, body in answers}) == 1


def test_an_answer_never_stored_is_still_made_for_each_request(site):
    answers = together(site, "/jurisdictions/atlantis-xx/")

    assert [status for status, _, _ in answers] == [404] * CLIENTS
    assert not any(headers.get("x-cache") == "hit" for _, headers, _ in answers)
