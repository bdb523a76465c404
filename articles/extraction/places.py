"""Find the US cities, counties, states and the federal district that a news text names.

``find_places(text)`` works in two passes:

1. *Scan*: at each capitalised word, take the longest run of words (joined by single spaces, or
   by ", " inside names such as "Washington, D.C.") that is a gazetteer alias, case-sensitively.
   A city or county followed by ", <state>" ("Portland, Ore.", "Cook County, Illinois") is
   resolved in that state and the state words join the mention: the reader means the city.
   Words that merely contain a place are dropped here (see ``_not_a_place``): news outlets
   ("the Denver Post", "CBS Baltimore"), sports teams, people ("Judge Andrew Austin",
   "Mayor Phoenix Lane", "Austin says").
2. *Resolve*: the article's *context states* are those it names outright or that qualify a
   place. An ambiguous name takes the candidate in a context state, else (cities only) the most
   populous candidate if it is a large city; common English words and foreign homonyms
   ("Mobile", "Paris") need a state to count; a county name found in several states with none
   of them in context is skipped rather than guessed.

"New York" alone is the city (US news names the state as "New York State", "the state of New
York", or through its government: "New York's governor", "New York lawmakers"). "Washington"
alone is skipped (the federal government, the newspaper, a person) unless written "Washington
state", "the state of Washington" or "Washington, D.C.".
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
from collections import Counter
from dataclasses import dataclass

from articles.extraction.gazetteer import aliases, gazetteer, place_by_slug, state_by_code
from articles.extraction.types import Place, PlaceMention


def _words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(text.split())


# Bare cities below this population need a state in the text (named or implied) to count.
BARE_CITY_MIN_POPULATION = 100_000
MAX_ALIAS_WORDS = 6

TOKEN_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F][\w.'’&\-]*")
DATELINE_RE = re.compile(
    r"^(?P<name>[A-Z][A-Z.'\- ]*[A-Z.])(?:, (?P<state>[A-Z][\w.]*(?: [A-Z][\w.]*)?))?"
    r"(?: \([A-Za-z. ]+\))? ?[—–-]{1,2} ",  # "LOS ANGELES (AP) —"
    re.MULTILINE,
)
POSSESSIVE_RE = re.compile(r"(?:'s|’s|'|’)$")
# Between two items of a list of places, maybe after a tally: ", ", "; ", ", 41; ", " (12), and ".
LIST_GAP_RE = re.compile(
    r"(?:,? ?\(?\d[\d,]*\)?|:? [–—-] \d[\d,]*)?(?:, |; )(?:and |or )?| and | or "
)
_CAPITALISED = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}"
PLURAL_COUNTIES_RE = re.compile(
    rf"(?P<names>{_CAPITALISED}(?:, {_CAPITALISED})*,? and {_CAPITALISED}) [Cc]ounties\b"
)
NAME_RE = re.compile(_CAPITALISED)
POSSESSIVE_START_RE = re.compile(r"['’]s\b")
CALL_SIGN_RE = re.compile(r"^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT|LD|CD))?$")

# Words that, right after a place, make it part of a news outlet's name.
OUTLET_WORDS = _words(
    "Post Times Herald Tribune Journal Chronicle Globe News Gazette Sun Star Inquirer Examiner "
    "Register Record Review Magazine Daily Press Bulletin Dispatch Courier Observer Telegraph "
    "Constitution Citizen Reporter Report Free Standard Statesman Sentinel Enquirer Picayune "
    "Advocate Independent Leader Mercury Republic Democrat Republican Plain Morning Evening "
    "Weekly Monthly Voice Reader Patch Business Eagle Bee Oregonian Beacon Argus Ledger"
)
PARTY_WORDS = _words("Republican Democrat Democratic Independent Libertarian")
OUTLET_PHRASES = ("Public Radio", "Public Media", "Public Television", "Public Broadcasting")
BROADCASTERS = _words(
    "CBS NBC ABC FOX Fox CNN NPR PBS MSNBC CW KTLA WXIA WSB Telemundo Univision Spectrum"
)
TEAM_WORDS = _words(
    "Braves Falcons Hawks Bears Bulls Cubs Sox Blackhawks Fire Broncos Nuggets Rockies Avalanche "
    "Texans Rockets Astros Dynamo Rams Chargers Lakers Clippers Dodgers Angels Kings Galaxy "
    "Dolphins Heat Marlins Panthers Saints Pelicans Giants Jets Knicks Nets Yankees Mets Rangers "
    "Islanders 49ers Warriors Cardinals Suns Diamondbacks Coyotes Ravens Orioles Patriots Celtics "
    "Bruins Seahawks Mariners Sounders Kraken Trail Timberwolves Twins Vikings Wild Packers Bucks "
    "Brewers Lions Pistons Tigers Colts Pacers Steelers Penguins Pirates Eagles Phillies Flyers "
    "Sixers Cowboys Mavericks Stars Chiefs Royals Titans Predators Grizzlies Jaguars Buccaneers "
    "Rays Lightning Magic Spurs Jazz Thunder Browns Cavaliers Guardians Bengals Reds Commanders "
    "Nationals Capitals Wizards Raiders Knights Padres Hornets Hurricanes Sabres Bills Blues"
)
# Right before a name, these make it a person's: "Mayor Phoenix Lane", "Judge Jane Austin".
TITLES = _words(
    "Mayor Judge Sheriff Gov. Governor Sen. Senator Rep. Representative President Chief Officer "
    "Director Commissioner Mr. Mrs. Ms. Dr. Secretary Attorney Councilman Councilwoman "
    "Councilmember Alderman Deputy Agent Sgt. Lt. Capt. Det. Sgt Lt Capt Det Rev. Father "
    "Pastor Professor Prof. Justice Magistrate Superintendent Lawyer Trustee Supervisor"
)
# Capitalised words that are not first names: a place right after one is not a surname.
NOT_FIRST_NAMES = _words(
    "The A An In At On For From To Of By With Near Outside Inside Across Throughout Around Like "
    "Unlike And But Or Nor As Since After Before While When Where Whether Despite During Under "
    "Over Into Than Both Including Especially Even Only Also Then Now Here There This That These "
    "Those Every Each All Some Many Most Via Per Beyond Within Between Against About "
    "North South East West Northern Southern Eastern Western Central Northeast Northwest "
    "Southeast Southwest Upstate Downstate Metro Greater Downtown Suburban Rural Urban Inner "
    "Outer Coastal Midtown Uptown Neighboring Nearby Sanctuary Welcoming Federal Local State "
    "Why How What Which Who If Although Though Because Once Until Unless Meanwhile However "
    "Yet So Still Just Not No Its It Our Their His Her My Your We They He She I You "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Related RELATED"
)
# Cities that share their name with a common given name or surname: a capitalised word after
# them must be an institution ("Austin Police"), else it is a person ("Austin Smith").
NAME_LIKE_CITIES = _words(
    "Austin Madison Aurora Tyler Eugene Norman Lawrence Warren Jackson Lincoln Allen Irving "
    "Frederick Florence Charlotte Victoria Kent Quincy Raleigh Troy Chester Camden Carson Gary "
    "Marion Chandler Douglas Franklin Hamilton Logan Murray Orlando Sherman Taylor Tracy Vernon "
    "Wayne Clinton Henderson Houston Dallas Denver Phoenix Savannah Everett Sterling Milton "
    "Mitchell Nelson Newton Preston Shelby Spencer Burke Bryan Harrison Morgan Murphy Parker "
    "Perry Riley Ross Temple Tucker Webster Wilson Jordan Sydney Dayton Kingston Lafayette "
    "Bristol Columbus Cleveland Santa Monroe Beverly Georgia Virginia Carolina Augusta Jasmine "
    "McKinney Denton Lowell Edison Hayward Downey Fullerton Davis Anderson Campbell Moore"
)
INSTITUTION_WORDS = _words(
    "Mayor Mayor's Police City County Council Sheriff Sheriff's Department Public Detention Jail "
    "Board Chief Schools School Field Office Area Metro Region Immigrant Immigrants Immigration "
    "Common District Superior Municipal Court Courts Circuit Housing Health Correctional "
    "Corrections Fire Division Commission Commissioners Airport International Attorney "
    "Prosecutor Unified Independent Bay Township Village Alderman Aldermen Councilman "
    "Councilwoman Councilmember Manager Hall Legislature Gov. Governor Senate Assembly State "
    "Democrats Republicans Residents Metropolitan Regional Community Catholic Archdiocese "
    "Diocese Federal ICE Transit Jail's Police's Sanctuary Rapid Response Legal Workers Union"
)
LOCATIVE_WORDS = _words(
    "in In at At near Near from From outside Outside into to across around toward towards "
    "through throughout between and or including like Like metro suburban downtown"
)
PLACE_NOUNS_AFTER = _words(
    "police mayor officials residents city council sheriff leaders schools jail authorities "
    "officers area metro county department detention immigrants community resident native "
    "man woman family families restaurant business businesses attorney lawyer pastor teacher "
    "owner mother father neighborhood neighborhoods plant church school hospital workers"
)
SPEECH_VERBS = _words(
    "said says told added wrote argued explained testified ruled noted stated asked replied "
    "tweeted posted"
)
# English words (and foreign cities) that are also US town names: bare, they are not places.
COMMON_WORDS = _words(
    "Police Justice Mobile Ocean Enterprise Commerce Independence Liberty Union Industry "
    "Freedom Hope Unity Harmony Victory Paradise Surprise Sunrise Spring Orange Garden Center "
    "Central Republic Democrat Federal Home Friendship Opportunity Progress Truth "
    "Reform Mission Energy Security Transfer Chance Rescue Welcome Cross "
    "Normal Plain Royal Sandy Mercy Faith Grace Joy Charity Patience Trinity Eagle Star Sun "
    "Globe Post Lake Beach River Hill Hills Valley Park Bay Forest Green Wood Worth Rock "
    "Story Early Media Marshall Reading Wayne Weston Nation Nationwide Alliance "
    "Ontario Victoria Columbia Homestead Pleasant Sanctuary Eureka Concord Delta Ramsey "
    "Sharon Sheridan Lee Chase Garland Mexico Canada Lebanon Jordan Cuba Peru Poland "
    "Panama Paris London Dublin Athens Rome Berlin Moscow Cairo Vienna Florence Troy Sparta "
    "Venice Naples Milan Geneva Vancouver Manchester Oxford Cambridge Hanover Bethlehem "
    "Jerusalem Havana Lima Belfast Brunswick Holland Wales Scotland Ireland Norway "
    "Denmark Sweden Guatemala Honduras Nicaragua Chile Bolivia Colombia Sequoyah "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Airport College Council Congress "
    "Christmas English Homeland Midway Harbor Centennial Westminster Odessa Hollywood Capitol "
    "Senate Supreme Marshal Sheriff Mayor Governor Border Customs Enforcement Operation"
)
STATE_WORDS_AFTER_NEW_YORK = _words(
    "State state Gov Governor Legislature Assembly Senate lawmakers legislators legislature "
    "governor"
)


@dataclass
class _Match:
    """A run of words that names places; ``candidates`` narrows as evidence comes in."""

    start: int
    end: int
    surface: str
    candidates: tuple[Place, ...]
    qualified: bool = False  # a state followed it ("Portland, Ore.") or it is unambiguous
    dateline: bool = False
    locative: bool = False  # after "in", "near", "and"...: where a small town's name stands
    listed: bool = False  # an item of a list of places ("Tacoma, 27; Yakima, 22")


@functools.cache
def _state_after_comma_re() -> re.Pattern[str]:
    """ ", Oregon" / ", Ore." / ", OR" after a city or county, longest form first."""
    forms = sorted(gazetteer().state_abbreviations, key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    return re.compile(rf", ({alternation})(?!\w)")


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN_RE.finditer(text)]


def _lookup(text: str, start: int, end: int) -> tuple[int, tuple[Place, ...]] | None:
    """Candidates for ``text[start:end]``, trying it without a final period or possessive."""
    surface = text[start:end]
    table = aliases()
    if surface in table:
        return end, table[surface]
    for pattern in (r"\.$", POSSESSIVE_RE.pattern):
        trimmed = re.sub(pattern, "", surface)
        if trimmed != surface and trimmed in table:
            return start + len(trimmed), table[trimmed]
    return None


def _joined(text: str, tokens: list[tuple[int, int]], i: int, n: int) -> bool:
    """Are tokens i..i+n-1 one name: separated by a single space or ", " only?"""
    return all(text[tokens[k][1] : tokens[k + 1][0]] in (" ", ", ") for k in range(i, i + n - 1))


def _longest_alias(text: str, tokens: list[tuple[int, int]], i: int) -> _Match | None:
    """The longest alias starting at token i (which must be capitalised)."""
    if not text[tokens[i][0]].isupper():
        return None
    for n in range(min(MAX_ALIAS_WORDS, len(tokens) - i), 0, -1):
        if not _joined(text, tokens, i, n):
            continue
        found = _lookup(text, tokens[i][0], tokens[i + n - 1][1])
        if found:
            end, candidates = found
            return _Match(tokens[i][0], end, text[tokens[i][0] : end], candidates)
    return None


def _word_before(text: str, start: int) -> str:
    """The word right before ``start`` if only one space separates them, else ""."""
    m = re.search(r"([\w.'’&\-]+) $", text[max(0, start - 40) : start])
    return m.group(1) if m else ""


def _word_after(text: str, end: int) -> str:
    """The word right after ``end`` if only one space separates them, else ""."""
    m = re.match(r" ([\w.'’&\-]+)", text[end : end + 40])
    return m.group(1).rstrip(".,;:") if m else ""


def _is_saints_institution(text: str, match: _Match) -> bool:
    return match.surface.startswith(("St. ", "Saint ")) and bool(
        POSSESSIVE_START_RE.match(text, match.end)
    )


def _is_outlet_or_team(text: str, match: _Match) -> bool:
    """ "the Denver Post", "Chicago Sun-Times", "CBS Baltimore", "WSB-TV Atlanta", "Denver
    Broncos": a place inside the name of a news outlet or a team."""
    after = _word_after(text, match.end)
    before = _word_before(text, match.start)
    if after in PARTY_WORDS and before.lower() in ("a", "an"):
        return False  # "a Knoxville Republican" is a politician; outlets take "the"
    if any(part in OUTLET_WORDS for part in after.split("-")) or after in TEAM_WORDS:
        return True
    if text[match.end : match.end + 20].startswith(tuple(" " + p for p in OUTLET_PHRASES)):
        return True
    if before.isdigit():  # "FOX 5 Atlanta"
        before = _word_before(text, match.start - len(before) - 1)
    return before in BROADCASTERS or bool(CALL_SIGN_RE.match(before))


