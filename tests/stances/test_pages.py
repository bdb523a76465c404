"""The reader's pages through the Django test client: the map, the timeline, a jurisdiction, the
statements and the methodology. What they show, how filters change it, how they fail, and that
each is served in a constant number of queries."""

import datetime as dt
import json
import re
from html import unescape
from types import SimpleNamespace

import pytest

from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    JurisdictionFactory,
    OfficialFactory,
    PolicyActionFactory,
    PolicyEffectFactory,
    StatementFactory,
    policy_with_effects,
    span_of,
    statement_at,
)

EXTRACTED = "Machine-extracted, not yet reviewed"

MADISON_BODY = (
    "The council passed an ordinance barring detainer holds.\n"
    "“We will not hold anyone for ICE,” the mayor said.\n"
    "The mayor also signed an order closing the jail to ICE.\n"
    "“The jail will honor every detainer we receive,” the sheriff said.\n"
    "“We have nothing more to add,” the mayor's office said.\n"
    "The sheriff signed a 287(g) agreement."
)
HOUSTON_BODY = "Agents arrested eleven people in Houston.\n“We are watching,” a pastor said."


words = span_of
make_policy = policy_with_effects
make_statement = statement_at


@pytest.fixture
def world(db):
    """Madison: limited cooperation from 2019-06-15, non-cooperation from 2023-02-01. Dane
    County: cooperation from 2022-05-01. Houston: an arrest, no policy. A statement dated by
    itself (reviewed), one dated only by its article (reported), one with no date at all, and
    a rejected statement and policy that must never show."""
    w = SimpleNamespace()
    w.madison = JurisdictionFactory(name="Madison", state="WI", slug="madison-wi")
    w.dane = JurisdictionFactory(
        name="Dane County",
        kind="county",
        state="WI",
        slug="dane-county-wi",
        external_id="fips:55025",  # drawn as its outline
        latitude=43.0,
    )
    w.houston = JurisdictionFactory(
        name="Houston", state="TX", slug="houston-tx", latitude=29.76, longitude=-95.36
    )
    w.article = ArticleFactory(
        title="Madison closes its jail to ICE",
        body=MADISON_BODY,
        published_on=dt.date(2024, 3, 1),
    )
    w.undated_article = ArticleFactory(title="Houston pastors speak", body=HOUSTON_BODY)
    w.mayor = OfficialFactory(name="Satya Rhodes-Conway", slug="satya", jurisdiction=w.madison)
    w.sheriff = OfficialFactory(
        name="Kalvin Barrett", slug="kalvin", role="Sheriff", jurisdiction=w.dane
    )
    w.pastor = OfficialFactory(name="Pastor Lee", slug="lee", role="", jurisdiction=w.houston)

    w.ordinance = make_policy(
        w.article,
        w.madison,
        "The council passed an ordinance barring detainer holds.",
        [("detainers", "limits")],
        kind="ordinance",
        effective_on=dt.date(2019, 6, 15),
        summary="Ordinance barring detainer holds.",
    )
    w.order = make_policy(
        w.article,
        w.madison,
        "The mayor also signed an order closing the jail to ICE.",
        [("jail_access", "limits")],
        effective_on=dt.date(2023, 2, 1),
        review_status="reviewed",
        summary="Executive order closing the jail to ICE.",
    )
    w.agreement = make_policy(
        w.article,
        w.dane,
        "The sheriff signed a 287(g) agreement.",
        [("agreement_287g", "cooperates"), ("jail_access", "cooperates")],
        kind="agreement_287g",
        effective_on=dt.date(2022, 5, 1),
        summary="The sheriff signed a 287(g) agreement.",
    )
    w.rejected_policy = make_policy(
        w.article,
        w.houston,
        "The sheriff signed a 287(g) agreement.",
        [("agreement_287g", "cooperates")],
        kind="agreement_287g",
        effective_on=dt.date(2023, 6, 1),
        review_status="rejected",
        summary="A Houston 287(g) deal the article never mentions.",
    )
    w.refusal = make_statement(
        w.article,
        w.mayor,
        "We will not hold anyone for ICE,",
        said_on=dt.date(2024, 2, 26),
        review_status="reviewed",
    )
    w.honor = make_statement(  # no date of its own: placed at the article's date, hollow
        w.article,
        w.sheriff,
        "The jail will honor every detainer we receive,",
        stance="for_cooperation",
    )
    w.watching = make_statement(  # neither its own date nor its article's: undated
        w.undated_article, w.pastor, "We are watching,", stance="neutral"
    )
    w.rejected_statement = make_statement(
        w.article,
        w.mayor,
        "We have nothing more to add,",
        said_on=dt.date(2024, 2, 28),
        review_status="rejected",
        stance="neutral",
    )
    w.arrests = EnforcementEventFactory(
        article=w.undated_article,
        jurisdiction=w.houston,
        starts_on=dt.date(2024, 1, 10),
        count=11,
        summary="Eleven people arrested in Houston.",
        **words(HOUSTON_BODY, "Agents arrested eleven people"),
    )
    return w


