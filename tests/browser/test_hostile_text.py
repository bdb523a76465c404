"""Hostile text in a real browser: article text, metadata and hand-made facts carrying markup and
script must reach every reader and editor as literal text, and never run.

The article goes through the real ingestion (``article_ingest``), so its quote, the policy and
event summaries drawn from its sentences, its title, outlet and address carry the payloads as the
pipeline stores them. Facts the pipeline would not produce (a place's or an official's name, an
event's name, a ``javascript:`` address from an old import) are made with the factories.

Every page is checked twice: under the site's Content-Security-Policy and with the policy turned
off. The second run shows that escaping alone holds: the CSP is a second wall, not the only one.
On every page: no script ran (``window.__pwned`` unset, no dialog, no CSP violation), the server's
HTML and the figures' JSON hold no live tag from the payloads, no element carries an ``on*``
attribute or a ``javascript:`` address, and the payloads are shown as literal text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from urllib.parse import quote as urlquote

import pytest
from django.core.cache import cache
from django.test import Client

from articles.models import Article
from stances.models import (
    CorrectionRequest,
    EnforcementEvent,
    Jurisdiction,
    Official,
    PolicyAction,
    Statement,
)
from stances.services.ingestion import article_ingest
from tests.editors import admin_url, editor_user
from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    JurisdictionFactory,
    OfficialFactory,
    policy_with_effects,
    span_of,
    statement_at,
)

from .conftest import Tab

pytestmark = pytest.mark.browser

PWN = "window.__pwned=1"
SCRIPT = f"<script>{PWN}</script>"
IMG = f'<img src=x onerror="{PWN}">'
ALERT = "<img src=x onerror=alert(document.domain)>"  # a dialog, should it ever run
SVG = f'"><svg onload={PWN}>'  # leaves an attribute first
JS_URL = f"javascript:{PWN}"
# Plotly renders a subset of HTML in hover labels, tick labels and titles.
PLOTLY = f'<a href="{JS_URL}">link</a> <b onmouseover="{PWN}">bold</b><br><sup>2</sup>'
HOSTILE = f"{SCRIPT} {IMG} {ALERT} {SVG} {PLOTLY}"

# Tags the payloads would leave in a page's HTML if any of them reached it unescaped.
LIVE_PAYLOAD = re.compile(
    r"<script>window|<img src=x|<svg[ /]onload|<b onmouseover|<a href=[\"']javascript:|<sup>2",
    re.IGNORECASE,
)
# The only markup our own figures put in their text (charts.py); anything else is a payload.
OWN_FIGURE_MARKUP = re.compile(r"<(?!/?(?:b|br|i|extra)>)")

# Invented: no such mayor, council, raid or newspaper.
# Inside a quotation, news nests single quotes: the payload's attributes are single-quoted here,
# as a hostile page's would be to survive as one quotation (they are just as live unescaped).
INGESTED_QUOTE = "Our officers will not honor ICE detainers " + HOSTILE.replace('"', "'")
INGESTED_BODY = "\n\n".join(
    [
        f"Boise mayor says city police will not hold people for ICE {SCRIPT}",
        "BOISE, Idaho — Boise Mayor Dana Whitfield said Tuesday that city police will not hold "
        f"anyone for federal immigration agents {IMG} {SVG}.",
        f"“{INGESTED_QUOTE}” Whitfield said at a news conference.",
        f"ICE agents arrested 40 people in Boise last week in a raid {SCRIPT} {PLOTLY}.",
    ]
)
INGESTED_URL = f'https://news.example.org/story?x="><svg/onload={PWN}>'

MADE_QUOTE = f"We will not help ICE {HOSTILE}"
UNDATED_QUOTE = f"Nobody here works for ICE {SCRIPT} {PLOTLY}"
POLICY_WORDS = f"The council passed an ordinance ending ICE detainers {SCRIPT}."
EVENT_WORDS = f"ICE agents arrested 12 people {IMG} in a raid."
MADE_BODY = "\n\n".join(
    [
        f"The council acts {HOSTILE}",
        f"The mayor said “{MADE_QUOTE}” at the meeting.",
        f"Later she added: “{UNDATED_QUOTE}”",
        POLICY_WORDS,
        EVENT_WORDS,
    ]
)


@dataclass
class World:
    ingested: Article
    made: Article
    place: Jurisdiction  # hostile name, on the map
    speaker: Official  # hostile name and role
    statement: Statement
    policy: PolicyAction
    event: EnforcementEvent


@pytest.fixture
def world(migrated_db) -> World:
    cache.clear()  # the database cache outlives the flushed tables: no page from another test
    ingested = article_ingest(
        body=INGESTED_BODY,
        title=f"Boise police and ICE {SCRIPT} {SVG}",
        outlet=f"The {IMG} Ledger",
        url="https://news.example.org/story",
        published_on=dt.date(2024, 5, 1),
    ).article
    # Stored before an article's address had to be a URI (the services refuse it now): what old
    # rows hold must still be shown as text.
    Article.objects.filter(pk=ingested.pk).update(url=INGESTED_URL)
    ingested.refresh_from_db()
    assert ingested.statements.filter(quote=INGESTED_QUOTE).exists()  # the pipeline found it
    place = JurisdictionFactory(
        name=f"Hostile {SCRIPT} {PLOTLY}",
        state="KS",
        slug="hostile-ks",
        latitude=38.5,
        longitude=-98.5,
    )
    speaker = OfficialFactory(
        name=f"Dana {SCRIPT} {SVG}", slug="dana-hostile", role=IMG, jurisdiction=place
    )
    made = ArticleFactory(
        title=f"Council {PLOTLY} {SCRIPT}",
        outlet=SVG,
        url=JS_URL,  # from an old import: the URL field's validation would refuse it now
        body=MADE_BODY,
        published_on=None,
    )
    statement = statement_at(made, speaker, MADE_QUOTE, said_on=dt.date(2024, 3, 1))
    statement_at(made, speaker, UNDATED_QUOTE)  # no date, nor has its article: undated
    policy = policy_with_effects(
        made,
        place,
        POLICY_WORDS,
        [("detainers", "limits"), ("jail_access", "limits")],
        summary=f"Ordinance {HOSTILE}",
        effective_on=dt.date(2024, 3, 5),
    )
    event = EnforcementEventFactory(
        article=made,
        jurisdiction=place,
        name=f"Operation {SCRIPT} {SVG}",
        summary=f"Raid {HOSTILE}",
        starts_on=dt.date(2024, 3, 10),
        **span_of(MADE_BODY, EVENT_WORDS),
    )
    return World(ingested, made, place, speaker, statement, policy, event)


@pytest.fixture(params=["with the CSP", "without the CSP"])
def csp(request, settings) -> bool:
    """The site as deployed, and the site with its Content-Security-Policy turned off."""
    if request.param == "without the CSP":
        settings.CONTENT_SECURITY_POLICY = None
    return request.param == "with the CSP"


@pytest.fixture
def tab(browser, live_server, world, csp):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Tab(context, live_server.url)
    context.close()


@pytest.fixture
def editor_tab(tab):
    """The tab, logged in as an editor (the session made by Django's test client)."""
    client = Client()
    client.force_login(editor_user("hostile-editor"))
    cookie = client.cookies["sessionid"]
    tab.page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": tab.site}])
    return tab


# What is checked on every page


def injected(page) -> list[str]:
    """Elements that could run script: on* attributes, javascript: addresses, inline script
    other than JSON data. The site and the admin have none of their own."""
    return page.evaluate(
        """() => {
            const found = [];
            const urls = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];
            for (const element of document.querySelectorAll('*')) {
                for (const {name, value} of element.attributes) {
                    const target = value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
                    if (name.toLowerCase().startsWith('on')) {
                        found.push(`${element.tagName} ${name}="${value}"`);
                    } else if (urls.includes(name.toLowerCase())
                               && target.startsWith('javascript:')) {
                        found.push(`${element.tagName} ${name}="${value}"`);
                    }
                }
            }
            for (const script of document.querySelectorAll('script:not([src])')) {
                if (script.type !== 'application/json') {
                    found.push(`inline script: ${script.textContent.slice(0, 80)}`);
                }
            }
            return found;
        }"""
    )


def assert_nothing_ran(tab: Tab) -> None:
    page = tab.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert injected(page) == []
    assert tab.problems() == []


def assert_figures_escaped(page) -> None:
    """The JSON each figure is drawn from: every piece of text is escaped, so plotly can find
    no tag in it but our own <b>, <br>, <i> and <extra>."""
    for element in page.locator("script[type='application/json']").all():
        figure = json.loads(element.text_content())
        for text in strings(figure):
            assert not OWN_FIGURE_MARKUP.search(text), text


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def visit(tab: Tab, path: str, *, csp: bool, shows=(SCRIPT,), status: int = 200):
    """Open ``path`` and check it: the server's HTML, the DOM, the figures, the text shown."""
    response = tab.page.goto(tab.site + path)
    assert response.status == status, path
    assert ("content-security-policy" in response.headers) is csp
    html = response.text()
    assert not LIVE_PAYLOAD.search(html), LIVE_PAYLOAD.search(html).group()
    if status >= 400:  # the browser reports the status itself; nothing else may go wrong
        failed = f"console: Failed to load resource: the server responded with a status of {status}"
        assert tab.errors.pop(0).startswith(failed)
    tab.wait_for_figures()
    page = tab.page
    assert_figures_escaped(page)
    assert_nothing_ran(tab)
    text = page.locator("body").inner_text()
    for literal in shows:
        assert literal in text, f"{path} does not show {literal!r}"
    return page


# Hover labels


def point_centres(page, selector: str) -> list[tuple[float, float]]:
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].map(point => {
            const box = point.getBoundingClientRect();
            return [box.left + box.width / 2, box.top + box.height / 2];
        })""",
        selector,
    )


def hover_labels(tab: Tab, figure: str, points: str) -> list[str]:
    """Hover every point of ``figure``; the text of each hover label, checked as it shows."""
    page = tab.page
    page.locator(figure).scroll_into_view_if_needed()
    labels = []
    for x, y in point_centres(page, f"{figure} {points}"):
        page.mouse.move(x, y)
        hover = page.locator(f"{figure} .hoverlayer .hovertext")
        hover.first.wait_for()
        labels.append(hover.first.text_content())
        assert hover.locator("a").count() == 0  # plotly draws <a> as a link: none may form
        assert_nothing_ran(tab)
        page.mouse.move(1, 1)
        hover.first.wait_for(state="detached")
    return labels


# The tests


def test_the_map_shows_hostile_names_as_text(tab, world, csp):
    visit(tab, "/", csp=csp)

    labels = hover_labels(tab, "#map", ".scattergeo path.point")
    hostile = [label for label in labels if "Hostile" in label]
    assert len(labels) == 2 and len(hostile) == 1, labels
    # The name as written, tags and all: <br> did not break the line, <b> did not bold it.
    assert str(world.place) in hostile[0]


def test_the_timeline_shows_hostile_quotes_as_text(tab, world, csp):
    page = visit(tab, "/timeline/", csp=csp)
    assert UNDATED_QUOTE[:150] in page.locator("section.undated").inner_text()  # truncated

    labels = hover_labels(tab, "#timeline", ".scatterlayer path.point")
    assert any(SCRIPT in label and world.speaker.name in label for label in labels), labels
    assert any(PLOTLY in label for label in labels), labels

    page = visit(tab, "/timeline/?lanes=jurisdiction", csp=csp)
    lanes = page.locator("#timeline .ytick text").all_text_contents()
    assert str(world.place) in lanes


def test_reader_pages_show_hostile_text_as_text(tab, world, csp):
    page = visit(tab, f"/jurisdictions/{world.place.slug}/", csp=csp)
    assert page.locator("h1").inner_text() == str(world.place)
    assert str(world.place) in page.title()
    hover_labels(tab, "#timeline", ".scatterlayer path.point")

    visit(tab, f"/jurisdictions/{world.ingested.jurisdictions.get().slug}/", csp=csp)
    page = visit(tab, "/statements/", csp=csp, shows=(MADE_QUOTE, INGESTED_QUOTE))
    page = visit(tab, "/statements/?q=officers", csp=csp, shows=(INGESTED_QUOTE,))
    assert page.locator("article.statement").count() == 1
    page = visit(tab, f"/statements/?q={urlquote(SVG)}", csp=csp, shows=())
    assert page.locator("#s-q").input_value() == SVG
    visit(tab, "/about/", csp=csp, shows=())


# In a query string: reflected into form fields, sort links and error messages.
QUERY = urlquote(f"{SVG}{SCRIPT}")


@pytest.mark.parametrize(
    ("path", "status", "field"),
    [
        (f"/?stance={QUERY}&kind={QUERY}&state={QUERY}&as_of={QUERY}&detainers={QUERY}", 400, None),
        (f"/?sort={QUERY}&state=KS", 200, None),
        (f"/timeline/?jurisdiction={QUERY}&type={QUERY}&from={QUERY}&lanes={QUERY}", 400, None),
        (f"/statements/?q={QUERY}&speaker={QUERY}&from={QUERY}&stance={QUERY}", 400, "#s-sp"),
        (f"/statements/?q={QUERY}&page={QUERY}", 200, "#s-q"),
        (f"/statements/?q={QUERY * 3}", 200, "#s-q"),  # longer than a cache key may be
        (f"/jurisdictions/hostile-ks/?as_of={QUERY}", 400, None),
        (f"/{QUERY}/", 404, None),
        (f"/report/statement/1/?sent={QUERY}", 404, None),
    ],
)
def test_hostile_query_strings_are_shown_as_text(tab, world, csp, path, status, field):
    page = visit(tab, path, csp=csp, status=status, shows=())
    if field:
        assert page.input_value(field).startswith(f"{SVG}{SCRIPT}")


def test_article_pages_show_hostile_text_as_text(tab, world, csp):
    page = visit(tab, f"/articles/{world.ingested.pk}/", csp=csp, shows=(INGESTED_QUOTE,))
    assert page.locator("h1").inner_text() == world.ingested.title
    marked = page.locator(".article-body mark").all_inner_texts()
    assert INGESTED_QUOTE in marked
    # An address with quotes and brackets stays one address, in its attribute.
    assert page.get_by_role("link", name="original").get_attribute("href") == INGESTED_URL

    page = visit(tab, f"/articles/{world.made.pk}/", csp=csp, shows=(MADE_QUOTE, SVG))
    assert page.get_by_role("link", name="original").count() == 0  # javascript: is no link
    assert page.locator("h1").inner_text() == world.made.title


def test_the_corrections_form_shows_hostile_text_as_text(tab, world, csp, settings):
    settings.CORRECTIONS_RATE = "1/hour"
    for kind, fact in (("policy", world.policy), ("event", world.event)):
        visit(tab, f"/report/{kind}/{fact.pk}/", csp=csp)

    page = visit(tab, f"/report/statement/{world.statement.pk}/", csp=csp, shows=(MADE_QUOTE,))
    page.fill("#id_message", f"Wrong words: {HOSTILE}")
    page.fill("#id_contact", SVG)
    with page.expect_navigation():
        page.get_by_role("button", name="Send the report").click()
    assert "Thank you" in page.locator("h1").inner_text()
    assert_nothing_ran(tab)
    assert CorrectionRequest.objects.get().message == f"Wrong words: {HOSTILE}"

    # Over the limit: the message comes back in a textarea, to copy, as it was typed.
    page = visit(tab, f"/report/statement/{world.statement.pk}/", csp=csp)
    page.fill("#id_message", f"Again: {HOSTILE}")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the report").click()
    assert page.locator("#report-kept").input_value() == f"Again: {HOSTILE}"
    assert tab.errors.pop(0).endswith("status of 429 (Too Many Requests)")
    assert_nothing_ran(tab)


def admin_pages(world: World) -> list[str]:
    history = [
        (Statement, world.statement),
        (PolicyAction, world.policy),
        (EnforcementEvent, world.event),
        (Official, world.speaker),
        (Jurisdiction, world.place),
    ]
    version = world.statement.history.first().history_id
    return [
        admin_url(Article, "changelist"),
        admin_url(Article, "change", world.ingested.pk),
        admin_url(Article, "change", world.made.pk),
        admin_url(Article, "history", world.made.pk),
        admin_url(Statement, "changelist") + "?status=all",
        admin_url(Statement, "changelist") + f"?status=all&article__id__exact={world.made.pk}",
        admin_url(EnforcementEvent, "changelist") + "?status=all",
        admin_url(PolicyAction, "changelist") + "?status=all",
        admin_url(Official, "changelist"),
        admin_url(Jurisdiction, "changelist"),
        admin_url(Statement, "changelist") + f"?status=all&q={urlquote(SCRIPT)}",
        *(admin_url(model, "change", fact.pk) for model, fact in history),
        *(admin_url(model, "history", fact.pk) for model, fact in history),
        admin_url(Statement, "simple_history", world.statement.pk, version),
    ]


def test_the_admin_shows_hostile_text_as_text(editor_tab, world, csp):
    tab = editor_tab
    for path in admin_pages(world):
        visit(tab, path, csp=csp)

    # An editor's save goes through the form's service and into the history and recent actions.
    page = visit(tab, admin_url(Official, "change", world.speaker.pk), csp=csp)
    affiliation = f"{SCRIPT} {SVG} {IMG}"  # within the field's 200 characters
    page.fill("#id_affiliation", affiliation)
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert Official.objects.get(pk=world.speaker.pk).affiliation == affiliation
    assert_nothing_ran(tab)
    visit(tab, admin_url(Official, "history", world.speaker.pk), csp=csp)
    visit(tab, "/admin/", csp=csp)


def test_an_article_pasted_into_the_admin_shows_hostile_text_as_text(editor_tab, world, csp):
    """Adding is ingesting: the messages that name the new article show its title as text."""
    tab = editor_tab
    page = visit(tab, admin_url(Article, "add"), csp=csp, shows=())
    page.fill("#id_text", INGESTED_BODY.replace("last week", "on Monday"))
    page.fill("#id_title", f"Pasted {SCRIPT} {SVG}")
    page.fill("#id_outlet", IMG)
    # The form takes URI characters only: the hostile address arrives percent-encoded.
    page.fill("#id_url", urlquote(INGESTED_URL.replace("story", "pasted"), safe=":/?="))
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Save", exact=True).click()

    assert f"Ingested “Pasted {SCRIPT} {SVG}”" in page.locator(".messagelist").inner_text()
    assert page.locator("#statements-group").get_by_text(INGESTED_QUOTE).count() == 1
    assert not LIVE_PAYLOAD.search(navigation.value.text())
    assert_nothing_ran(tab)


def test_the_admin_widgets_work_with_hostile_text(editor_tab, world, csp):
    """The admin's own scripts run under the CSP and treat hostile text as text."""
    tab = editor_tab
    # The autocomplete (select2) lists hostile names as text.
    page = visit(tab, admin_url(Statement, "change", world.statement.pk), csp=csp)
    page.locator(".field-speaker .select2-selection").click()
    page.locator(".select2-search__field").fill("Dana")
    page.locator(".select2-results__option").filter(has_text=world.speaker.name).wait_for()
    assert_nothing_ran(tab)
    # The calendar's shortcut fills the date.
    page.fill("#id_said_on", "")
    page.locator(".field-said_on .datetimeshortcuts a", has_text="Today").click()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", page.input_value("#id_said_on"))

    # The slug is prepopulated from a hostile name, as a slug.
    page = visit(tab, admin_url(Official, "add"), csp=csp, shows=())
    page.locator("#id_name").press_sequentially(f"Jo {SCRIPT}")
    slug = page.input_value("#id_slug")
    assert slug.startswith("jo-script") and re.fullmatch(r"[a-z0-9_-]+", slug), slug
    assert_nothing_ran(tab)


