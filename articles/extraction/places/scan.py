"""Pass 1 of ``find_places``: every run of words that is a gazetteer alias, with its
candidate places, once outlets, teams and people are set aside."""

from __future__ import annotations

import bisect
import re

from articles.extraction.places.forms import datelines, plural_counties, qualify, special_forms
from articles.extraction.places.gazetteer import aliases
from articles.extraction.places.lookalikes import (
    is_outlet_or_team,
    is_person,
    is_saints_institution,
)
from articles.extraction.places.matches import LIST_GAP_RE, POSSESSIVE_RE, Match, word_after
from articles.extraction.places.resolution import large_or_not_city
from articles.extraction.places.words import LOCATIVE_WORDS, PLACE_NOUNS_AFTER
from articles.extraction.types import Place


def scan_matches(text: str) -> tuple[list[Match], set[str]]:
    """Pass 1: every run of words that names a place, outlets, teams and people removed; and
    the place names found used as people's surnames."""
    tokens = _tokens(text)
    matches = datelines(text) + plural_counties(text)
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
        if is_saints_institution(text, match):
            match = None  # "St. Paul's" (a church), "St. Luke's" (a hospital)
        elif is_outlet_or_team(text, match):
            skip_to = match.end + 1 + len(word_after(text, match.end))  # "Herald" too
            match = None
        else:
            match = special_forms(text, qualify(text, match))
        if match is not None and is_person(text, match, surnames):
            surnames.add(match.surface)
            match = None
        if match is not None:
            # In a list of places ("Jersey City, Hoboken and ...") every item stands as a place.
            match.listed = bool(matches) and bool(
                LIST_GAP_RE.fullmatch(text, matches[-1].end, match.start)
            )
            match.locative = match.listed or _is_locative(text, match.start, match.end)
            match.locative = match.locative or _is_place_adjective(text, match)
            match.titled = bool(
                _TITLED_BEFORE.search(text, max(0, match.start - 20), match.start)
                or _TITLED_AFTER.match(text, match.end)
            )
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


MAX_ALIAS_WORDS = 6

TOKEN_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F][\w.'’&\-]*")


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


def _longest_alias(text: str, tokens: list[tuple[int, int]], i: int) -> Match | None:
    """The longest alias starting at token i (which must be capitalised)."""
    if not text[tokens[i][0]].isupper():
        return None
    for n in range(min(MAX_ALIAS_WORDS, len(tokens) - i), 0, -1):
        if not _joined(text, tokens, i, n):
            continue
        found = _lookup(text, tokens[i][0], tokens[i + n - 1][1])
        if found:
            end, candidates = found
            return Match(tokens[i][0], end, text[tokens[i][0] : end], candidates)
    return None


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
_LOWER_NOUN_AFTER = re.compile(r" [a-z]{3,}\b")


def _is_place_adjective(text: str, match: Match) -> bool:
    """ "a Smyrna restaurant owner", "an Ocala attorney": a place qualifying a noun, where
    prose names a town as surely as after "in"."""
    return bool(
        _ARTICLE_BEFORE.search(text, max(0, match.start - 6), match.start)
        and _LOWER_NOUN_AFTER.match(text, match.end)
    )


_TITLED_BEFORE = re.compile(r"\b(?:City|Town|Village|Borough|Township)\s+of\s+$")
_TITLED_AFTER = re.compile(
    r"\s+(?:City|Town)\s+(?:Council|Hall|Manager|Attorney)\b|\s+(?:Police\s+Department|Board\s+of"
    r"\s+Aldermen|Board\s+of\s+Selectmen|Select\s+Board|Selectboard)\b"
)


def _is_locative(text: str, start: int, end: int) -> bool:
    """Does a place name stand where prose puts one: "in Dalton", "near Tifton", "Dalton and
    Tifton", "the town of Tifton" (not "Department of Justice", "before Congress")?"""
    if word_after(text, end).lower() in PLACE_NOUNS_AFTER or text[end : end + 1] in "'’":
        return True  # "Dalton police", "Tifton's mayor"
    m = re.search(r"(\w+)( \w+)? $", text[max(0, start - 30) : start])
    if not m:
        return False
    word = m.group(2).strip() if m.group(2) else m.group(1)
    if word == "of":
        return m.group(1)[:1].islower() if m.group(2) else False
    return word in LOCATIVE_WORDS


def _hyphenated(text: str, token: tuple[int, int]) -> list[Match]:
    """Each part of "Raleigh-Durham" that is a large city's or a county's name."""
    found, start = [], token[0]
    for part in text[token[0] : token[1]].split("-"):
        candidates = aliases().get(part, ())
        if part[:1].isupper() and candidates and large_or_not_city(candidates[0]):
            found.append(Match(start, start + len(part), part, candidates, locative=True))
        start += len(part) + 1
    return found


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` share its start with a span of ``spans`` (sorted, not overlapping
    one another), or does one of them start inside it?"""
    i = bisect.bisect_right(spans, (start, float("inf")))
    if i and spans[i - 1][0] <= start < spans[i - 1][1]:
        return True
    return i < len(spans) and spans[i][0] < end
