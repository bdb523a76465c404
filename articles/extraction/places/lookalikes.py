"""Names that contain a place but name something else: a news outlet ("the Denver
Post", "CBS Baltimore"), a team, a saint's church or hospital, a person ("Judge Andrew
Austin", "Austin says")."""

from __future__ import annotations

import re

from articles.extraction.places.gazetteer import aliases
from articles.extraction.places.matches import POSSESSIVE_START_RE, Match, word_after, word_before
from articles.extraction.places.words import (
    BROADCASTERS,
    INSTITUTION_WORDS,
    NAME_LIKE_CITIES,
    NOT_FIRST_NAMES,
    OUTLET_PHRASES,
    OUTLET_WORDS,
    PARTY_WORDS,
    SPEECH_VERBS,
    TEAM_WORDS,
    TITLES,
)

CALL_SIGN_RE = re.compile(r"^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT|LD|CD))?$")


def is_saints_institution(text: str, match: Match) -> bool:
    return match.surface.startswith(("St. ", "Saint ")) and bool(
        POSSESSIVE_START_RE.match(text, match.end)
    )


def is_outlet_or_team(text: str, match: Match) -> bool:
    """ "the Denver Post", "Chicago Sun-Times", "CBS Baltimore", "WSB-TV Atlanta", "Denver
    Broncos": a place inside the name of a news outlet or a team."""
    after = word_after(text, match.end)
    before = word_before(text, match.start)
    if after in PARTY_WORDS and before.lower() in ("a", "an"):
        return False  # "a Knoxville Republican" is a politician; outlets take "the"
    if any(part in OUTLET_WORDS for part in after.split("-")) or after in TEAM_WORDS:
        return True
    if text[match.end : match.end + 20].startswith(tuple(" " + p for p in OUTLET_PHRASES)):
        return True
    if before.isdigit():  # "FOX 5 Atlanta"
        before = word_before(text, match.start - len(before) - 1)
    return before in BROADCASTERS or bool(CALL_SIGN_RE.match(before))


def _is_headline(text: str, start: int) -> bool:
    """Is the line around ``start`` a headline: Title Case, with no final full stop?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else None].strip()
    words = re.findall(r"[A-Za-z][\w'’]{3,}", line)
    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    return title_case and not line.endswith(".")


def is_person(text: str, match: Match, surnames: set[str]) -> bool:
    """A city's name used as a person's: after a title or a first name ("Judge Ann Austin",
    "Mayor Phoenix Lane"), before a speech verb once known as a surname ("Austin says"), or a
    name-like city followed by a capitalised non-institution word ("Austin Smith")."""
    if any(p.kind != "city" for p in match.candidates):
        return False
    before, after = word_before(text, match.start), word_after(text, match.end)
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
