"""The benchmark's in-process phase: ``python -m bench.inprocess HOST`` (run by bench/run.py).

Picks real slugs and ids through the API itself, lists the endpoints to load, and requests each
once more through Django's test Client under ``CaptureQueriesContext``: SQL queries per request,
status and response size. Prints one JSON document. Uses the environment's settings
(``DATABASE_URL`` and the rest), so it sees exactly the database and settings the server will.
"""

import base64
import json
import math
import os
import sys
import time
from collections import Counter
from urllib.parse import quote, urlencode

PAGE_SIZE = 50  # sanctuary.api.pagination.Pagination.page_size


def most_common(values, default=None):
    counted = Counter(value for value in values if value is not None)
    return counted.most_common(1)[0][0] if counted else default


def last_page(count: int) -> int:
    return max(1, math.ceil(count / PAGE_SIZE))


def picks(get) -> dict:
    """Real values to put in the URLs: the busiest jurisdiction, speaker and article, the
    commonest state, the last pages, a cursor. ``get(path)`` returns the decoded JSON."""
    jurisdictions = get("/api/jurisdictions/?page_size=500")
    statements = get("/api/statements/?page_size=500")
    if not jurisdictions["results"] or not statements["results"]:
        raise SystemExit("No jurisdictions or statements: fill the database first.")
    rows = statements["results"]
    # The place with the most statements of all (its CSV export is the largest download).
    (busiest,) = get("/api/jurisdictions/?ordering=-statement_count&page_size=1")["results"]
    changes_next = get("/api/changes/?limit=20")["next"]
    return {
        "jurisdiction": busiest["slug"],
        "state": most_common(j["state"] for j in jurisdictions["results"]),
        "speaker": most_common(s["speaker"]["slug"] for s in rows if s["speaker"]),
        "article": most_common(s["source"]["id"] for s in rows),
        "statement": rows[0]["id"],
        "event": first_id(get("/api/events/?page_size=1")),
        "policy": first_id(get("/api/policies/?page_size=1")),
        "statements_last_page": last_page(statements["count"]),
        "deep_cursor": deep_cursor(statements),
        "jurisdictions_last_page": last_page(jurisdictions["count"]),
        "changes_cursor": changes_next.split("?", 1)[1] if changes_next else None,
        "counts": {
            "jurisdictions": jurisdictions["count"],
            "statements": statements["count"],
            **{name: get(f"/api/{name}/?page_size=1")["count"] for name in COUNTED},
        },
    }


COUNTED = ["events", "policies", "officials", "articles"]


def deep_cursor(statements: dict) -> str:
    """A keyset cursor halfway down the statements (newest id first), as ``next`` links carry:
    base64 of ``p=<id>`` (DRF's CursorPagination format)."""
    middle = max(row["id"] for row in statements["results"]) // 2
    return quote(base64.b64encode(urlencode({"p": str(middle)}).encode()).decode())


def first_id(page: dict) -> int | None:
    return page["results"][0]["id"] if page["results"] else None