def html(response) -> str:
    return response.content.decode()


def figure(response, name: str) -> dict:
    match = re.search(
        rf'<script id="{name}" type="application/json">(.*?)</script>', html(response)
    )
    assert match, f"no {name} figure on the page"
    return json.loads(match.group(1))


def table_names(response) -> list[str]:
    """The jurisdictions in the map's table, in order."""
    return [
        unescape(n)
        for n in re.findall(r'<th scope="row"><a href="[^"]*">(.*?)</a>', html(response))
    ]


MAP_STANCES = (
    "Non-cooperation",
    "Limited cooperation",
    "Cooperation",
    "Unknown: no policy evidence",
)


def map_points(response) -> dict[str, list[str]]:
    """The places on the map (markers and shaded shapes) by stance label, from the figure's
    hover text; labels (no hover) are not places."""
    points: dict[str, list[str]] = {label: [] for label in MAP_STANCES}
    for trace in figure(response, "map-data")["data"]:
        if trace.get("hoverinfo") == "skip":
            continue
        for text in trace["text"]:
            name, stance = re.match(r"<b>(.*?)</b><br>Stance: (.*?)<br>", text).groups()
            points[stance].append(name)
    return points


def timeline_points(response) -> list[dict]:
    """Every marker on the timeline: its date, lane, hover text and whether it is hollow."""
    data = figure(response, "timeline-data")
    lanes = data["layout"]["yaxis"]["ticktext"]
    return [
        {
            "x": x,
            "lane": lanes[round(y)],
            "text": text,
            "hollow": trace["marker"]["symbol"] == "circle-open",
        }
        for trace in data["data"]
        for x, y, text in zip(trace["x"], trace["y"], trace["text"], strict=True)
    ]


def block(response, element_id: str) -> str:
    """The HTML of the element with ``element_id`` up to the end of its <article> or <li>."""
    page = html(response)
    start = page.index(f'id="{element_id}"')
    ends = [i for i in (page.find("</article>", start), page.find("</li>", start)) if i != -1]
    return page[start : min(ends)]


# Every page, with data -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", "Madison, WI"),
        ("/timeline/", "Pastor Lee"),  # undated: listed beside the figure
        ("/jurisdictions/madison-wi/", "Ordinance barring detainer holds."),
        ("/statements/", "We will not hold anyone for ICE,"),
        ("/about/", "Statements: 1 reviewed, 2 not yet reviewed, 1 rejected."),
    ],
)
def test_every_page_shows_its_data(client, world, url, expected):
    response = client.get(url)

    assert response.status_code == 200
    assert expected in html(response)


def test_the_bare_list_of_places_goes_to_the_map_page_with_its_filters(client, world):
    response = client.get("/jurisdictions/?state=GA")
    assert response.status_code == 302
    assert response["Location"] == "/?state=GA"
    spanish = client.get("/es/jurisdictions/")
    assert (spanish.status_code, spanish["Location"]) == (302, "/es/")


