"""Jurisdictions: the derived stance, as of a date, filtered by stance, indicators and place."""

import pytest

ALL = ["austin-tx", "dane-county-wi", "houston-tx", "madison-wi"]


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def by_slug(response) -> dict[str, dict]:
    return {row["slug"]: row for row in response.json()["results"]}


def test_list_derives_each_stance_from_policies_not_rejected(world, api):
    rows = by_slug(api.get("/api/jurisdictions/"))

    assert list(rows) == ALL  # by name
    assert {slug: row["stance"] for slug, row in rows.items()} == {
        "austin-tx": "unknown",
        "dane-county-wi": "cooperation",
        "houston-tx": "limited_cooperation",
        "madison-wi": "non_cooperation",  # the rejected 287(g) agreement does not count
    }
    assert rows["madison-wi"]["indicators"]["agreement_287g"]["value"] == "unknown"


def test_indicators_name_the_policies_behind_them(world, api):
    madison = by_slug(api.get("/api/jurisdictions/"))["madison-wi"]

    detainers = madison["indicators"]["detainers"]
    assert detainers["value"] == "limits"
    assert detainers["effective_on"] == "2019-06-15"
    assert [p["id"] for p in detainers["policies"]] == [world.ordinance.pk]
    assert madison["url"].endswith("/api/jurisdictions/madison-wi/")


def test_counts_leave_out_rejected_facts(world, api):
    madison = by_slug(api.get("/api/jurisdictions/"))["madison-wi"]

    assert madison["counts"] == {"statements": 1, "policies": 2, "events": 2}


@pytest.mark.parametrize(
    ("as_of", "stance", "detainers", "jail_access"),
    [
        ("2019-06-14", "unknown", "unknown", "unknown"),
        ("2019-06-15", "limited_cooperation", "limits", "unknown"),
        ("2023-01-31", "limited_cooperation", "limits", "unknown"),
        ("2023-02-01", "non_cooperation", "limits", "limits"),
        ("2023-07-01", "non_cooperation", "limits", "limits"),
    ],
)
def test_as_of_gives_the_stance_and_indicators_of_that_day(
    world, api, as_of, stance, detainers, jail_access
):
    for url in (
        f"/api/jurisdictions/?as_of={as_of}",
        f"/api/jurisdictions/madison-wi/?as_of={as_of}",
    ):
        response = api.get(url)
        data = response.json()
        madison = by_slug(response)["madison-wi"] if "results" in data else data

        assert madison["stance"] == stance
        assert madison["as_of"] == as_of
        assert madison["indicators"]["detainers"]["value"] == detainers
        assert madison["indicators"]["jail_access"]["value"] == jail_access


def test_undated_policy_counts_from_its_articles_publication(world, api):
    before = by_slug(api.get("/api/jurisdictions/?as_of=2023-04-30"))["houston-tx"]
    after = by_slug(api.get("/api/jurisdictions/?as_of=2023-05-01"))["houston-tx"]

    assert before["stance"] == "unknown"
    assert after["stance"] == "limited_cooperation"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("stance=cooperation", ["dane-county-wi"]),
        ("stance=non_cooperation", ["madison-wi"]),
        ("stance=unknown", ["austin-tx"]),
        ("stance=non_cooperation&as_of=2020-01-01", []),
        ("stance=limited_cooperation&as_of=2020-01-01", ["madison-wi"]),
        ("detainers=limits", ["houston-tx", "madison-wi"]),
        ("detainers=limits&jail_access=limits", ["madison-wi"]),
        ("detainers=unknown", ["austin-tx", "dane-county-wi"]),
        ("agreement_287g=cooperates", ["dane-county-wi"]),
        ("jail_access=limits&as_of=2022-12-31", []),
        ("state=tx", ["austin-tx", "houston-tx"]),
        ("kind=county", ["dane-county-wi"]),
        ("q=MADI", ["madison-wi"]),
        ("state=WI&stance=cooperation", ["dane-county-wi"]),
    ],
)
def test_filters(world, api, query, expected):
    response = api.get(f"/api/jurisdictions/?{query}")

    assert slugs(response) == expected
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("-population", ["austin-tx", "houston-tx", "dane-county-wi", "madison-wi"]),
        ("population", ["madison-wi", "dane-county-wi", "houston-tx", "austin-tx"]),
        # Dane County and Houston tie on one event each: the later id comes first, as with
        # "-event_count,-id".
        ("-event_count", ["madison-wi", "houston-tx", "dane-county-wi", "austin-tx"]),
        ("state,-name", ["houston-tx", "austin-tx", "madison-wi", "dane-county-wi"]),
    ],
)
def test_ordering(world, api, ordering, expected):
    assert slugs(api.get(f"/api/jurisdictions/?ordering={ordering}")) == expected


def test_pages_cover_every_jurisdiction_once_in_order(world, api):
    seen, url, pages = [], "/api/jurisdictions/?page_size=3", 0
    while url:
        data = api.get(url).json()
        assert data["count"] == 4
        seen += [row["slug"] for row in data["results"]]
        url, pages = data["next"], pages + 1

    assert seen == ALL
    assert pages == 2
    second = api.get("/api/jurisdictions/?page_size=3&page=2").json()
    assert second["previous"] is not None
    assert second["next"] is None


def test_detail_has_history_officials_and_evidence(world, api):
    response = api.get("/api/jurisdictions/madison-wi/")

    assert response.status_code == 200
    data = response.json()
    assert data["stance"] == "non_cooperation"
    assert data["history"] == [
        {"on": "2019-06-15", "stance": "limited_cooperation", "policies": [world.ordinance.pk]},
        {"on": "2023-02-01", "stance": "non_cooperation", "policies": [world.order.pk]},
    ]
    assert [o["slug"] for o in data["officials"]] == ["satya-rhodes-conway"]
    assert data["counts"] == {"statements": 1, "policies": 2, "events": 2}


def test_detail_of_an_unknown_slug_is_404(world, api):
    response = api.get("/api/jurisdictions/atlantis-xx/")

    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("as_of=2024-13-01", "as_of"),
        ("as_of=yesterday", "as_of"),
        ("stance=hostile", "stance"),
        ("detainers=sometimes", "detainers"),
        ("kind=village", "kind"),
    ],
)
def test_bad_parameters_are_400s_naming_the_field(world, api, query, field):
    response = api.get(f"/api/jurisdictions/?{query}")

    assert response.status_code == 400
    assert field in response.json()


def test_bad_as_of_on_the_detail_is_a_400(world, api):
    response = api.get("/api/jurisdictions/madison-wi/?as_of=2024-02-30")

    assert response.status_code == 400
    assert "as_of" in response.json()


def test_the_policy_references_in_lists_are_what_their_serializer_writes(world):
    from stances.api.serializers import PolicyRefSerializer, policy_ref
    from stances.models import PolicyAction

    policies = list(PolicyAction.objects.all())
    assert policies and any(p.effective_on is None for p in policies)
    assert [policy_ref(p) for p in policies] == PolicyRefSerializer(policies, many=True).data