def _is_headline(text: str, start: int) -> bool:
    """Is the line around ``start`` a headline: Title Case, with no final full stop?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else None].strip()
    words = re.findall(r"[A-Za-z][\w'’]{3,}", line)
    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    return title_case and not line.endswith(".")


def _is_person(text: str, match: _Match, surnames: set[str]) -> bool:
    """A city's name used as a person's: after a title or a first name ("Judge Ann Austin",
    "Mayor Phoenix Lane"), before a speech verb once known as a surname ("Austin says"), or a
    name-like city followed by a capitalised non-institution word ("Austin Smith")."""
    if any(p.kind != "city" for p in match.candidates):
        return False
    before, after = _word_before(text, match.start), _word_after(text, match.end)
    if before in TITLES:
        return True
    first_name = (
        before[:1].isupper()
        and not before.isupper()
        and before.replace("-", "").replace("'", "").isalpha()
        and before not in NOT_FIRST_NAMES
        and before not in aliases()
    )
    if first_name and not _is_headline(text, match.start):
        return True
    name_like = match.surface in surnames or match.surface in NAME_LIKE_CITIES
    if name_like and after in SPEECH_VERBS:
        return True
    return (
        match.surface in NAME_LIKE_CITIES
        and after[:1].isupper()
        and not after.isupper()
        and after not in INSTITUTION_WORDS
        and text[match.end : match.end + 1] == " "
    )


def _qualify(text: str, match: _Match) -> _Match:
    """ "Portland, Ore." / "Cook County, Illinois" / "New York, N.Y.": keep the city or county
    in that state and extend the mention over the state's words."""
    local = [p for p in match.candidates if p.kind in ("city", "county")]
    m = _state_after_comma_re().match(text, match.end) if local else None
    if not m or text[match.end] != "," or POSSESSIVE_START_RE.match(text, m.end()):
        return match  # "Montgomery County, Maryland's largest county": the state starts anew
    code = gazetteer().state_abbreviations[m.group(1)]
    in_state = tuple(p for p in local if p.state == code)
    if not in_state:
        return match
    return _Match(match.start, m.end(), match.surface, in_state, qualified=True)