def test_an_unknown_jurisdiction_is_404(client, world):
    assert client.get("/jurisdictions/atlantis-xx/").status_code == 404


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/?as_of=2024-13-45", "Enter a valid date."),
        ("/?stance=maybe", "Select a valid choice. maybe is not one of the available choices."),
        ("/?kind=planet", "Select a valid choice. planet is not one of the available choices."),
        ("/?detainers=sometimes", "Select a valid choice. sometimes is not one of the"),
        ("/timeline/?from=yesterday", "Enter a valid date."),
        ("/timeline/?to=2024-02-30", "Enter a valid date."),
        ("/timeline/?type=tweets", "Select a valid choice. tweets is not one of the"),
        ("/timeline/?lanes=diagonal", "Select a valid choice. diagonal is not one of the"),
        ("/timeline/?jurisdiction=not a slug", "No place is named or has the slug “not a slug”."),
        ("/timeline/?jurisdiction=Atlantis", "No place is named or has the slug “Atlantis”."),
        ("/statements/?jurisdiction=Atlantis", "No place is named or has the slug “Atlantis”."),
        ("/statements/?state=Atlantis", "“Atlantis” is not a state's name or USPS code."),
        ("/statements/?stance=angry", "Select a valid choice. angry is not one of the"),
        ("/statements/?from=soon", "Enter a valid date."),
        ("/statements/?review_status=maybe", "Select a valid choice. maybe is not one of the"),
        ("/jurisdictions/madison-wi/?as_of=tomorrow", "Enter a valid date."),
    ],
)
def test_invalid_filters_are_400_with_the_error_shown(client, world, url, message):
    response = client.get(url)

    assert response.status_code == 400
    page = unescape(html(response))
    assert "Some filters are not valid." in page
    assert message in page


# Empty states ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/", "No jurisdictions yet"),
        ("/timeline/", "No dated facts match these filters."),
        ("/statements/", "No statement matches."),
        ("/about/", "Statements: 0 reviewed, 0 not yet reviewed, 0 rejected."),
    ],
)
def test_pages_say_so_when_there_is_no_data(client, db, url, message):
    response = client.get(url)

    assert response.status_code == 200
    assert message in html(response)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/?state=Wyoming", "No jurisdiction matches these filters."),
        ("/timeline/?jurisdiction=Madison&to=1990-12-31", "No dated facts match these filters."),
        ("/statements/?q=zebra", "No statement matches."),
    ],
)
def test_pages_say_so_when_filters_match_nothing(client, world, url, message):
    response = client.get(url)

    assert response.status_code == 200
    assert message in html(response)
    assert "No jurisdictions yet" not in html(response)


def test_a_jurisdiction_without_evidence_says_unknown_is_not_cooperation(client, db):
    JurisdictionFactory(name="Quietville", slug="quietville-wi")

    page = html(client.get("/jurisdictions/quietville-wi/"))

    assert "No policy evidence yet: the stance is unknown, which is not cooperation." in page
    assert "No statements recorded." in page
    assert 'id="timeline"' not in page  # nothing dated to draw


# Constant queries ------------------------------------------------------------------------------


@pytest.fixture
def build(db):
    """``build(n)``: n jurisdictions, each with an official, a dated and an undated statement on
    their own articles, a policy with two effects and an arrest event. Returns the first
    jurisdiction and the shared article every policy comes from."""

    def make(n: int):
        shared = ArticleFactory(published_on=dt.date(2024, 5, 1))
        places = []
        for i in range(n):
            place = JurisdictionFactory(latitude=40 + i % 5, longitude=-100 + i)
            speaker = OfficialFactory(jurisdiction=place)
            StatementFactory(speaker=speaker, said_on=dt.date(2024, 1, 1 + i % 28))
            StatementFactory(speaker=speaker, article=shared, review_status="reviewed")
            StatementFactory(speaker=speaker)  # undated
            policy = PolicyActionFactory(
                article=shared, jurisdiction=places[0] if places else place
            )
            PolicyEffectFactory(policy=policy, indicator="detainers", direction="limits")
            PolicyEffectFactory(policy=policy, indicator="jail_access", direction="limits")
            EnforcementEventFactory(
                article=shared, jurisdiction=place, starts_on=dt.date(2024, 2, 1)
            )
            places.append(place)
        return places[0], shared

    return make


PAGES = {
    # jurisdictions, evidence, arrests, last article change, last statement change, the
    # scrubber's first year; for the hover's effective stance (issue 16's layers), the counties
    # and states above the places and the states' policies' kinds
    "/": 8,
    # and the counts as of the date: statements, policies, events with their arrests
    "/?as_of=2023-01-01&detainers=limits&sort=-arrests": 11,
    "/timeline/": 4,  # statements, policies, their effects, events
    "/timeline/?lanes=jurisdiction": 4,
    "/statements/": 3,  # count, page, how many belong to no place (the map counts the rest)
    "/about/": 3,  # last article change, last statement change, review counts
    # it, evidence, policies, officials, 4 for facts, 3 slug look-ups (see filters.SlugFilter),
    # declarations, its listings on ICE's 287(g) lists (their effects: a query more when it
    # has some)
    # and its layers: the county and state above it, their evidence, the state policies' kinds
    "/jurisdictions/{slug}/": 16,
    # it, places, speakers, statements, events, policies, effects, declarations
    "/articles/{article}/": 8,
}


