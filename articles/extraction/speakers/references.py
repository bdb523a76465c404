"""The speakers after the people's introductions: organisations that speak, then the
later references to every speaker: surnames (misspelt ones too), "the mayor", "the
department"."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from articles.extraction.speakers.cast import Cast
from articles.extraction.speakers.names import INITIAL, NOT_NAME, slugify
from articles.extraction.speakers.organisations import (
    canonical_org,
    latest_ending_before,
    noun_names,
)
from articles.extraction.speakers.patterns import patterns
from articles.extraction.speakers.titles import PLACE_KIND_WORDS, ROLE_NOUNS
from articles.extraction.types import Speaker


def add_organisations(cast: Cast) -> None:
    """Organisations that speak ("ICE said", "the Tucson Police Department told"), with every
    other mention of them as a reference."""
    reader, text = cast.reader, cast.reader.text
    mentions = [m for m in reader.orgs() if not reader.in_quote(m[0])]
    speaking = set()
    for start, end, form in mentions:
        # "Doe with the Example Org said": the person speaks, not the organisation.
        belongs = patterns()["belongs"].search(text[max(0, start - 12) : start])
        speaks = patterns()["speaks"].match(text, end) and not belongs
        speaks = speaks or patterns()["statement_from"].search(text[max(0, start - 40) : start])
        if speaks and not cast.taken(start, end):
            speaking.add(canonical_org(form)[1])
    for start, end, form in mentions:
        name, key = canonical_org(form)
        if key in speaking and not cast.taken(start, end):
            place = reader.place_inside(start, end)
            cast.add(Speaker(key, name, "organisation", place=place), start, end)


def add_surnames(cast: Cast) -> None:
    """Later references by surname or any tail of the name ("Lee Banks", "Banks"), only
    after the introduction, never inside quotes, and not where the word names a place unless a
    speech verb follows it ("Mesa said" vs "in Mesa")."""
    reader, text = cast.reader, cast.reader.text
    variants: dict[str, int] = {}
    for i, sp in enumerate(cast.speakers):
        tokens = sp.name.split()
        if sp.kind == "person":
            for k in range(len(tokens)):
                if not INITIAL.fullmatch(tokens[k]):
                    variants.setdefault(" ".join(tokens[k:]), i)
    if not variants:
        return
    first_of = {index: starts[0] for index, starts in cast.starts_of.items()}
    for start, end in _variant_mentions(text, variants):
        index = variants[text[start:end]]
        if start < first_of[index] or reader.in_quote(start) or cast.taken(start, end):
            continue
        if reader.overlaps_place(start, end) and not patterns()["speaks"].match(text, end):
            continue
        cast.add_ref(start, end, index)


def _variant_mentions(text: str, variants: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the longest of ``variants`` (tails of names: "Rosa Lee Banks", "Lee Banks",
    "Banks") wherever the text writes one as whole words, found from the name's last word so
    that the work grows with the text, not with the text times the number of names."""
    by_last: dict[str, list[str]] = {}
    for variant in sorted(variants, key=len, reverse=True):
        last = re.findall(r"\w+", variant)
        if last:
            by_last.setdefault(last[-1], []).append(variant)
    found: list[tuple[int, int]] = []
    for m in re.finditer(r"\w+", text):
        for variant in by_last.get(m[0], ()):
            start = m.end() - len(variant)
            if start < 0 or text[start : m.end()] != variant:
                continue
            if start and (text[start - 1].isalnum() or text[start - 1] in "_."):
                continue
            if found and found[-1][1] > start and found[-1][0] <= start:
                break  # inside the previous mention: the leftmost one stands
            while found and found[-1][1] > start:
                found.pop()  # "Lee" of "Ann Lee" inside "Rosa Lee Banks": the longer one
            found.append((start, m.end()))
            break
    return found


_MISSPELT_WINDOW = 3000  # characters: how far back a misspelt surname's person was named


def add_misspelt_surnames(cast: Cast) -> None:
    """Misspelt surnames ("Ostrowsky said" after "Michaela Ostrowski"): an unknown capitalised
    word before a speech verb, close (difflib ratio >= 0.8) to a known surname, is that person."""
    surnames = {sp.name.split()[-1]: i for i, sp in enumerate(cast.speakers) if sp.kind == "person"}
    for m in patterns()["word_verb"].finditer(cast.reader.text):
        word = m["word"]
        if word in surnames or word in NOT_NAME or cast.taken(m.start(), m.end("word")):
            continue
        if cast.reader.in_quote(m.start()):
            continue
        # A misspelling repeats a name the reader has just read: compare with the people
        # referred to in the last few paragraphs only.
        recent = cast.refs[cast.before(m.start() - _MISSPELT_WINDOW) : cast.before(m.start())]
        near = {cast.speakers[r.speaker].name.split()[-1]: r.speaker for r in recent}
        near = {name: i for name, i in near.items() if cast.speakers[i].kind == "person"}
        close = difflib.get_close_matches(word, list(near), n=1, cutoff=0.8)
        if close:
            cast.add_ref(m.start(), m.end("word"), near[close[0]])


def add_role_nouns(cast: Cast) -> None:
    """Role nouns: "the mayor said" -> the latest speaker whose role ends with that noun."""
    holders: dict[str, list[int]] = {}  # role noun -> the speakers whose role ends with it
    for m in patterns()["role_noun"].finditer(cast.reader.text):
        if cast.reader.in_quote(m.start()) or cast.taken(*m.span()):
            continue
        noun = ROLE_NOUNS[m["noun"].lower()]
        if noun not in holders:
            holders[noun] = [
                i for i, s in enumerate(cast.speakers) if s.role.lower().endswith(noun)
            ]
        index = cast.latest(m.start(), holders[noun])
        if index is not None:
            cast.add_ref(m.start(), m.end(), index)


def add_org_nouns(cast: Cast) -> None:
    """Organisation nouns: "the department said" -> the latest organisation so named; "the
    agency said" -> the latest federal agency; "the city said" -> the latest city's government."""
    reader = cast.reader
    orgs = [o for o in reader.orgs() if not reader.in_quote(o[0])]
    by_noun: dict[str, list[tuple[int, int, str]]] = {}
    for m in patterns()["org_noun"].finditer(reader.text):
        noun, span = (
            m["noun"].lower().replace("’", "'"),
            (m.start("noun") - 4, m.end("noun")),
        )
        if reader.in_quote(m.start()) or cast.taken(*span):
            continue
        if m["verb"] and not reader.opens_clause(m.start()):
            continue  # "people the agency has asked about": a relative clause, not speech
        if noun in PLACE_KIND_WORDS:
            place = reader.nearest_place(m.start(), PLACE_KIND_WORDS[noun])
            if place is not None:
                name = f"City of {place.name}" if noun == "city" else place.name
                key = slugify(f"{name} {place.state}")
                cast.add(Speaker(key, name, "organisation", place=place), *span)
            continue
        if noun not in by_noun:
            by_noun[noun] = [o for o in orgs if noun_names(noun, o[2])]
        named = latest_ending_before(by_noun[noun], m.start())
        if named is not None:
            start, end, form = named
            name, key = canonical_org(form)
            place = reader.place_inside(start, end)
            index = cast.add(Speaker(key, name, "organisation", place=place), start, end)
            cast.add_ref(*span, index)
