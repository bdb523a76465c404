"""What issue 16 asks of readers' pages in a real browser: the search box finds a place and a
person; a city's page shows its county's and its state's layers; every page but the map (which
has its own tests) fits a 390 px phone and a 1400 px desktop with no sideways scrolling."""

import datetime as dt

import pytest

from articles.models import Article
from stances.models import Jurisdiction, PolicyAction
from stances.services.jurisdictions import counties_link
from tests.factories import (
    ArticleFactory,
    JurisdictionFactory,
    OfficialFactory,
    policy_on,
)

from .conftest import ROOT

pytestmark = pytest.mark.browser
DOCS = (
    ROOT / "var" / "screenshots"
)  # never the tracked docs/: a test run changes no file of the repository

BODY = (
    "The mayor signed an executive order limiting what police share with ICE.\n"
    "The sheriff said the county jail will refuse ICE detainers and bar ICE from the jail.\n"
    "The state's new law bars every jail from holding people for ICE."
)


def place(**fields) -> Jurisdiction:
    """The sample corpus's place, if it has it, else a new one."""
    found = Jurisdiction.objects.filter(slug=fields["slug"]).first()
    return found or JurisdictionFactory(**fields)


@pytest.fixture
def layered(site):
    """Atlanta in Fulton County, Georgia: a city order, a county jail policy, a state law."""
    atlanta = place(
        name="Atlanta",
        state="GA",
        slug="atlanta-ga",
        external_id="geonames:4180439",
        population=498_715,
        latitude=33.749,
        longitude=-84.388,
    )
    fulton = place(
        name="Fulton County",
        kind="county",
        state="GA",
        slug="fulton-county-ga",
        external_id="fips:13121",
    )
    georgia = place(name="Georgia", kind="state", state="GA", slug="georgia", external_id="fips:13")
    counties_link()
    article = ArticleFactory(body=BODY, published_on=dt.date(2019, 3, 1), title="Layers")
    policy_on(
        article,
        atlanta,
        BODY.splitlines()[0],
        [("information_sharing", "limits")],
        "executive_order",
        dt.date(2018, 6, 1),
        "month",
    )
    policy_on(
        article,
        fulton,
        BODY.splitlines()[1],
        [("detainers", "limits"), ("jail_access", "limits")],
        "law_enforcement_policy",
        dt.date(2018, 7, 1),
        "day",
    )
    policy_on(
        article,
        georgia,
        BODY.splitlines()[2],
        [("detainers", "limits")],
        "state_law",
        dt.date(2019, 1, 1),
        "day",
    )
    OfficialFactory(
        name="Dana Whitfield", slug="dana-whitfield", role="Mayor", jurisdiction=atlanta
    )
    return site


def search(page, text: str) -> list[str]:
    """Type into the header's box; the suggestions it offers."""
    box = page.locator("#site-search-q")
    box.fill("")
    box.type(text, delay=20)
    page.wait_for_function(
        "() => document.querySelectorAll('#site-search-suggestions option').length > 0"
    )
    return page.eval_on_selector_all(
        "#site-search-suggestions option", "options => options.map(o => o.value)"
    )


def test_the_search_box_finds_a_place_and_a_person(tab, layered):
    page = tab.open("/statements/")
    assert "Atlanta, GA" in search(page, "Atlan")
    page.locator("#site-search-q").fill("Atlanta, GA")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url("**/jurisdictions/atlanta-ga/")
    assert page.locator("h1").inner_text() == "Atlanta, GA"

    offered = search(page, "Dana Whitf")
    assert offered == ["Dana Whitfield (Mayor, Atlanta, GA)"]
    page.locator("#site-search-q").fill(offered[0])
    page.locator("#site-search-q").press("Enter")
    page.wait_for_timeout(3000)
    assert page.url.endswith("/statements/?speaker=dana-whitfield"), page.url
    assert tab.problems() == []


def test_a_citys_page_shows_its_county_and_state_layers(tab, layered):
    page = tab.open("/jurisdictions/atlanta-ga/")
    layers = page.locator(".layers")
    assert layers.locator(".layer-county a").inner_text() == "Fulton County, GA"
    assert layers.locator(".layer-state a").inner_text() == "Georgia"
    effective = layers.locator(".layer-effective").inner_text()
    assert "Non-cooperation" in effective and "set by county jail" in effective
    assert "set by state law" in effective
    assert tab.problems() == []
    DOCS.mkdir(parents=True, exist_ok=True)
    page.locator(".layers-section").screenshot(path=str(DOCS / "layers.png"))


def pages() -> list[str]:
    article = Article.objects.filter(kind="news").order_by("pk").first()
    policy = PolicyAction.objects.order_by("pk").first()
    return [
        "/timeline/",
        "/timeline/?lanes=jurisdiction",
        "/jurisdictions/atlanta-ga/",
        "/jurisdictions/chicago-il/",
        "/statements/",
        f"/articles/{article.pk}/",
        "/about/",
        "/search/?q=a",
        f"/facts/policy/{policy.pk}/",
        f"/report/policy/{policy.pk}/",
    ]


# The page's width against the viewport's, and the first elements that reach past it.
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter(e => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1
            && !e.closest('.table-scroll, table.data, .plot');
    }).slice(0, 5).map(e => `${e.tagName}.${e.className} ${e.getBoundingClientRect().right}`);
    return {scroll: document.documentElement.scrollWidth, width, wide};
}"""


@pytest.mark.parametrize("width", [390, 1400])
def test_every_page_but_the_map_fits_without_sideways_scrolling(browser, layered, width):
    from .conftest import Tab

    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = Tab(context, layered)
    try:
        for path in pages():
            page = tab.open(path)
            measured = page.evaluate(OVERFLOW)
            assert measured["scroll"] <= measured["width"], (path, measured)
        if width == 390:
            page = tab.open("/jurisdictions/atlanta-ga/")
            page.screenshot(path=str(DOCS / "phone.png"), full_page=False)
        assert tab.problems() == []
    finally:
        context.close()
