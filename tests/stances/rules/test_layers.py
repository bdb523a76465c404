"""The layers of government over a place: the effective stance on invented cases (pure); cities
linked to their county (never guessed); the layers on a place's page, in the API and on the map."""

import datetime as dt

import pytest

from articles.extraction.places.gazetteer import place_by_slug
from stances.models import Jurisdiction
from stances.rules.layers import Layer, binding_indicators, effective_stance
from stances.rules.stance import EvidenceItem, derive, stance_from_indicators
from stances.services.jurisdictions import counties_link, jurisdictions_for_places
from tests.factories import ArticleFactory, JurisdictionFactory, policy_on

D = dt.date

BODY = (
    "The mayor signed an order limiting what police share with ICE.\n"
    "The sheriff said the county jail will refuse ICE detainers.\n"
    "The legislature passed a law requiring jails to honor detainers."
)


def layer(*effects, binding=()):
    """A layer from (indicator, direction, policy id) effects, all dated 2019."""
    evidence = [EvidenceItem(i, d, D(2019, 1, 1), pid) for i, d, pid in effects]
    return Layer(derive(evidence).indicators, frozenset(binding))


def test_a_state_law_mandating_cooperation_binds_a_city_that_limits_it():
    city = layer(("detainers", "limits", 1), ("local_resources", "limits", 2))
    state = layer(
        ("detainers", "cooperates", 10),
        ("local_resources", "cooperates", 11),
        binding={"detainers", "local_resources"},
    )
    result = effective_stance(city, county=layer(), state=state)
    assert result.stance == "cooperation"
    assert result.indicators["detainers"].level == "state"
    assert result.indicators["local_resources"].state.value == "cooperates"
    assert stance_from_indicators(city.indicators) == "non_cooperation"  # its own, unchanged


def test_a_county_jail_refusing_detainers_under_a_silent_state():
    city = layer(("information_sharing", "limits", 1))
    county = layer(("detainers", "limits", 5), ("jail_access", "limits", 6))
    result = effective_stance(city, county=county, state=layer())
    assert result.stance == "non_cooperation"
    assert {n: s.level for n, s in result.indicators.items() if s.level} == {
        "detainers": "county",
        "jail_access": "county",
        "information_sharing": "own",
    }


def test_a_city_with_no_evidence_under_a_sanctuary_state():
    state = layer(
        ("detainers", "limits", 10),
        ("information_sharing", "limits", 11),
        binding={"detainers", "information_sharing"},
    )
    result = effective_stance(layer(), county=None, state=state)
    assert result.stance == "non_cooperation"
    assert result.levels == {"state"}


def test_nothing_known_in_any_layer_is_unknown_never_cooperation():
    result = effective_stance(layer(), county=layer(), state=layer())
    assert result.stance == "unknown"
    assert all(s.level is None for s in result.indicators.values())


def test_a_state_agencys_own_287g_agreement_does_not_bind_its_localities():
    state = layer(("agreement_287g", "cooperates", 10))  # the highway patrol's: not a law
    city = layer(("local_resources", "limits", 1))
    result = effective_stance(city, county=None, state=state)
    assert result.indicators["agreement_287g"].level is None
    assert result.stance == "limited_cooperation"


def test_a_county_287g_agreement_applies_where_the_city_says_nothing_of_one():
    county = layer(("agreement_287g", "cooperates", 5))
    result = effective_stance(layer(("local_resources", "limits", 1)), county=county)
    assert result.indicators["agreement_287g"].level == "county"
    assert result.stance == "cooperation"


def test_a_city_running_its_own_jail_decides_detainers_when_the_county_is_silent():
    city = layer(("detainers", "limits", 1))
    result = effective_stance(city, county=layer(), state=layer())
    assert result.indicators["detainers"].level == "own"


def test_binding_indicators_are_those_a_state_law_sets():
    state = layer(("detainers", "cooperates", 10), ("agreement_287g", "cooperates", 11))
    kinds = {10: "state_law", 11: "agreement_287g"}
    assert binding_indicators(state.indicators, kinds) == {"detainers"}


@pytest.fixture
def georgia(db):
    atlanta = JurisdictionFactory(
        name="Atlanta", state="GA", slug="atlanta-ga", external_id="geonames:4180439"
    )
    fulton = JurisdictionFactory(
        name="Fulton County",
        kind="county",
        state="GA",
        slug="fulton-county-ga",
        external_id="fips:13121",
    )
    state = JurisdictionFactory(
        name="Georgia", kind="state", state="GA", slug="georgia", external_id="fips:13"
    )
    return atlanta, fulton, state


def test_link_counties_links_a_city_to_the_one_county_it_lies_in(georgia):
    atlanta, fulton, _ = georgia
    boston = JurisdictionFactory(  # in two counties' reach: never guessed
        name="Boston", state="MA", slug="boston-ma", external_id="geonames:4930956"
    )
    JurisdictionFactory(name="Suffolk County", kind="county", state="MA", external_id="fips:25025")
    assert counties_link() == 1
    atlanta.refresh_from_db()
    boston.refresh_from_db()
    assert atlanta.county == fulton
    assert boston.county is None


def test_a_county_created_by_the_ingestion_links_its_stored_cities(db):
    jurisdictions_for_places([place_by_slug("atlanta-ga")])
    jurisdictions_for_places([place_by_slug("fulton-county-ga")])
    assert Jurisdiction.objects.get(slug="atlanta-ga").county.slug == "fulton-county-ga"


@pytest.fixture
def layered(georgia):
    atlanta, fulton, state = georgia
    counties_link()
    article = ArticleFactory(body=BODY, published_on=dt.date(2019, 1, 1))
    policy_on(
        article,
        atlanta,
        "The mayor signed an order limiting what police share with ICE.",
        [("information_sharing", "limits")],
        "executive_order",
        dt.date(2018, 6, 1),
        "day",
    )
    policy_on(
        article,
        fulton,
        "The sheriff said the county jail will refuse ICE detainers.",
        [("detainers", "limits")],
        "law_enforcement_policy",
        dt.date(2018, 7, 1),
        "day",
    )
    return atlanta, fulton, state


def test_a_citys_page_shows_its_county_and_state_layers_and_the_effective_stance(client, layered):
    page = client.get("/jurisdictions/atlanta-ga/").content.decode()
    assert "What applies here" in page
    assert 'href="/jurisdictions/fulton-county-ga/"' in page
    assert 'href="/jurisdictions/georgia/"' in page
    assert "set by county jail" in page
    assert "for residents, across the layers" in page


def test_the_api_gives_both_stances_and_which_layer_set_each_indicator(client, layered):
    body = client.get("/api/jurisdictions/atlanta-ga/").json()
    assert body["stance"] == "limited_cooperation"  # its own: one limit
    effective = body["effective_stance"]
    assert effective["stance"] == "non_cooperation"  # with the county jail's refusal
    assert effective["indicators"]["detainers"] == {
        "value": "limits",
        "effective_on": "2018-07-01",
        "layer": "county",
    }
    assert [layer["level"] for layer in body["layers"]] == ["own", "county", "state"]
    listed = client.get("/api/jurisdictions/?state=GA").json()["results"]
    by_slug = {row["slug"]: row for row in listed}
    assert by_slug["atlanta-ga"]["effective_stance"]["stance"] == "non_cooperation"
    assert by_slug["georgia"]["effective_stance"]["stance"] == "unknown"


def test_the_maps_hover_gives_the_effective_stance(client, layered):
    page = client.get("/").content.decode()
    assert "For residents (with county and state): Non-cooperation" in page
