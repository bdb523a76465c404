"""The browsing mix, with and without an editor writing: ``make bench-mix`` (``--help``).

Readers do not ask for one URL four hundred times: they browse a long tail of places, states,
years and searches, while editors write. This loads the real server (gunicorn with DEBUG off,
PostgreSQL with the demo data, Redis) with URLs drawn by Zipf popularity from eight keep-alive
clients, for a fixed time, in three runs on the same server configuration:

- **no writes**;
- **a write every 5 s** by an editor through the API (a PATCH of an event of a place drawn by the
  same popularity), with a place's own pages stored under that place's version (the default);
- the same writes with ``READER_CACHE_SCOPED=0``: every write drops every stored answer.

Each run starts with an empty cache. Per family of URLs it reports the requests, p50/p95/p99
and the share answered from a stored answer (``X-Cache: hit``); it writes
bench/mix-results.json and prints a markdown table. No traffic leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import (  # noqa: E402 (the repository's root on the path first)
    DEFAULT_DATABASE_URL,
    HOST,
    ROOT,
    client_addresses,
    free_port,
    manage,
    percentile,
    server_env,
    start_gunicorn,
    stop,
    wait_healthy,
)

EDITOR = "bench-mix-editor"
ZIPF_S = 1.1
# (family, weight, URL template): {place} a place's slug, {state} a state's code, {year} a
# year, {word} a search word, each drawn by popularity.
FAMILIES = (
    ("place page", 35, "/jurisdictions/{place}/"),
    ("place API detail", 10, "/api/jurisdictions/{place}/"),
    ("statements by place", 10, "/statements/?jurisdiction={place}"),
    ("place timeline", 5, "/timeline/?jurisdiction={place}"),
    ("map", 10, "/"),
    ("map as of a year", 5, "/?as_of={year}-12-31"),
    ("state's places", 10, "/?state={state}"),
    ("search", 10, "/search/?q={word}"),
    ("GeoJSON", 5, "/api/jurisdictions/?format=geojson"),
)


class Popularity:
    """Zipf-distributed picks from a list ranked most popular first."""

    def __init__(self, items: list, s: float = ZIPF_S) -> None:
        self.items = items
        self.weights = [1 / (rank + 1) ** s for rank in range(len(items))]

    def pick(self, rng: random.Random):
        return rng.choices(self.items, weights=self.weights)[0]


def world(database_url: str) -> dict:
    """The places by their number of statements, the states, the years and search words, and an
    event of each place for the editor to change."""
    with psycopg.connect(database_url) as conn:
        places = conn.execute(
            "SELECT j.slug, j.state, j.name, j.id FROM stances_jurisdiction j"
            " LEFT JOIN stances_jurisdictionsummary s ON s.jurisdiction_id = j.id"
            " WHERE j.kind <> 'state' ORDER BY s.statement_count DESC NULLS LAST, j.id"
        ).fetchall()
        states = conn.execute(
            "SELECT j.state FROM stances_jurisdiction j"
            " LEFT JOIN stances_jurisdictionsummary s ON s.jurisdiction_id = j.id"
            " WHERE j.kind = 'state' ORDER BY s.statement_count DESC NULLS LAST, j.id"
        ).fetchall()
        events = dict(
            conn.execute(
                "SELECT jurisdiction_id, max(id) FROM stances_enforcementevent"
                " WHERE jurisdiction_id IS NOT NULL GROUP BY jurisdiction_id"
            ).fetchall()
        )
    words = list(dict.fromkeys(name.split()[0] for _, _, name, _ in places))[:40]
    return {
        "places": [slug for slug, *_ in places],
        "states": [code for (code,) in states] or sorted({code for _, code, *_ in places}),
        "years": [str(year) for year in range(dt.date.today().year, dt.date.today().year - 10, -1)],
        "words": words,
        "events": [events[pk] for *_, pk in places if pk in events],
    }


def url_for(template: str, picks: dict, rng: random.Random) -> str:
    return template.format(
        place=picks["places"].pick(rng),
        state=picks["states"].pick(rng),
        year=picks["years"].pick(rng),
        word=picks["words"].pick(rng),
    )


def editor_token(env: dict) -> str:
    """A token for an editor of the benchmark's own (created once in the demo database)."""
    done = manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model;"
        "from rest_framework.authtoken.models import Token;"
        "from stances.services.editors import editor_create;"
        f"u = get_user_model().objects.filter(username='{EDITOR}').first() or "
        f"editor_create(username='{EDITOR}', password='{os.urandom(12).hex()}Aa1!');"
        "print(Token.objects.get_or_create(user=u)[0].key)",
    )
    return done.strip().splitlines()[-1]


def writer(port: int, token: str, events: Popularity, every: float, stop_at: float, out: list):
    """One PATCH of an event's summary every ``every`` seconds until ``stop_at``."""
    rng = random.Random(7)
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    n = 0
    while time.monotonic() + every < stop_at:
        time.sleep(every)
        n += 1
        body = json.dumps({"summary": f"Checked by the benchmark's editor, write {n}."})
        started = time.perf_counter()
        try:
            conn.request(
                "PATCH",
                f"/api/events/{events.pick(rng)}/",
                body=body,
                headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
            )
            response = conn.getresponse()
            response.read()
            out.append((time.perf_counter() - started, response.status))
        except (OSError, http.client.HTTPException):
            conn.close()
            out.append((time.perf_counter() - started, "error"))