def _special_forms(text: str, match: _Match) -> _Match | None:
    """ "New York" and "Washington", which name a city or district as often as the state."""
    preceding = text[max(0, match.start - 12) : match.start]
    after = _word_after(text, match.end)
    state_of = preceding.endswith(("state of ", "State of ", "pstate "))
    if match.surface == "New York" and not match.qualified:
        state = state_by_code("NY")
        possessive_after = re.match(r"(?:'s|’s) (\w+)", text[match.end : match.end + 30])
        statewide = after in STATE_WORDS_AFTER_NEW_YORK or (
            possessive_after and possessive_after.group(1) in STATE_WORDS_AFTER_NEW_YORK
        )
        if state_of or statewide:
            end = match.end + 6 if after in ("State", "state") else match.end
            return _Match(match.start, end, text[match.start : end], (state,), qualified=True)
        return _Match(match.start, match.end, match.surface, (place_by_slug("new-york-ny"),), True)
    if match.surface == "Washington":
        state = state_by_code("WA")
        university = after == "State" and _word_after(text, match.end + 6)[:1].isupper()
        if after in ("State", "state") and not university:
            return _Match(
                match.start, match.end + 6, text[match.start : match.end + 6], (state,), True
            )
        if state_of or after in ("Gov", "Governor", "Legislature", "lawmakers"):
            return _Match(match.start, match.end, match.surface, (state,), qualified=True)
        if _STATE_LAW_AFTER.match(text, match.end):
            # "Washington's Keep Washington Working Act": a state's law, named as such
            return _Match(match.start, match.end, match.surface, (state,), qualified=True)
        return None
    return match


