"""Atom feeds of what changed: valid Atom (read by feedparser, as feed readers read them), one
entry per fact with links to the fact and its source, and new entries when a fact is added."""

import feedparser
import pytest

from stances.services.policies import policy_create
from stances.services.statements import statement_create
from tests.factories import ArticleFactory, JurisdictionFactory, OfficialFactory

BODY = (
    "Sheriff Dana Roe said: “Our jail will hold no one for ICE without a warrant.”\n"
    "The county board ended its contract to hold ICE detainees on Tuesday.\n"
    "The governor signed a law requiring every jail to honor detainers."
)


@pytest.fixture
def places(db):
    state = JurisdictionFactory(name="Oregon", kind="state", state="OR", slug="oregon")
    county = JurisdictionFactory(
        name="Lane County", kind="county", state="OR", slug="lane-county-or"
    )
    city = JurisdictionFactory(name="Eugene", state="OR", slug="eugene-or", county=county)
    elsewhere = JurisdictionFactory(name="Boise", state="ID", slug="boise-id")
    article = ArticleFactory(body=BODY, title="Lane County ends its ICE contract")
    sheriff = OfficialFactory(name="Dana Roe", slug="dana-roe", jurisdiction=county)
    return state, county, city, elsewhere, article, sheriff


def parsed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception  # well-formed Atom
    assert feed.version == "atom10"
    return feed


def test_the_site_feed_lists_facts_with_links_to_the_fact_and_its_source(client, places):
    state, county, city, elsewhere, article, sheriff = places
    quote = statement_create(
        article=article,
        speaker=sheriff,
        stance="against_cooperation",
        quote="Our jail will hold no one for ICE without a warrant.",
    )

    feed = parsed(client, "/feeds/changes.atom")

    [entry] = [e for e in feed.entries if e.title.startswith("Statement")]
    assert entry.title == "Statement: Dana Roe on Lane County, OR"
    assert "Official: Dana Roe" in {e.title for e in feed.entries}
    assert quote.quote in entry.summary
    links = {link.rel: link.href for link in entry.links}
    assert links["alternate"].endswith(f"/jurisdictions/lane-county-or/#statement-{quote.pk}")
    # Both absolute, as feed readers need them away from the site.
    assert links["via"] == f"http://testserver/articles/{article.pk}/#statement-{quote.pk}"
    assert entry.id.startswith(f"tag:sanctuary,2026:statement/{quote.pk}/")


def test_a_new_fact_is_a_new_entry(client, places, committed):
    state, county, city, elsewhere, article, sheriff = places
    before = parsed(client, "/feeds/changes.atom")

    with committed():
        policy_create(
            article=article,
            jurisdiction=county,
            kind="jail_contract",
            summary="The county ended its contract to hold ICE detainees.",
            evidence="ended its contract to hold ICE detainees",
            effects=[("jail_access", "limits")],
        )
    after = parsed(client, "/feeds/changes.atom")

    assert len(after.entries) == len(before.entries) + 1
    assert after.entries[0].title == "Policy action: Jail contract in Lane County, OR"


def test_a_places_feed_covers_its_county_and_state_and_nothing_else(client, places):
    state, county, city, elsewhere, article, sheriff = places
    for place, words, kind in [
        (county, "ended its contract to hold ICE detainees", "jail_contract"),
        (state, "signed a law requiring every jail to honor detainers", "state_law"),
        (elsewhere, "The governor signed a law", "state_law"),
    ]:
        policy_create(
            article=article,
            jurisdiction=place,
            kind=kind,
            summary=f"A policy of {place}.",
            evidence=words,
            effects=[("detainers", "limits")],
        )

    feed = parsed(client, "/feeds/jurisdictions/eugene-or.atom")

    titles = {entry.title for entry in feed.entries}
    assert titles == {
        "Policy action: Jail contract in Lane County, OR",
        "Policy action: State law in Oregon",
    }
    assert feed.feed.title == "Sanctuary: Eugene, OR"


def test_an_officials_feed_has_their_statements(client, places):
    state, county, city, elsewhere, article, sheriff = places
    statement_create(
        article=article,
        speaker=sheriff,
        stance="against_cooperation",
        quote="Our jail will hold no one for ICE without a warrant.",
    )

    feed = parsed(client, "/feeds/officials/dana-roe.atom")

    assert [e.title for e in feed.entries] == ["Statement: Dana Roe on Lane County, OR"]


def test_an_unknown_place_or_official_is_a_404(client, db):
    assert client.get("/feeds/jurisdictions/atlantis-xx.atom").status_code == 404
    assert client.get("/feeds/officials/nobody.atom").status_code == 404


def test_pages_link_their_feed(client, places):
    state, county, city, elsewhere, article, sheriff = places
    home = client.get("/").content.decode()
    place = client.get("/jurisdictions/eugene-or/").content.decode()

    assert 'rel="alternate" type="application/atom+xml"' in home and "/feeds/changes.atom" in home
    assert "/feeds/jurisdictions/eugene-or.atom" in place
