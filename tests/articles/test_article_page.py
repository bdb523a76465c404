"""The article page: the text with each fact's words highlighted in place, and the facts listed
with their review status."""

import datetime as dt
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.core.cache import caches

from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    JurisdictionFactory,
    OfficialFactory,
    PolicyActionFactory,
    PolicyEffectFactory,
    StatementFactory,
)

BODY = (
    "Madison, Wis. — The council voted on Tuesday. "
    "The ordinance says “We will not hold anyone for ICE” and takes effect in June. "
    "Agents arrested 14 people last week, the sheriff said."
)


def span(text: str) -> dict:
    start = BODY.index(text)
    return {"span_start": start, "span_end": start + len(text)}


@pytest.fixture
def page_facts(db):
    """A policy whose sentence contains a statement (nested spans), an event whose span crosses
    the end of the policy's (overlapping spans), and a rejected statement."""
    place = JurisdictionFactory(name="Madison", slug="madison-wi")
    article = ArticleFactory(title="Madison votes", body=BODY, published_on=dt.date(2024, 3, 1))
    article.jurisdictions.add(place)
    mayor = OfficialFactory(name="Satya Rhodes-Conway", jurisdiction=place)
    article.officials.add(mayor)
    f = SimpleNamespace(article=article, place=place)
    f.policy = PolicyActionFactory(
        article=article,
        jurisdiction=place,
        kind="ordinance",
        review_status="reviewed",
        summary="Ordinance barring detainer holds.",
        **span("The ordinance says “We will not hold anyone for ICE” and takes effect in June."),
    )
    PolicyEffectFactory(policy=f.policy)
    f.statement = StatementFactory(
        article=article,
        speaker=mayor,
        quote="We will not hold anyone for ICE",
        **span("We will not hold anyone for ICE"),
    )
    f.event = EnforcementEventFactory(
        article=article,
        jurisdiction=place,
        count=14,
        summary="14 people arrested.",
        **span("takes effect in June. Agents arrested 14 people"),
    )
    f.rejected = StatementFactory(
        article=article,
        speaker=mayor,
        quote="the sheriff said",
        review_status="rejected",
        **span("the sheriff said"),
    )
    return f


