"""Counties and towns looked up by the names ICE writes, for ``agencies.resolve_agency``.

Counties come from the gazetteer (``articles.extraction.places.gazetteer``: FIPS ids,
county-equivalents such as Louisiana's parishes, Alaska's boroughs and Virginia's independent
cities included).
Towns come from ``data/us_towns.csv`` (see ``build_towns.py``): every US place of GeoNames'
``cities500`` with the counties it lies in or near, because the gazetteer keeps neither towns
under 1,000 people nor counties. A town that the gazetteer also has is returned as the
gazetteer's own ``Place``, so both name one jurisdiction the same way.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from articles.datasets.names import letters_key, one_typo_away, squash
from articles.extraction.places.gazetteer import gazetteer, slugify
from articles.extraction.types import Place

TOWNS_CSV = Path(__file__).resolve().parent / "data" / "us_towns.csv"

# The word after a county-equivalent's name. "city" is Virginia's (and Baltimore's, St. Louis's)
# independent cities: only a written "city" names them, never a bare name.
COUNTY_WORDS = ("county", "parish", "borough", "census area", "municipality", "city")
_COUNTY_WORD = re.compile(r"\s+(county|parish|borough|census area|municipality|city)$", re.I)


@dataclass(frozen=True)
class Town:
    """One GeoNames place; ``counties`` holds FIPS codes, the containing county first."""

    geonameid: int
    name: str
    state: str
    population: int
    latitude: float
    longitude: float
    counties: tuple[str, ...]


@dataclass(frozen=True)
class CountyLookup:
    """The county a written name stands for, or None; ``note`` says what was corrected."""

    place: Place | None
    note: str = ""


def split_county_word(name: str) -> tuple[str, str]:
    """("St. Landry", "parish") from "St. Landry Parish"; ("Decatur", "") from "Decatur"."""
    match = _COUNTY_WORD.search(squash(name))
    if not match:
        return squash(name), ""
    return squash(name)[: match.start()], match.group(1).lower()


@functools.cache
def _counties() -> dict[str, dict[tuple[str, bool], Place]]:
    """state -> (letters key of the bare name, is an independent city) -> county."""
    index: dict[str, dict[tuple[str, bool], Place]] = defaultdict(dict)
    for place in gazetteer().places:
        if place.kind == "county":
            bare, word = split_county_word(place.name)
            index[place.state][(letters_key(bare), word == "city")] = place
    return index


def find_county(state: str, written: str) -> CountyLookup:
    """The county of ``state`` that ICE's ``written`` name stands for.

    "Saint Landry County" is St. Landry Parish (the word after the name does not matter, except
    that only "city" names an independent city); "Decatur" is Decatur County. A name one letter
    away from exactly one county of the state ("Berrian County") is corrected, with a note."""
    bare, word = split_county_word(written)
    if not bare:
        return CountyLookup(None)
    counties = _counties().get(state, {})
    is_city = word == "city"
    key = letters_key(bare)
    if (key, is_city) in counties:
        return CountyLookup(counties[(key, is_city)])
    if word == "county" and (key, True) in counties:
        # ICE writes "Hopewell County" for Virginia's independent city of Hopewell: a county
        # of that name does not exist, and the city is the only county-equivalent so named.
        place = counties[(key, True)]
        return CountyLookup(place, f"{squash(written)!r} read as {place.name} (no such county)")
    choices = {k: place for (k, city), place in counties.items() if city == is_city}
    place = one_typo_away(key, choices)
    if place is None:
        return CountyLookup(None)
    return CountyLookup(place, f"county {squash(written)!r} read as {place.name} (one-letter typo)")


@functools.cache
def _towns() -> dict[tuple[str, str], tuple[Town, ...]]:
    """(state, letters key of the name) -> towns, most populous first."""
    index: dict[tuple[str, str], list[Town]] = defaultdict(list)
    with TOWNS_CSV.open(newline="") as handle:
        for row in csv.DictReader(handle):
            town = Town(
                int(row["geonameid"]),
                row["name"],
                row["state"],
                int(row["population"]),
                float(row["lat"]),
                float(row["lon"]),
                tuple(row["counties"].split()),
            )
            index[(town.state, letters_key(town.name))].append(town)
    return {k: tuple(sorted(v, key=lambda t: -t.population)) for k, v in index.items()}


def find_towns(state: str, name: str) -> tuple[Town, ...]:
    """Towns of ``state`` named ``name`` ("St. Cloud" = "Saint Cloud", "Deland" = "DeLand")."""
    return _towns().get((state, letters_key(name)), ())


def state_fips(state: str) -> str:
    place = gazetteer().states_by_code.get(state)
    return place.external_id.removeprefix("fips:") if place else ""


def town_counties(town: Town) -> tuple[str, ...]:
    """The town's counties within its own state (the outlines' tolerance can reach across a
    state line, as at Texarkana)."""
    prefix = state_fips(town.state)
    return tuple(fips for fips in town.counties if fips.startswith(prefix))


def county_name(fips: str) -> str:
    place = _counties_by_fips().get(fips)
    return place.name if place else fips


@functools.cache
def _counties_by_fips() -> dict[str, Place]:
    return {
        p.external_id.removeprefix("fips:"): p for p in gazetteer().places if p.kind == "county"
    }


@functools.cache
def _gazetteer_cities() -> dict[str, Place]:
    return {p.external_id: p for p in gazetteer().places if p.kind == "city"}


def town_place(town: Town) -> Place:
    """The town as a ``Place``: the gazetteer's own when it has the town; otherwise a new one
    whose slug is "name-st", or "name-county-st" when the gazetteer already uses that slug for
    a bigger town of the same name."""
    external_id = f"geonames:{town.geonameid}"
    known = _gazetteer_cities().get(external_id)
    if known is not None:
        return known
    slug = f"{slugify(town.name)}-{town.state.lower()}"
    if slug in gazetteer().by_slug:
        counties = town_counties(town)
        county = slugify(county_name(counties[0])) if counties else str(town.geonameid)
        slug = f"{slugify(town.name)}-{county}-{town.state.lower()}"
    return Place(
        slug=slug,
        name=town.name,
        kind="city",
        state=town.state,
        external_id=external_id,
        latitude=town.latitude,
        longitude=town.longitude,
        population=town.population,
    )


@functools.cache
def _towns_by_id() -> dict[str, Town]:
    return {f"geonames:{t.geonameid}": t for towns in _towns().values() for t in towns}


def preload() -> None:
    """Read the towns and the county index now (about 0.7 s, once per process), so that a
    worker's first article does not pay for them."""
    gazetteer()
    _towns_by_id()
    _counties_by_fips()


def county_of_city(external_id: str) -> Place | None:
    """The county a city lies in ("geonames:<id>"), only when that is certain: the town lies in
    exactly one county of its state, well inside its outline (a town near a county line, or in
    several counties, as New York City or Atlanta, gets none: never a guess)."""
    town = _towns_by_id().get(external_id)
    counties = town_counties(town) if town is not None else ()
    if len(counties) != 1 or len(town.counties) != 1:
        return None
    return _counties_by_fips().get(counties[0])
