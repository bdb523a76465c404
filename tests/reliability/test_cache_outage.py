"""Redis goes away under load: the site serves everyone from the database meanwhile, keeps every
write, says so in its health check, and once Redis is back never serves an answer stored before
a write made during the outage (issue 19, item 2).

gunicorn (DEBUG off) with Redis as the shared cache (a server of the test's own) on a database
of the suite's engine with the sample corpus; an editor's thread POSTs policy actions through the
API, recording each one acknowledged, and reader threads read the API and the pages, which fill
the stored answers. Mid-run Redis goes away, in one of two ways:

- **stopped**: the process ends (connections refused) and is started again, empty;
- **frozen**: SIGSTOP (connections hang until the 0.3 s socket timeout, as behind a network
  partition), then SIGCONT: it comes back with its data, the data version from before the
  outage and the answers stored under it: the hard case for stale answers.

Meanwhile no request may answer anything but 200 (201 for writes; health 503, naming the
cache), and the list of the place's policies must show the writes made during the outage (read
from the database). Once Redis is back, health is 200 again and a URL whose answer was stored
before the outage must show every acknowledged write.
"""

from __future__ import annotations

import http.client
import itertools
import json
import threading
import time

import pytest

from tests.reliability.test_outage import Record, a_policy_to_repeat, is_complete_200, wait_for
from tests.servers import (
    Gunicorn,
    LocalRedis,
    create_editor,
    fetch,
    get,
    manage,
    server_env,
    throwaway_database,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("cache-outage")
    with throwaway_database("cacheoutage", tmp_path) as url:
        env = server_env(url, API_ANON_RATE="1000000/second", LOG_LEVEL="ERROR")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "createcachetable")
        manage(env, "load_sample_corpus", "-v0")
        token = create_editor(env, "cache-outage-editor")
        yield env, token


def health(base: str) -> tuple[int, dict]:
    try:
        status, _, body = get(f"{base}/api/health/")
    except OSError:
        return 0, {}
    return status, json.loads(body)


def reader(base: str, paths: list[str], record: Record, stop: threading.Event) -> None:
    for path in itertools.cycle(paths):
        if stop.is_set():
            return
        try:
            status, headers, body = get(base + path)
        except (OSError, http.client.HTTPException) as error:
            record.errors.append(f"GET {path}: {type(error).__name__}: {error}")
            continue
        record.count(record.reads, status)
        problem = is_complete_200(headers, body, path) if status == 200 else f"{status}"
        if problem:
            record.errors.append(f"GET {path}: {problem} {body[:200]!r}")
        time.sleep(0.01)


def writer(base: str, token: str, fact: dict, label: str, record: Record, stop: threading.Event):
    for number in itertools.count(1):
        if stop.is_set():
            return
        summary = f"{label} #{number}"
        try:
            status, body = fetch(f"{base}/api/policies/", {**fact, "summary": summary}, token)
        except (OSError, http.client.HTTPException, ValueError) as error:
            record.errors.append(f"POST {summary}: {type(error).__name__}: {error}")
            continue
        record.count(record.writes, status)
        if status == 201:
            with record.lock:
                record.acknowledged[body["id"]] = summary
        else:
            record.errors.append(f"POST {summary}: {status} {body}")
        time.sleep(0.05)


def listed(base: str, path: str) -> set[int]:
    status, body = fetch(base + path)
    assert status == 200, (path, status, body)
    return {policy["id"] for policy in body["results"]}


@pytest.mark.parametrize("outage", ["stopped", "frozen"])
def test_without_redis_everyone_is_served_from_the_database_and_nothing_stale_after(
    site, outage, tmp_path, capsys
):
    env, token = site
    redis = LocalRedis().start()
    env = {**env, "CACHE_URL": redis.url, "CACHE_SOCKET_TIMEOUT": "0.3"}
    label = f"Cache outage check ({outage})"
    record, stop, threads = Record(), threading.Event(), []
    try:
        with Gunicorn(env, workers=2, threads=2, log=tmp_path / "gunicorn.log") as server:
            base = server.base
            workers = server.worker_pids()
            fact = a_policy_to_repeat(base)
            slug = fact["jurisdiction"]
            mine = f"/api/policies/?jurisdiction={slug}&page_size=500&ordering=-id"
            lists = ["/api/jurisdictions/", "/api/jurisdictions/?format=geojson",
                     "/api/statements/", "/api/policies/?format=csv", mine,
                     f"/api/jurisdictions/{slug}/"]  # fmt: skip
            pages = ["/", "/timeline/", f"/jurisdictions/{slug}/", "/statements/", "/admin/login/"]
            threads = [
                threading.Thread(target=writer, args=(base, token, fact, label, record, stop)),
                *(
                    threading.Thread(target=reader, args=(base, paths, record, stop))
                    for paths in (lists, pages)
                ),
            ]
            for thread in threads:
                thread.start()
            wait_for(lambda: len(record.acknowledged) >= 5, 30, "five writes acknowledged")
            assert set(record.acknowledged) <= listed(base, mine)  # now stored under a version

            redis.stop() if outage == "stopped" else redis.freeze()
            down_after = wait_for(
                lambda: (
                    health(base)
                    == (
                        503,
                        {"status": "unavailable", "database": "ok", "cache": "unavailable"},
                    )
                ),
                10,
                "the health check names the cache",
            )
            before = len(record.acknowledged)
            wait_for(lambda: len(record.acknowledged) >= before + 5, 30, "writes meanwhile")
            during = set(record.acknowledged)
            for _ in range(4):  # each worker and thread: made from the database, with the writes
                assert during <= listed(base, mine)
                for path in pages:
                    assert get(base + path)[0] == 200, path

            redis.start() if outage == "stopped" else redis.thaw()
            up_after = wait_for(lambda: health(base)[0] == 200, 10, "health 200 again")
            for _ in range(8):  # nothing stored before a write made during the outage
                assert during <= listed(base, mine)
            wait_for(lambda: len(record.acknowledged) >= len(during) + 5, 30, "writes after")
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
            assert set(record.acknowledged) <= listed(base, mine)
            stored = int(redis.command("DBSIZE").strip(b":\r\n") or 0)
            with capsys.disabled():
                print(
                    f"\ncache outage ({outage}): seen after {down_after:.1f} s, back "
                    f"{up_after:.1f} s after Redis; writes {record.writes}, reads "
                    f"{record.reads}; {stored} keys in Redis at the end"
                )
            assert record.errors == [], f"{record.errors[:10]}\n{server.log_tail()}"
            assert record.writes == {"201": len(record.acknowledged)}
            assert server.worker_pids() == workers, "a worker was replaced"
            assert stored > 0, "answers are stored again once Redis is back"
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        redis.cleanup()
