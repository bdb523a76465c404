"""Statements, events, policies and officials: filters, ordering, pages, rejected facts."""

import pytest


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def pks(*objects) -> list[int]:
    return [obj.pk for obj in objects]


# Statements


def test_statements_newest_first_without_rejected(world, api):
    assert ids(api.get("/api/statements/")) == pks(world.honor, world.refusal, world.checkpoint)


def test_statement_carries_speaker_jurisdiction_source_and_span(world, api):
    data = api.get(f"/api/statements/{world.refusal.pk}/").json()

    assert data["speaker"]["slug"] == "satya-rhodes-conway"
    assert data["jurisdiction"]["slug"] == "madison-wi"
    assert data["source"]["id"] == world.article.pk
    body = world.article.body
    assert body[data["span"]["start"] : data["span"]["end"]] == data["quote"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jurisdiction=madison-wi", ["refusal"]),
        ("state=wi", ["honor", "refusal"]),
        ("speaker=kalvin-barrett", ["honor"]),
        ("stance=neutral", ["checkpoint"]),
        ("review_status=reviewed", ["refusal"]),
        ("review_status=extracted", ["honor", "checkpoint"]),
        ("from=2024-02-27", ["honor"]),
        ("to=2024-02-26", ["refusal", "checkpoint"]),
        ("from=2024-01-01&to=2024-02-26", ["refusal"]),
        ("q=checkpoint", ["checkpoint"]),
        ("q=detainer&state=WI", ["honor"]),
        ("date_precision=month", []),
    ],
)
def test_statement_filters(world, api, query, expected):
    response = api.get(f"/api/statements/?{query}")

    assert ids(response) == [getattr(world, name).pk for name in expected]
    assert response.json()["count"] == len(expected)


def test_statement_article_filter(world, api):
    response = api.get(f"/api/statements/?article={world.houston_article.pk}")

    assert ids(response) == pks(world.checkpoint)


def test_statement_ordering_oldest_first(world, api):
    response = api.get("/api/statements/?ordering=said_on")

    assert ids(response) == pks(world.checkpoint, world.refusal, world.honor)


# Rejected facts


@pytest.mark.parametrize("path", ["statements", "events", "policies"])
def test_anonymous_asking_for_rejected_facts_gets_them_hidden(world, api, path):
    rejected = {
        "statements": world.rejected_statement,
        "events": world.rejected_event,
        "policies": world.rejected_policy,
    }[path]

    assert ids(api.get(f"/api/{path}/?review_status=rejected")) == []
    assert rejected.pk not in ids(api.get(f"/api/{path}/?include_rejected=true"))
    assert api.get(f"/api/{path}/{rejected.pk}/?include_rejected=true").status_code == 404


@pytest.mark.parametrize("path", ["statements", "events", "policies"])
def test_an_editor_sees_rejected_facts_when_asking(world, editor_api, path):
    rejected = {
        "statements": world.rejected_statement,
        "events": world.rejected_event,
        "policies": world.rejected_policy,
    }[path]

    assert rejected.pk not in ids(editor_api.get(f"/api/{path}/"))
    assert ids(editor_api.get(f"/api/{path}/?review_status=rejected")) == [rejected.pk]
    assert rejected.pk in ids(editor_api.get(f"/api/{path}/?include_rejected=true"))
    detail = editor_api.get(f"/api/{path}/{rejected.pk}/?include_rejected=true")
    assert detail.status_code == 200
    assert detail.json()["review_status"] == "rejected"


def test_a_user_without_the_permission_gets_rejected_facts_hidden(world, reader, api):
    api.force_authenticate(reader)

    assert ids(api.get("/api/statements/?review_status=rejected")) == []


# Events