_STATE_LAW_AFTER = re.compile(
    r"['’]s\s+(?:[A-Z][\w-]*\s+){1,6}(?:Act|Law|Bill)\b|['’]s\s+(?:state\s+)?(?:law|legislature"
    r"|governor|attorney general|state patrol)\b"
)


def _datelines(text: str) -> list[_Match]:
    """A dateline opening a line, "ATLANTA –" or "PORTLAND, Ore. —": where the story is filed."""
    found = []
    for m in DATELINE_RE.finditer(text):
        name = m.group("name").strip()
        candidates = aliases().get(name.title()) or aliases().get(name)
        if not candidates:
            continue
        match = _Match(
            m.start("name"),
            m.start("name") + len(name),
            name,
            candidates,
            dateline=True,
            locative=True,  # where the story is filed: a town, like "in Marietta"
        )
        if m.group("state"):
            qualified = _qualify(text, match)
            if qualified.qualified:
                match = qualified
        # A capitalised dateline names the city: "NEW YORK —", "WASHINGTON —" (the capital).
        if match.surface.title() == "New York" and not match.qualified:
            match.candidates = (place_by_slug("new-york-ny"),)
        if match.surface.title() == "Washington" and not match.qualified:
            match.candidates = (place_by_slug("washington-dc"),)
        found.append(match)
    return found


