"""Writes: editors with model permissions create and change facts; the server finds the span."""

import datetime as dt

import pytest
from django.utils import timezone

from stances.models import EnforcementEvent, Official, PolicyAction, Statement

TOMORROW = (timezone.localdate() + dt.timedelta(days=1)).isoformat()


def statement_payload(world, **changes) -> dict:
    return {
        "article": world.article.pk,
        "speaker": "satya-rhodes-conway",
        "quote": '"We will not hold anyone for ICE,"',
        "stance": "against_cooperation",
        "said_on": "2024-02-26",
        **changes,
    }


def event_payload(world, **changes) -> dict:
    return {
        "article": world.article.pk,
        "kind": "raid",
        "jurisdiction": "dane-county-wi",
        "summary": "A raid at a farm.",
        "evidence": "A raid at a Dane County farm",
        "starts_on": "2024-02-22",
        "count": 3,
        **changes,
    }


def policy_payload(world, **changes) -> dict:
    return {
        "article": world.article.pk,
        "jurisdiction": "austin-tx",
        "kind": "ordinance",
        "summary": "Council bars ICE from the jail.",
        "evidence": "The council passed an ordinance barring ICE from the jail.",
        "effective_on": "2024-02-01",
        "effects": [
            {"indicator": "jail_access", "direction": "limits"},
            {"indicator": "local_resources", "direction": "limits"},
        ],
        **changes,
    }


WRITES = [
    ("statements", statement_payload),
    ("events", event_payload),
    ("policies", policy_payload),
    ("officials", lambda world: {"name": "Kirk Watson", "jurisdiction": "austin-tx"}),
]


def detail_url(world, path: str) -> str:
    key = {
        "statements": world.refusal.pk,
        "events": world.operation.pk,
        "policies": world.order.pk,
        "officials": "kalvin-barrett",
    }[path]
    return f"/api/{path}/{key}/"


# Permissions


@pytest.mark.parametrize(("path", "payload"), WRITES)
def test_anonymous_writes_are_refused(world, api, path, payload):
    created = api.post(f"/api/{path}/", payload(world), format="json")
    changed = api.patch(detail_url(world, path), {"summary": "x"}, format="json")

    assert created.status_code in (401, 403)
    assert changed.status_code in (401, 403)
    assert Statement.objects.count() == 4
    assert Official.objects.count() == 3


@pytest.mark.parametrize(("path", "payload"), WRITES)
def test_a_user_without_model_permissions_is_refused(world, reader, api, path, payload):
    api.force_authenticate(reader)

    assert api.post(f"/api/{path}/", payload(world), format="json").status_code == 403
    assert api.patch(detail_url(world, path), {}, format="json").status_code == 403


@pytest.mark.parametrize("path", ["statements", "events", "policies", "officials"])
def test_facts_cannot_be_deleted_through_the_api(world, editor_api, path):
    # Refused by the permission check (no delete permission) before the method is looked up.
    assert editor_api.delete(detail_url(world, path)).status_code in (403, 405)
    assert editor_api.get(detail_url(world, path)).status_code == 200


# Statements


def test_an_editor_creates_a_statement_and_the_server_finds_its_span(world, editor_api, editor):
    payload = statement_payload(world, quote="We will  not hold\nanyone for ICE,")

    response = editor_api.post("/api/statements/", payload, format="json")

    assert response.status_code == 201, response.json()
    data = response.json()
    body = world.article.body
    assert data["quote"] == "We will not hold anyone for ICE,"
    assert body[data["span"]["start"] : data["span"]["end"]] == data["quote"]
    assert data["jurisdiction"]["slug"] == "madison-wi"  # the speaker's, unless given
    assert data["review_status"] == "reviewed"
    stored = Statement.objects.get(pk=data["id"])
    assert stored.reviewed_by == editor


def test_straight_quotes_find_the_articles_curly_ones(world, editor_api):
    payload = statement_payload(world, quote='"We will not hold anyone for ICE,"')

    data = editor_api.post("/api/statements/", payload, format="json").json()

    assert data["quote"] == "“We will not hold anyone for ICE,”"
    assert world.article.body[data["span"]["start"] : data["span"]["end"]] == data["quote"]