def test_events_newest_first_with_operation_parts(world, api):
    rows = {row["id"]: row for row in api.get("/api/events/").json()["results"]}

    assert list(rows) == pks(world.raid, world.arrests, world.operation, world.detention)
    assert rows[world.raid.pk]["parent"] == world.operation.pk
    assert rows[world.arrests.pk]["parent"] == world.operation.pk
    assert rows[world.operation.pk]["parent"] is None
    assert rows[world.operation.pk]["name"] == "Operation Midway Blitz"
    assert rows[world.operation.pk]["ends_on"] == "2024-02-28"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=operation", ["operation"]),
        ("kind=raid", ["raid"]),
        ("jurisdiction=madison-wi", ["arrests", "operation"]),
        ("state=TX", ["detention"]),
        ("from=2024-02-21&to=2024-02-21", ["arrests"]),
        ("to=2023-12-31", ["detention"]),
        ("q=Blitz", ["operation"]),
        ("q=farm", ["raid"]),
        ("review_status=extracted&kind=detention", ["detention"]),
    ],
)
def test_event_filters(world, api, query, expected):
    assert ids(api.get(f"/api/events/?{query}")) == [getattr(world, n).pk for n in expected]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("-count", ["operation", "arrests", "detention", "raid"]),
        ("count", ["raid", "detention", "arrests", "operation"]),
        ("starts_on", ["detention", "operation", "arrests", "raid"]),
    ],
)
def test_event_ordering(world, api, ordering, expected):
    response = api.get(f"/api/events/?ordering={ordering}")

    assert ids(response) == [getattr(world, n).pk for n in expected]


# Policies


def test_policies_show_their_effects(world, api):
    data = api.get(f"/api/policies/{world.agreement.pk}/").json()

    assert data["effects"] == [
        {"indicator": "agreement_287g", "direction": "cooperates"},
        {"indicator": "jail_access", "direction": "cooperates"},
    ]
    assert data["jurisdiction"]["slug"] == "dane-county-wi"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["order", "agreement", "ordinance", "houston_policy"]),
        ("indicator=detainers", ["ordinance", "houston_policy"]),
        ("direction=cooperates", ["agreement"]),
        ("indicator=jail_access&direction=limits", ["order"]),
        ("kind=ordinance", ["ordinance"]),
        ("jurisdiction=madison-wi", ["order", "ordinance"]),
        ("state=tx", ["houston_policy"]),
        ("from=2022-01-01", ["order", "agreement"]),
        ("to=2022-05-01", ["agreement", "ordinance"]),
        ("q=sheriff", ["agreement"]),
        ("q=jail&indicator=jail_access", ["order"]),
        ("review_status=reviewed", ["order"]),
    ],
)
def test_policy_filters(world, api, query, expected):
    response = api.get(f"/api/policies/?{query}")

    assert ids(response) == [getattr(world, n).pk for n in expected]
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        # The undated Houston policy comes last either way, on PostgreSQL as on SQLite.
        ("effective_on", ["ordinance", "agreement", "order", "houston_policy"]),
        ("-effective_on", ["order", "agreement", "ordinance", "houston_policy"]),
        ("id", ["ordinance", "order", "agreement", "houston_policy"]),
    ],
)
def test_policy_ordering_puts_undated_last(world, api, ordering, expected):
    response = api.get(f"/api/policies/?ordering={ordering}")

    assert ids(response) == [getattr(world, n).pk for n in expected]


def test_undated_statements_come_last_in_either_direction(world, api):
    Statement = type(world.honor)
    Statement.objects.filter(pk=world.honor.pk).update(said_on=None)

    oldest_first = ids(api.get("/api/statements/?ordering=said_on"))
    newest_first = ids(api.get("/api/statements/?ordering=-said_on"))

    assert oldest_first == pks(world.checkpoint, world.refusal, world.honor)
    assert newest_first == pks(world.refusal, world.checkpoint, world.honor)


