"""A bounded soak: the production server (gunicorn, DEBUG off, gthread workers) on PostgreSQL
with Redis as the shared cache and the sample corpus; 20,000 requests from 16 concurrent
keep-alive clients spread over the API's lists, details, filters, GeoJSON and CSV, the pages, a
static file and conditional GETs.

Every response must be the one expected: its status (200, or 304 for a conditional GET with the
current ETag), and, since nothing is written during the run, the very bytes the same request got
before the load began (the caches may not serve a different answer under concurrency). Prints
the throughput and the latency percentiles; loopback only, bounded in requests and in time.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import random
import re
import threading
import time
from dataclasses import dataclass, field

import pytest

from tests.servers import (
    HOST,
    Gunicorn,
    collect_static,
    get,
    local_redis,
    manage,
    on_postgres,
    server_env,
    throwaway_database,
)

REQUESTS = int(os.environ.get("SOAK_REQUESTS", "20000"))
CLIENTS = 16
WORKERS, THREADS = 3, 4  # gthread: keep-alive connections, 12 request threads on 2 cores
DEADLINE_SECONDS = 360  # the clients stop here whatever is left, and the test fails


@dataclass(frozen=True)
class Probe:
    path: str
    expect: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    digest: str | None = None  # the body's sha256 when the answer is deterministic


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    connections: int = 0
    retries: int = 0


@pytest.fixture
def server(tmp_path):
    if not on_postgres():
        pytest.skip(
            "the soak runs the production setup, gunicorn on PostgreSQL: it runs on the "
            "PostgreSQL pass of the suite (DATABASE_URL set), not on SQLite"
        )
    with throwaway_database("soak", tmp_path) as url, local_redis() as cache_url:
        # The throttle is tested elsewhere (tests/api); here 16 clients share one address, so
        # the anonymous rate is set out of reach. A one-second window keeps DRF's per-client
        # history (stored in the cache on every request) as short as the real 300/minute's.
        # The shared cache is Redis, as production runs (README); the database's cache table,
        # the default, is under load in tests/reliability/test_outage.py and test_scale_out.py.
        env = server_env(
            url, CACHE_URL=cache_url, API_ANON_RATE="1000000/second", LOG_LEVEL="ERROR"
        )
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "createcachetable")
        manage(env, "load_sample_corpus", "-v0")
        collect_static(env)
        server = Gunicorn(env, workers=WORKERS, threads=THREADS, log=tmp_path / "gunicorn.log")
        with server:
            yield server


def results(base: str, path: str) -> list[dict]:
    status, _, body = get(f"{base}{path}")
    assert status == 200, path
    return json.loads(body)["results"]


def request_paths(base: str) -> list[str]:
    """What readers ask for, built from what the database holds (no id is assumed)."""
    jurisdictions = [j["slug"] for j in results(base, "/api/jurisdictions/?page_size=500")]
    statements = [s["id"] for s in results(base, "/api/statements/?page_size=500")]
    events = [e["id"] for e in results(base, "/api/events/?page_size=500")]
    policies = [p["id"] for p in results(base, "/api/policies/?page_size=500")]
    officials = [o["slug"] for o in results(base, "/api/officials/?page_size=500")]
    articles = [a["id"] for a in results(base, "/api/articles/?page_size=500")]
    assert jurisdictions and statements and events and policies and officials and articles
    first_state = results(base, "/api/jurisdictions/?page_size=1")[0]["state"]
    word = results(base, "/api/statements/?page_size=1")[0]["quote"].split()[0].strip("“”\"',.")
    paths = [
        # API lists, filters, orderings, pages and formats
        "/api/jurisdictions/",
        "/api/jurisdictions/?format=geojson",
        "/api/jurisdictions/?format=csv",
        f"/api/jurisdictions/?state={first_state}",
        "/api/jurisdictions/?kind=city&ordering=-name",
        "/api/jurisdictions/?stance=non_cooperation",
        "/api/jurisdictions/?detainers=limits",
        "/api/jurisdictions/?as_of=2019-12-31",
        "/api/jurisdictions/?as_of=2019-12-31&format=geojson",
        "/api/statements/",
        "/api/statements/?format=csv",
        f"/api/statements/?q={word}",
        "/api/statements/?stance=against_cooperation&ordering=-said_on",
        "/api/statements/?page_size=5&page=2",
        "/api/statements/?cursor=",
        "/api/events/",
        "/api/events/?kind=arrests&ordering=-count",
        "/api/events/?format=csv",
        "/api/policies/",
        "/api/policies/?indicator=detainers",
        "/api/policies/?format=csv",
        "/api/officials/",
        f"/api/officials/?jurisdiction={jurisdictions[0]}",
        "/api/articles/",
        "/api/changes/?limit=20",
        "/api/health/",
        # pages
        "/",
        "/?stance=limited_cooperation",
        "/timeline/",
        "/timeline/?lanes=jurisdiction",
        "/statements/",
        f"/statements/?q={word}",
        "/about/",
        f"/report/statement/{statements[0]}/",
    ]
    paths += [f"/api/jurisdictions/{slug}/" for slug in jurisdictions]
    paths += [f"/api/jurisdictions/{jurisdictions[0]}/?as_of=2019-12-31"]
    paths += [f"/api/statements/{pk}/" for pk in statements]
    paths += [f"/api/events/{pk}/" for pk in events]
    paths += [f"/api/policies/{pk}/" for pk in policies]
    paths += [f"/api/officials/{slug}/" for slug in officials]
    paths += [f"/api/articles/{pk}/" for pk in articles]
    paths += [f"/jurisdictions/{slug}/" for slug in jurisdictions]
    paths += [f"/articles/{pk}/" for pk in articles]
    _, _, home = get(f"{base}/")
    paths += re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', home.decode())[:2]
    return paths


def probes(base: str) -> list[Probe]:
    """Each path, asked twice before the load: its status, and its digest when both answers
    were the same bytes (a page with a CSRF token is not); a conditional GET per ETag."""
    found = []
    for path in request_paths(base):
        first, second = get(f"{base}{path}"), get(f"{base}{path}")
        assert first[0] == second[0] == 200, (path, first[0], second[0])
        digest = hashlib.sha256(first[2]).hexdigest()
        same = digest == hashlib.sha256(second[2]).hexdigest()
        found.append(Probe(path, digest=digest if same else None))
        etag = first[1].get("etag")
        if same and etag:
            found.append(Probe(path, expect=304, headers=(("If-None-Match", etag),)))
    return found


def client(port: int, jobs: list[Probe], tally: Tally, deadline: float) -> None:
    """One keep-alive connection, reopened only when the server closed it. A request whose
    reused connection was closed before any answer is sent again once, as HTTP clients do."""
    connection, fresh = None, True
    for probe in jobs:
        if time.monotonic() > deadline:
            tally.errors.append("deadline reached before every request was sent")
            break
        for attempt in (1, 2):
            if connection is None:
                connection, fresh = http.client.HTTPConnection(HOST, port, timeout=30), True
                tally.connections += 1
            started = time.perf_counter()
            try:
                connection.request("GET", probe.path, headers=dict(probe.headers))
                response = connection.getresponse()
                body = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as e:
                connection.close()
                connection = None
                if attempt == 1 and not fresh:
                    tally.retries += 1
                    continue
                tally.errors.append(f"{probe.path}: {type(e).__name__}")
                break
            except OSError as error:  # a timeout, a refused connection
                connection.close()
                connection = None
                tally.errors.append(f"{probe.path}: {type(error).__name__}: {error}")
                break
            tally.latencies.append(time.perf_counter() - started)
            tally.statuses[str(response.status)] = tally.statuses.get(str(response.status), 0) + 1
            fresh = False
            if response.status != probe.expect:
                tally.errors.append(f"{probe.path}: {response.status}, not {probe.expect}")
            elif probe.digest and hashlib.sha256(body).hexdigest() != probe.digest:
                tally.errors.append(f"{probe.path}: a different body from the same request")
            if response.will_close:
                connection.close()
                connection = None
            break
    if connection is not None:
        connection.close()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def test_soak_answers_every_request_as_expected(server, capsys):
    plan = probes(server.base)
    rng = random.Random(8)
    jobs = [rng.choice(plan) for _ in range(REQUESTS)]
    tallies = [Tally() for _ in range(CLIENTS)]
    deadline = time.monotonic() + DEADLINE_SECONDS
    threads = [
        threading.Thread(
            target=client, args=(server.port, jobs[i::CLIENTS], tallies[i], deadline), daemon=True
        )
        for i in range(CLIENTS)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=DEADLINE_SECONDS + 60)
    elapsed = time.perf_counter() - started

    latencies = [s for t in tallies for s in t.latencies]
    errors = [e for t in tallies for e in t.errors]
    statuses: dict[str, int] = {}
    for tally in tallies:
        for status, count in tally.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    connections = sum(t.connections for t in tallies)
    retries = sum(t.retries for t in tallies)
    with capsys.disabled():
        print(
            f"\nsoak: {len(latencies)} requests ({len(plan)} distinct) from {CLIENTS} keep-alive "
            f"clients in {elapsed:.1f} s: {len(latencies) / elapsed:.0f} requests/s; "
            f"p50 {percentile(latencies, 50) * 1000:.1f} ms, "
            f"p95 {percentile(latencies, 95) * 1000:.1f} ms, "
            f"p99 {percentile(latencies, 99) * 1000:.1f} ms; statuses {statuses}; "
            f"{connections} connections, {retries} resent after a keep-alive close; "
            f"gunicorn {WORKERS} workers x {THREADS} threads"
        )
    assert not any(thread.is_alive() for thread in threads), "a client did not finish"
    assert errors == [], f"{len(errors)} errors, e.g. {errors[:10]}\n{server.log_tail()}"
    assert len(latencies) == REQUESTS
    assert statuses.get("304", 0) > 0 and statuses.get("200", 0) > 0
    # Keep-alive held: connections are reused, not opened per request.
    assert connections <= CLIENTS + REQUESTS // 20
