"""Embeds: the map and a place's card may be framed by any site; no other page may be. The iframe
code to copy is on the pages that have an embed. (The browser test frames them from another
origin: ``tests/browser/test_embeds.py``.)"""

import datetime as dt
import re
from html import unescape

import pytest

from stances.services.policies import policy_create
from tests.factories import ArticleFactory, JurisdictionFactory

BODY = "The council adopted an ordinance barring ICE from the city jail on Tuesday."


@pytest.fixture
def salem(db):
    place = JurisdictionFactory(name="Salem", state="OR", slug="salem-or")
    policy_create(
        article=ArticleFactory(
            body=BODY, title="Salem bars ICE from its jail", published_on=dt.date(2024, 5, 2)
        ),
        jurisdiction=place,
        kind="ordinance",
        summary="Ordinance barring ICE from the jail.",
        evidence="adopted an ordinance barring ICE from the city jail",
        effects=[("jail_access", "limits")],
    )
    return place


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.mark.parametrize("path", ["/embed/map/", "/embed/jurisdictions/salem-or/"])
def test_an_embed_may_be_framed_by_any_site_and_keeps_the_rest_of_the_policy(client, salem, path):
    for answer in ("computed", "stored"):  # a stored answer keeps its headers
        response = client.get(path)
        assert response.status_code == 200, answer
        assert "X-Frame-Options" not in response, answer
        policy = directives(response)
        assert policy["frame-ancestors"] == "http: https:", answer
        assert policy["script-src"] == "'self'" and policy["default-src"] == "'self'", answer


@pytest.mark.parametrize("path", ["/", "/jurisdictions/salem-or/", "/about/", "/statements/"])
def test_every_other_page_refuses_to_be_framed(client, salem, path):
    for answer in ("computed", "stored"):
        response = client.get(path)
        assert response.status_code == 200, answer
        assert response["X-Frame-Options"] == "DENY", answer
        assert directives(response)["frame-ancestors"] == "'none'", answer


def test_the_card_says_the_stance_and_its_evidence_and_links_out(client, salem):
    response = client.get("/embed/jurisdictions/salem-or/")
    text = text_of(response)
    assert "Salem, OR" in text and "Stance: Limited cooperation" in text
    assert "Jail access Limits cooperation since May 2, 2024" in text
    assert "0 statements, 1 policy, 0 enforcement events" in text
    assert 'class="verdict"' in response.content.decode()  # the one-line verdict, generated
    # Links leave the host's page alone: they open Sanctuary in a new tab.
    links = re.findall(r"<a [^>]*>", response.content.decode())
    assert links and all('target="_blank"' in link and "noopener" in link for link in links)


def test_an_embed_keeps_its_filters_and_says_what_is_wrong(client, salem):
    response = client.get("/embed/map/?as_of=2001-01-01")
    assert response.status_code == 200
    assert "as of Jan. 1, 2001" in text_of(response)

    response = client.get("/embed/map/?as_of=not-a-date")
    assert response.status_code == 400
    assert "as_of" in text_of(response)
    assert client.get("/embed/jurisdictions/atlantis-xx/").status_code == 404


def test_the_pages_offer_the_iframe_code_to_copy(client, salem):
    place = text_of(client.get("/jurisdictions/salem-or/"))
    assert '<iframe src="http://testserver/embed/jurisdictions/salem-or/"' in place

    # After Salem's ordinance (May 2024): a place is on the map from its first dated fact.
    home = text_of(client.get("/?kind=city&as_of=2024-06-01"))
    assert '<iframe src="http://testserver/embed/map/?kind=city&amp;as_of=2024-06-01"' in home


def test_the_card_costs_a_few_queries(client, salem, django_assert_max_num_queries, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with django_assert_max_num_queries(8):
        assert client.get("/embed/jurisdictions/salem-or/").status_code == 200


def test_the_maps_downloads_give_the_tables_rows(client, salem):
    """The map's CSV and GeoJSON links carry its filters and ``evidence=true``: the rows of
    the table under the map, not every place stored."""
    JurisdictionFactory(name="Bend", state="OR", slug="bend-or")  # no evidence: not in the table
    page = client.get("/?kind=city").content.decode()
    [csv_link] = re.findall(r'href="(/api/jurisdictions/\?[^"]*format=csv)"', page)
    response = client.get(unescape(csv_link))
    rows = b"".join(response.streaming_content).decode().strip().splitlines()
    assert len(rows) == 2 and "salem-or" in rows[1]  # the header and Salem, not Bend
