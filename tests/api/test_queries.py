"""Every list and detail is served in a constant number of queries, whatever the page size."""

import datetime as dt

import pytest

from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    JurisdictionFactory,
    OfficialFactory,
    PolicyActionFactory,
    PolicyEffectFactory,
    StatementFactory,
)


@pytest.fixture
def build(db):
    """``build(n)``: n jurisdictions, each with an official, a statement, an operation and its
    part, a policy with two effects, and an article naming it; all on one article returned."""

    def make(n: int):
        operation = EnforcementEventFactory(kind="operation", name="Operation Wide")
        article = operation.article
        for i in range(n):
            place = JurisdictionFactory()
            speaker = OfficialFactory(jurisdiction=place)
            StatementFactory(article=article, speaker=speaker, said_on=dt.date(2024, 1, 1))
            EnforcementEventFactory(article=article, jurisdiction=place, parent=operation)
            policy = PolicyActionFactory(
                article=article, jurisdiction=place, effective_on=dt.date(2020, 1, 1 + i % 28)
            )
            PolicyEffectFactory(policy=policy, indicator="detainers", direction="limits")
            PolicyEffectFactory(policy=policy, indicator="jail_access", direction="limits")
            ArticleFactory().jurisdictions.add(place)
            article.jurisdictions.add(place)
            article.officials.add(speaker)
        return article

    return make


# The bound for each endpoint: the same whether 2 rows or 40 are on the page.
LISTS = {
    # jurisdictions, evidence, the policies behind the indicators, ICE's lists (2); for the
    # effective stance, the counties and states above the page and the kinds of the states'
    # policies (whether a state law binds)
    "/api/jurisdictions/": 7,
    "/api/jurisdictions/?format=geojson": 4,  # and ICE's lists (agreements, requests)
    # As of a date: the page filtered in SQL on the stance periods, then the page's periods,
    # and the periods of the counties and states above it.
    "/api/jurisdictions/?as_of=2020-06-01": 8,
    "/api/jurisdictions/?as_of=2020-06-01&stance=non_cooperation&detainers=limits": 8,
    "/api/jurisdictions/?format=geojson&as_of=2020-06-01": 5,
    "/api/officials/": 3,  # count, page, the page's statement counts
    "/api/statements/": 2,
    "/api/events/": 2,
    "/api/policies/": 3,  # count, page, effects
    "/api/articles/": 2,
}


@pytest.fixture(autouse=True)
def _cache_outside_the_database(settings):
    """Count the queries of the API itself: the anonymous throttle's bookkeeping goes to the
    cache, which is the database cache table by default (4 queries per request) and Redis in
    production (none); here it is kept in memory so it does not blur the count."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.mark.parametrize("rows", [2, 40])
@pytest.mark.parametrize(("url", "bound"), LISTS.items())
def test_lists_in_constant_queries(build, api, django_assert_max_num_queries, url, bound, rows):
    build(rows)
    joiner = "&" if "?" in url else "?"

    with django_assert_max_num_queries(bound):
        response = api.get(f"{url}{joiner}page_size={rows}")

    assert response.status_code == 200
    data = response.json()
    if "features" in data:  # not paginated: every jurisdiction, the operation's own included
        assert len(data["features"]) == rows + 1
    elif "stance=" in url:  # each place's two limits, in force since January 2020
        assert len(data["results"]) == rows
        assert {r["stance"] for r in data["results"]} == {"non_cooperation"}
    else:
        assert len(data["results"]) == rows


@pytest.mark.parametrize("rows", [2, 40])
@pytest.mark.parametrize(
    ("path", "bound"),
    [
        ("jurisdictions", 6),  # and the layers above the rows, their policies' kinds
        ("officials", 4),
        ("statements", 4),
        ("events", 4),
        ("policies", 4),
        ("articles", 4),
    ],
)
def test_csv_in_constant_queries(build, api, django_assert_max_num_queries, path, bound, rows):
    build(rows)

    with django_assert_max_num_queries(bound):
        response = api.get(f"/api/{path}/?format=csv")
        lines = b"".join(response.streaming_content).splitlines()

    assert len(lines) >= 1 + rows


@pytest.mark.parametrize("rows", [2, 40])
def test_details_in_constant_queries(build, api, django_assert_max_num_queries, rows):
    article = build(rows)
    place = article.jurisdictions.order_by("id").first()
    urls = {
        # The article, its jurisdictions, officials, statements, events, policies, effects and
        # declarations.
        f"/api/articles/{article.pk}/": 8,
        # and ICE's lists (agreements, requests); the county and state above it, their
        # evidence, the state's policies' kinds
        f"/api/jurisdictions/{place.slug}/": 9,
        f"/api/statements/{article.statements.first().pk}/": 1,
        f"/api/events/{article.enforcementevents.first().pk}/": 1,
        f"/api/policies/{article.policyactions.first().pk}/": 2,
        f"/api/officials/{article.officials.first().slug}/": 2,  # the official, its count
    }
    for url, bound in urls.items():
        with django_assert_max_num_queries(bound):
            response = api.get(url)
        assert response.status_code == 200, url

    facts = api.get(f"/api/articles/{article.pk}/").json()
    assert len(facts["statements"]) == rows
    assert len(facts["events"]) == rows + 1


@pytest.mark.parametrize("rows", [2, 40])
def test_changes_in_constant_queries(build, api, django_assert_max_num_queries, rows):
    build(rows)

    with django_assert_max_num_queries(5):  # one per kind
        response = api.get(f"/api/changes/?limit={rows}")

    assert len(response.json()["results"]) == rows