def test_a_span_sent_by_the_client_is_refused_by_name_the_server_computes_it(world, editor_api):
    payload = {**statement_payload(world), "span": {"start": 0, "end": 7}, "span_start": 0}
    before = Statement.objects.count()

    response = editor_api.post("/api/statements/", payload, format="json")

    assert response.status_code == 400 and set(response.json()) == {"span", "span_start"}
    assert Statement.objects.count() == before
    data = editor_api.post("/api/statements/", statement_payload(world), format="json").json()
    assert data["span"]["start"] == world.article.body.index("“We will not")
    assert world.article.body[data["span"]["start"] : data["span"]["end"]] == data["quote"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"quote": "We will gladly hold everyone for ICE"}, "quote"),
        ({"quote": "   "}, "quote"),
        ({"speaker": "nobody-at-all"}, "speaker"),
        ({"jurisdiction": "atlantis-xx"}, "jurisdiction"),
        ({"article": 999999}, "article"),
        ({"stance": "lukewarm"}, "stance"),
        ({"said_on": TOMORROW}, "said_on"),
        ({"said_on": "2024-02-30"}, "said_on"),
        ({"date_precision": "week"}, "date_precision"),
    ],
)
def test_a_bad_statement_is_a_400_naming_the_field(world, editor_api, changes, field):
    response = editor_api.post("/api/statements/", statement_payload(world, **changes))

    assert response.status_code == 400
    assert field in response.json()
    assert Statement.objects.count() == 4


def test_a_statement_needs_its_required_fields(world, editor_api):
    response = editor_api.post("/api/statements/", {}, format="json")

    assert response.status_code == 400
    assert {"article", "speaker", "quote", "stance"} <= set(response.json())


