"""Where a person enters the cast: the ways news introduces someone (behind a title,
with an appositive, a role, an organisation or an age, or as the subject of a speech
verb), the strongest rule first."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from articles.extraction.spans import SpanIndex
from articles.extraction.speakers.appositives import appositive
from articles.extraction.speakers.cast import Cast
from articles.extraction.speakers.names import NOT_NAME, clean_name, is_name, person_key
from articles.extraction.speakers.organisations import LEADING_THE, canonical_org
from articles.extraction.speakers.patterns import SPEECH_VERBS, patterns
from articles.extraction.speakers.reader import Reader
from articles.extraction.speakers.titles import (
    GENDERED_WORDS,
    PLACE_KIND_WORDS,
    ROLE_HEADS,
    TITLES,
    gender_of_words,
)
from articles.extraction.types import Place, Speaker


@dataclass
class _Intro:
    """A candidate introduction of a person: the name's span and what surrounds it."""

    start: int
    end: int
    name: str
    np_start: int
    role: str = ""
    affiliation: str = ""
    place: Place | None = None
    weak: bool = False  # introduced only by a speech verb: a surname reference if one matches
    gender: str | None = None  # from a gendered title or honorific: "Councilwoman", "Mr."


def add_people(cast: Cast) -> None:
    """Introductions in priority order (a title beats an appositive beats a bare verb), then in
    text order so each speaker's first mention is its introduction."""
    reader = cast.reader
    accepted: list[_Intro] = []
    finders = (
        _titled_intros,
        _appositive_intros,
        _role_first_intros,
        _role_before_intros,
        _org_intros,
        _aged_intros,
        _bare_intros,
        _subject_intros,
        _named_intros,
    )
    starts: list[int] = []  # of ``accepted``, kept sorted by start
    for finder in finders:
        for intro in finder(reader):
            if reader.in_headline(intro.start):
                continue
            i = bisect.bisect_left(starts, intro.start)
            if (i and accepted[i - 1].end > intro.start) or (
                i < len(accepted) and accepted[i].start < intro.end
            ):
                continue  # overlaps an introduction found by a stronger rule
            accepted.insert(i, intro)
            starts.insert(i, intro.start)
    for intro in accepted:
        known = cast.person_by_variant(intro.name)
        if known is not None and (intro.weak or len(intro.name.split()) == 1):
            cast.add_ref(intro.start, intro.end, known, intro.np_start)
            continue
        speaker = Speaker(
            person_key(intro.name), intro.name, "person", intro.role, intro.affiliation, intro.place
        )
        index = cast.add(speaker, intro.start, intro.end, intro.np_start)
        gender = intro.gender or gender_of_words(intro.role)
        if gender:
            cast.gendered.setdefault(index, gender)


def _titled_intros(reader: Reader) -> list[_Intro]:
    """Titled names: "Tucson Mayor Ana Ruiz", "the district's Mayor Ana Ruiz", "Director Ana
    Ruiz of the Department of Corrections", "Colonel Ana Ruiz, superintendent of the State
    Patrol," (the title is the role; the organisation after it the affiliation)."""
    intros = []
    for m in patterns()["titled"].finditer(reader.text):
        name = clean_name(m["name"])
        if not name or reader.in_quote(m.start("name")) or reader.in_headline(m.start("name")):
            continue
        if name.split()[0] in TITLES or name.split()[0] in NOT_NAME:
            continue  # "Attorney General's Office": a title, not a name
        before = reader.place_before(m.start("agency") if m["agency"] else m.start("title"))
        place = before.place if before else None
        if m["kind"]:
            place = reader.nearest_place(m.start(), PLACE_KIND_WORDS[m["kind"]])
        role = TITLES[m["title"]]
        pre = m["pre"]
        if pre in ("state", "county", "city", "acting", "interim") and role:
            # "state Representative"
            role = role if role.lower().startswith(pre) else f"{pre.capitalize()} {role}"
        affiliation = ""
        if m["agency"]:
            role = ("Acting " if m["agency"].startswith("Acting") else "") + role
            affiliation = canonical_org(m["agency"].split()[-1])[0]
        name_end = m.end("name")
        if m["of"]:
            at = reader.place_inside(m.start("of"), m.end("of"))
            if at is not None and at.name == LEADING_THE.sub("", m["of"]):
                place = place or at  # "Mayor Ana Ruiz of Tucson"
            else:
                affiliation = affiliation or canonical_org(m["of"])[0]
            name_end = m.end("of")
        found = appositive(reader, name_end)
        if found is not None:
            apposed_role, org, apposed_place = found
            role = role or apposed_role
            affiliation = affiliation or org
            place = place or apposed_place
        # The noun phrase starts at the place in front of the title: "Tucson Mayor Ana Ruiz".
        np_start = before.start if before and not m["kind"] else m.start()
        end = m.end("name")
        intro = _Intro(m.start("name"), end, name, np_start, role, affiliation, place)
        intro.gender = GENDERED_WORDS.get(m["title"]) or gender_of_words(
            reader.text[m.end("name") : m.end("name") + 80].split(",")[1:2]
        )
        intros.append(intro)
    return intros


