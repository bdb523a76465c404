"""Which place an agency on ICE's 287(g) lists acts for: its county, its town, its state, or none.

Never a guess (issue 14). ``resolve_agency`` reads the agency's name first (ICE's TYPE column is
wrong often enough: "Neptune Beach Police Department" is typed County, "Arkansas State Police
Department" Municipality) and applies these rules, in order:

1. **None, by kind** — agencies that are not a county's, a town's or the state's own:
   universities and colleges (boards of trustees, campus police), schools, port and airport
   authorities, regional jails and authorities serving several places, metropolitan or
   "special" police, constables and marshals (independent officers, not a town's police), and
   a state department of corrections (issue 14 lists it as an agency with no place).
2. **County** — a sheriff's office or department; a county's jail, detention centre,
   corrections department, board of county commissioners, police department or district
   attorney. The county is the one the name gives ("Bossier Parish Sheriff's Office"), checked
   against ICE's COUNTY column: if both name a county of the state and they differ, the row is
   none. A sheriff whose name gives no county ("Jacksonville Sheriff's Office") acts for the
   COUNTY column's county. Louisiana's parishes, Alaska's boroughs and Virginia's independent
   cities are counties.
3. **State** — ICE's TYPE "State Agency", or a name that begins with the state's name ("Florida
   Highway Patrol", "Louisiana Alcohol and Tobacco Control"): state police, highway patrols,
   departments of public safety, bureaus of investigation, attorneys general, wildlife officers,
   the National Guard... act for the state.
4. **City** — a police or public safety department of a town: "<town> Police Department" (also
   "City of <town>", "<town> Borough", "<town> Department of Public Safety"). The town is a
   GeoNames place of the state with exactly that name (St./Saint and case folded), in ICE's
   county when the COUNTY column names one; none when no town or several towns fit.
5. Anything else is none.

Every ``Resolution`` has a reason sentence for the import report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.datasets.ice_287g import Row
from articles.datasets.places import (
    CountyLookup,
    county_name,
    find_county,
    find_towns,
    split_county_word,
    town_counties,
    town_place,
)
from articles.extraction.places.gazetteer import state_by_code
from articles.extraction.types import Place

RESOLUTION_KINDS = ("county", "city", "state", "none")


@dataclass(frozen=True)
class Resolution:
    kind: str  # one of RESOLUTION_KINDS
    place: Place | None  # None exactly when kind is "none"
    reason: str


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


# Rule 1: (pattern, reason). Checked before anything else, so "Sanford Airport Police
# Department" is an airport's police, not Sanford's.
NOT_A_PLACE = (
    (_words(r"\buniversity\b", r"\bcollege\b", r"board of trustees"), "a university or college"),
    (_words(r"\bschool"), "a school district's police"),
    (_words(r"\bport authority\b", r"\bairport\b"), "a port or airport authority"),
    (_words(r"\bregional\b", r"\bdistrict jail\b"), "a regional body serving several places"),
    (_words(r"\bauthority\b"), "a public authority apart from any county's or town's offices"),
    (_words(r"\bmetro(politan)?\b"), "a metropolitan police serving a city and county together"),
    (_words(r"\bspecial police\b"), "a special (commissioned) police, not a town's own"),
    (
        # "Marshall County" is a county, and a state fire marshal is a state agency.
        _words(r"\bconstables?\b", r"\bconstables's\b", r"(?<!fire )\bmarshal('?s)?\b"),
        "a constable's or marshal's office",
    ),
)
STATE_CORRECTIONS = _words(r"\bDOC\b", r"\bcorrections?\b", r"\bcorrectional\b")
SHERIFF = _words(r"\bsheriff")
COUNTY_OFFICE = _words(
    r"\bcorrections?\b",
    r"\bcorrectional\b",
    r"\bdetention\b",
    r"\bjail\b",
    r"board of county commissioners",
    r"\bpolice department\b",
    r"district attorney",
)
# "Borough" only in Alaska: a Pennsylvania borough ("Manheim Borough") is a town.
NAMED_COUNTY = re.compile(r"^(?P<county>.+?\s(?:County|Parish))\b", re.IGNORECASE)
NAMED_BOROUGH = re.compile(r"^(?P<county>.+?\s(?:County|Borough))\b", re.IGNORECASE)
TOWN_POLICE = re.compile(
    r"^(?:(?:city|town|village) of\s+)?(?P<town>.+?)\s+"
    r"(?:police\b|(?:department of\s+)?public safety\b)",
    re.IGNORECASE,
)


def resolve_agency(row: Row) -> Resolution:
    """The place ``row``'s agency acts for (see the module docstring for the rules)."""
    if row.state is None or state_by_code(row.state) is None:
        return _none("the state is unknown")
    agency = re.sub(r",\s*[A-Z]{2}$", "", row.agency)  # "Arnaudville Police Department, LA"
    for pattern, reason in NOT_A_PLACE:
        if pattern.search(agency):
            return _none(f"{reason}: no county, town or state of its own")
    if _is_state_corrections(row, agency):
        return _none("a state department of corrections: runs state prisons, no place's jail")
    if SHERIFF.search(agency) or (_named_county(row, agency) and COUNTY_OFFICE.search(agency)):
        return _county_agency(row, agency)
    if _is_state_agency(row, agency):
        return _state_agency(row)
    if town := TOWN_POLICE.match(agency):
        return _town_police(row, town.group("town"))
    if COUNTY_OFFICE.search(agency):
        return _county_agency(row, agency)  # "Miami Dade Corrections and Rehabilitation"
    return _none("not a sheriff, county office, town police or state agency")


