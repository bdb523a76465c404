"""Articles: metadata in the list, every visible fact extracted from one on the detail."""

import datetime as dt

import pytest

from tests.factories import ArticleFactory


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_articles_newest_first(world, api):
    assert ids(api.get("/api/articles/")) == [world.article.pk, world.houston_article.pk]


def test_list_leaves_the_body_out(world, api):
    row = api.get("/api/articles/").json()["results"][0]

    assert "body" not in row
    assert row["title"] == "Madison mayor refuses ICE detainers"
    assert len(row["sha256"]) == 64


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("outlet=chronicle", ["houston_article"]),
        ("published_from=2024-01-01", ["article"]),
        ("published_to=2023-12-31", ["houston_article"]),
        ("jurisdiction=dane-county-wi", ["article"]),
        ("jurisdiction=houston-tx", ["houston_article"]),
        ("q=refuses", ["article"]),
        ("ordering=published_on", ["houston_article", "article"]),
        ("ordering=-ingested_at", ["houston_article", "article"]),
    ],
)
def test_article_filters(world, api, query, expected):
    assert ids(api.get(f"/api/articles/?{query}")) == [getattr(world, n).pk for n in expected]


def test_bad_article_date_is_a_400_naming_the_field(world, api):
    response = api.get("/api/articles/?published_from=March")

    assert response.status_code == 400
    assert "published_from" in response.json()


def test_detail_has_the_body_and_every_visible_fact_in_reading_order(world, api):
    data = api.get(f"/api/articles/{world.article.pk}/").json()

    assert data["body"] == world.article.body
    assert [s["id"] for s in data["statements"]] == [world.refusal.pk, world.honor.pk]
    assert [e["id"] for e in data["events"]] == [
        world.arrests.pk,  # "Agents arrested 14 people during Operation Midway Blitz"
        world.operation.pk,
        world.raid.pk,
    ]
    assert world.rejected_policy.pk not in [p["id"] for p in data["policies"]]
    assert [j["slug"] for j in data["jurisdictions"]] == ["dane-county-wi", "madison-wi"]
    assert [o["slug"] for o in data["officials"]] == ["kalvin-barrett", "satya-rhodes-conway"]
    for fact in data["statements"] + data["events"] + data["policies"]:
        assert fact["span"]["end"] <= len(data["body"])


def test_an_editor_asking_sees_rejected_facts_on_the_detail(world, editor_api, api):
    url = f"/api/articles/{world.article.pk}/?include_rejected=true"
    editor = editor_api.get(url).json()
    anonymous = api.get(url).json()

    assert world.rejected_statement.pk in [s["id"] for s in editor["statements"]]
    assert world.rejected_policy.pk in [p["id"] for p in editor["policies"]]
    assert world.rejected_statement.pk not in [s["id"] for s in anonymous["statements"]]


def test_a_corrected_article_points_at_its_replacement(world, api):
    correction = ArticleFactory(supersedes=world.article, published_on=dt.date(2024, 3, 2))

    old = api.get(f"/api/articles/{world.article.pk}/").json()
    new = api.get(f"/api/articles/{correction.pk}/").json()

    assert old["superseded_by"] == correction.pk
    assert new["supersedes"] == world.article.pk


def test_unknown_article_is_404(world, api):
    assert api.get("/api/articles/999999/").status_code == 404
