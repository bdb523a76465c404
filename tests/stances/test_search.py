"""Search by name: the header's box, its suggestions, and filters that take names."""

import pytest

from tests.factories import JurisdictionFactory, OfficialFactory


@pytest.fixture
def named(db):
    atlanta = JurisdictionFactory(name="Atlanta", state="GA", slug="atlanta-ga", population=500)
    JurisdictionFactory(name="Atlanta", state="TX", slug="atlanta-tx", population=5)
    JurisdictionFactory(name="Georgia", kind="state", state="GA", slug="georgia")
    mayor = OfficialFactory(
        name="Keisha Lance Bottoms", slug="keisha-lance-bottoms", role="Mayor", jurisdiction=atlanta
    )
    return atlanta, mayor


def test_every_page_has_the_search_box(client, named):
    page = client.get("/statements/").content.decode()
    assert 'action="/search/"' in page and 'list="site-search-suggestions"' in page


def test_suggestions_name_places_and_people(client, named):
    results = client.get("/search/suggest/?q=atl").json()["results"]
    assert [r["label"] for r in results[:2]] == ["Atlanta, GA", "Atlanta, TX"]  # biggest first
    people = client.get("/search/suggest/?q=keisha&kind=person").json()["results"]
    assert people == [
        {
            "label": "Keisha Lance Bottoms (Mayor, Atlanta, GA)",
            "kind": "person",
            "url": "/statements/?speaker=keisha-lance-bottoms",
            "slug": "keisha-lance-bottoms",
        }
    ]
    assert client.get("/search/suggest/?q=a").json() == {"results": []}


@pytest.mark.parametrize(
    ("q", "to"),
    [
        ("Atlanta, GA", "/jurisdictions/atlanta-ga/"),
        ("atlanta ga", "/jurisdictions/atlanta-ga/"),
        ("Keisha Lance Bottoms", "/statements/?speaker=keisha-lance-bottoms"),
        ("Keisha Lance Bottoms (Mayor, Atlanta, GA)", "/statements/?speaker=keisha-lance-bottoms"),
        ("Georgia", "/jurisdictions/georgia/"),
    ],
)
def test_the_box_takes_the_reader_to_the_one_match(client, named, q, to):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 302 and response["Location"] == to


def test_several_matches_are_listed_and_none_is_said(client, named):
    page = client.get("/search/?q=Atlanta").content.decode()
    assert 'href="/jurisdictions/atlanta-tx/"' in page and "2 matches" in page
    assert "No place or person is named “Zzyzx”" in client.get("/search/?q=Zzyzx").content.decode()


def test_filters_take_names_and_state_names(client, named):
    assert client.get("/statements/?jurisdiction=Atlanta, GA").status_code == 200
    assert client.get("/statements/?speaker=keisha lance bottoms").status_code == 200
    assert client.get("/statements/?state=Georgia").status_code == 200
    ambiguous = client.get("/timeline/?jurisdiction=Atlanta")
    assert ambiguous.status_code == 400
    assert "names several places (Atlanta, GA; Atlanta, TX)" in ambiguous.content.decode()
    api = client.get("/api/statements/?jurisdiction=Atlantis")
    assert api.status_code == 400 and "Atlantis" in api.json()["jurisdiction"][0]


def test_the_statements_count_says_how_many_are_about_a_place(client, db):
    from tests.factories import ArticleFactory, statement_at

    article = ArticleFactory(body="“Here,” the mayor said. “Nowhere,” the ICE director said.")
    mayor = OfficialFactory(jurisdiction=JurisdictionFactory())
    director = OfficialFactory(jurisdiction=None)
    statement_at(article, mayor, "“Here,”")
    statement_at(article, director, "“Nowhere,”")
    page = client.get("/statements/").content.decode()
    assert "2 statements: 1 about a place on the map, 1 from speakers of no place" in page