def browse(port: int, picks: dict, seconds: float, clients: int, writes_every: float | None, token):
    """Every client draws a family by weight, then its URL by popularity, for ``seconds``."""
    samples: list[tuple[str, float, int | str, bool]] = []
    writes: list = []
    lock = threading.Lock()
    families = [f for f, _, _ in FAMILIES]
    weights = [w for _, w, _ in FAMILIES]
    templates = {f: t for f, _, t in FAMILIES}
    stop_at = time.monotonic() + seconds

    def client(index: int, address: str | None) -> None:
        rng = random.Random(index)
        source = (address, 0) if address else None
        conn = http.client.HTTPConnection(HOST, port, timeout=60, source_address=source)
        mine = []
        while time.monotonic() < stop_at:
            family = rng.choices(families, weights=weights)[0]
            path = url_for(templates[family], picks, rng)
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                status, hit = response.status, response.getheader("X-Cache") == "hit"
            except (OSError, http.client.HTTPException):
                conn.close()
                status, hit = "error", False
            mine.append((family, time.perf_counter() - started, status, hit))
        conn.close()
        with lock:
            samples.extend(mine)

    threads = [
        threading.Thread(target=client, args=(i, address))
        for i, address in enumerate(client_addresses(clients))
    ]
    if writes_every:
        args = (port, token, picks["events"], writes_every, stop_at, writes)
        threads.append(threading.Thread(target=writer, args=args))
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summarize(samples, writes, time.perf_counter() - started)


def summarize(samples: list, writes: list, elapsed: float) -> dict:
    families = {}
    for family, *_ in FAMILIES:
        mine = [s for s in samples if s[0] == family]
        times = [s[1] for s in mine]
        families[family] = {
            "requests": len(mine),
            "p50_ms": _ms(percentile(times, 50)),
            "p95_ms": _ms(percentile(times, 95)),
            "p99_ms": _ms(percentile(times, 99)),
            "stored_share": round(sum(s[3] for s in mine) / len(mine), 3) if mine else None,
            "errors": sum(1 for s in mine if s[2] == "error" or int(s[2]) >= 500),
        }
    times = [s[1] for s in samples]
    return {
        "requests": len(samples),
        "requests_per_s": round(len(samples) / elapsed, 1) if elapsed else None,
        "p50_ms": _ms(percentile(times, 50)),
        "p95_ms": _ms(percentile(times, 95)),
        "p99_ms": _ms(percentile(times, 99)),
        "stored_share": round(sum(s[3] for s in samples) / len(samples), 3) if samples else None,
        "writes": {
            "count": len(writes),
            "statuses": sorted({str(status) for _, status in writes}),
            "p95_ms": _ms(percentile([t for t, _ in writes], 95)),
        },
        "families": families,
    }


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def flush_cache(env: dict) -> None:
    manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")


def run(options) -> dict:
    env = {**server_env(options.database_url), "CACHE_URL": options.cache_url}
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    found = world(options.database_url)
    picks = {
        "places": Popularity(found["places"]),
        "states": Popularity(found["states"]),
        "years": Popularity(found["years"]),
        "words": Popularity(found["words"]),
        "events": Popularity(found["events"]),
    }
    token = editor_token(env)
    runs = {}
    every = options.write_every
    plans = (
        ("no writes", "1", None),
        (f"a write every {every:g} s, place pages scoped", "1", every),
        (f"a write every {every:g} s, every write drops all", "0", every),
    )
    with tempfile.TemporaryDirectory(prefix="bench-mix-") as tmp:
        log = open(f"{tmp}/gunicorn.log", "w+")  # noqa: SIM115 (kept open for every run)
        for name, scoped, writes_every in plans:
            flush_cache(env)
            port = free_port()
            server = start_gunicorn(
                {**env, "READER_CACHE_SCOPED": scoped},
                port,
                options.workers,
                options.worker_class,
                log,
            )
            try:
                wait_healthy(server, port, log.name)
                runs[name] = browse(
                    port, picks, options.seconds, options.clients, writes_every, token
                )
            finally:
                stop(server)
            print(f"{name}: {json.dumps(runs[name])}", file=sys.stderr, flush=True)
        log.close()
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "parameters": {
            "clients": options.clients,
            "seconds": options.seconds,
            "workers": options.workers,
            "worker_class": options.worker_class,
            "zipf_s": ZIPF_S,
            "families": {f: {"weight": w, "url": t} for f, w, t in FAMILIES},
            "places": len(found["places"]),
        },
        "runs": runs,
    }


def render(results: dict) -> str:
    names = list(results["runs"])
    lines = [
        "| family | " + " | ".join(f"{n}: p50 / p95 ms, stored" for n in names) + " |",
        "| --- |" + " ---: |" * len(names),
    ]
    rows = [(f, None) for f, _, _ in FAMILIES] + [("all", None)]
    for family, _ in rows:
        cells = []
        for name in names:
            run = results["runs"][name]
            figures = run if family == "all" else run["families"][family]
            share = figures["stored_share"]
            cells.append(
                f"{figures['p50_ms']} / {figures['p95_ms']}, "
                f"{'—' if share is None else f'{share:.0%}'}"
            )
        lines.append(f"| {family} | " + " | ".join(cells) + " |")
    throughput = " | ".join(f"{results['runs'][n]['requests_per_s']} req/s" for n in names)
    lines.append(f"| throughput | {throughput} |")
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/mix.py", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    parser.add_argument(
        "--cache-url", default=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/2")
    )
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60, help="length of each run")
    parser.add_argument("--write-every", type=float, default=5.0, help="seconds between writes")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "mix-results.json")
    return parser.parse_args(argv)


def main() -> None:
    options = parse_args()
    results = run(options)
    options.output.write_text(json.dumps(results, indent=2) + "\n")
    print(render(results))
    print(f"\nWritten to {options.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
