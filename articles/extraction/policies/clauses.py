"""Where a trigger's clause and paragraph start: an instrument, a status word or a place
named in one clause does not govern the next."""

from __future__ import annotations

import re

CLAUSE_BREAK = re.compile(r"(?:,\s+(?:and|but|while)|\s+but(?!\s+also\b))\s+")


def start_of_clause(text: str, sentence_start: int, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last ", and" / ", but" that
    joins a new clause (an instrument named before it does not govern what follows)."""
    breaks = list(CLAUSE_BREAK.finditer(text, sentence_start, position))
    return breaks[-1].end() if breaks else sentence_start


def start_of_paragraph(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1