@pytest.mark.parametrize("n", [2, 25])
@pytest.mark.parametrize(("url", "bound"), PAGES.items())
def test_each_page_in_constant_queries(
    client, build, django_assert_max_num_queries, url, bound, n, settings
):
    # Count the page's own queries: rendered pages and the data version live in the cache, which
    # is the database cache table by default and Redis in production; here it is in memory.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    place, article = build(n)
    url = url.format(slug=place.slug, article=article.pk)

    with django_assert_max_num_queries(bound):
        response = client.get(url)

    assert response.status_code == 200


# Filters change what is shown ------------------------------------------------------------------


def test_the_map_lists_every_jurisdiction_with_evidence_once(client, world):
    response = client.get("/")

    assert table_names(response) == ["Dane County, WI", "Houston, TX", "Madison, WI"]
    assert map_points(response) == {
        "Non-cooperation": ["Madison, WI"],
        "Limited cooperation": [],
        "Cooperation": ["Dane County, WI"],
        "Unknown: no policy evidence": ["Houston, TX"],  # its only policy was rejected
    }


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("stance=cooperation", ["Dane County, WI"]),
        ("stance=unknown", ["Houston, TX"]),
        ("kind=county", ["Dane County, WI"]),
        ("state=tx", ["Houston, TX"]),
        ("detainers=limits", ["Madison, WI"]),
        ("jail_access=cooperates", ["Dane County, WI"]),
        ("detainers=unknown&agreement_287g=unknown", ["Houston, TX"]),
        ("as_of=2020-01-01&stance=limited_cooperation", ["Madison, WI"]),
    ],
)
def test_map_filters_change_the_table_and_the_markers(client, world, query, names):
    response = client.get(f"/?{query}")

    assert response.status_code == 200
    assert table_names(response) == names
    assert sorted(n for group in map_points(response).values() for n in group) == names


def test_as_of_before_any_fact_shows_no_place(client, world):
    """A place is on the map from its first dated fact, not before it."""
    response = client.get("/?as_of=1999-01-01")

    assert "map-data" not in html(response)
    assert table_names(response) == []
    assert "Stances, places and counts as they stood on Jan. 1, 1999." in html(response)


def test_as_of_a_past_date_counts_what_was_known_then(client, world):
    """Madison's ordinance is from 2019; Dane County's agreement and every statement and
    arrest came later, or have no date (counted as of today only)."""
    response = client.get("/?as_of=2020-01-01")

    points = map_points(response)
    assert points["Limited cooperation"] == ["Madison, WI"]
    assert sum(len(names) for names in points.values()) == 1
    assert response.context["page"].statements == 0
    assert response.context["page"].arrests == 0


def test_as_of_changes_a_jurisdictions_stance(client, world):
    before = html(client.get("/jurisdictions/madison-wi/?as_of=2020-01-01"))
    now = html(client.get("/jurisdictions/madison-wi/"))

    assert 'as of Jan. 1, 2020: <span class="stance stance-limited_cooperation">' in before
    assert 'Stance: <span class="stance stance-non_cooperation">' in now


def test_map_sorts_by_a_column(client, world):
    response = client.get("/?sort=-name")

    assert table_names(response) == ["Madison, WI", "Houston, TX", "Dane County, WI"]