def _plural_counties(text: str) -> list[_Match]:
    """ "Broward and Palm Beach counties", "Dallas, Tarrant and Collin counties": each name
    before the plural is a county (the mention is the name, without the shared noun)."""
    found = []
    for m in PLURAL_COUNTIES_RE.finditer(text):
        for name in NAME_RE.finditer(m.group("names")):
            words = name.group().split()
            # "Neighboring Sumter and Levy counties": the name is the words a county has.
            for skip in range(len(words)):
                surface = " ".join(words[skip:])
                candidates = tuple(
                    p for p in aliases().get(f"{surface} County", ()) if p.kind == "county"
                )
                if candidates:
                    start = m.start("names") + name.end() - len(surface)
                    found.append(_Match(start, start + len(surface), surface, candidates))
                    break
    return found


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
_LOWER_NOUN_AFTER = re.compile(r" [a-z]{3,}\b")


def _is_place_adjective(text: str, match: _Match) -> bool:
    """ "a Smyrna restaurant owner", "an Ocala attorney": a place qualifying a noun, where
    prose names a town as surely as after "in"."""
    return bool(
        _ARTICLE_BEFORE.search(text, max(0, match.start - 6), match.start)
        and _LOWER_NOUN_AFTER.match(text, match.end)
    )


def _is_locative(text: str, start: int, end: int) -> bool:
    """Does a place name stand where prose puts one: "in Dalton", "near Tifton", "Dalton and
    Tifton", "the town of Tifton" (not "Department of Justice", "before Congress")?"""
    if _word_after(text, end).lower() in PLACE_NOUNS_AFTER or text[end : end + 1] in "'’":
        return True  # "Dalton police", "Tifton's mayor"
    m = re.search(r"(\w+)( \w+)? $", text[max(0, start - 30) : start])
    if not m:
        return False
    word = m.group(2).strip() if m.group(2) else m.group(1)
    if word == "of":
        return m.group(1)[:1].islower() if m.group(2) else False
    return word in LOCATIVE_WORDS


