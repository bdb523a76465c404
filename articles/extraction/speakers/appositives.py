"""The appositive after a name (", policy director for Example Org,"): the role,
organisation and place it gives the person."""

from __future__ import annotations

import re

from articles.extraction.speakers.names import POSSESSIVE
from articles.extraction.speakers.organisations import (
    LEADING_THE,
    canonical_org,
    latest_ending_before,
    noun_names,
)
from articles.extraction.speakers.patterns import patterns
from articles.extraction.speakers.reader import Reader
from articles.extraction.speakers.titles import PLACE_KIND_WORDS, ROLE_HEADS, TITLES
from articles.extraction.types import Place

# ", the agency's Miami field office director," : an appositive to a name, read to its comma.
_APPOSITIVE = re.compile(
    r", (?P<phrase>(?:[^,.;:“”\"\n]|(?<=\b[A-Z])\.){2,160}?)(?=,|(?<!\b[A-Z])\.(?!\w)|;|$)"
)
_APPOSITIVE_STOP = frozenset(
    ("who", "whose", "which", "that", "was", "is", "were", "are", "has", "had", "have")
    + ("will", "would", "said", "says", "but")
)
_CONNECTORS = frozenset(["of", "and", "for", "on", "the", "de", "del", "la", "&", "at"])


def appositive(reader: Reader, pos: int) -> tuple[str, str, Place | None] | None:
    """(role, organisation, place) of the appositive after a name ending at ``pos``, when
    its head (the word before any "of", "for", "with" ...) is a role: "president",
    "director", "attorney" ..."""
    m = _APPOSITIVE.match(reader.text, pos)
    if not m:
        return None
    words = m["phrase"].split()
    place = org = None
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    if words and POSSESSIVE.search(words[0]):
        owner = POSSESSIVE.sub("", words[0]).lower()
        if owner in PLACE_KIND_WORDS:  # "the city's police chief": the latest city named
            place = reader.nearest_place(m.start(), PLACE_KIND_WORDS[owner])
        elif owner == "agency":  # "the agency's field office director": the latest agency
            agency = latest_ending_before(
                [o for o in reader.orgs() if noun_names("agency", o[2])], m.start()
            )
            org = canonical_org(agency[2])[0] if agency else None
        words = words[1:]
    head = next(
        (i for i, w in enumerate(words[:8]) if w.lower() in ROLE_HEADS or w in _APPOSITIVE_STOP),
        None,
    )
    if head is None or words[head] in _APPOSITIVE_STOP:
        return None
    while head + 1 < len(words) and words[head + 1].lower() in ROLE_HEADS:
        head += 1  # "executive director", "staff attorney", "field office director"
    role_words, rest = words[: head + 1], words[head + 1 :]
    if rest and rest[0] in ("of", "for", "at", "with", "from"):
        obj = rest[1:]
        if obj and obj[0] == "the":
            obj = obj[1:]
        if obj and obj[0][:1].isupper():
            run = []
            for w in obj:
                if w in _APPOSITIVE_STOP or not (w[:1].isupper() or w in _CONNECTORS - {"at"}):
                    break
                run.append(w)
            while run and run[-1] in _CONNECTORS:
                run.pop()
            org_form = " ".join(run)
            start = reader.text.find(org_form, m.start("phrase"), m.end("phrase"))
            at = reader.place_inside(start, start + len(org_form)) if start >= 0 else None
            is_place = at is not None and at.name == LEADING_THE.sub("", org_form)
            if is_place and place is None:
                place = at  # "Mayor of Tucson"
            else:
                # "ICE's Denver field office", "the DHS press office": the agency itself
                agency = patterns()["agency"].match(org_form)
                org_form = agency[0] if agency else org_form
                org = org or (canonical_org(org_form)[0] if org_form else None)
        else:
            tail = []
            for w in rest:
                if w in _APPOSITIVE_STOP:
                    break
                tail.append(w)
            role_words += tail
    role = " ".join(role_words)
    titled = next((v for k, v in TITLES.items() if v and k.lower() == role.lower()), role)
    # "president of the league" is no President of the United States
    role = role if titled in ("President", "Vice President") else titled
    return role, org or "", place