def test_the_maps_table_comes_in_pages_that_keep_the_order_and_filters(client, db, settings):
    """Every jurisdiction is on the map; the table lists them a hundred at a time."""
    places = [JurisdictionFactory(name=f"Place {n:03d}", state="KS") for n in range(130)]
    for place in places:
        StatementFactory(jurisdiction=place)

    first = client.get("/?state=KS&sort=-name")
    second = client.get("/?state=KS&sort=-name&page=2")
    beyond = client.get("/?state=KS&sort=-name&page=99")
    names = [p.name + ", KS" for p in reversed(places)]

    assert table_names(first) == names[:100]
    assert table_names(second) == table_names(beyond) == names[100:]
    markers = [t for t in figure(first, "map-data")["data"] if t.get("mode") == "markers"]
    assert sum(len(t["lat"]) for t in markers) == 130
    assert "130 in all (1–100 shown)" in html(first)
    assert 'href="?state=KS&amp;sort=-name&amp;page=2#table" rel="next"' in html(first)
    assert 'href="?state=KS&amp;sort=-name&amp;page=1#table" rel="prev"' in html(second)
    # Sorting again starts from the first page, with the filters kept.
    assert 'href="?state=KS&amp;sort=name#table"' in html(second)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            {
                "We will not hold",
                "The jail will honor",
                "Ordinance barring",
                "Executive order",
                "The sheriff signed",
                "Eleven people",
            },
        ),
        ("jurisdiction=houston-tx", {"Eleven people"}),
        ("jurisdiction=madison-wi", {"We will not hold", "Ordinance barring", "Executive order"}),
        ("speaker=kalvin", {"The jail will honor"}),
        ("stance=for_cooperation", {"The jail will honor"}),
        ("type=events", {"Eleven people"}),
        ("type=statements&type=policies&from=2023-01-01", {"We will not hold", "Executive order"}),
        ("to=2020-01-01", {"Ordinance barring"}),
    ],
)
def test_timeline_filters_change_the_markers(client, world, query, expected):
    texts = [p["text"] for p in timeline_points(client.get(f"/timeline/?{query}"))]

    found = {words for words in FACT_WORDS if any(words in text for text in texts)}
    assert found == expected


def test_the_timeline_has_its_facts_as_a_table_for_screen_readers(client, world):
    """The figure's text equivalent: every marker's fact, with its date and source, in a table
    (newest first), following the same filters."""
    page = client.get("/timeline/?jurisdiction=madison-wi").content.decode()
    table = page.split('class="timeline-text"', 1)[1].split("</details>", 1)[0]
    texts = [p["text"] for p in timeline_points(client.get("/timeline/?jurisdiction=madison-wi"))]
    drawn = {words for words in FACT_WORDS if any(words in text for text in texts)}
    assert {words for words in FACT_WORDS if words in table} == drawn
    days = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">', table)
    assert days and days == sorted(days, reverse=True)


FACT_WORDS = [
    "We will not hold",
    "The jail will honor",
    "Ordinance barring",
    "Executive order",
    "The sheriff signed",
    "Eleven people",
    "We are watching",
    "nothing more to add",
    "Houston 287(g)",
]


def test_timeline_lanes_by_jurisdiction(client, world):
    points = timeline_points(client.get("/timeline/?lanes=jurisdiction&type=policies"))

    assert {p["lane"] for p in points} == {"Madison, WI", "Dane County, WI"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"We will not hold", "The jail will honor", "We are watching"}),
        ("q=detainer", {"The jail will honor"}),
        ("stance=neutral", {"We are watching"}),
        ("speaker=satya", {"We will not hold"}),
        ("review_status=reviewed", {"We will not hold"}),
    ],
)
def test_statement_filters_change_the_list(client, world, query, expected):
    page = html(client.get(f"/statements/?{query}"))

    assert {words for words in FACT_WORDS if words in page} == expected


# Dates on the timeline -------------------------------------------------------------------------


def test_undated_facts_are_listed_and_never_placed_on_the_axis(client, world):
    response = client.get("/timeline/")
    points = timeline_points(response)

    assert not any("We are watching" in p["text"] for p in points)
    undated = html(response).split('id="undated-title"')[1]
    assert "Pastor Lee" in undated
    assert "“We are watching,”" in undated
    assert f'href="/articles/{world.undated_article.pk}/#statement-{world.watching.pk}"' in undated


def test_facts_dated_only_by_their_article_are_hollow_at_its_date(client, world):
    points = timeline_points(client.get("/timeline/"))

    [reported] = [p for p in points if "The jail will honor" in p["text"]]
    [own] = [p for p in points if "We will not hold" in p["text"]]
    assert reported["x"] == "2024-03-01" and reported["hollow"]
    assert "Reported Mar 1, 2024 (the article gives no date of its own)" in reported["text"]
    assert own["x"] == "2024-02-26" and not own["hollow"]