def _none(reason: str) -> Resolution:
    return Resolution("none", None, reason)


def _is_state_agency(row: Row, agency: str) -> bool:
    state = state_by_code(row.state or "")
    if state is None:
        return False
    named = re.match(rf"(state of\s+)?{re.escape(state.name)}\b(?!\s+(city|county))", agency, re.I)
    return row.agency_type == "state_agency" or named is not None


def _is_state_corrections(row: Row, agency: str) -> bool:
    """A state's corrections, not a county's ("Okaloosa County Department of Corrections")."""
    county_named = _named_county(row, agency) is not None
    return (
        _is_state_agency(row, agency)
        and not county_named
        and bool(STATE_CORRECTIONS.search(agency))
    )


def _state_agency(row: Row) -> Resolution:
    state = state_by_code(row.state or "")
    return Resolution("state", state, f"a state agency of {state.name}" if state else "")


# --- counties -----------------------------------------------------------------------------


def _county_agency(row: Row, agency: str) -> Resolution:
    """Rule 2: the county named in the agency's name, checked against the COUNTY column."""
    state = row.state or ""
    named = _named_county(row, agency)
    from_name = find_county(state, named.group("county")) if named else CountyLookup(None)
    from_column = find_county(state, row.county) if row.county else CountyLookup(None)
    if from_name.place and from_column.place and from_name.place != from_column.place:
        return _none(
            f"the name says {from_name.place.name} but COUNTY says {row.county!r}: "
            "not guessing which"
        )
    if (
        from_name.place is None
        and not SHERIFF.search(agency)
        and not _prefixed(agency, from_column)
    ):
        return _none(f"no county in the name of a county office, and {row.county!r} is not it")
    lookup = from_name if from_name.place else from_column
    if lookup.place is None:
        written = named.group("county") if named else row.county or "(blank)"
        return _none(f"{written!r} is not a county of {state}")
    notes = list(dict.fromkeys(n for n in (from_name.note, from_column.note) if n))
    if row.county and from_column.place is None:
        notes.append(f"COUNTY {row.county!r} is not a county of {state}")
    reason = "; ".join([f"acts for {lookup.place.name}, {state}", *notes])
    return Resolution("county", lookup.place, reason)


def _named_county(row: Row, agency: str) -> re.Match[str] | None:
    return (NAMED_BOROUGH if row.state == "AK" else NAMED_COUNTY).match(agency)


def _prefixed(agency: str, lookup: CountyLookup) -> bool:
    """ "Miami Dade Corrections" begins with Miami-Dade County's name."""
    if lookup.place is None:
        return False
    bare, _ = split_county_word(lookup.place.name)
    return re.sub(r"\W", "", agency.lower()).startswith(re.sub(r"\W", "", bare.lower()))


# --- towns --------------------------------------------------------------------------------


def _town_names(written: str) -> list[str]:
    """The town's name, and without a trailing "Borough" or "Village" (how PA and FL name the
    municipality in a police department's name: "Manheim Borough", "Indian Creek Village")."""
    names = [written]
    bare = re.sub(r"\s+(borough|village)$", "", written, flags=re.IGNORECASE)
    if bare != written:
        names.append(bare)
    return names


def _town_police(row: Row, written: str) -> Resolution:
    """Rule 4: the one town of that name in the state (and in ICE's county, when given)."""
    state = row.state or ""
    towns = {t.geonameid: t for name in _town_names(written) for t in find_towns(state, name)}
    if not towns:
        return _none(f"no town named {written!r} in {state} (GeoNames, 500 people or more)")
    county = find_county(state, row.county) if row.county else CountyLookup(None)
    candidates = list(towns.values())
    if county.place is not None:
        fips = county.place.external_id.removeprefix("fips:")
        candidates = [t for t in candidates if fips in town_counties(t)]
        where = f"{county.place.name}, {state}"
    else:
        where = state
    if len(candidates) != 1:
        found = ", ".join(f"{t.name} ({_county_list(t)})" for t in towns.values())
        how = "no" if not candidates else f"{len(candidates)}"
        return _none(f"{how} towns named {written!r} in {where}: not guessing (found: {found})")
    place = town_place(candidates[0])
    notes = [county.note] if county.note else []
    if row.county and county.place is None:
        notes.append(f"COUNTY {row.county!r} is not a county of {state}")
    elif not row.county:
        notes.append("COUNTY not given; the only town of that name in the state")
    reason = "; ".join([f"police of {place.name}, {where}", *notes])
    return Resolution("city", place, reason)


def _county_list(town) -> str:
    return ", ".join(county_name(fips) for fips in town_counties(town)) or "no county"
