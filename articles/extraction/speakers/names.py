"""What a person's name looks like in news prose, and ``person_key``: one record per
person whether or not an article prints a middle initial."""

from __future__ import annotations

import re
import unicodedata

from articles.extraction.speakers.titles import ROLE_HEADS

UP, LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # letters of names, accented ones included
_NAME_PART = rf"(?:(?:Mc|Mac|De|La|Le|Di|Da|Van|O['’])[{UP}][{LOW}]+|[{UP}][{LOW}]+)"
NAME_TOKEN = rf"(?:{_NAME_PART}(?:-{_NAME_PART})?|[{UP}]\.)"
# A nickname between first name and surname: Jesus "Chuy" Garcia, Wendell ‘Buck’ Harrow.
NICKNAME = rf" [“\"‘'][{UP}][{LOW}]+[”\"’']"
NAME = (
    rf"{NAME_TOKEN}(?:{NICKNAME})?"
    rf"(?: (?:(?:de|del|de la|van|von|da|di|du|bin|al) )?{NAME_TOKEN}){{0,3}}"
)
_NICKNAME = re.compile(NICKNAME)

INITIAL = re.compile(r"[A-Z]\.")

_NON_SLUG = re.compile(r"[^a-z0-9]+")

# Capitalised words that end a run of name words: they are not part of a person's name.
_NOT_NAME_WORDS = (
    "The A An In On At This That These Those But And As When While If After Before Since "
    "Under Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December Officials Police Federal "
    "City County State Mayor Mayors Post Times Herald Tribune Journal News Press Gazette "
    "Chronicle Globe Reuters Courtesy Credit Photo Department Office Council ICE Here There "
    "It We They He She Related More Also Read Share Follow Later Earlier Meanwhile However "
    "Still Now Then Today Yesterday Instead Last Next Previously Recently Separately Asked "
    "According Both Some Many Several Other Others General Attorney Director Sheriff Governor "
    "Commissioner Commission Board Chairman Chair Supervisor Superintendent Secretary Senator "
    "Representative Judge Court Superior Circuit District Act Law Bill Order Agreement Program "
    "Center Jail Detention Committee Legislature Assembly Senate House Capitol Hall Patrol "
    "Republican Republicans Democrat Democrats Democratic Office's Department's Our Your Their "
    "His Her Its My Under Under When What Why How Who Whose Which Where Not No Yes Is Are Was "
    "Were Will Would Can Could Should Must May Might Do Does Did Has Have Had "
    # prepositions that open a sentence before a name ("For Ana Ruiz, the news ...")
    "For To From With By Of Like Without Between Among Through During Despite Amid Against "
)
NOT_NAME = frozenset(_NOT_NAME_WORDS.split())

POSSESSIVE = re.compile(r"['’]s\b")


def slugify(value: str) -> str:
    """Lowercase ascii words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")


def person_key(name: str) -> str:
    """Slug of the name without middle initials: "Paul R. Stone" -> "paul-stone", so one
    person is one record whether or not an article prints the initial."""
    return slugify(" ".join(t for t in name.split() if not INITIAL.fullmatch(t)))


def clean_name(name: str) -> str:
    """Drop a nickname ("Jesus 'Chuy' Garcia" is Jesus Garcia), a role word capitalised at
    the start of a sentence ("Partner Kwame Osei") and the capitalised words that end a name
    run but are not name words ("Doe Friday")."""
    tokens = _NICKNAME.sub("", name).split()
    while len(tokens) > 2 and tokens[0].lower() in ROLE_HEADS:
        tokens.pop(0)
    while tokens and (tokens[-1] in NOT_NAME or INITIAL.fullmatch(tokens[-1])):
        tokens.pop()
    return " ".join(tokens)


def is_name(name: str) -> bool:
    return bool(name) and not any(t in NOT_NAME for t in name.split())
