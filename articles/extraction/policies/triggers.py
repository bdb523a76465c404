"""A sentence's triggers, once the checks that make a decision no decision have run:
quoted words, hypotheticals, other actors' claims, opinions about a practice, and a
"cooperates" trigger right after "not"."""

from __future__ import annotations

import re

from articles.extraction.policies.kinds import instrument_start
from articles.extraction.policies.rules import Trigger, compiled_rules
from articles.extraction.policies.status import trigger_status
from articles.extraction.spans import SpanIndex


def find_triggers(text: str, start: int, end: int, quotes: SpanIndex) -> list[Trigger]:
    """The sentence's triggers that survive the quote, hypothetical, other-actor and negation
    checks (a "cooperates" trigger right after "not"/"refused" is the opposite decision), each
    with the status its sentence gives it (``trigger_status``)."""
    found: list[Trigger] = []
    lowered = text[start:end].lower()
    if not any(word in lowered for word in _DOMAIN_WORDS):
        return found  # nothing about immigration enforcement in this sentence
    possible = {i for i, words in _INDICATOR_WORDS.items() if any(w in lowered for w in words)}
    for pattern, rule in compiled_rules():
        if rule.indicator not in possible:
            continue  # none of the words any trigger of this indicator needs
        for m in pattern.finditer(text, start, end):
            before = text[start : m.start()]
            if quotes.containing(m.start()):
                continue  # quoted words are statements, handled by the quotes step
            if _HYPOTHETICAL.search(before) or _OTHER_ACTOR.search(before):
                continue
            if not before.strip(' “"') and _GERUND.match(m.group()):
                continue  # "Honoring detainers wastes resources": an opinion about a practice
            if rule.direction == "cooperates" and (
                _NEGATION_BEFORE.search(before[-40:]) or _BARRED_BEFORE.search(before)
            ):
                continue
            status = trigger_status(text, start, end, m)
            found.append(
                Trigger(m.start(), m.end(), rule, instrument_start(text, start, m), status)
            )
    # "terminate its contract to house detainees": the ending wins over what it ends.
    kept = [
        t
        for t in found
        if not any(
            o.rule.indicator == t.rule.indicator
            and o.rule.direction != t.rule.direction
            and o.start < t.start < o.end
            for o in found
        )
    ]
    return sorted(kept, key=lambda t: t.start)


# Cheap gates before the triggers' regular expressions: a sentence about none of these is no
# policy action, and each indicator's triggers need one of its words (lower case).
_DOMAIN_WORDS = (
    "ice", "immigra", "detain", "287", "sanctuar", "deport", "border", "federal", "migrant",
    "alien", "undocumented", "citizenship", "agency", "agents", "warrant", "jail", "contract",
    "detention", "status",
)  # fmt: skip
_INDICATOR_WORDS = {
    "detainers": ("detain", "hold", "held", "honor", "honour", "sanctuar", "warrant", "request",
                  "comply", "compli", "keep", "jail"),
    "jail_access": ("detainee", "contract", "interview", "jail", "inmate", "prison", "access",
                    "office", "facilit", "allow", "permit", "let", "give", "grant", "bar",
                    "agreement", "igsa", "beds", "cells", "space"),
    "information_sharing": ("status", "notif", "shar", "tell", "database", "communicat",
                            "information", "data", "record", "releas", "ask", "inquir",
                            "disclos", "call", "contact", "alert", "limit", "check", "screen",
                            "verif", "question", "summon"),
    "local_resources": ("cooperat", "assist", "particip", "help", "work", "enforc", "sanctuar",
                        "fund", "resource", "money", "personnel", "arrest", "question", "stop",
                        "extend", "partner", "limit", "detain", "check"),
    "agreement_287g": ("287", "agreement", "program", "new one", "renew", "contract",
                       "task force", "memorandum", "model", "partnership"),
}  # fmt: skip

# Words that make a decision hypothetical or a threat: no policy at all ("could", "if").
_HYPOTHETICAL = re.compile(
    r"\b(?i:could|might|threaten\w*|if|whether|want\w*\s+to|hop\w*\s+to|wish\w*|urg\w+"
    r"|call\w*\s+on|asked|push\w*\s+for)\b|\bmay\b(?!\s+not)"
    # "Ohio has no statewide law ...": the absence of a policy
    r"|\b(?i:has\s+no|have\s+no|there\s+is\s+no|lacks?|does\s+not\s+have|never\s+had)\b"
)

# Another actor's claim: "Trump threatened", "ICE says sanctuary jurisdictions ...".
_OTHER_ACTOR = re.compile(
    r"\b(?:Trump|White\s+House|administration|Justice\s+Department|Department\s+of\s+Justice"
    r"|DOJ|DHS|Attorney\s+General|ICE|federal\s+officials)\s+(?:\w+\s+){0,2}?(?:said|says|"
    r"threaten\w*|claim\w*|argu\w*|want\w*|told|criticiz\w*|attack\w*|warn\w*|demand\w*|su\w*)\b"
)

_GERUND = re.compile(r"[A-Z]\w*ing\b")

_NEGATION_BEFORE = re.compile(
    r"\b(?:not|no\s+longer|never|refus\w*|declin\w*|stop\w*|end\w*|won['’]t|\w+n['’]t)\b[^.;]*$",
    re.IGNORECASE,
)
# "bars employees from asking ... and from sharing information with ICE": a barred act.
_BARRED_BEFORE = re.compile(
    r"\b(?:bar|bars|barred|barring|ban\w*|prohibit\w*|forbid\w*|forbad\w*|stop\w*|keep\w*)\b"
    r"[^.;]{0,120}\bfrom\s+$|\blimits?\s+on\s+$",
    re.IGNORECASE,
)