class Body(HTMLParser):
    """Reads the article body as a reader's browser would: the anchors before each run of text,
    and for each highlighted run the facts covering it."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # >0 inside <div class="article-body">
        self.pieces: list[dict] = []  # {"text", "facts", "anchors_before"}
        self.anchors: list[str] = []
        self.facts: list[str] | None = None
        self.css = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("class") == "article-body":
            self.depth = 1
        elif self.depth and tag == "div":
            self.depth += 1
        elif self.depth and tag == "span" and attrs.get("class") == "anchor":
            self.anchors.append(attrs["id"])
        elif self.depth and tag == "mark":
            self.facts = attrs.get("data-facts", "").split()
            self.css = attrs.get("class", "")

    def handle_endtag(self, tag):
        if self.depth and tag == "div":
            self.depth -= 1
        elif self.depth and tag == "mark":
            self.facts = None

    def handle_data(self, data):
        if self.depth:
            self.pieces.append(
                {"text": data, "facts": self.facts or [], "css": self.css, "before": self.anchors}
            )
            self.anchors = []

    def highlighted(self, anchor: str) -> str:
        return "".join(p["text"] for p in self.pieces if anchor in p["facts"])

    def first_piece(self, anchor: str) -> dict:
        return next(p for p in self.pieces if anchor in p["facts"])


def read(response) -> Body:
    body = Body()
    body.feed(response.content.decode())
    return body


def test_the_article_page_shows_the_text_and_its_facts(client, page_facts):
    response = client.get(f"/articles/{page_facts.article.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Madison votes</h1>" in page
    assert "".join(p["text"] for p in read(response).pieces) == BODY
    assert 'href="/jurisdictions/madison-wi/">Madison, WI</a>' in page


def test_an_unknown_article_is_404(client, db):
    assert client.get("/articles/999999/").status_code == 404


@pytest.mark.parametrize("kind", ["policy", "statement", "event"])
def test_each_fact_is_highlighted_with_its_anchor_right_before_its_words(client, page_facts, kind):
    fact = getattr(page_facts, kind)
    anchor = f"{kind}-{fact.pk}"

    body = read(client.get(f"/articles/{page_facts.article.pk}/"))

    assert body.highlighted(anchor) == fact.words
    assert anchor in body.first_piece(anchor)["before"]


def test_nested_and_crossing_spans_share_the_words_they_have_in_common(client, page_facts):
    body = read(client.get(f"/articles/{page_facts.article.pk}/"))
    policy, statement, event = (
        f"{kind}-{getattr(page_facts, kind).pk}" for kind in ("policy", "statement", "event")
    )

    [quote] = [p for p in body.pieces if statement in p["facts"]]
    assert set(quote["facts"]) == {policy, statement}
    shared = "".join(p["text"] for p in body.pieces if {policy, event} <= set(p["facts"]))
    assert shared == "takes effect in June."


def test_review_status_is_marked_and_rejected_facts_are_left_out(client, page_facts):
    response = client.get(f"/articles/{page_facts.article.pk}/")
    page = response.content.decode()
    body = read(response)

    statement_line = page.split(f'id="fact-statement-{page_facts.statement.pk}"')[1].split("</p>")[
        0
    ]
    policy_line = page.split(f'id="fact-policy-{page_facts.policy.pk}"')[1].split("</p>")[0]
    assert "Machine-extracted, not yet reviewed" in statement_line
    assert "Reviewed" in policy_line and "Machine-extracted" not in policy_line
    assert body.highlighted(f"statement-{page_facts.rejected.pk}") == ""
    assert f"statement-{page_facts.rejected.pk}" not in page
    assert '<h3>Statements <span class="count">1</span></h3>' in page


def test_unreviewed_words_are_drawn_dashed(client, page_facts):
    body = read(client.get(f"/articles/{page_facts.article.pk}/"))

    quote = body.first_piece(f"statement-{page_facts.statement.pk}")
    policy_only = body.first_piece(f"policy-{page_facts.policy.pk}")  # "The ordinance says “"
    assert quote["css"] == "hl-policy hl-statement hl-unreviewed"  # the quote is not reviewed
    assert policy_only["css"] == "hl-policy"  # the policy alone is


@pytest.mark.parametrize("n", [2, 25])
def test_the_article_page_in_constant_queries(
    client, db, django_assert_max_num_queries, settings, n
):
    # Count the page's own queries: the data version and the stored page live in the shared
    # cache, the database cache table by default and Redis in production; here it is in memory.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    caches["default"].clear()  # a page stored by another test under the same URL and version
    article = ArticleFactory(body='Intro. "We will not hold anyone for ICE," she said.')
    for _ in range(n):
        StatementFactory(article=article)
        PolicyEffectFactory(policy=PolicyActionFactory(article=article))
        EnforcementEventFactory(article=article)
        article.jurisdictions.add(JurisdictionFactory())

    # article, places, speakers, statements, events, policies, their effects, declarations
    with django_assert_max_num_queries(8):
        response = client.get(f"/articles/{article.pk}/")

    assert response.status_code == 200
    assert response.content.decode().count('class="anchor"') == 3 * n


def test_hostile_text_and_links_are_made_harmless(client, db):
    article = ArticleFactory(
        title="<script>alert(1)</script>",
        url="javascript:alert(1)",
        body='Said: "<img src=x onerror=alert(1)>" today.',
    )
    StatementFactory(article=article, speaker__name="<script>alert(2)</script>")

    page = client.get(f"/articles/{article.pk}/").content.decode()

    assert "<script>alert" not in page and "<img" not in page
    assert "javascript:" not in page  # no link to the "original" at all
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page


def test_a_web_address_links_to_the_original(client, article):
    page = client.get(f"/articles/{article.pk}/").content.decode()

    assert f'<a href="{article.url}" rel="noopener noreferrer nofollow">original</a>' in page
