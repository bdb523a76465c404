"""Backup and restore with the documented commands (``make backup``, ``make restore FILE=...``).

A database A of the suite's own engine gets the sample corpus, an editor with an API token, a
fact the editor made by hand, an edit (a row of history) and a reader's correction request, all
through the served site. The API's answers on A are recorded, A is backed up, and A then changes
once more (a fact made after the backup, whose answers the shared cache now holds). The backup
is restored into a new database B, served with the same shared cache (as a site pointed at its
restored database would be): every answer must be byte for byte the one A gave at the backup, not
the later one the cache holds, and the people, their token, the history and the correction must
be there. The cache is a Redis server of the test's own.
"""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import sys
import urllib.parse

import pytest

from tests.servers import (
    HOST,
    ROOT,
    Gunicorn,
    create_editor,
    fetch,
    get,
    local_redis,
    manage,
    server_env,
    throwaway_database,
)

# What the database holds, as rows (not through the API): read by manage.py shell.
SNAPSHOT = """
import json
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
from stances.models import CorrectionRequest

history = {}
for model in apps.get_models():
    if model.__name__.startswith("Historical"):
        history[model.__name__] = sorted(
            [r.history_id, r.id, r.history_type, r.history_date.isoformat(),
             r.history_user.username if r.history_user else None]
            for r in model.objects.all()
        )
print(json.dumps({
    "users": sorted(
        [u.username, u.email, u.password, u.is_staff, u.is_superuser,
         sorted(u.groups.values_list("name", flat=True))]
        for u in User.objects.all()
    ),
    "groups": {
        g.name: sorted(g.permissions.values_list("codename", flat=True))
        for g in Group.objects.all()
    },
    "tokens": sorted([t.key, t.user.username, t.created.isoformat()] for t in Token.objects.all()),
    "corrections": sorted(
        [c.id, c.content_type.model, c.object_id, c.message, c.contact, c.status]
        for c in CorrectionRequest.objects.all()
    ),
    "log": LogEntry.objects.count(),
    "history": history,
}))
"""


def snapshot(env: dict) -> dict:
    return json.loads(manage(env, "shell", "-v0", "-c", SNAPSHOT))


def run_make(env: dict, *args: str) -> subprocess.CompletedProcess:
    """A documented make target, with this interpreter's environment as the project's .venv."""
    return subprocess.run(
        ["make", "--no-print-directory", *args, f"VENV={sys.prefix}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def make(env: dict, *args: str) -> str:
    done = run_make(env, *args)
    assert done.returncode == 0, f"make {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def report_a_problem(base: str, kind: str, pk: int, message: str) -> None:
    """A reader's correction request through the public form (CSRF cookie and token)."""
    status, headers, page = get(f"{base}/report/{kind}/{pk}/")
    assert status == 200
    cookie = headers["set-cookie"].split(";")[0]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "message": message})
    connection = http.client.HTTPConnection(HOST, int(base.rsplit(":", 1)[1]), timeout=15)
    connection.request(
        "POST",
        f"/report/{kind}/{pk}/",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
    )
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 302, response.status


def answers(base: str, paths: list[str], token: str) -> dict[str, tuple]:
    """Each path's status, content type and body, as anonymous readers and as the editor get
    them; the server's own address (in ``next`` links) written as {base}."""
    found = {}
    for path in paths:
        for who, headers in (("reader", {}), ("editor", {"Authorization": f"Token {token}"})):
            status, response_headers, body = get(base + path, headers)
            found[f"{who} {path}"] = (
                status,
                response_headers.get("content-type"),
                body.replace(base.encode(), b"{base}"),
            )
    return found


@pytest.fixture
def cache_url():
    with local_redis() as url:
        yield url