def _appositive_intros(reader: Reader) -> list[_Intro]:
    """Appositives: "Ana Ruiz, policy director for Example Org," / "Ana Ruiz, the city's chief,"
    / "Ana Ruiz, the agency's Miami field office director," / "Ana Ruiz, president of the
    Marion County chapter of a national league," (a long title is read to its comma)."""
    intros = []
    for m in patterns()["appositive"].finditer(reader.text):
        name, start = m["name"], m.start("name")
        while " " in name and name.split(" ", 1)[0] in NOT_NAME:  # "For Ana Ruiz, a mother"
            head = name.split(" ", 1)[0]
            name, start = name[len(head) + 1 :], start + len(head) + 1
        name = clean_name(name)
        if len(name.split()) < 2 or not is_name(name) or reader.in_quote(start):
            continue
        if reader.overlaps_place(start, m.end("name")) or reader.in_headline(start):
            continue
        found = appositive(reader, m.end("name"))
        if found is None:
            continue
        role, org, place = found
        intros.append(_Intro(start, m.end("name"), name, start, role, org, place))
    return intros


def _role_first_intros(reader: Reader) -> list[_Intro]:
    """Role first: "A spokeswoman for Example Org, Ana Ruiz, said"."""
    intros = []
    for m in patterns()["role_first"].finditer(reader.text):
        name, role = m["name"], m["role"]
        if len(name.split()) < 2 or not is_name(name) or role.split()[-1] not in ROLE_HEADS:
            continue
        if reader.in_quote(m.start()):
            continue
        role = next((v for k, v in TITLES.items() if k.lower() == role), role)
        org = canonical_org(m["org"])[0]
        intros.append(_Intro(m.start("name"), m.end("name"), name, m.start(), role, org))
    return intros


def _role_before_intros(reader: Reader) -> list[_Intro]:
    """A role, then the name between commas: "whose spokesman, Ana Ruiz, said"."""
    intros = []
    for m in patterns()["role_before"].finditer(reader.text):
        name = clean_name(m["name"])
        if len(name.split()) < 2 or not is_name(name) or reader.in_quote(m.start("name")):
            continue
        if reader.overlaps_place(m.start("name"), m.end("name")):
            continue
        role = m["role"]
        agency = patterns()["agency"].search(m.group())  # "An ICE spokesman in Boston, ..."
        affiliation = canonical_org(agency[0])[0] if agency else ""
        role = " ".join(w for w in role.split() if not patterns()["agency"].fullmatch(w))
        role = next((v for k, v in TITLES.items() if v and k.lower() == role), role)
        intro = _Intro(m.start("name"), m.end("name"), name, m.start("name"), role, affiliation)
        intro.gender = gender_of_words(role)
        intros.append(intro)
    return intros


def _org_intros(reader: Reader) -> list[_Intro]:
    """Name, organisation, speech verb: "Ana Ruiz with Example Org says"."""
    intros = []
    for m in patterns()["with_org"].finditer(reader.text):
        name = m["name"]
        if len(name.split()) < 2 or not is_name(name) or not reader.opens_clause(m.start()):
            continue
        if reader.overlaps_place(m.start(), m.end("name")) or reader.in_quote(m.start()):
            continue
        org = canonical_org(m["org"])[0]
        intros.append(_Intro(m.start(), m.end("name"), name, m.start(), "", org))
    return intros