def test_the_admin_shows_a_hostile_correction_request_as_text(editor_tab, world, csp):
    CorrectionRequest.objects.create(fact=world.statement, message=HOSTILE, contact=SVG)
    correction = CorrectionRequest.objects.get()
    visit(editor_tab, admin_url(CorrectionRequest, "changelist"), csp=csp)
    visit(editor_tab, admin_url(CorrectionRequest, "change", correction.pk), csp=csp)


def test_the_browsable_api_shows_hostile_text_as_text(tab, world, csp):
    for path in (
        "/api/statements/",
        f"/api/statements/{world.statement.pk}/",
        f"/api/jurisdictions/{world.place.slug}/",
        f"/api/officials/{world.speaker.slug}/",
        f"/api/articles/{world.made.pk}/",
        "/api/events/",
        "/api/policies/",
    ):
        visit(tab, path, csp=csp)


def test_the_browsable_api_forms_show_hostile_text_as_text(editor_tab, world, csp):
    """An editor may write, so each detail page carries forms filled with the fact's text."""
    for path in (
        f"/api/statements/{world.statement.pk}/",
        f"/api/events/{world.event.pk}/",
        f"/api/policies/{world.policy.pk}/",
        f"/api/officials/{world.speaker.slug}/",
    ):
        page = visit(editor_tab, path, csp=csp)
        raw = json.loads(page.locator("form textarea[name=_content]").first.input_value())
        assert any(SCRIPT in text for text in strings(raw)), path