def test_an_editor_patches_a_statement(world, editor_api):
    url = f"/api/statements/{world.honor.pk}/"

    response = editor_api.patch(url, {"stance": "neutral"}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["stance"] == "neutral"
    world.honor.refresh_from_db()
    assert world.honor.stance == "neutral"
    assert world.honor.review_status == "reviewed"
    assert world.honor.quote == "The jail will honor every detainer we receive."


def test_a_new_quote_moves_the_span(world, editor_api):
    url = f"/api/statements/{world.honor.pk}/"

    response = editor_api.patch(url, {"quote": "honor every detainer"}, format="json")

    data = response.json()
    assert data["quote"] == "honor every detainer"
    assert world.article.body[data["span"]["start"] : data["span"]["end"]] == data["quote"]


def test_a_patch_that_fails_changes_nothing(world, editor_api):
    url = f"/api/statements/{world.honor.pk}/"

    response = editor_api.patch(url, {"stance": "neutral", "said_on": TOMORROW}, format="json")

    assert response.status_code == 400
    assert "said_on" in response.json()
    world.honor.refresh_from_db()
    assert world.honor.stance == "for_cooperation"


# Events


def test_an_editor_creates_a_part_of_an_operation(world, editor_api):
    payload = event_payload(world, parent=world.operation.pk)

    response = editor_api.post("/api/events/", payload, format="json")

    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["parent"] == world.operation.pk
    assert data["count"] == 3
    assert world.article.body[data["span"]["start"] : data["span"]["end"]] == (
        "A raid at a Dane County farm"
    )
    assert EnforcementEvent.objects.filter(parent=world.operation).count() == 3


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"count": -1}, "count"),
        ({"starts_on": TOMORROW}, "starts_on"),
        ({"ends_on": TOMORROW}, "ends_on"),
        ({"starts_on": "2024-02-22", "ends_on": "2024-02-21"}, "ends_on"),
        ({"evidence": "Agents raided the state capitol"}, "evidence"),
        ({"kind": "parade"}, "kind"),
        ({"jurisdiction": "atlantis-xx"}, "jurisdiction"),
        ({"parent": 999999}, "parent"),
    ],
)
def test_a_bad_event_is_a_400_naming_the_field(world, editor_api, changes, field):
    response = editor_api.post("/api/events/", event_payload(world, **changes), format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert EnforcementEvent.objects.count() == 5


def test_an_editor_patches_an_event(world, editor_api):
    url = f"/api/events/{world.operation.pk}/"

    response = editor_api.patch(url, {"count": 20, "name": "Midway Blitz"}, format="json")

    assert response.status_code == 200, response.json()
    world.operation.refresh_from_db()
    assert (world.operation.count, world.operation.name) == (20, "Midway Blitz")


def test_an_event_cannot_become_part_of_its_own_part(world, editor_api):
    url = f"/api/events/{world.operation.pk}/"

    response = editor_api.patch(url, {"parent": world.arrests.pk}, format="json")

    assert response.status_code == 400
    assert "parent" in response.json()


def test_a_negative_count_is_refused_on_patch(world, editor_api):
    url = f"/api/events/{world.operation.pk}/"

    response = editor_api.patch(url, {"count": -5}, format="json")

    assert response.status_code == 400
    assert "count" in response.json()


# Policies


def test_an_editor_creates_a_policy_and_the_stance_follows(world, editor_api):
    response = editor_api.post("/api/policies/", policy_payload(world), format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["effects"] == [
        {"indicator": "jail_access", "direction": "limits"},
        {"indicator": "local_resources", "direction": "limits"},
    ]
    austin = editor_api.get("/api/jurisdictions/austin-tx/").json()
    assert austin["stance"] == "non_cooperation"
    assert editor_api.get("/api/jurisdictions/austin-tx/?as_of=2024-01-31").json()["stance"] == (
        "unknown"
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"effects": []}, "effects"),
        (
            {
                "effects": [
                    {"indicator": "detainers", "direction": "limits"},
                    {"indicator": "detainers", "direction": "cooperates"},
                ]
            },
            "effects",
        ),
        ({"effects": [{"indicator": "vibes", "direction": "limits"}]}, "effects"),
        ({"effective_on": "2024-02-01", "ends_on": "2023-01-01"}, "ends_on"),
        ({"jurisdiction": "atlantis-xx"}, "jurisdiction"),
        ({"kind": "decree"}, "kind"),
        ({"evidence": "No such words"}, "evidence"),
    ],
)
def test_a_bad_policy_is_a_400_naming_the_field(world, editor_api, changes, field):
    response = editor_api.post("/api/policies/", policy_payload(world, **changes), format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert PolicyAction.objects.count() == 5


def test_patching_effects_replaces_them(world, editor_api):
    url = f"/api/policies/{world.order.pk}/"
    effects = [{"indicator": "jail_access", "direction": "cooperates"}]

    response = editor_api.patch(url, {"effects": effects}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["effects"] == effects
    madison = editor_api.get("/api/jurisdictions/madison-wi/").json()
    assert madison["stance"] == "limited_cooperation"


# Officials


def test_an_editor_creates_an_official_with_a_slug_from_the_name(world, editor_api):
    response = editor_api.post(
        "/api/officials/",
        {"name": "Kirk Watson", "role": "Mayor", "jurisdiction": "austin-tx"},
        format="json",
    )

    assert response.status_code == 201, response.json()
    assert response.json()["slug"] == "kirk-watson"
    assert editor_api.get("/api/officials/kirk-watson/").json()["jurisdiction"]["slug"] == (
        "austin-tx"
    )


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name": "Kalvin Barrett", "slug": "kalvin-barrett"}, "slug"),
        ({"name": "Someone", "slug": "not a slug!"}, "slug"),
        ({"name": "Someone", "kind": "robot"}, "kind"),
        ({"name": "Someone", "jurisdiction": "atlantis-xx"}, "jurisdiction"),
        ({"role": "Mayor"}, "name"),
    ],
)
def test_a_bad_official_is_a_400_naming_the_field(world, editor_api, payload, field):
    response = editor_api.post("/api/officials/", payload, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert Official.objects.count() == 3


def test_an_editor_patches_an_official_and_the_slug_stays(world, editor_api):
    response = editor_api.patch(
        "/api/officials/kalvin-barrett/", {"name": "Kalvin D. Barrett"}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert response.json()["slug"] == "kalvin-barrett"
    world.sheriff.refresh_from_db()
    assert world.sheriff.name == "Kalvin D. Barrett"
