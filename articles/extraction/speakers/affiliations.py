"""Whom a speaker speaks for: a level of government and, below the federal level, a place.

``find_speakers`` reads names, roles and organisations; this step decides, for each speaker,
``Speaker.level`` (``local``, ``state``, ``federal`` or ``other``) and ``Speaker.place``:

- **federal** (ICE, DHS, CBP, the Justice Department, the White House, their officials, judges
  of federal courts, US attorneys, members of Congress): no place, whatever the article's
  places or the person's name say. A federal magistrate named Austin is no official of Austin.
- **state** (governors, attorneys general, state legislators, state agencies and their heads):
  the state, from the title ("Nebraska Gov."), the organisation ("Nebraska State Patrol"), the
  place that qualifies them ("state Rep. Ana Ruiz of Macon": Georgia), else the state the
  article names most.
- **local** (mayors, sheriffs, police chiefs, councils, commissioners, county executives): the
  place the title names ("Canton Mayor"), else the nearest place of the office's kind (a county
  for a sheriff, a city for a mayor) named around their introduction, else the one the article
  names most.
- **other** (advocates, lawyers, residents, unions, companies): the place the text ties them
  to, if any; their words are about the places they speak of (see ``quotes``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from articles.extraction.places.gazetteer import gazetteer, state_by_code
from articles.extraction.spans import SpanIndex
from articles.extraction.types import Place, PlaceMention, Speaker

FEDERAL_KEYS = frozenset({"ice", "dhs", "cbp", "doj", "white-house"})

_FEDERAL_ORG = re.compile(
    r"(?<![\w.])U\.S\.?(?!\w)|\b(?:United States|Federal|Homeland Security|HSI|FBI|Border Patrol"
    r"|USCIS|Marshals|Bureau of Prisons|Congress|Immigration and Customs|Justice Department"
    r"|Department of Justice|White House|Enforcement and Removal)\b"
)
_CIVIL_SOCIETY = re.compile(
    r"\b(?:Coalition|Project|Alliance|Network|Rights|Immigrant|Union|Fund|Foundation"
    r"|Association|League|Committee|Church|Diocese|Center|Institute|Initiative|Federation"
    r"|Advocates|Council on|Clinic|Society|Campaign|Movement|Collective)\b"
)
_STATE_ORG = re.compile(
    r"\b(?:State Patrol|State Police|Highway Patrol|Department of Correction\w*"
    r"|Correction\w* Department|Attorney General['’]s Office|Governor['’]s Office"
    r"|Legislature|General Assembly|State Senate|State House|Department of Public Safety)\b"
)
_LOCAL_ORG = re.compile(
    r"\b(?:Police Department|Police|Sheriff['’]s (?:Office|Department)|County|City|Council"
    r"|Board of (?:Supervisors|Commissioners)|Commission|Jail|Detention Center|Town|Village"
    r"|Mayor['’]s Office|District Attorney)\b"
)
# Roles, most specific first: a state senator before a (US) senator, "U.S. Attorney General"
# before an attorney general.
_STATE_FIRST = re.compile(
    r"^(?:State|Assembly|Delegate|Lieutenant Governor|Secretary of State)\b", re.IGNORECASE
)
_FEDERAL_ROLE = re.compile(
    r"(?<![\w.])U\.S\.(?!\w)|\b(?:federal|Magistrate|District Judge|Circuit Judge of Appeals"
    r"|Immigration Judge|Judge|Justice|Secretary of Homeland Security|Field Office Director"
    r"|Special Agent"
    r"|Border Patrol|Border Czar|Press Secretary|Senator"
    r"|Representative|Congress\w*)\b",
    re.IGNORECASE,
)
_STATE_COURT = re.compile(r"\b(?:Circuit|Superior|County|Municipal|State|Probate|Family)\b")
_STATE_ROLE = re.compile(
    r"\b(?:Governor|Attorney General|Solicitor General|State Attorney|Trooper)\b",
    re.IGNORECASE,
)
_COUNTY_ROLE = re.compile(
    r"\b(?:Sheriff|Undersheriff|County|Commissioner|Supervisor|Board|Chairman|Chairwoman"
    r"|Chair|District Attorney|Warden|Jail)\b",
    re.IGNORECASE,
)
_CITY_ROLE = re.compile(
    r"\b(?:Mayor|Police Chief|Chief|Police Commissioner|City|Alder(?:man|woman|person)|Councilor"
    r"|Superintendent)\b",
    re.IGNORECASE,
)
_COUNCIL_ROLE = re.compile(r"\bCouncil", re.IGNORECASE)
_LOCAL_GOVERNMENT = re.compile(
    r"\b(?:Mayor['’]s Office|Police Department|Sheriff['’]s (?:Office|Department)|City Council"
    r"|County (?:Council|Board|Commission)|Board of (?:Supervisors|Commissioners)|City of"
    r"|County of|City Hall)\b"
)
# How far around a speaker's introduction a place of the office's kind still tells where
# they serve ("Cobb commissioners voted ... Commissioner Lisa Tharpe said").
_AROUND = 600


def speaker_level(speaker: Speaker) -> str:
    """``local``, ``state``, ``federal`` or ``other`` from the speaker's key, name, role and
    affiliation (see the module docstring)."""
    if speaker.kind == "organisation":
        name = speaker.name
        if speaker.key in FEDERAL_KEYS or _FEDERAL_ORG.search(name):
            return "federal"
        if _CIVIL_SOCIETY.search(name):
            return "other"  # "Oregon Immigrant Rights Coalition" speaks for no government
        if _STATE_ORG.search(name) or (speaker.place and speaker.place.kind == "state"):
            return "state"
        if speaker.place is not None or _LOCAL_ORG.search(name):
            return "local"
        return "other"
    role, affiliation = speaker.role, speaker.affiliation
    if affiliation and _FEDERAL_ORG.search(affiliation):
        return "federal"
    if _STATE_FIRST.search(role):
        return "state"
    if re.search(r"\bJudge\b", role) and _STATE_COURT.search(role):
        return "state"
    if role in ("President", "Vice President"):
        return "federal"  # the President; not a council's, a board's or a union's president
    if _FEDERAL_ROLE.search(role) and not re.search(r"\bCouncil|Board|Commission", role):
        return "federal"
    if _STATE_ROLE.search(role):
        return "state"
    if affiliation and _STATE_ORG.search(affiliation):
        return "state"
    if _COUNTY_ROLE.search(role) or _CITY_ROLE.search(role) or _COUNCIL_ROLE.search(role):
        return "local"
    if affiliation and _LOCAL_GOVERNMENT.search(affiliation):
        return "local"  # "with the Mayor's Office of Immigrant Affairs"
    if affiliation and _LOCAL_ORG.search(affiliation) and speaker.place is not None:
        return "local"
    return "other"


def place_speakers(text: str, cast: list[Speaker], mentions: list[PlaceMention]) -> list[Speaker]:
    """Each speaker with its ``level`` and, below the federal level, its ``place``."""
    index = SpanIndex(mentions)
    counts = Counter(m.place for m in mentions)
    placed = []
    for speaker in cast:
        level = speaker_level(speaker)
        if level == "federal" and _hometown_legislator(text, speaker):
            level = "state"
        if level == "federal":
            place = None
        elif level == "state":
            place = _state_of(text, speaker, index, counts)
        elif level == "local":
            place = _local_place(text, speaker, index, counts)
        else:
            place = speaker.place
        placed.append(replace(speaker, level=level, place=place))
    return placed


# "Representative Ana Ruiz of Kalispell", "Sen. Ana Ruiz, a Republican from Brenham": a
# legislator named with a town (not a state) is a state legislator; a member of Congress is
# "U.S. Rep.", or named with a state ("of Texas", "R-Texas").
_LEGISLATOR = re.compile(r"^(?:Representative|Senator|Rep\.|Sen\.|Assemblymember|Delegate)$")
_HOMETOWN = re.compile(
    r"\s*(?:,\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:Republican|Democrat|Independent)\w*\s+)?"
    r"(?:of|from)\s+(?P<town>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)


def _hometown_legislator(text: str, speaker: Speaker) -> bool:
    if not _LEGISLATOR.match(speaker.role) or not speaker.mentions:
        return False
    if _FEDERAL_ORG.search(speaker.affiliation or ""):
        return False
    m = _HOMETOWN.match(text, speaker.mentions[0][1])
    return bool(m) and _state_named_in(m["town"]) is None and m["town"] not in ("Congress",)


def _intro(speaker: Speaker) -> int:
    return speaker.mentions[0][0] if speaker.mentions else 0


def _state_of(
    text: str, speaker: Speaker, index: SpanIndex[PlaceMention], counts: Counter
) -> Place | None:
    """The state a state official or agency serves."""
    if speaker.place is not None:
        place = speaker.place
        return place if place.kind == "state" else state_by_code(place.state)
    named = _state_named_in(speaker.affiliation) or _state_named_in(speaker.name)
    if named is not None:
        return named
    # "Director Ana Ruiz of the Department of Corrections": the article names the department
    # in full elsewhere ("the Nebraska Department of Corrections").
    if speaker.affiliation:
        for m in re.finditer(rf"(\w+) {re.escape(speaker.affiliation)}", text):
            named = _state_named_in(m[1])
            if named is not None:
                return named
    states = [(n, p) for p, n in counts.items() if p.kind == "state"]
    if states:
        return max(states, key=lambda np: np[0])[1]
    local = [(n, p) for p, n in counts.items() if p.kind != "state"]
    if local:
        return state_by_code(max(local, key=lambda np: np[0])[1].state)
    return None


def _state_named_in(words: str) -> Place | None:
    for word in re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", words or ""):
        for candidate in (word, word.split()[0]):
            code = _state_codes().get(candidate)
            if code:
                return state_by_code(code)
    return None


def _office_kind(speaker: Speaker) -> str:
    """The kind of place an office serves: "county", "city", or "local" (either)."""
    role = speaker.role
    if speaker.kind == "organisation" or not role:
        name = speaker.name if speaker.kind == "organisation" else speaker.affiliation
        return "county" if re.search(r"\bCounty|Sheriff", name) else "city"
    if re.search(r"\bPolice\b", role):
        return "city"  # a police commissioner or chief serves a city
    if re.search(r"\bCounty\b", role) or (
        _COUNTY_ROLE.search(role) and not _COUNCIL_ROLE.search(role)
    ):
        return "county"
    if _COUNCIL_ROLE.search(role):
        return "local"
    return "city"


def _local_place(
    text: str, speaker: Speaker, index: SpanIndex[PlaceMention], counts: Counter
) -> Place | None:
    """The city or county a local official serves."""
    kind = _office_kind(speaker)
    if speaker.place is not None and speaker.place.kind != "state":
        if kind == "county" and speaker.place.kind == "city":
            # "In Anoka County, north of Minneapolis, Sheriff Ana Ruiz": the town before the
            # title is a reference point; a sheriff serves the county named just before it.
            at = _intro(speaker)
            lo = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at))
            county = [m for m in index.starting_in(lo + 1, at) if m.place.kind == "county"]
            if county and county[-1].place.state == speaker.place.state:
                return county[-1].place
        return speaker.place
    kinds = ("city", "county", "federal_district") if kind == "local" else (kind,)
    if kind == "city":
        kinds = ("city", "federal_district")
    at = _intro(speaker)
    near = [m for m in index.starting_in(at - _AROUND, at + _AROUND) if m.place.kind in kinds]
    if near:  # the one the article is most about, then the nearest before the introduction
        return min(near, key=lambda m: (-counts[m.place], m.start > at, abs(m.start - at))).place
    local = [(n, p) for p, n in counts.items() if p.kind in kinds]
    if local:
        return max(local, key=lambda np: np[0])[1]
    if kind == "city":  # a county mayor ("Mayor Ana Ruiz" in an article about Miami-Dade)
        county = [(n, p) for p, n in counts.items() if p.kind == "county"]
        if county:
            return max(county, key=lambda np: np[0])[1]
    return speaker.place


@cache
def _state_codes() -> dict[str, str]:
    """State name -> USPS code: "Nebraska" -> "NE"."""
    return {p.name: p.state for p in gazetteer().states_by_code.values()}
