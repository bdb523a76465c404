"""Every page and API answer on the sample corpus, written to a folder, to compare two versions.

A refactoring must not change what readers and clients get. This loads the sample corpus into a
fresh SQLite database (a temporary file; never a developer's data), requests every page and API
answer a reader can reach on it (each jurisdiction, article and official, every list with and
without filters, the CSV and GeoJSON downloads, the schema, error answers), and writes each body
to ``OUT/<n>-<url>.txt``. What changes from one load to the next by nature (timestamps of when a
row was stored, the ETags and CSRF tokens that follow from them) is masked.

    python scripts/snapshot_answers.py var/answers-before
    ... change the code ...
    python scripts/snapshot_answers.py var/answers-after --compare var/answers-before

``--compare`` exits non-zero and lists the URLs whose answers differ.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MASKS = [
    # When a row was stored or changed: differs on every load.
    (re.compile(rb"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?"), b"<ts>"),
    (re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"'), b'name="csrfmiddlewaretoken"'),
    (re.compile(rb"since=[0-9A-Za-z%.:+-]+"), b"since=<ts>"),
    (re.compile(rb"cursor=[0-9A-Za-z%.:+,-]+"), b"cursor=<cursor>"),
    (re.compile(rb"Last updated [A-Za-z.]+ \d+, \d{4}, \d{2}:\d{2} UTC"), b"Last updated <ts>"),
]


def urls(client) -> list[str]:
    """What a reader or a client can reach on the corpus: every place, article and speaker."""
    from articles.models import Article
    from stances.models import EnforcementEvent, Jurisdiction, Official, PolicyAction, Statement

    slugs = list(Jurisdiction.objects.order_by("slug").values_list("slug", flat=True))
    articles = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    speakers = list(Official.objects.order_by("slug").values_list("slug", flat=True))
    statements = list(Statement.objects.order_by("pk").values_list("pk", flat=True))
    events = list(EnforcementEvent.objects.order_by("pk").values_list("pk", flat=True))
    policies = list(PolicyAction.objects.order_by("pk").values_list("pk", flat=True))
    pages = [
        "/",
        "/?stance=non_cooperation",
        "/?kind=city&sort=-statements",
        "/?as_of=2018-12-31",
        "/?detainers=limits",
        "/?as_of=not-a-date",
        "/timeline/",
        "/timeline/?lanes=jurisdiction",
        "/timeline/?types=statements&stance=against_cooperation",
        "/timeline/?from=2017-01-01&to=2018-12-31",
        "/statements/",
        "/statements/?q=sanctuary",
        "/statements/?stance=against_cooperation&page=1",
        "/about/",
        "/no-such-page/",
        "/jurisdictions/no-such-place/",
        *(f"/jurisdictions/{slug}/" for slug in slugs),
        *(f"/jurisdictions/{slug}/?as_of=2018-01-01" for slug in slugs[:3]),
        *(f"/articles/{pk}/" for pk in articles),
        *(f"/report/statement/{pk}/" for pk in statements[:2]),
        *(f"/report/event/{pk}/" for pk in events[:1]),
        *(f"/report/policy/{pk}/" for pk in policies[:1]),
    ]
    api = [
        "/api/",
        "/api/health/",
        "/api/schema/",
        "/api/docs/",
        "/api/redoc/",
        "/api/jurisdictions/",
        "/api/jurisdictions/?format=csv",
        "/api/jurisdictions/?format=geojson",
        "/api/jurisdictions/?stance=non_cooperation",
        "/api/jurisdictions/?as_of=2018-12-31&jail_access=limits",
        "/api/jurisdictions/?kind=city&ordering=-statement_count",
        "/api/jurisdictions/?state=XX",
        *(f"/api/jurisdictions/{slug}/" for slug in slugs),
        "/api/statements/",
        "/api/statements/?format=csv",
        "/api/statements/?q=sanctuary",
        "/api/statements/?stance=against_cooperation&ordering=-said_on",
        "/api/statements/?page_size=5&page=2",
        "/api/statements/?cursor=bad",
        *(f"/api/statements/?speaker={slug}" for slug in speakers[:5]),
        *(f"/api/statements/{pk}/" for pk in statements),
        "/api/events/",
        "/api/events/?format=csv",
        "/api/events/?kind=arrests&ordering=-count",
        *(f"/api/events/{pk}/" for pk in events),
        "/api/policies/",
        "/api/policies/?format=csv",
        "/api/policies/?indicator=detainers",
        *(f"/api/policies/{pk}/" for pk in policies),
        "/api/officials/",
        "/api/officials/?format=csv",
        *(f"/api/officials/{slug}/" for slug in speakers),
        "/api/articles/",
        "/api/articles/?format=csv",
        *(f"/api/articles/{pk}/" for pk in articles),
        "/api/changes/?limit=5",
        "/api/nothing-here/",
    ]
    return pages + api


def body(response) -> bytes:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.status_code == 404 and b"<title>Page not found at" in content:
        content = b"(DEBUG's page listing the URL patterns and the view that raised)"
    head = f"{response.status_code} {response.get('Content-Type', '')}\n".encode()
    for pattern, replacement in MASKS:
        content = pattern.sub(replacement, content)
    return head + content


def snapshot(out: Path) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_sample_corpus", verbosity=0)
    client = Client()
    out.mkdir(parents=True, exist_ok=True)
    for number, url in enumerate(urls(client)):
        name = re.sub(r"[^A-Za-z0-9]+", "_", url).strip("_")[:120] or "root"
        (out / f"{number:03d}-{name}.txt").write_bytes(body(client.get(url)))


def compare(out: Path, before: Path) -> int:
    old = {p.name: p.read_bytes() for p in before.iterdir()}
    new = {p.name: p.read_bytes() for p in out.iterdir()}
    differ = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(new)} answers, {len(differ)} differ from {before}")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the answers to")
    parser.add_argument("--compare", type=Path, help="a folder written before, to compare with")
    args = parser.parse_args()
    if os.environ.get("_SNAPSHOT_CHILD") != "1":
        # A fresh database and a local cache, in a child process with its own settings.
        with tempfile.TemporaryDirectory() as tmp:
            env = {
                **os.environ,
                "_SNAPSHOT_CHILD": "1",
                "DEBUG": "1",
                "DATABASE_URL": f"sqlite:///{tmp}/answers.sqlite3",
                "CACHE_URL": "locmemcache://",
                "EXPORTS_DIR": f"{tmp}/exports",
                "API_ANON_RATE": "100000/minute",
                "ALLOWED_HOSTS": "testserver",
            }
            command = [sys.executable, __file__, str(args.out.resolve())]
            subprocess.run(command, env=env, cwd=ROOT, check=True)
        return compare(args.out, args.compare) if args.compare else 0
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanctuary.settings")
    snapshot(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
