"""The map's outlines: us-atlas's county and state outlines by FIPS, shipped in our own static
files (TopoJSON, and the GeoJSON derived from it), cover every county ICE's latest participating
287(g) list names; the map shades counties and states with them in a constant number of queries;
the GeoJSON download gives them with ``geometry=outline``."""

import datetime as dt
import json
import re

import pytest
from django.core.cache import cache

from articles.datasets.agencies import resolve_agency
from articles.datasets.ice_287g import read_snapshot
from articles.datasets.places import find_county
from sanctuary.web.topojson import geometries_by_id
from scripts.build_outlines import LAYERS, feature_collection, render
from stances.selectors.outlines import ATLAS_DIR, outline_ids
from stances.web.map import scrubber as scrubber_module
from tests.factories import (
    ArticleFactory,
    JurisdictionFactory,
    OfficialFactory,
    StatementFactory,
    policy_with_effects,
)

from .importers.conftest import real

LATEST_PARTICIPATING = real("participating", "participatingAgencies07182025am.xlsx")


def test_the_outlines_cover_every_county_the_latest_participating_list_names():
    snapshot = read_snapshot(LATEST_PARTICIPATING)
    named = set()
    for row in snapshot.rows:
        if row.state and row.county:
            found = find_county(row.state, row.county).place
            if found is not None:
                named.add(found.external_id.removeprefix("fips:"))
        resolved = resolve_agency(row)
        if resolved.kind == "county":
            named.add(resolved.place.external_id.removeprefix("fips:"))

    assert len(named) > 400  # the counties of about 700 agencies
    assert named - outline_ids("county") == set()


def test_every_state_and_dc_has_an_outline():
    assert len(outline_ids("state")) >= 51
    assert {"11", "06", "48", "72"} <= outline_ids("state")  # DC, California, Texas, Puerto Rico


@pytest.mark.parametrize("target", sorted(LAYERS))
def test_the_shipped_geojson_is_what_the_script_derives_from_the_shipped_topojson(target):
    source, layer = LAYERS[target]
    topology = json.loads((ATLAS_DIR / source).read_text())

    assert (ATLAS_DIR / target).read_text() == render(feature_collection(topology, layer))


def test_a_decoded_outline_is_closed_and_in_longitude_latitude():
    topology = json.loads((ATLAS_DIR / "counties-10m.json").read_text())
    dane = geometries_by_id(topology, "counties")["55025"]

    rings = [dane["coordinates"]] if dane["type"] == "Polygon" else dane["coordinates"]
    outer = rings[0][0]
    assert outer[0] == outer[-1] and len(outer) > 10
    assert all(-90 < lon < -89 and 42.8 < lat < 43.4 for lon, lat in outer)  # around Madison


# The map -----------------------------------------------------------------------------------------


def place_with_policy(name: str, kind: str, state: str, external_id: str, direction: str):
    place = JurisdictionFactory(
        name=name,
        kind=kind,
        state=state,
        external_id=external_id,
        slug=f"{name}-{state}".lower().replace(" ", "-"),
    )
    article = ArticleFactory(body=f"{name} decided. ", published_on=dt.date(2024, 1, 1))
    policy_with_effects(
        article, place, f"{name} decided.", [("detainers", direction)], effective_on=None
    )
    return place


def map_figure(response) -> dict:
    html = response.content.decode()
    match = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html)
    return json.loads(match.group(1))


def test_counties_and_states_are_shaded_by_stance_cities_are_markers_above(client, db):
    place_with_policy("Dane County", "county", "WI", "fips:55025", "limits")
    place_with_policy("Texas", "state", "TX", "fips:48", "cooperates")
    place_with_policy("Madison", "city", "WI", "geonames:5261457", "limits")

    data = map_figure(client.get("/"))["data"]

    kinds = [(t["type"], t["name"]) for t in data]
    # States under counties under the markers under the labels.
    assert kinds[:2] == [("choropleth", "States"), ("choropleth", "Counties")]
    assert all(kind == "scattergeo" for kind, _ in kinds[2:])
    states, counties = data[0], data[1]
    assert states["locations"] == ["48"] and counties["locations"] == ["55025"]
    # The outlines come from our own static files, once for every page (the browser's cache).
    assert counties["geojson"].endswith("/static/vendor/us-atlas/counties.geojson")
    assert states["geojson"].endswith("/static/vendor/us-atlas/states.geojson")
    assert counties["customdata"] == ["/jurisdictions/dane-county-wi/"]
    assert "Stance: Limited cooperation" in counties["text"][0]
    assert "Stance: Cooperation" in states["text"][0]
    markers = [t for t in data if t.get("mode") == "markers"]
    assert [t["customdata"] for t in markers] == [["/jurisdictions/madison-wi/"]]


