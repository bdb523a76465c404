"""Numbers read whole, in digits or words ("forty two", "two hundred and five", "3 million"),
and the counting words around them: who is counted (people, workers, detainees) and how
approximately ("almost 500")."""

from __future__ import annotations

import re

_SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1_000, "million": 1_000_000}
APPROX = (
    r"almost|about|nearly|approximately|roughly|around|more than|over|at least|up to|some"
    r"|as many as|fewer than|less than|close to|a total of"
)
# A number is read whole: "forty two", "two hundred and five", "3 million", "two dozen" are one
# number each (never "forty", "two", "3"), so the run of number words is atomic: a pattern that
# follows it cannot take its tail for something else ("forty" + adjective "two" + "people").
# Digits are ASCII ("\d" would also take other scripts' digits, and int() reads "1٣" as 13)
# and start with 1-9: "0" is nobody and "007" or "01" is a code, not a headcount.
# Words are joined by spaces or a hyphen within a line ("fifty-two"), and by "and" after a scale.
_NUMBER_WORD = "|".join(
    sorted([*_SMALL_NUMBERS, *_TENS, *_SCALES, "hundred", "dozen"], key=len, reverse=True)
)
_BLANK = r"[^\S\n]+"
_AFTER_SCALE = rf"(?:(?<=hundred)|(?<=thousand)|(?<=million)){_BLANK}and{_BLANK}"
_MULTIPLIER = r"(?:hundred|thousand|million|dozen)\b"
NUMBER = (
    rf"(?>(?:[1-9][0-9]{{0,2}}(?:,[0-9]{{3}})+|[1-9][0-9]*)(?:{_BLANK}{_MULTIPLIER})*"
    rf"|(?:a{_BLANK}(?={_MULTIPLIER}))?(?:{_NUMBER_WORD})\b"
    rf"(?:(?:-|{_BLANK}|{_AFTER_SCALE})(?:{_NUMBER_WORD})\b)*)"
)
# "almost 500", "28", "approximately five"; the approximation word is kept for the summary.
COUNT = rf"(?:(?P<approx>{APPROX})\s+)?(?P<num>(?<![\d$.,-])\b(?:{NUMBER}))\b(?![.,]?\d|%|-\w)"
PEOPLE = (
    r"(?:people|persons|immigrants|individuals|migrants|noncitizens|aliens|foreign nationals"
    r"|men|women|workers|fugitives|adults|parents|detainees|inmates|prisoners|children"
    r"|farmworkers|farm\s+workers|laborers|labourers|employees)"
)
ADJECTIVES = r"(?:[a-z-]+\s+){0,2}?"  # "undocumented", "criminal"
ARREST_WORD = re.compile(r"\barrest(?:s|ed|ing)?\b|\bapprehen\w+", re.IGNORECASE)

# No ICE operation has arrested or held anywhere near this many people: a bigger figure is not a
# headcount (and would not fit the database's integer column).
MAX_COUNT = 10_000_000


def parse_count(words: str) -> int | None:
    """ "1,200" -> 1200, "five" -> 5, "a dozen" -> 12, "fifty-two" -> 52, "two hundred and
    five" -> 205, "3 million" -> 3000000; None when the words are no well-formed number ("forty
    fifty") or no headcount: zero (nobody was arrested: no event) or more than ``MAX_COUNT``."""
    count = _number_value(re.findall(r"[0-9,]+|[a-z]+", words.lower()))
    return count if count is not None and 0 < count <= MAX_COUNT else None


def _number_value(tokens: list[str]) -> int | None:
    """The value of a run of number tokens as English writes them, or None if ill-formed."""
    total, current, last, cap = 0, 0, "", None
    for token in tokens:
        if token == "and":  # only ever after a scale word: see NUMBER
            continue
        if token == "a":  # "a dozen", "a hundred"
            current, last = 1, "unit"
        elif token[0].isdigit():
            digits = token.replace(",", "")
            # Compare lengths first: int() refuses strings of more than 4,300 digits.
            if last or len(digits) > len(str(MAX_COUNT)):
                return None
            current, last = int(digits), "digits"
        elif token == "dozen":
            if last not in ("", "unit", "digits"):
                return None
            current, last = max(current, 1) * 12, "dozen"
        elif token == "hundred":
            if not 0 < current < 100 or last not in ("unit", "teen", "tens", "digits"):
                return None
            current, last = current * 100, "hundred"
        elif token in _SCALES:
            scale = _SCALES[token]
            if current == 0 or last == "dozen" or (cap is not None and scale >= cap):
                return None
            total, current, last, cap = total + current * scale, 0, "scale", scale
        elif token in _TENS:
            if current % 100 or last in ("dozen", "digits", "tens"):
                return None
            current, last = current + _TENS[token], "tens"
        else:
            value = _SMALL_NUMBERS[token]
            after_tens = last == "tens" and 0 < value < 10
            if not after_tens and (current % 100 or last in ("dozen", "digits", "tens")):
                return None
            current, last = current + value, "unit" if value < 10 else "teen"
    return total + current


def is_year(number: str) -> bool:
    """ "2019", not "41" nor a run of digits too long to be anything."""
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099