def _scan(text: str) -> tuple[list[_Match], set[str]]:
    """Pass 1: every run of words that names a place, outlets, teams and people removed; and
    the place names found used as people's surnames."""
    tokens = _tokens(text)
    matches = _datelines(text) + _plural_counties(text)
    found_first = sorted((m.start, m.end) for m in matches)
    surnames: set[str] = set()
    i = 0
    while i < len(tokens):
        match = _longest_alias(text, tokens, i)
        if match is None and "-" in text[tokens[i][0] : tokens[i][1]]:
            matches.extend(_hyphenated(text, tokens[i]))  # "the Raleigh-Durham area"
        if match is None or _overlaps(found_first, match.start, match.end):
            i += 1
            continue
        skip_to = match.end
        if _is_saints_institution(text, match):
            match = None  # "St. Paul's" (a church), "St. Luke's" (a hospital)
        elif _is_outlet_or_team(text, match):
            skip_to = match.end + 1 + len(_word_after(text, match.end))  # "Herald" too
            match = None
        else:
            match = _special_forms(text, _qualify(text, match))
        if match is not None and _is_person(text, match, surnames):
            surnames.add(match.surface)
            match = None
        if match is not None:
            # In a list of places ("Jersey City, Hoboken and ...") every item stands as a place.
            match.listed = bool(matches) and bool(
                LIST_GAP_RE.fullmatch(text, matches[-1].end, match.start)
            )
            match.locative = match.listed or _is_locative(text, match.start, match.end)
            match.locative = match.locative or _is_place_adjective(text, match)
            matches.append(match)
            skip_to = match.end
        while i < len(tokens) and tokens[i][0] < skip_to:
            i += 1
    matches = sorted(matches, key=lambda m: m.start)
    # An item followed by a list separator and another place is listed too ("Marana and
    # Oro Valley"), not only the items after the first.
    for first, second in zip(matches, matches[1:], strict=False):
        if LIST_GAP_RE.fullmatch(text, first.end, second.start):
            first.listed = first.locative = True
    return matches, surnames


