"""Concurrent writes leave every precomputed summary equal to its derivation from the committed
rows, and concurrent edits of different fields of one fact both survive (issue 19, items 1-2).

gunicorn (DEBUG off, gthread: twelve requests at once) on a PostgreSQL database of the test's
own; editors' threads, released together by a barrier, POST policy actions and enforcement
events to the same few places, round after round. Then the stored summaries are read, every
summary is recomputed from the committed rows (``manage.py refresh_summaries``), and the two must
be equal; the counts are also checked against plain SQL over the committed rows. Before the fix
each transaction derived the summary from its own snapshot and the last to commit won: two
simultaneous policies left ``limited_cooperation`` with one policy, three events a short count.

PostgreSQL only (SQLite runs one writing transaction at a time): skipped on the SQLite pass of
the suite, as the soak is.
"""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.servers import (
    Gunicorn,
    create_editor,
    fetch,
    manage,
    on_postgres,
    server_env,
    throwaway_database,
)

ARTICLE = (
    "Officials in Tucson, Phoenix, Flagstaff and Yuma, Arizona, said Monday that their jails "
    "will no longer hold people on ICE detainers without a judicial warrant.\n\n"
    "ICE agents arrested people in Tucson on Tuesday, the agency said.\n"
)
PLACES = ["tucson-az", "phoenix-az", "flagstaff-az", "yuma-az"]
ROUNDS, WRITERS = 8, 12
INDICATORS = ["detainers", "jail_access", "information_sharing", "local_resources"]


@pytest.fixture
def server(tmp_path):
    if not on_postgres():
        pytest.skip(
            "concurrent writing transactions need PostgreSQL (SQLite runs one at a time): "
            "this runs on the PostgreSQL pass of the suite (DATABASE_URL set)"
        )
    with throwaway_database("concurrency", tmp_path) as url:
        env = server_env(url, API_ANON_RATE="1000000/second", LOG_LEVEL="ERROR")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "createcachetable")
        (tmp_path / "arizona.txt").write_text(ARTICLE)
        manage(env, "ingest", str(tmp_path / "arizona.txt"))
        token = create_editor(env, "concurrent-editor")
        with Gunicorn(env, workers=3, threads=4, log=tmp_path / "gunicorn.log") as gunicorn:
            yield gunicorn, env, token


def summaries(url: str) -> dict[str, tuple]:
    import psycopg

    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT j.slug, s.stance, s.detainers, s.jail_access, s.information_sharing,"
            " s.local_resources, s.agreement_287g, s.evidence::text, s.statement_count,"
            " s.policy_count, s.event_count, s.arrests"
            " FROM stances_jurisdictionsummary s JOIN stances_jurisdiction j"
            " ON j.id = s.jurisdiction_id"
        ).fetchall()
    return {row[0]: row[1:] for row in rows}


def committed_counts(url: str) -> dict[str, tuple[int, int, int]]:
    """Policies, events and arrests per place, counted in SQL over the committed rows."""
    import psycopg

    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT j.slug,"
            " (SELECT count(*) FROM stances_policyaction p WHERE p.jurisdiction_id = j.id),"
            " (SELECT count(*) FROM stances_enforcementevent e WHERE e.jurisdiction_id = j.id),"
            " (SELECT coalesce(sum(e.count), 0) FROM stances_enforcementevent e"
            "  WHERE e.jurisdiction_id = j.id AND e.kind = 'arrests')"
            " FROM stances_jurisdiction j"
        ).fetchall()
    return {slug: (policies, events, arrests) for slug, policies, events, arrests in rows}


def test_concurrent_writes_leave_every_summary_equal_to_its_derivation(server):
    gunicorn, env, token = server
    base, rng = gunicorn.base, random.Random(19)
    barrier = threading.Barrier(WRITERS)

    def write(number: int, place: str, indicator: str, direction: str) -> int:
        barrier.wait(timeout=60)  # every writer of the round sends at the same moment
        if number % 3 == 2:
            fact = {
                "article": 1,
                "jurisdiction": place,
                "kind": "arrests",
                "count": number,
                "summary": f"Arrests #{number}",
                "evidence": "ICE agents arrested people in Tucson",
            }
            return fetch(f"{base}/api/events/", fact, token)[0]
        fact = {
            "article": 1,
            "jurisdiction": place,
            "kind": "law_enforcement_policy",
            "summary": f"Policy #{number}",
            "evidence": "will no longer hold people on ICE detainers",
            "effects": [{"indicator": indicator, "direction": direction}],
        }
        return fetch(f"{base}/api/policies/", fact, token)[0]

    url = env["DATABASE_URL"]
    ingested = committed_counts(url)  # what the article's own extraction stored
    statuses = []
    with ThreadPoolExecutor(WRITERS) as pool:
        for round_ in range(ROUNDS):
            # Every writer of a round writes to one of two places: many meet on each.
            places = rng.sample(PLACES, 2)
            jobs = [
                (
                    round_ * WRITERS + n,
                    places[n % 2],
                    rng.choice(INDICATORS),
                    rng.choice(["limits", "limits", "cooperates"]),
                )
                for n in range(WRITERS)
            ]
            statuses += list(pool.map(lambda job: write(*job), jobs))
    assert statuses == [201] * (ROUNDS * WRITERS), gunicorn.log_tail()

    stored = summaries(url)
    manage(env, "refresh_summaries", "-v0")  # the derivation from the committed rows
    derived = summaries(url)
    wrong = {
        slug: (stored.get(slug), row) for slug, row in derived.items() if stored.get(slug) != row
    }
    assert wrong == {}, f"stored summary != derivation from the committed rows: {wrong}"
    counts = committed_counts(url)
    for slug in PLACES:
        policies, events, arrests = counts[slug]
        assert derived[slug][-3:] == (policies, events, arrests)
    written = sum(sum(counts[s][:2]) - sum(ingested.get(s, (0, 0))[:2]) for s in PLACES)
    assert written == ROUNDS * WRITERS


def test_concurrent_patches_of_different_fields_both_survive(server):
    gunicorn, env, token = server
    base = gunicorn.base
    status, event = fetch(
        f"{base}/api/events/",
        {
            "article": 1,
            "jurisdiction": "tucson-az",
            "kind": "arrests",
            "count": 1,
            "summary": "Arrests in Tucson",
            "evidence": "ICE agents arrested people in Tucson",
        },
        token,
    )
    assert status == 201
    detail = f"{base}/api/events/{event['id']}/"
    barrier = threading.Barrier(2)

    def patch(change: dict) -> int:
        barrier.wait(timeout=30)
        return fetch(detail, change, token, method="PATCH")[0]

    with ThreadPoolExecutor(2) as pool:
        for round_ in range(20):
            changes = [{"count": 100 + round_}, {"name": f"Operation {round_}"}]
            assert list(pool.map(patch, changes)) == [200, 200]
            status, stored = fetch(detail)
            assert (stored["count"], stored["name"]) == (100 + round_, f"Operation {round_}"), (
                f"round {round_}: one edit was lost"
            )
