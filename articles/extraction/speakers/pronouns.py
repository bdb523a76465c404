""" "he" and "she" resolved to the person they can refer to, from what the article says
of each person's gender, else the first name's usual gender (``data/first_names.csv``)."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from articles.extraction.speakers.cast import Cast, Ref
from articles.extraction.speakers.patterns import SPEECH_VERBS, patterns

# data/ is shared with the gazetteer, at the top of the pipeline.
_FIRST_NAMES = Path(__file__).resolve().parents[1] / "data" / "first_names.csv"

_PRONOUN_REACH = 3000  # characters before the pronoun's window where an antecedent may stand
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}
# "Ana Ruiz, president of the league, said her group ...": the speaker's own pronoun.
_OWN_PRONOUN = re.compile(
    rf"[^.!?“”\"\n]{{0,160}}?\b(?:{SPEECH_VERBS})\s+(?:[\w ]{{1,30}}?\s+)?(?:that\s+)?"
    r"(?P<pronoun>he|she|his|her)\b"
)


def add_pronouns(cast: Cast) -> None:
    """Pronouns: "he"/"she" outside quotes -> the nearest compatible antecedent: the latest
    person named in this or the two sentences before whose gender does not contradict the
    pronoun, a sentence subject first; else the latest compatible person named at all. A
    person's gender is what the article says (``_genders``) or, once a pronoun has been given
    to them, that pronoun's."""
    reader = cast.reader
    genders = _genders(cast)
    for m in patterns()["pronoun"].finditer(reader.text):
        if reader.in_quote(m.start()) or cast.taken(*m.span()):
            continue
        wanted = _PRONOUN_GENDER[m[0].lower()]

        def fits(ref: Ref, wanted: str = wanted) -> bool:
            speaker = cast.speakers[ref.speaker]
            return speaker.kind == "person" and genders.get(ref.speaker, wanted) == wanted

        first = reader.sentences[max(0, reader.sentence_index(m.start()) - 2)]
        near = []  # references to compatible people in this and the two sentences before
        chosen = None
        for i in range(cast.before(m.start()) - 1, -1, -1):
            ref = cast.refs[i]
            if ref.start < first:
                if ref.start < first - _PRONOUN_REACH:
                    break
                if chosen is None and fits(ref):
                    chosen = ref.speaker  # the latest compatible person named at all
                if chosen is not None or near:
                    break
                continue
            if fits(ref):
                near.append(ref)
        subjects = [r for r in near if r.subject]
        if subjects or near:
            chosen = (subjects or near)[0].speaker
        # "... drew criticism from Ana Ruiz, a spokeswoman for the union. She said ...": a
        # person introduced in the sentence just before is who the next pronoun is about.
        if near and cast.starts_of[near[0].speaker][0] == near[0].start:
            previous = reader.sentences[max(0, reader.sentence_index(m.start()) - 1)]
            if near[0].start >= previous:
                chosen = near[0].speaker
        if chosen is not None:
            cast.add_ref(m.start(), m.end(), chosen)
            genders.setdefault(chosen, wanted)


def _genders(cast: Cast) -> dict[int, str]:
    """What the article says about each person's gender: a gendered title or honorific
    ("Councilwoman", "Mr."), the pronoun a person uses of themselves right after being named
    ("Ana Ruiz ... said her group"), else the first name's usual gender."""
    found: dict[int, str] = {}
    names = first_name_genders()
    text = cast.reader.text
    for index, speaker in enumerate(cast.speakers):
        if speaker.kind != "person":
            continue
        gender = cast.gendered.get(index)
        if gender is None:
            first = cast.starts_of.get(index, [None])[0]
            end = cast.refs[cast.before(first)].end if first is not None else None
            own = _OWN_PRONOUN.match(text, end) if end is not None else None
            between = own and cast.before(own.start("pronoun")) - cast.before(end)
            if own and not between:
                gender = _PRONOUN_GENDER[own["pronoun"]]
        if gender is None:
            gender = names.get(speaker.name.split()[0])
        if gender:
            found[index] = gender
    return found


@cache
def first_name_genders() -> dict[str, str]:
    """First name -> "m" or "f" (``data/first_names.csv``): only a default, see ``_genders``."""
    with _FIRST_NAMES.open(encoding="utf-8") as f:
        return {row["name"]: row["gender"] for row in csv.DictReader(f)}
