"""Permalinks and "Cite this": every place, fact and source can be cited, in plain text and
BibTeX, naming Sanctuary, the page, the date retrieved and the underlying source."""

import datetime as dt
import re
from html import unescape

import pytest
from django.utils import timezone

from stances.services.declarations import declaration_create
from stances.services.events import event_create
from stances.services.policies import policy_create
from stances.services.review import fact_review
from stances.services.statements import statement_create
from tests.factories import ArticleFactory, JurisdictionFactory, OfficialFactory

BODY = (
    "Mayor Ana Ruiz said: “Our police will not ask anyone about their status.”\n"
    "The council adopted an ordinance barring ICE from the city jail.\n"
    "Agents arrested 12 people at a car wash on Monday.\n"
    "Ruiz said the city remains a welcoming city."
)


@pytest.fixture
def facts(db):
    place = JurisdictionFactory(name="Salem", state="OR", slug="salem-or")
    article = ArticleFactory(
        body=BODY,
        title="Salem bars ICE from its jail",
        outlet="Salem Daily {News}",
        url="https://example.org/salem",
        published_on=dt.date(2024, 5, 2),
    )
    mayor = OfficialFactory(name="Ana Ruiz", slug="ana-ruiz", jurisdiction=place)
    return {
        "statement": statement_create(
            article=article,
            speaker=mayor,
            stance="against_cooperation",
            quote="Our police will not ask anyone about their status.",
        ),
        "policy": policy_create(
            article=article,
            jurisdiction=place,
            kind="ordinance",
            summary="Ordinance barring ICE from the jail.",
            evidence="adopted an ordinance barring ICE from the city jail",
            effects=[("jail_access", "limits")],
        ),
        "event": event_create(
            article=article,
            jurisdiction=place,
            kind="arrests",
            summary="Twelve arrested at a car wash.",
            evidence="Agents arrested 12 people at a car wash",
            count=12,
        ),
        "declaration": declaration_create(
            article=article, jurisdiction=place, label="welcoming city", words="a welcoming city"
        ),
    }


def text_of(response) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.parametrize("kind", ["statement", "policy", "event", "declaration"])
def test_each_fact_has_a_permalink_page_with_its_words_and_a_citation(client, facts, kind):
    fact = facts[kind]
    response = client.get(f"/facts/{kind}/{fact.pk}/")

    assert response.status_code == 200
    page = text_of(response)
    assert fact.words in page
    permalink = f"http://testserver/facts/{kind}/{fact.pk}/"
    today = timezone.localdate()
    assert "Sanctuary. “" in page and permalink in page
    assert f"retrieved {today:%B} {today.day}, {today.year}" in page
    assert "Source: Salem Daily {News}, “Salem bars ICE from its jail”, 2024-05-02" in page
    bibtex = re.search(
        r'<pre class="cite-bibtex"[^>]*>(.*?)</pre>', response.content.decode(), re.S
    )
    entry = unescape(bibtex[1])
    assert entry.startswith(f"@misc{{sanctuary-{kind}-{fact.pk},")
    assert "Salem Daily \\{News\\}" in entry  # the source's braces escaped
    assert entry.count("{") - entry.count("\\{") == entry.count("}") - entry.count("\\}")


def test_places_and_sources_can_be_cited_too(client, facts):
    article = facts["policy"].article
    place = text_of(client.get("/jurisdictions/salem-or/"))
    source = text_of(client.get(f"/articles/{article.pk}/"))

    assert "http://testserver/jurisdictions/salem-or/" in place and "Cite this" in place
    assert f"http://testserver/articles/{article.pk}/" in source
    assert "Source: Salem Daily {News}, “Salem bars ICE from its jail”, 2024-05-02" in source


def test_a_rejected_fact_or_an_unknown_kind_has_no_page(client, facts, django_user_model):
    editor = django_user_model.objects.create_user("editor-x")
    fact_review(fact=facts["statement"], user=editor, status="rejected")

    assert client.get(f"/facts/statement/{facts['statement'].pk}/").status_code == 404
    assert client.get(f"/facts/opinion/{facts['policy'].pk}/").status_code == 404
    assert client.get("/facts/policy/999999/").status_code == 404


def test_a_fact_page_costs_a_few_queries(client, facts, django_assert_max_num_queries, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # the fact with its place, article and speaker; the policy's effects
    with django_assert_max_num_queries(3):
        assert client.get(f"/facts/policy/{facts['policy'].pk}/").status_code == 200