def test_a_backup_restores_into_a_new_database_exactly_as_it_was(tmp_path, cache_url):
    with (
        throwaway_database("backup_a", tmp_path) as url_a,
        throwaway_database("backup_b", tmp_path) as url_b,
    ):
        env_a = server_env(url_a, CACHE_URL=cache_url, API_ANON_RATE="1000000/second")
        manage(env_a, "migrate", "--noinput", "-v0")
        manage(env_a, "createcachetable")
        manage(env_a, "load_sample_corpus", "-v0")
        token = create_editor(env_a, "backup-editor")

        with Gunicorn(env_a, log=tmp_path / "a.log") as a:
            # An editor's work through the API: a fact made by hand, an edit of a machine-made
            # statement (which marks it reviewed by them, and is a row of history).
            _, policies = fetch(f"{a.base}/api/policies/?page_size=1")
            [model] = policies["results"]
            _, article = fetch(f"{a.base}/api/articles/{model['source']['id']}/")
            fact = {
                "article": model["source"]["id"],
                "jurisdiction": model["jurisdiction"]["slug"],
                "kind": model["kind"],
                "evidence": article["body"][model["span"]["start"] : model["span"]["end"]],
                "effects": [{"indicator": "jail_access", "direction": "limits"}],
            }
            status, made = fetch(
                f"{a.base}/api/policies/",
                {**fact, "summary": "Made by hand before the backup"},
                token,
            )
            assert status == 201, made
            _, statements = fetch(f"{a.base}/api/statements/?page_size=1")
            [statement] = statements["results"]
            status, edited = fetch(
                f"{a.base}/api/statements/{statement['id']}/",
                {"stance": "neutral"},
                token,
                method="PATCH",
            )
            assert (status, edited["review_status"]) == (200, "reviewed"), edited
            report_a_problem(a.base, "statement", statement["id"], "The quote is cut short here.")

            slug = fact["jurisdiction"]
            paths = [
                "/api/jurisdictions/",
                "/api/jurisdictions/?format=geojson",
                "/api/jurisdictions/?format=csv",
                "/api/jurisdictions/?as_of=2019-12-31",
                f"/api/jurisdictions/{slug}/",
                "/api/statements/?page_size=500",
                "/api/statements/?format=csv",
                f"/api/statements/{statement['id']}/",
                "/api/events/?page_size=500",
                "/api/events/?format=csv",
                "/api/policies/?page_size=500",
                "/api/policies/?format=csv",
                f"/api/policies/{made['id']}/",
                "/api/officials/?page_size=500",
                "/api/articles/",
                f"/api/articles/{article['id']}/",
                "/api/changes/?limit=500",
                "/",
                f"/jurisdictions/{slug}/",
                "/statements/",
            ]
            before = answers(a.base, paths, token)
            assert all(status == 200 for status, _, _ in before.values()), {
                path: status for path, (status, _, _) in before.items() if status != 200
            }
            rows = snapshot(env_a)
            backup_file = make(env_a, "-s", "backup", f"BACKUP_DIR={tmp_path / 'backups'}")
            backup_file = backup_file.strip().splitlines()[-1]
            assert re.fullmatch(r".*/sanctuary-\d{8}-\d{6}\.json\.gz", backup_file), backup_file

            # After the backup: a change, and its answers in the shared cache.
            status, later = fetch(
                f"{a.base}/api/policies/", {**fact, "summary": "Made after the backup"}, token
            )
            assert status == 201
            after = answers(a.base, paths, token)
            assert after != before

        env_b = {**env_a, "DATABASE_URL": url_b}
        make(env_b, "-s", "restore", f"FILE={backup_file}")
        restored_rows = snapshot(env_b)
        assert [user[0] for user in restored_rows["users"]] == ["backup-editor"]
        assert restored_rows["corrections"] and restored_rows["tokens"]
        assert any(row[4] == "backup-editor" for row in rows["history"]["HistoricalStatement"])
        assert restored_rows == rows

        with Gunicorn(env_b, log=tmp_path / "b.log") as b:
            restored = answers(b.base, paths, token)
            differ = [
                path for path in paths if restored[f"reader {path}"] != before[f"reader {path}"]
            ]
            assert differ == [], f"not as at the backup: {differ}"
            assert restored == before  # and as the editor, whose token was restored
            assert fetch(f"{b.base}/api/policies/{later['id']}/")[0] == 404

            # New rows continue after the restored ones (the sequences were reset).
            status, new = fetch(
                f"{b.base}/api/policies/", {**fact, "summary": "Made after the restore"}, token
            )
            assert status == 201 and new["id"] > made["id"]

        # A restore never mixes two states: into a database in use it refuses and changes
        # nothing; with FLUSH=1 it empties it first, and the site answers as at the backup again
        # (the answers cached since, the restore's own new policy among them, are not served).
        refused = run_make(env_b, "-s", "restore", f"FILE={backup_file}")
        assert refused.returncode != 0 and "already holds data" in refused.stderr
        assert snapshot(env_b) != rows  # still with the policy made after the restore
        make(env_b, "-s", "restore", f"FILE={backup_file}", "FLUSH=1")
        assert snapshot(env_b) == rows
        with Gunicorn(env_b, log=tmp_path / "b-again.log") as b:
            assert answers(b.base, paths, token) == before