def endpoints(p: dict) -> list[dict]:
    """(kind, path) of every endpoint the benchmark loads. Kinds set the targets: ``api``
    (p95 ≤ 100 ms), ``map`` (≤ 150 ms), ``export`` and ``page`` (their floor only)."""
    j, s = p["jurisdiction"], p["speaker"]
    listed = [
        ("api", "/api/jurisdictions/"),
        ("api", f"/api/jurisdictions/?state={p['state']}"),
        ("api", "/api/jurisdictions/?stance=non_cooperation"),
        ("api", "/api/jurisdictions/?as_of=2018-12-31&jail_access=limits"),
        ("api", f"/api/jurisdictions/?page={p['jurisdictions_last_page']}"),
        ("api", f"/api/jurisdictions/{j}/"),
        ("api", "/api/statements/"),
        ("api", "/api/statements/?stance=against_cooperation"),
        ("api", "/api/statements/?q=detainers"),
        ("api", f"/api/statements/?speaker={s}"),
        # Deep pages: keyset (?cursor=) is the API's way down a million rows; a deep page
        # number makes the database skip every row before it (see the README).
        ("api", f"/api/statements/?cursor={p['deep_cursor']}"),
        ("api", f"/api/statements/{p['statement']}/"),
        ("api", "/api/events/"),
        ("api", "/api/events/?kind=arrests&ordering=-count"),
        ("api", f"/api/events/{p['event']}/" if p["event"] else None),
        ("api", "/api/policies/"),
        ("api", "/api/policies/?indicator=detainers"),
        ("api", f"/api/policies/{p['policy']}/" if p["policy"] else None),
        ("api", "/api/officials/"),
        ("api", f"/api/officials/{s}/"),
        ("api", "/api/articles/"),
        ("api", f"/api/articles/{p['article']}/"),
        ("api", "/api/changes/"),
        ("api", f"/api/changes/?{p['changes_cursor']}" if p["changes_cursor"] else None),
        ("export", f"/api/statements/?format=csv&jurisdiction={j}"),
        ("map", "/api/jurisdictions/?format=geojson"),
        ("map", "/"),
        ("page", "/timeline/"),
        ("page", f"/jurisdictions/{j}/"),
        ("page", "/statements/"),
        ("page", f"/articles/{p['article']}/"),
    ]
    return [{"kind": kind, "path": path} for kind, path in listed if path]


def measure(client, path: str) -> dict:
    """Status, body size, SQL queries and time of one cold request: the first after a write,
    when nothing is cached for it (a request before it warms imports and templates). Cached
    answers (sanctuary.web.reader_cache, the map, the pages) then serve the load phase;
    ``warm_queries`` counts a repeat's queries. ``cache_queries`` are those of the database
    cache (the throttle's history, cached payloads) and the transactions it opens."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sanctuary import versions

    body_of(client.get(path))
    versions.data_changed()  # outside a transaction: bumped at once
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        body = body_of(response)  # a streamed CSV runs its queries while it is read
    cold_ms = (time.perf_counter() - start) * 1000
    with CaptureQueriesContext(connection) as warm:
        body_of(client.get(path))
    cache_table = database_cache_table()
    cache = [q for q in queries if is_cache_query(q["sql"], cache_table)]
    warm_cache = [q for q in warm if is_cache_query(q["sql"], cache_table)]
    return {
        "status": response.status_code,
        "bytes": len(body),
        "queries": len(queries),
        "cache_queries": len(cache),
        "warm_queries": len(warm) - len(warm_cache),
        "cold_ms": round(cold_ms, 1),
    }


def database_cache_table() -> str | None:
    from django.conf import settings

    cache = settings.CACHES["default"]
    return cache["LOCATION"] if cache["BACKEND"].endswith("DatabaseCache") else None


def is_cache_query(sql: str, cache_table: str | None) -> bool:
    if cache_table is None:
        return False
    return f'"{cache_table}"' in sql or sql.strip().upper() in ("BEGIN", "COMMIT", "ROLLBACK")


def body_of(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def environment() -> dict:
    import django
    import gunicorn
    from django.conf import settings
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT 1")
        server = cursor.fetchone()[0]
    return {
        "database": connection.vendor,
        "database_server": server,
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "static_root": str(settings.STATIC_ROOT),
        "static_url": settings.STATIC_URL,
    }


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanctuary.settings")
    import django

    django.setup()
    from django.test import Client

    # The same Host header as the load phase, so `next` links and sizes come out the same.
    client = Client(HTTP_HOST=sys.argv[1], raise_request_exception=False)
    chosen = picks(lambda path: client.get(path).json())
    listed = [{**e, **measure(client, e["path"])} for e in endpoints(chosen)]
    json.dump({"picks": chosen, "endpoints": listed, "environment": environment()}, sys.stdout)


if __name__ == "__main__":
    main()
