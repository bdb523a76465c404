"""The map in a real browser: a county's outline and a city's marker inside it each lead to their
own page, the time scrubber moves markers, shading and the headline numbers, and the page fits a
phone and a desktop without sideways scrolling."""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command

from articles.datasets.agencies import resolve_agency
from articles.datasets.ice_287g import read_snapshot
from stances.management.commands.load_sample_data import latest_snapshots
from tests.factories import (
    ArticleFactory,
    JurisdictionFactory,
    OfficialFactory,
    policy_with_effects,
    statement_at,
)

from ..stances.importers.conftest import real
from .test_reader_pages import MARKERS, SHAPES

LATEST_PARTICIPATING = real("participating", "participatingAgencies07182025am.xlsx")

pytestmark = pytest.mark.browser

BODY = (
    'Sheriff Jerry Sheridan said "the jail follows the law." The council passed an ordinance '
    "barring detainer holds. The sheriff signed a 287(g) agreement with ICE."
)
VERMILLION = "rgb(213, 94, 0)"  # cooperation
NO_EVIDENCE = "rgb(217, 217, 217)"


@pytest.fixture
def maricopa(site):
    """Maricopa County (its outline, FIPS 04013): a statement from 2018, a 287(g) agreement from
    2022. Phoenix, inside it, a marker: an ordinance limiting detainers from 2019."""
    county = JurisdictionFactory(
        name="Maricopa County",
        kind="county",
        state="AZ",
        slug="maricopa-county-az",
        external_id="fips:04013",
        latitude=33.35,
        longitude=-112.49,
        population=4_420_000,
    )
    city = JurisdictionFactory(
        name="Phoenix", state="AZ", slug="phoenix-az", latitude=33.45, longitude=-112.07
    )
    article = ArticleFactory(body=BODY, published_on=dt.date(2024, 3, 1))
    sheriff = OfficialFactory(name="Jerry Sheridan", slug="jerry-sheridan", jurisdiction=county)
    statement_at(article, sheriff, "the jail follows the law.", said_on=dt.date(2018, 4, 2))
    policy_with_effects(
        article,
        city,
        "The council passed an ordinance barring detainer holds.",
        [("detainers", "limits")],
        kind="ordinance",
        effective_on=dt.date(2019, 6, 15),
    )
    policy_with_effects(
        article,
        county,
        "The sheriff signed a 287(g) agreement with ICE.",
        [("agreement_287g", "cooperates"), ("detainers", "cooperates")],
        kind="agreement_287g",
        effective_on=dt.date(2022, 5, 1),
    )
    return county, city


def hover_name(page, x: float, y: float) -> str | None:
    """The name plotly's hover label shows at a point of the viewport, if any."""
    page.mouse.move(x, y)
    hover = page.locator("#map .hoverlayer .hovertext")
    try:
        hover.first.wait_for(timeout=1500)
    except Exception:  # noqa: BLE001 - nothing under the pointer
        return None
    return hover.first.locator("text tspan.line").first.text_content()


def centre(page, selector: str) -> tuple[float, float]:
    box = page.locator(selector).first.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_a_county_and_a_city_inside_it_each_lead_to_their_own_page(tab, maricopa):
    page = tab.open("/?state=AZ")
    page.locator("#map").scroll_into_view_if_needed()
    assert page.locator(SHAPES).count() == 1
    assert page.locator(MARKERS).count() == 1

    # The city's marker lies inside the county's outline, above it.
    x, y = centre(page, MARKERS)
    county_box = page.locator(SHAPES).first.bounding_box()
    assert county_box["x"] < x < county_box["x"] + county_box["width"]
    assert county_box["y"] < y < county_box["y"] + county_box["height"]
    assert hover_name(page, x, y) == "Phoenix, AZ"
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/jurisdictions/phoenix-az/$"))
    assert page.locator("h1").inner_text() == "Phoenix, AZ"

    # Elsewhere in the county (away from the marker), the county.
    page = tab.open("/?state=AZ")
    page.locator("#map").scroll_into_view_if_needed()
    marker = page.locator(MARKERS).first.bounding_box()
    box = page.locator(SHAPES).first.bounding_box()
    found = None
    seen = []
    for fx in (0.2, 0.35, 0.5, 0.65, 0.8):
        for fy in (0.2, 0.35, 0.5, 0.65, 0.8):
            px, py = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
            if abs(px - x) < marker["width"] / 2 + 4 and abs(py - y) < marker["height"] / 2 + 4:
                continue
            seen.append((round(px), round(py), hover_name(page, px, py)))
            if seen[-1][2] == "Maricopa County, AZ":
                found = (px, py)
                break
        if found:
            break
    assert found, (
        "no point of Maricopa County's outline hovers as the county",
        box,
        marker,
        seen,
    )
    page.mouse.click(*found)
    page.wait_for_url(re.compile(r"/jurisdictions/maricopa-county-az/$"))
    assert page.locator("h1").inner_text() == "Maricopa County, AZ"
    assert tab.problems() == []


