"""Small text helpers shared by the dataset readers: whitespace, name keys and edit distance."""

from __future__ import annotations

import re

# Spelling variants of a leading or inner word, folded to one form for comparison only.
_WORD_VARIANTS = (
    (r"\bst\.?(?=\s)", "saint"),
    (r"\bste\.?(?=\s)", "sainte"),
    (r"\bft\.?(?=\s)", "fort"),
    (r"\bmt\.?(?=\s)", "mount"),
    (r"\btwp\.?(?=\s|$)", "township"),
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def squash(text: str) -> str:
    """Trim and collapse runs of whitespace to one space: "Task Force Model " -> "Task Force
    Model"."""
    return " ".join(text.split())


def name_key(text: str) -> str:
    """A comparison key for a name: lower-case, straight apostrophes, "St."/"Saint" and
    "Ft."/"Fort" folded, punctuation dropped, single spaces. "St. Mary's" -> "saint marys"."""
    key = squash(text.translate(_APOSTROPHES).lower())
    for pattern, replacement in _WORD_VARIANTS:
        key = re.sub(pattern, replacement, key)
    key = re.sub(r"['.]", "", key)
    return squash(re.sub(r"[^a-z0-9&/]+", " ", key))


def letters_key(text: str) -> str:
    """``name_key`` without spaces or symbols, so "De Soto" = "DeSoto" and "Miami Dade" =
    "Miami-Dade"."""
    return re.sub(r"[^a-z0-9]", "", name_key(text))


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): insertions, deletions,
    substitutions and swaps of two adjacent letters each count one."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def one_typo_away(word: str, choices: dict[str, str]) -> str | None:
    """The value of the only key of ``choices`` within one edit of ``word``, else None.

    Used for ICE's one-letter typos ("UTAHJ", "Berrian County"): a correction is made only when
    it is unambiguous, and words shorter than 4 letters are never corrected (too many
    neighbours)."""
    if len(word) < 4:
        return None
    found = {value for key, value in choices.items() if edit_distance(word, key) <= 1}
    return found.pop() if len(found) == 1 else None