def _aged_intros(reader: Reader) -> list[_Intro]:
    """A name followed by an age: "Ana Ruiz, 41, who was arrested ..."."""
    intros = []
    for m in patterns()["aged"].finditer(reader.text):
        name = m["name"]
        if len(name.split()) < 2 or not is_name(name) or reader.in_quote(m.start()):
            continue
        if reader.overlaps_place(m.start(), m.end("name")):
            continue
        intros.append(_Intro(m.start(), m.end("name"), name, m.start()))
    return intros


_NAME_GOES_ON = re.compile(r"(?-i:[A-Z][\w.]+) (?:and|of|for|&) $")


def _bare_intros(reader: Reader) -> list[_Intro]:
    """A name before a speech verb opening a clause ("Ana Ruiz said"), or after a quote
    ('"...," said Ana Ruiz')."""
    intros = []
    for m in patterns()["bare"].finditer(reader.text):
        group = "name" if m["name"] else "name2"
        name, start = m[group], m.start(group)
        while name.split(" ", 1)[0] in NOT_NAME and " " in name:  # "Later Banks said"
            head = name.split(" ", 1)[0]
            name, start = name[len(head) + 1 :], start + len(head) + 1
        if len(name.split()) < 2 or not is_name(name) or reader.in_quote(start):
            continue
        if reader.overlaps_place(start, start + len(name)):
            continue
        if _NAME_GOES_ON.search(reader.text, max(0, start - 30), start):
            continue  # "Immigration and Customs Enforcement asks": the tail of a longer name
        if group == "name" and not reader.opens_clause(start):
            continue
        role = (m["role2"] or "").strip() if group == "name2" else ""
        if role and role.split()[-1] not in ROLE_HEADS:
            continue  # '"...," said coalition director Ana Ruiz': a role in lower case
        intro = _Intro(start, start + len(name), name, start, weak=not role)
        if role:
            intro.role = role
        intros.append(intro)
    return intros


def _subject_intros(reader: Reader) -> list[_Intro]:
    """A full name opening a sentence before any verb ("Ana Ruiz directs the clinic. ...") is a
    person when the text later makes them speak: their surname before a speech verb, or "she
    said" / "he told" within the next few sentences."""
    intros = []
    text = reader.text
    for start in reader.sentences:
        m = patterns()["subject"].match(text, start)
        if not m:
            continue
        name = clean_name(m["name"])
        if len(name.split()) < 2 or name != m["name"] or not is_name(name):
            continue
        if reader.overlaps_place(start, m.end("name")) or reader.in_quote(start):
            continue
        surname = re.escape(name.split()[-1])
        later = text[m.end() : m.end() + 600]
        speaks = re.search(rf"\b{surname} (?:{SPEECH_VERBS})\b", later) or re.search(
            rf"\b(?:he|she) (?:{SPEECH_VERBS})\b", later
        )
        if speaks:
            intros.append(_Intro(start, m.end("name"), name, start))
    return intros


def _named_intros(reader: Reader) -> list[_Intro]:
    """A full name anywhere ("Lupe Carrizales, whose son was held, was there", "Among the
    speakers was Jack Tolliver") is a person when the text elsewhere makes that surname speak
    ("Carrizales said", "said Carrizales"). Weaker than every other introduction."""
    text = reader.text
    speaking: dict[str, int] = {}  # surname -> where it last speaks
    for m in patterns()["speaking_word"].finditer(text):
        word = m["word"] or m["word2"]
        if word not in NOT_NAME and not reader.in_quote(m.start()):
            speaking[word] = m.start()
    if not speaking:
        return []
    intros = []
    orgs = SpanIndex(_OrgSpan(s, e) for s, e, _ in reader.orgs())
    for m in patterns()["name"].finditer(text):
        name = clean_name(m["name"])
        tokens = name.split()
        if len(tokens) < 2 or not is_name(name) or tokens[-1] not in speaking:
            continue
        if reader.in_quote(m.start()) or reader.in_headline(m.start()):
            continue
        if reader.overlaps_place(m.start(), m.end()) or orgs.overlapping(m.start(), m.end()):
            continue
        if text[max(0, m.start() - 4) : m.start()].lower() == "the ":
            continue  # "the Southern Poverty Law Center": a thing's name
        intros.append(_Intro(m.start(), m.start() + len(m["name"]), name, m.start(), weak=True))
    return intros


@dataclass(frozen=True)
class _OrgSpan:
    start: int
    end: int