@pytest.mark.parametrize(
    ("path", "facts"),
    [
        ("statements", ["honor", "refusal"]),
        ("events", ["raid", "arrests", "operation"]),
        ("policies", ["order", "agreement", "ordinance"]),
    ],
)
def test_article_and_date_precision_filters(world, api, path, facts):
    url = f"/api/{path}/?article={world.article.pk}"
    assert ids(api.get(url)) == [getattr(world, name).pk for name in facts]

    first = getattr(world, facts[0])
    type(first).objects.filter(pk=first.pk).update(date_precision="month")
    assert ids(api.get(f"/api/{path}/?date_precision=month")) == [first.pk]


# Officials


def test_officials_by_name_with_visible_statement_counts(world, api):
    rows = api.get("/api/officials/").json()["results"]

    assert [row["slug"] for row in rows] == ["ice-houston", "kalvin-barrett", "satya-rhodes-conway"]
    assert rows[2]["statement_count"] == 1  # the mayor's rejected statement is not counted


def test_official_detail_by_slug(world, api):
    response = api.get("/api/officials/kalvin-barrett/")

    assert response.status_code == 200
    assert response.json()["jurisdiction"]["slug"] == "dane-county-wi"
    assert api.get("/api/officials/nobody/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=organisation", ["ice-houston"]),
        ("jurisdiction=dane-county-wi", ["kalvin-barrett"]),
        ("state=wi", ["kalvin-barrett", "satya-rhodes-conway"]),
        ("q=customs", ["ice-houston"]),
        ("q=sheriff", ["kalvin-barrett"]),
        ("q=rhodes", ["satya-rhodes-conway"]),
        ("ordering=-name", ["satya-rhodes-conway", "kalvin-barrett", "ice-houston"]),
        (
            "ordering=-statement_count,name",
            ["ice-houston", "kalvin-barrett", "satya-rhodes-conway"],
        ),
    ],
)
def test_official_filters(world, api, query, expected):
    response = api.get(f"/api/officials/?{query}")

    assert [row["slug"] for row in response.json()["results"]] == expected


# Pages and errors


@pytest.mark.parametrize("path", ["statements", "events", "policies", "officials"])
def test_pages_never_repeat_or_skip_a_row(world, api, path):
    everything = ids(api.get(f"/api/{path}/?page_size=100"))
    seen, url = [], f"/api/{path}/?page_size=1"
    while url:
        data = api.get(url).json()
        assert data["count"] == len(everything)
        assert len(data["results"]) == 1
        seen += [row["id"] for row in data["results"]]
        url = data["next"]

    assert seen == everything


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("count", ["raid", "arrests", "detention", "operation"]),
        ("-count", ["operation", "detention", "arrests", "raid"]),
    ],
)
def test_an_ordering_that_ties_is_broken_by_id_across_pages(world, api, ordering, expected):
    type(world.detention).objects.filter(pk=world.detention.pk).update(count=14)  # ties arrests
    seen, url = [], f"/api/events/?ordering={ordering}&page_size=1"
    while url:
        data = api.get(url).json()
        seen += [row["id"] for row in data["results"]]
        url = data["next"]

    assert seen == [getattr(world, name).pk for name in expected]


def test_a_page_past_the_end_is_404(world, api):
    assert api.get("/api/statements/?page=99").status_code == 404


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/statements/?from=2024-02-30", "from"),
        ("/api/statements/?to=soon", "to"),
        ("/api/statements/?stance=hostile", "stance"),
        ("/api/statements/?review_status=pending", "review_status"),
        ("/api/events/?kind=picnic", "kind"),
        ("/api/events/?from=2024-1-99", "from"),
        ("/api/policies/?indicator=vibes", "indicator"),
        ("/api/policies/?direction=sideways", "direction"),
        ("/api/officials/?kind=robot", "kind"),
        ("/api/statements/?article=first", "article"),
    ],
)
def test_bad_filters_are_400s_naming_the_field(world, api, url, field):
    response = api.get(url)

    assert response.status_code == 400
    assert field in response.json()
