"""The shapes in which news names a place beyond a plain name: qualified by its state
("Portland, Ore."), in a dateline ("ATLANTA –"), as one of several counties ("Broward
and Palm Beach counties"), and "New York" and "Washington", which name a city or the
district as often as the state."""

from __future__ import annotations

import functools
import re

from articles.extraction.places.gazetteer import aliases, gazetteer, place_by_slug, state_by_code
from articles.extraction.places.matches import POSSESSIVE_START_RE, Match, word_after
from articles.extraction.places.words import STATE_WORDS_AFTER_NEW_YORK

DATELINE_RE = re.compile(
    r"^(?P<name>[A-Z][A-Z.'\- ]*[A-Z.])(?:, (?P<state>[A-Z][\w.]*(?: [A-Z][\w.]*)?))?"
    r"(?: \([A-Za-z. ]+\))? ?[—–-]{1,2} ",  # "LOS ANGELES (AP) —"
    re.MULTILINE,
)

_CAPITALISED = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}"
PLURAL_COUNTIES_RE = re.compile(
    rf"(?P<names>{_CAPITALISED}(?:, {_CAPITALISED})*,? and {_CAPITALISED}) [Cc]ounties\b"
)
NAME_RE = re.compile(_CAPITALISED)


@functools.cache
def _state_after_comma_re() -> re.Pattern[str]:
    """ ", Oregon" / ", Ore." / ", OR" after a city or county, longest form first."""
    forms = sorted(gazetteer().state_abbreviations, key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    return re.compile(rf", ({alternation})(?!\w)")


def qualify(text: str, match: Match) -> Match:
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
    return Match(match.start, m.end(), match.surface, in_state, qualified=True)


def special_forms(text: str, match: Match) -> Match | None:
    """ "New York" and "Washington", which name a city or district as often as the state."""
    preceding = text[max(0, match.start - 12) : match.start]
    after = word_after(text, match.end)
    state_of = preceding.endswith(("state of ", "State of ", "pstate "))
    if match.surface == "New York" and not match.qualified:
        state = state_by_code("NY")
        possessive_after = re.match(r"(?:'s|’s) (\w+)", text[match.end : match.end + 30])
        statewide = after in STATE_WORDS_AFTER_NEW_YORK or (
            possessive_after and possessive_after.group(1) in STATE_WORDS_AFTER_NEW_YORK
        )
        if state_of or statewide:
            end = match.end + 6 if after in ("State", "state") else match.end
            return Match(match.start, end, text[match.start : end], (state,), qualified=True)
        return Match(match.start, match.end, match.surface, (place_by_slug("new-york-ny"),), True)
    if match.surface == "Washington":
        state = state_by_code("WA")
        university = after == "State" and word_after(text, match.end + 6)[:1].isupper()
        if after in ("State", "state") and not university:
            return Match(
                match.start, match.end + 6, text[match.start : match.end + 6], (state,), True
            )
        if state_of or after in ("Gov", "Governor", "Legislature", "lawmakers"):
            return Match(match.start, match.end, match.surface, (state,), qualified=True)
        if _STATE_LAW_AFTER.match(text, match.end):
            # "Washington's Keep Washington Working Act": a state's law, named as such
            return Match(match.start, match.end, match.surface, (state,), qualified=True)
        return None
    return match


_STATE_LAW_AFTER = re.compile(
    r"['’]s\s+(?:[A-Z][\w-]*\s+){1,6}(?:Act|Law|Bill)\b|['’]s\s+(?:state\s+)?(?:law|legislature"
    r"|governor|attorney general|state patrol)\b"
)


def datelines(text: str) -> list[Match]:
    """A dateline opening a line, "ATLANTA –" or "PORTLAND, Ore. —": where the story is filed."""
    found = []
    for m in DATELINE_RE.finditer(text):
        name = m.group("name").strip()
        candidates = aliases().get(name.title()) or aliases().get(name)
        if not candidates:
            continue
        match = Match(
            m.start("name"),
            m.start("name") + len(name),
            name,
            candidates,
            dateline=True,
            locative=True,  # where the story is filed: a town, like "in Marietta"
        )
        if m.group("state"):
            qualified = qualify(text, match)
            if qualified.qualified:
                match = qualified
        # A capitalised dateline names the city: "NEW YORK —", "WASHINGTON —" (the capital).
        if match.surface.title() == "New York" and not match.qualified:
            match.candidates = (place_by_slug("new-york-ny"),)
        if match.surface.title() == "Washington" and not match.qualified:
            match.candidates = (place_by_slug("washington-dc"),)
        found.append(match)
    return found


def plural_counties(text: str) -> list[Match]:
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
                    found.append(Match(start, start + len(surface), surface, candidates))
                    break
    return found