def headline(page) -> dict[str, str]:
    stats = page.locator(".headline .stat")
    return {
        stat.locator(".stat-label").inner_text(): stat.locator(".stat-value").inner_text()
        for stat in stats.all()
    }


def test_moving_the_scrubber_changes_markers_shading_and_headline_counts(tab, maricopa):
    page = tab.open("/?state=AZ")
    now = {
        "fill": page.locator(SHAPES).first.evaluate("p => getComputedStyle(p).fill"),
        "markers": page.locator(MARKERS).count(),
        "headline": headline(page),
    }
    assert now["fill"] == VERMILLION  # the 287(g) agreement of 2022
    assert page.locator("#f-year-shown").inner_text() == "Today"

    page.locator("#f-year").fill("2018")  # a range input: fill sets it and fires "change"
    page.wait_for_url(re.compile(r"[?&]as_of=2018-12-31(&|$)"))
    tab.wait_for_figures()

    assert page.locator("#f-as-of").input_value() == "2018-12-31"
    assert page.locator("#f-year").input_value() == "2018"
    assert page.locator("#f-year-shown").inner_text() == "End of 2018"
    # Maricopa County had said something, but decided nothing yet: grey, never a colour.
    assert page.locator(SHAPES).first.evaluate("p => getComputedStyle(p).fill") == NO_EVIDENCE
    # Phoenix's ordinance came in 2019: no marker yet.
    assert page.locator(MARKERS).count() == 0 < now["markers"]
    then = headline(page)
    assert then["jurisdictions with evidence"] == "1"
    assert now["headline"]["jurisdictions with evidence"] == "2"
    assert then["Cooperation"] == "0" and now["headline"]["Cooperation"] == "1"
    assert then["statements"] == "1"
    assert tab.problems() == []


@pytest.mark.parametrize("width", [390, 1400])
def test_the_map_page_fits_the_screen_with_its_legend_in_view(tab, maricopa, width):
    page = tab.page
    page.set_viewport_size({"width": width, "height": 900})
    tab.open("/")

    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    legend = page.locator(".map-legend")
    legend.scroll_into_view_if_needed()
    box = legend.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    for item in legend.locator(".legend-item").all():
        item_box = item.bounding_box()
        assert item.is_visible() and item_box["x"] + item_box["width"] <= width
    map_box = page.locator("#map").bounding_box()
    assert map_box["x"] >= 0 and map_box["x"] + map_box["width"] <= width
    assert tab.problems() == []


def test_the_map_with_the_sample_data_shades_every_county_the_latest_list_names(tab):
    """``make run``'s data: the sample articles (already ingested for ``tab``) and the latest
    snapshot of each of ICE's 287(g) lists, as ``load_sample_data`` imports them."""
    call_command("import_287g", *map(str, latest_snapshots()), stdout=io.StringIO())
    snapshot = read_snapshot(LATEST_PARTICIPATING)
    named = set()
    for row in snapshot.rows:
        resolved = resolve_agency(row)
        if row.rejection is None and resolved.kind == "county":
            named.add(resolved.place.external_id.removeprefix("fips:"))

    page = tab.open("/?kind=county")
    shaded = page.evaluate(
        """() => JSON.parse(document.getElementById('map-data').textContent).data
            .filter(trace => trace.type === 'choropleth')
            .flatMap(trace => trace.locations)"""
    )

    assert len(named) > 300
    assert named <= set(shaded)
    assert page.locator(SHAPES).count() == len(shaded)
    assert tab.problems() == []
