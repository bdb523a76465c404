"""Cities linked to their county (never guessed), and a place's layers on its page and in the
API: its own stance, its county's jail, its state's law, and the effective stance."""

import datetime as dt

import pytest

from articles.extraction.places.gazetteer import place_by_slug
from stances.models import Jurisdiction
from stances.services.jurisdictions import counties_link, jurisdictions_for_places
from tests.factories import ArticleFactory, JurisdictionFactory, policy_on

BODY = (
    "The mayor signed an order limiting what police share with ICE.\n"
    "The sheriff said the county jail will refuse ICE detainers.\n"
    "The legislature passed a law requiring jails to honor detainers."
)


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