def test_a_shape_without_policy_evidence_is_grey_never_a_cooperation_colour(client, db):
    county = JurisdictionFactory(
        name="Dane County", kind="county", state="WI", external_id="fips:55025"
    )
    StatementFactory(speaker=OfficialFactory(jurisdiction=county))

    [counties] = [t for t in map_figure(client.get("/"))["data"] if t["type"] == "choropleth"]
    colours = [colour for _, colour in counties["colorscale"]][::2]  # one band per value of z
    assert colours[counties["z"][0]] == "#d9d9d9"
    assert "Stance: Unknown: no policy evidence" in counties["text"][0]


@pytest.mark.parametrize("n", [3, 30])
def test_the_map_and_its_outlines_in_constant_queries(
    client, db, n, django_assert_max_num_queries, settings
):
    """Shapes cost no query: outlines are read from the static files, once per process. (The
    cache, the database table by default, is in memory here: the page's own queries count.)"""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()  # what an earlier test stored under the same data version
    counties = sorted(outline_ids("county"))[:n]
    for fips in counties:
        place_with_policy(f"County {fips}", "county", "WI", f"fips:{fips}", "cooperates")

    with django_assert_max_num_queries(6):
        response = client.get("/")
    with django_assert_max_num_queries(9):
        past = client.get("/?as_of=2024-06-01")

    assert len(map_figure(response)["data"][0]["locations"]) == n
    assert len(map_figure(past)["data"][0]["locations"]) == n


# The GeoJSON download ---------------------------------------------------------------------------


def test_geojson_outline_gives_counties_and_states_their_outlines(client, db):
    place_with_policy("Dane County", "county", "WI", "fips:55025", "limits")
    place_with_policy("Wisconsin", "state", "WI", "fips:55", "limits")
    place_with_policy("Madison", "city", "WI", "geonames:5261457", "limits")

    points = client.get("/api/jurisdictions/?format=geojson").json()
    outlines = client.get("/api/jurisdictions/?format=geojson&geometry=outline").json()

    by_slug = {f["id"]: f["geometry"]["type"] for f in points["features"]}
    assert by_slug == {"dane-county-wi": "Point", "wisconsin-wi": "Point", "madison-wi": "Point"}
    shapes = {f["id"]: f["geometry"] for f in outlines["features"]}
    assert shapes["dane-county-wi"]["type"] in ("Polygon", "MultiPolygon")
    assert shapes["wisconsin-wi"]["type"] in ("Polygon", "MultiPolygon")
    assert shapes["madison-wi"]["type"] == "Point"  # a city has no outline
    assert [f["properties"]["slug"] for f in outlines["features"]] == list(shapes)


def test_geojson_refuses_an_unknown_geometry(client, db):
    response = client.get("/api/jurisdictions/?format=geojson&geometry=hexagons")

    assert response.status_code == 400
    assert "geometry" in response.json()


# The filters and the scrubber --------------------------------------------------------------------


def test_the_map_filters_by_287g_model_and_pending_request(client, db):
    place_with_policy("Dane County", "county", "WI", "fips:55025", "cooperates")

    page = client.get("/?model_287g=task_force&pending_287g=true").content.decode()

    assert '<option value="task_force" selected>' in page
    assert '<option value="true" selected>Pending with ICE</option>' in page
    assert "No jurisdiction matches these filters." in page  # Dane County is on neither list
    assert client.get("/?model_287g=sheriff").status_code == 400
    assert client.get("/?pending_287g=maybe").status_code == 400


@pytest.mark.parametrize(
    ("as_of", "value", "exact"),
    [
        (None, 2026, True),  # today
        (dt.date(2021, 12, 31), 2021, True),  # a year's stop
        (dt.date(2021, 6, 1), 2021, False),  # any other day: its year, not a stop
        (dt.date(1990, 12, 31), 1990, True),  # before the first fact: the range starts there
    ],
)
def test_the_scrubber_runs_from_the_first_fact_to_today(db, monkeypatch, as_of, value, exact):
    monkeypatch.setattr(scrubber_module.timezone, "localdate", lambda: dt.date(2026, 3, 4))
    monkeypatch.setattr(scrubber_module, "first_fact_on", lambda: dt.date(2017, 5, 1))

    shown = scrubber_module.scrubber(as_of)

    assert (shown.first, shown.last) == (min(2017, value), 2026)
    assert (shown.value, shown.exact) == (value, exact)


def test_no_scrubber_without_a_past_year(db, monkeypatch):
    monkeypatch.setattr(scrubber_module, "first_fact_on", lambda: None)
    assert scrubber_module.scrubber(None) is None
