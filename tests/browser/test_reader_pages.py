"""What a reader sees in a real browser: pages that load cleanly from the site alone, a map with
the US outlines and a marker or a shaded outline per jurisdiction, markers that lead to their
jurisdiction, filters that change the URL and the figure, and a timeline with its undated facts
listed."""

import re

import pytest
from django.db.models import Q

from articles.models import Article
from stances.models import EnforcementEvent, Jurisdiction, PolicyAction, ReviewStatus, Statement

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

MARKERS = "#map .scattergeo path.point"
SHAPES = "#map .choroplethlayer path.choroplethlocation"
NOT_REJECTED = ~Q(review_status=ReviewStatus.REJECTED)


def jurisdictions_on_the_map(**filters) -> int:
    """Jurisdictions with coordinates and any visible evidence: the markers and shapes the map
    must draw."""
    rejected = ReviewStatus.REJECTED
    evidence = (
        Q(statements__isnull=False) & ~Q(statements__review_status=rejected)
        | Q(policies__isnull=False) & ~Q(policies__review_status=rejected)
        | Q(events__isnull=False) & ~Q(events__review_status=rejected)
    )
    places = Jurisdiction.objects.filter(evidence, latitude__isnull=False, **filters)
    return places.distinct().count()


def dated_and_undated_facts() -> tuple[int, int]:
    """Visible facts with a date of their own or their article's, and those with neither."""
    dated = undated = 0
    for model, own in (
        (Statement, "said_on"),
        (PolicyAction, "effective_on"),
        (EnforcementEvent, "starts_on"),
    ):
        facts = model.objects.filter(NOT_REJECTED)
        no_date = Q(**{f"{own}__isnull": True}, article__published_on__isnull=True)
        undated += facts.filter(no_date).count()
        dated += facts.exclude(no_date).count()
    return dated, undated


def first_article_path() -> str:
    return f"/articles/{Article.objects.order_by('pk').first().pk}/"


@pytest.mark.parametrize(
    ("name", "path", "heading"),
    [
        ("map", "/", "Where jurisdictions stand"),
        ("timeline", "/timeline/", "Timeline"),
        ("jurisdiction", "/jurisdictions/chicago-il/", "Chicago, IL"),
        ("statements", "/statements/", "What officials said"),
        ("article", None, None),
        ("about", "/about/", "Methodology"),
    ],
)
def test_each_page_loads_cleanly_from_the_site_alone(tab, name, path, heading):
    page = tab.open(path or first_article_path())

    heading = heading or Article.objects.order_by("pk").first().title
    assert page.locator("h1").inner_text() == heading
    assert tab.problems() == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_the_map_draws_the_states_and_one_marker_or_shape_per_jurisdiction(tab):
    page = tab.open("/")

    # plotly draws each geo layer as one path; the state borders are one sub-path ("M") each.
    outlines = page.evaluate(
        """() => ['land', 'subunits'].map(layer => {
            const path = document.querySelector(`#map .geo .layer.${layer} path`);
            const box = path.getBBox();
            return {moves: (path.getAttribute('d').match(/M/g) || []).length,
                    width: box.width, height: box.height};
        })"""
    )
    land, states = outlines
    assert states["moves"] > 40, states
    assert land["width"] > 500 and land["height"] > 300, land
    rows = page.locator("table.data tbody tr").count()
    shapes = page.locator(SHAPES).count()
    assert shapes > 0  # the corpus names counties and states: drawn as their outlines
    assert page.locator(MARKERS).count() + shapes == rows == jurisdictions_on_the_map()
    assert tab.problems() == []


def test_clicking_a_marker_opens_its_jurisdiction(tab):
    page = tab.open("/")
    # A marker no other marker covers, so the click can only mean this one.
    x, y = page.evaluate(
        """(selector) => {
            const boxes = [...document.querySelectorAll(selector)]
                .map(point => point.getBoundingClientRect());
            const inside = (b, x, y) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
            const free = boxes.find((box, i) => {
                const x = box.left + box.width / 2, y = box.top + box.height / 2;
                return boxes.every((other, j) => j === i || !inside(other, x, y));
            });
            return [free.left + free.width / 2 + window.scrollX,
                    free.top + free.height / 2 + window.scrollY];
        }""",
        MARKERS,
    )
    page.evaluate("([x, y]) => window.scrollTo(0, y - 300)", [x, y])
    scroll_y = page.evaluate("window.scrollY")
    page.mouse.move(x, y - scroll_y)
    hover = page.locator("#map .hoverlayer .hovertext")
    hover.wait_for()
    name = hover.locator("text tspan.line").first.text_content()

    page.mouse.click(x, y - scroll_y)
    page.wait_for_url(re.compile(r"/jurisdictions/[a-z0-9-]+/$"))

    assert page.locator("h1").inner_text() == name
    slug = page.url.rstrip("/").rsplit("/", 1)[1]
    assert str(Jurisdiction.objects.get(slug=slug)) == name
    assert tab.problems() == []


def test_changing_a_filter_changes_the_url_and_the_map(tab):
    page = tab.open("/")
    before = page.locator(MARKERS).count()

    page.select_option("#f-stance", "non_cooperation")  # the form submits itself on change
    page.wait_for_url(re.compile(r"[?&]stance=non_cooperation(&|$)"))
    tab.wait_for_figures()

    after = page.locator(MARKERS).count()
    assert 0 < after < before
    assert after == page.locator("table.data tbody tr").count()
    stances = page.locator("table.data tbody .stance").all_inner_texts()
    assert set(stances) == {"Non-cooperation"}
    assert page.locator("#f-stance").input_value() == "non_cooperation"
    assert tab.problems() == []


def test_the_timeline_draws_dated_facts_and_lists_undated_ones(tab):
    page = tab.open("/timeline/")
    dated, undated = dated_and_undated_facts()

    assert dated > 0 and undated > 0  # the corpus has both
    # Facts of one colour on one day in one lane are one marker labelled with their count.
    figure = page.evaluate("() => JSON.parse(document.getElementById('timeline-data').textContent)")
    counts = [int(label or 1) for trace in figure["data"] for label in trace["texttemplate"]]
    assert page.locator("#timeline .scatterlayer path.point").count() == len(counts)
    assert sum(counts) == dated
    assert page.locator("#timeline .legend").get_by_text("(reported date)").first.is_visible()
    assert page.locator("section.undated li").count() == undated
    assert page.get_by_role("heading", name="Undated").is_visible()
    assert tab.problems() == []


def test_a_short_timeline_is_labelled_in_days_not_hours(tab):
    page = tab.open("/jurisdictions/chicago-il/")  # its facts fall within three days

    ticks = page.locator("#timeline .xtick text").all_text_contents()
    assert ticks and not any(re.search(r"\d\d:\d\d", tick) for tick in ticks), ticks
    assert tab.problems() == []