# Review status ---------------------------------------------------------------------------------


def test_review_status_is_marked_on_every_fact(client, world):
    statements = client.get("/statements/")
    jurisdiction = client.get("/jurisdictions/madison-wi/")

    assert "Reviewed" in block(statements, f"statement-{world.refusal.pk}")
    assert EXTRACTED not in block(statements, f"statement-{world.refusal.pk}")
    assert EXTRACTED in block(statements, f"statement-{world.honor.pk}")
    assert EXTRACTED in block(jurisdiction, f"policy-{world.ordinance.pk}")
    assert "Reviewed" in block(jurisdiction, f"policy-{world.order.pk}")


def test_rejected_facts_are_never_shown(client, world):
    pages = [
        html(client.get(url))
        for url in ("/", "/timeline/", "/statements/", "/jurisdictions/houston-tx/")
    ]

    for page in pages:
        assert "nothing more to add" not in page
        assert "Houston 287(g)" not in page
    houston = html(client.get("/jurisdictions/houston-tx/"))
    assert "No policy evidence yet" in houston


# Hostile text ----------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture
def hostile(db):
    place = JurisdictionFactory(name=f"Evil {IMG}", slug="evil-wi")
    body = f"Intro. “Let {IMG} in,” said the mayor. {SCRIPT} A policy here."
    article = ArticleFactory(
        title=f"Title {SCRIPT}", outlet=f"Outlet {IMG}", url="javascript:alert(1)", body=body
    )
    speaker = OfficialFactory(name=f"Mayor {SCRIPT}", slug="mayor-evil", jurisdiction=place)
    statement = make_statement(article, speaker, f"Let {IMG} in,", said_on=dt.date(2024, 1, 2))
    policy = make_policy(
        article,
        place,
        "A policy here.",
        [("detainers", "limits")],
        effective_on=dt.date(2024, 1, 3),
        summary=f"Summary {IMG}",
    )
    return SimpleNamespace(place=place, article=article, statement=statement, policy=policy)


def assert_no_markup_but_ours(page: str) -> None:
    assert "<img" not in page
    assert "javascript:" not in page
    for tag in re.findall(r"<script[^>]*>", page):
        assert re.fullmatch(
            r'<script (src="/static/[^"]+"|id="[a-z-]+" type="application/json")>', tag
        )


@pytest.mark.parametrize(
    ("url", "as_text"),
    [
        ("/", True),
        ("/timeline/", True),  # in the figure (see below) and in its table, as text
        ("/timeline/?lanes=jurisdiction", True),
        ("/jurisdictions/evil-wi/", True),
        ("/statements/", True),
        ("/articles/{article}/", True),
    ],
)
def test_hostile_text_is_escaped_in_the_html(client, hostile, url, as_text):
    page = html(client.get(url.format(article=hostile.article.pk)))

    assert_no_markup_but_ours(page)
    assert ("&lt;img src=x onerror=alert(1)&gt;" in page) is as_text


@pytest.mark.parametrize(
    ("url", "name"),
    [("/", "map-data"), ("/timeline/?lanes=jurisdiction", "timeline-data")],
)
def test_hostile_text_is_escaped_inside_the_figures(client, hostile, url, name):
    data = figure(client.get(url), name)["data"]

    shown = json.dumps([[t.get("text"), t.get("y"), t.get("name")] for t in data])
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "<img" not in shown and "<script" not in shown


def test_quotation_marks_reach_the_hover_text_as_themselves(client, db):
    # plotly decodes &lt; &gt; &amp; but not &quot;, which readers would see as is.
    article = ArticleFactory(body='He said "no" to ICE.', published_on=dt.date(2024, 1, 1))
    StatementFactory(article=article, span_start=8, span_end=12, quote='"no"')

    [point] = timeline_points(client.get("/timeline/"))

    assert '"no"' in point["text"] and "&quot;" not in point["text"]


def test_a_timeline_of_a_few_days_is_drawn_over_two_weeks(client, world):
    # Plotly ticks a few days' range in hours ("06:00"); facts are days.
    layout = figure(client.get("/timeline/?jurisdiction=houston-tx"), "timeline-data")["layout"]

    assert layout["xaxis"]["range"] == ["2024-01-02", "2024-01-18"]
