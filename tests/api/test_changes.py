"""What changed (newest first, since a time, page by page) and the health check."""

import datetime as dt

import pytest
from django.utils import timezone

from stances.models import EnforcementEvent, Official, PolicyAction, Statement

T0 = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)


def stamp(obj, minutes: int, *, created_minutes: int | None = None) -> None:
    """Set when ``obj`` was created and last changed, T0 plus minutes."""
    created = T0 + dt.timedelta(minutes=minutes if created_minutes is None else created_minutes)
    type(obj).objects.filter(pk=obj.pk).update(
        updated_at=T0 + dt.timedelta(minutes=minutes), created_at=created
    )


@pytest.fixture
def timeline(world):
    """Every fact and official changed at a known minute; the mayor's refusal last, edited a day
    after it was created."""
    order = [
        world.ice, world.sheriff, world.mayor, world.houston_policy, world.agreement,
        world.ordinance, world.order, world.rejected_policy, world.detention,
        world.rejected_event, world.operation, world.arrests, world.raid, world.checkpoint,
        world.honor, world.rejected_statement,
    ]  # fmt: skip
    for minute, obj in enumerate(order):
        stamp(obj, minute)
    stamp(world.refusal, 60 * 24, created_minutes=0)
    return world


def keys(results) -> list[tuple[str, int]]:
    return [(row["type"], row["id"]) for row in results]


def test_changes_newest_first_without_rejected_facts(timeline, api):
    w = timeline
    data = api.get("/api/changes/?limit=5").json()

    assert keys(data["results"]) == [
        ("statement", w.refusal.pk),
        ("statement", w.honor.pk),
        ("statement", w.checkpoint.pk),
        ("event", w.raid.pk),
        ("event", w.arrests.pk),
    ]
    first = data["results"][0]
    assert first["action"] == "updated"
    assert first["text"] == "We will not hold anyone for ICE,"
    assert first["at"] == "2025-01-02T12:00:00Z"
    assert first["url"].endswith(f"/api/statements/{w.refusal.pk}/")
    assert data["results"][1]["action"] == "created"


def test_every_change_links_to_its_detail(timeline, api):
    for row in api.get("/api/changes/").json()["results"]:
        assert api.get(row["url"]).status_code == 200, row


def test_since_keeps_changes_at_or_after(timeline, api):
    w = timeline
    response = api.get("/api/changes/", {"since": "2025-01-01T12:13:00Z"})

    assert keys(response.json()["results"]) == [
        ("statement", w.refusal.pk),
        ("statement", w.honor.pk),
        ("statement", w.checkpoint.pk),
    ]


def test_next_walks_every_change_once(timeline, api):
    expected = 3 + 4 + 4 + 3  # officials, visible policies, visible events, visible statements
    seen, url, pages = [], "/api/changes/?limit=4", 0
    while url:
        data = api.get(url).json()
        seen += keys(data["results"])
        url, pages = data["next"], pages + 1

    assert len(seen) == len(set(seen)) == expected
    assert pages == 4
    assert seen[-1] == ("official", timeline.ice.pk)


def test_next_keeps_since(timeline, api):
    w = timeline
    data = api.get("/api/changes/", {"since": "2025-01-01T12:09:00Z", "limit": 4}).json()

    assert "since=" in data["next"]
    rest = api.get(data["next"]).json()
    assert keys(rest["results"]) == [("event", w.arrests.pk), ("event", w.operation.pk)]
    assert rest["next"] is None


def test_changes_at_the_same_instant_are_not_lost_between_pages(world, api):
    """Facts stored together (one ingestion, one bulk review) share a timestamp."""
    at = timezone.now()
    for model in (Statement, EnforcementEvent, PolicyAction, Official):
        model.objects.update(updated_at=at, created_at=at)
    everything = keys(api.get("/api/changes/").json()["results"])

    seen, url = [], "/api/changes/?limit=2"
    while url:
        data = api.get(url).json()
        seen += keys(data["results"])
        url = data["next"]

    assert sorted(seen) == sorted(everything)
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("since=last+week", "since"),
        ("before=2025-13-01", "before"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("cursor=2025-01-01T12:00:00Z,article,1", "cursor"),
        ("cursor=yesterday", "cursor"),
    ],
)
def test_bad_parameters_are_400s_naming_the_field(world, api, query, field):
    response = api.get(f"/api/changes/?{query}")

    assert response.status_code == 400
    assert field in response.json()


def test_before_keeps_changes_strictly_older(timeline, api):
    response = api.get("/api/changes/", {"before": "2025-01-01T12:01:00Z"})

    assert keys(response.json()["results"]) == [("official", timeline.ice.pk)]


def test_health(db, api):
    response = api.get("/api/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"