def _hyphenated(text: str, token: tuple[int, int]) -> list[_Match]:
    """Each part of "Raleigh-Durham" that is a large city's or a county's name."""
    found, start = [], token[0]
    for part in text[token[0] : token[1]].split("-"):
        candidates = aliases().get(part, ())
        if part[:1].isupper() and candidates and _large_or_not_city(candidates[0]):
            found.append(_Match(start, start + len(part), part, candidates, locative=True))
        start += len(part) + 1
    return found


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` share its start with a span of ``spans`` (sorted, not overlapping
    one another), or does one of them start inside it?"""
    i = bisect.bisect_right(spans, (start, float("inf")))
    if i and spans[i - 1][0] <= start < spans[i - 1][1]:
        return True
    return i < len(spans) and spans[i][0] < end


def _context_states(matches: list[_Match]) -> dict[str, list[int]]:
    """Where the text names each state outright, or implies it by a place that needs no guess:
    a qualified one ("Portland, Ore."), a county of a single state, a large city of a unique
    name. State code -> offsets of those mentions."""
    states: dict[str, list[int]] = {}
    for match in matches:
        named = [p for p in match.candidates if p.kind in ("state", "federal_district")]
        if not named and (
            match.qualified or len(match.candidates) == 1 and match.surface not in COMMON_WORDS
        ):
            named = [p for p in match.candidates if _large_or_not_city(p)]
        for place in named:
            states.setdefault(place.state, []).append(match.start)
    return states


def _nearest_in_context(
    candidates: list[Place], context: dict[str, list[int]], at: int
) -> list[Place]:
    """The candidates whose state the text names, the state named nearest to ``at`` first."""
    in_context = [p for p in candidates if p.state in context]
    # The state the article names most wins; between equals, the one named nearest.
    return sorted(
        in_context, key=lambda p: (-len(context[p.state]), _distance(context[p.state], at))
    )


def _distance(positions: list[int], at: int) -> int:
    """The distance from ``at`` to the nearest of ``positions`` (sorted, not empty)."""
    i = bisect.bisect_left(positions, at)
    return min(abs(at - positions[j]) for j in (i - 1, i) if 0 <= j < len(positions))


def _large_or_not_city(place: Place) -> bool:
    return place.kind != "city" or (place.population or 0) >= BARE_CITY_MIN_POPULATION


def _resolve(match: _Match, context: dict[str, list[int]], known: dict[str, Place]) -> Place | None:
    """Pass 2: one place for a match, or None when the name is too ambiguous to guess."""
    candidates = match.candidates
    states = [p for p in candidates if p.kind in ("state", "federal_district")]
    if states:
        return states[0]
    if match.qualified or len(candidates) == 1 and candidates[0].kind != "city":
        return candidates[0] if len(candidates) == 1 else None
    if match.surface in known:
        return known[match.surface]
    in_context = _nearest_in_context(list(candidates), context, match.start)
    if candidates[0].kind == "county":
        return in_context[0] if in_context else None
    if match.surface in COMMON_WORDS:
        # A foreign or common-word name counts as one item of a list of the context state's places.
        return in_context[0] if match.listed and in_context else None
    biggest = candidates[0]  # candidates are sorted most populous first
    # A village in a context state does not beat a major city of the same name ("Atlanta"
    # in an article that also names Chicago is not Atlanta, Illinois).
    in_context = [p for p in in_context if (p.population or 0) * 20 >= (biggest.population or 0)]
    # A name of several words ("Jefferson City") is no common word: its context state suffices.
    multiword = " " in match.surface
    if in_context and (match.locative or multiword or _large_or_not_city(in_context[0])):
        return in_context[0]
    if (biggest.population or 0) >= BARE_CITY_MIN_POPULATION:
        return biggest
    return None


def _county_short_forms(text: str, matches: list[_Match], surnames: set[str]) -> list[_Match]:
    """Once a county is named in full ("Prince George's County", "Miami-Dade County"), its name
    alone ("Prince George's joins", "only to Miami-Dade") is that county, unless the name is
    also a city of the county's state, a big city, a state, a name-like word or a surname."""
    counties: dict[str, Place] = {}
    for match in matches:
        county = match.candidates[0] if len(match.candidates) == 1 else None
        if county and county.kind == "county" and match.surface.endswith(" County"):
            short = POSSESSIVE_RE.sub("", match.surface.removesuffix(" County"))
            if _short_form_is_safe(short, county, surnames):
                counties[short] = county
    if not counties:
        return matches
    pattern = re.compile(
        r"\b("
        + "|".join(re.escape(n) for n in counties)
        + r")(?!(?:['’]s)? [Cc]ount(?:y|ies))(?:['’]s)?\b"
    )
    shorts = []
    for m in pattern.finditer(text):
        short = m.group(1)
        before = _word_before(text, m.start())
        if before[:1].isupper() and before not in NOT_FIRST_NAMES:
            continue  # "Andrew Jackson": a first name before it
        shorts.append(_Match(m.start(), m.end(1), short, (counties[short],), qualified=True))
    spans = [(k.start, k.end) for k in shorts]
    kept = [k for k in matches if not _overlaps_either(spans, k.start, k.end)]
    return sorted(kept + shorts, key=lambda k: k.start)


def _overlaps_either(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does a span of ``spans`` start inside ``[start, end)``, or ``start`` fall inside one?"""
    i = bisect.bisect_left(spans, (start,))
    if i < len(spans) and spans[i][0] < end:
        return True
    return bool(i) and spans[i - 1][0] <= start < spans[i - 1][1]


def _short_form_is_safe(short: str, county: Place, surnames: set[str]) -> bool:
    if short in surnames or short in NAME_LIKE_CITIES or short in COMMON_WORDS:
        return False
    for place in aliases().get(short, ()):
        if place.kind != "city" or place.state == county.state or _large_or_not_city(place):
            return False
    return True


def find_places(text: str) -> list[PlaceMention]:
    """Every place the text names, sorted by start and non-overlapping; see the module doc."""
    matches, surnames = _scan(text)
    matches = _county_short_forms(text, matches, surnames)
    matches = _new_prefix(text, matches)
    context = _context_states(matches)
    matches = sorted(matches + _misspelt_in_lists(text, matches, context), key=lambda m: m.start)
    known: dict[str, Place] = {}  # "Portland, Maine" makes a later bare "Portland" Maine's
    mentions = []
    for match in matches:
        place = _resolve(match, context, known)
        if place and place.kind == "city" and not match.qualified and match.surface in surnames:
            # "Mayor Ann Johnson ... according to Johnson": the town of Johnson is a surname.
            place = place if _large_or_not_city(place) else None
        if place is not None:
            mentions.append(PlaceMention(match.start, match.end, place))
            if match.qualified:
                known.setdefault(match.surface, place)
    return mentions


def _new_prefix(text: str, matches: list[_Match]) -> list[_Match]:
    """ "New Philadelphia mayor restores limits": a Title Case "New" before a large city that
    the text also names alone is an adjective, not the town of New Philadelphia."""
    alone = {m.surface for m in matches if not m.surface.startswith("New ")}
    out = []
    for match in matches:
        rest = match.surface[4:]
        candidates = aliases().get(rest, ())
        if (
            match.surface.startswith("New ")
            and rest in alone
            and candidates
            and _large_or_not_city(candidates[0])
        ):
            match = _Match(match.start + 4, match.end, rest, candidates, locative=True)
        out.append(match)
    return out


_NEXT_NAME = re.compile(r"[A-Z][a-z]{3,}\b")
_MISSPELT_CUTOFF = 0.85


@functools.cache
def _city_names(state: str, initial: str) -> tuple[str, ...]:
    """Names of the state's towns that start with ``initial``."""
    return tuple(
        p.name
        for p in gazetteer().places
        if p.kind == "city" and p.state == state and p.name.startswith(initial)
    )


def _misspelt_in_lists(
    text: str, matches: list[_Match], context: dict[str, list[int]]
) -> list[_Match]:
    """A misspelt town in a list of towns ("Norwalk, Fremont and Bellvue"): a capitalised word
    right after a list separator that follows a place, close to the name of a town of a state
    the article is about (difflib ratio >= 0.85, same first letter)."""
    found = []
    taken = {m.start for m in matches}
    for match in matches:
        gap = LIST_GAP_RE.match(text, match.end)
        word = _NEXT_NAME.match(text, gap.end()) if gap else None
        if word is None or word.start() in taken or word[0] in aliases():
            continue
        for state in context:
            names = _city_names(state, word[0][0])
            close = difflib.get_close_matches(word[0], names, n=1, cutoff=_MISSPELT_CUTOFF)
            if close:
                candidates = tuple(p for p in aliases()[close[0]] if p.state == state)
                found.append(
                    _Match(word.start(), word.end(), word[0], candidates, True, locative=True)
                )
                taken.add(word.start())
                break
    return found


def primary_place(mentions: list[PlaceMention]) -> Place | None:
    """The place an article is mostly about: its most mentioned city, county or district (ties
    to the earliest mentioned), else its most mentioned state, else None."""
    for kinds in (("city", "county", "federal_district"), ("state",)):
        local = [m for m in mentions if m.place.kind in kinds]
        if local:
            counts = Counter(m.place.slug for m in local)
            first = {}
            for m in local:
                first.setdefault(m.place.slug, m.start)
            slug = min(counts, key=lambda s: (-counts[s], first[s]))
            return next(m.place for m in local if m.place.slug == slug)
    return None
