"""A sentence's triggers, once the checks that make a decision no decision have run:
quoted words, hypotheticals, other actors' claims, opinions about a practice, and a
"cooperates" trigger right after "not"."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from articles.extraction.policies.clauses import start_of_clause
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
    # The triggers' windows stop at a period: the periods of "U.S." or "Sen." are masked (same
    # length, so positions hold) for the rules to see across them.
    plain = text
    text = _masked(text)
    for pattern, rule in compiled_rules():
        if rule.indicator not in possible:
            continue  # none of the words any trigger of this indicator needs
        for m in pattern.finditer(text, start, end):
            before = text[start : m.start()]
            if quotes.containing(m.start()):
                continue  # quoted words are statements, handled by the quotes step
            # "has no plans to sign ..., but the jail will continue honoring detainers": a
            # hypothetical or an absence governs its own clause only
            clause = plain[start_of_clause(plain, start, m.start()) : m.start()]
            # "no county may hold ...", "no agency currently has a 287(g) agreement"
            head = _HEAD_VERB.match(plain, m.start(), m.end())
            no_subject = _NO_SUBJECT.search(before[-120:] + (head[0] if head else ""))
            prohibited = no_subject is not None and no_subject["modal"] is not None
            if (_HYPOTHETICAL.search(clause) and not prohibited) or _OTHER_ACTOR.search(before):
                continue
            if _LAWSUIT_OVER.search(before):
                continue  # "is suing the county over how the jail shares ...": a claim, pending
            if not before.strip(' “"') and _GERUND.match(m.group()):
                continue  # "Honoring detainers wastes resources": an opinion about a practice
            no_subject = no_subject if rule.direction == "cooperates" else None
            if prohibited and no_subject:
                # "no county, city or other local government may hold people for ICE under a
                # contract": the negated subject makes it a limit
                rule = replace(rule, direction="limits")
            elif no_subject:
                continue  # "no Delaware agency has a 287(g) agreement": no policy at all
            elif rule.direction == "cooperates" and (
                _NEGATION_BEFORE.search(before[-40:])
                or _BARRED_BEFORE.search(before)
                or _negated_inside(m.group())
            ):
                continue  # "will not help with federal immigration enforcement": a limit
            if rule.direction == "limits" and (
                _FORBIDDEN_LIMIT.search(before) or _DOUBLE_BAN.search(text, start, m.end())
            ):
                # "prohibits cities from adopting policies that limit cooperation", "bars any
                # government from prohibiting its officers from sharing ...": a ban on limits
                rule = replace(rule, direction="cooperates")
            if rule.indicator_direction == ("detainers", "cooperates") and _detention_business(
                plain, start, end, m
            ):
                # "the correctional center is holding more people for ICE than for the state":
                # a jail's business with ICE (a contract), not detainers honored at release
                rule = replace(rule, indicator="jail_access", kind="jail_contract")
            status = trigger_status(plain, start, end, m)
            found.append(
                Trigger(m.start(), m.end(), rule, instrument_start(plain, start, m), status)
            )
    # "terminate its contract to house detainees", "pull deputies out of a program that trained
    # them to check immigration status": the ending wins over what it ends, whatever that set.
    kept = [
        t
        for t in found
        if not any(
            o.rule.direction != t.rule.direction
            and (o.rule.indicator == t.rule.indicator or o.rule.direction == "limits")
            and o.start < t.start < o.end
            for o in found
        )
    ]
    return sorted(_superseded(plain, start, kept), key=lambda t: t.start)


def _superseded(text: str, start: int, triggers: list[Trigger]) -> list[Trigger]:
    """ "Dallas County, which had stopped honoring detainers in 2015, resumed honoring them":
    what the pluperfect aside says had been decided, the main clause undoes (repealed)."""
    out = []
    for t in triggers:
        past = _HAD_ASIDE.search(text, max(start, t.start - 60), t.start)
        undone = past and any(
            o.rule.indicator == t.rule.indicator
            and o.rule.direction != t.rule.direction
            and o.start > t.end
            for o in triggers
        )
        out.append(replace(t, status="repealed") if undone else t)
    return out


_FACILITY = re.compile(
    r"\b(?:detention|correctional|processing|holding)\s+(?:center|facility|complex)\b|\bdetainees\b"
    r"|\b(?:beds|per\s+diem|daily\s+rate)\b",
    re.IGNORECASE,
)
_DETAINER_WORDS = re.compile(
    r"\bdetainers?\b|\brelease\w*\b|\bbail\b|\b48\s+hours\b|\bsentence", re.IGNORECASE
)


def _detention_business(text: str, start: int, end: int, m: re.Match) -> bool:
    """Whether "holds people for ICE" in this sentence is a facility's detention business:
    the sentence names a detention center, detainees or beds, and nothing of detainers or
    release."""
    if not re.match(r"(?:hold|held)", m.group(), re.IGNORECASE):
        return False
    sentence = text[start:end]
    return bool(_FACILITY.search(sentence)) and not _DETAINER_WORDS.search(sentence)


_HAD_ASIDE = re.compile(r",\s+(?:which|who)\s+had\s+(?:\w+\s+){0,3}?$", re.IGNORECASE)


_ABBREVIATION = re.compile(
    r"\b(?:U\.S\.|D\.C\.|(?:Gov|Sen|Rep|Lt|Sgt|Dr|Mr|Ms|St|No|Gen|Col|Dept|Capt)\.(?=\s))"
)


@lru_cache(maxsize=8)
def _masked(text: str) -> str:
    """``text`` with the periods of abbreviations ("U.S.", "Sen.") made spaces."""
    return _ABBREVIATION.sub(lambda m: m[0].replace(".", " "), text)


# Cheap gates before the triggers' regular expressions: a sentence about none of these is no
# policy action, and each indicator's triggers need one of its words (lower case).
_DOMAIN_WORDS = (
    "ice", "immigra", "detain", "287", "sanctuar", "deport", "border", "federal", "migrant",
    "alien", "undocumented", "citizenship", "agency", "agents", "warrant", "jail", "contract",
    "detention", "status",
)  # fmt: skip
_INDICATOR_WORDS = {
    "detainers": ("detain", "hold", "held", "honor", "honour", "sanctuar", "warrant", "request",
                  "comply", "compli", "keep", "jail", "adopt", "enact", "ban", "crackdown"),
    "jail_access": ("detainee", "contract", "interview", "jail", "inmate", "prison", "access",
                    "office", "facilit", "allow", "permit", "let", "give", "grant", "bar",
                    "agreement", "igsa", "beds", "cells", "space"),
    "information_sharing": ("status", "notif", "shar", "tell", "database", "communicat",
                            "information", "data", "record", "releas", "ask", "inquir",
                            "disclos", "call", "contact", "alert", "limit", "check", "screen",
                            "verif", "question", "summon"),
    "local_resources": ("cooperat", "assist", "particip", "help", "work", "enforc", "sanctuar",
                        "fund", "resource", "money", "personnel", "arrest", "question", "stop",
                        "extend", "partner", "limit", "detain", "check", "ask", "inquir"),
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

_LAWSUIT_OVER = re.compile(
    r"\b(?:su(?:e|es|ed|ing)|lawsuits?|complaints?)\s+(?:[\w'’,]+\s+){0,6}?(?:over|claiming|alleging"
    r"|challenging|arguing)\s+(?:[\w'’,]+\s+){0,8}$",
    re.IGNORECASE,
)
_GERUND = re.compile(r"[A-Z]\w*ing\b")
_HEAD_VERB = re.compile(r"(?:has|have|had|is|are|was|were)\s+", re.IGNORECASE)
_NO_SUBJECT = re.compile(
    r"\b(?:no|neither)\s+(?:[\w,'’]+\s+){0,10}?(?:(?P<modal>may|can|shall|will|is\s+allowed\s+to"
    r"|are\s+allowed\s+to)|has|have|had|is|are|was|were)\s+$",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b|n['’]t\b", re.IGNORECASE)
# "penalizes cities that do not cooperate": a negation in a relative clause is someone else's.
_RELATIVE_NEGATION = re.compile(
    r"\b(?:that|which|who)\s+(?:\w+\s+){0,2}?(?:not|never)\b|\b(?:that|which|who)\s+\w+n['’]t\b",
    re.IGNORECASE,
)


def _negated_inside(words: str) -> bool:
    return bool(_NEGATION.search(words)) and not _RELATIVE_NEGATION.search(words)


_NEGATION_BEFORE = re.compile(
    # in the trigger's clause: "does not apply to the jail, which honors detainers" honors them
    r"\b(?:not|no\s+longer|never|refus\w*|declin\w*|stop\w*|end(?:s|ed|ing)?|won['’]t|\w+n['’]t)\b"
    # a "but" turns the clause: "does not have a 287(g) agreement but honors ICE detainers"
    r"(?![^.;]*(?:,\s+(?:which|who|where|and|but)|\s+but)\s)[^.;]*$",
    re.IGNORECASE,
)
# A ban whose object is itself a limit, right before a limiting trigger: "prohibits towns from
# adopting sanctuary policies that limit ...", "bars any government from prohibiting ...".
# "bars police from stopping or detaining anyone": a stop of people, not a ban on limits.
_PERSONS = r"(?:anyone|people|drivers|someone|motorists|residents|persons|a\s+person|pedestrians)\b"
_FORBIDDEN_LIMIT = re.compile(
    r"\b(?:bar|bars|barred|barring|ban|bans|banned|banning|prohibit\w*|forbid\w*|forbad\w*"
    r"|outlaw\w*|preempt\w*|penaliz\w*|punish\w*)\b[^.;]{0,120}?\b(?:from\s+(?:adopt|enact|pass"
    r"|keep|hav|creat|prohibit|bar|ban|forbid|limit|restrict|stop|prevent)\w*\b(?!\s+(?:or\s+\w+\s+)?"
    + _PERSONS
    + r")|(?:policies|rules"
    r"|ordinances|laws|measures)\s+(?:that|which))\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_DOUBLE_BAN = re.compile(
    r"\b(?:bar|bars|barred|barring|ban|bans|banned|banning|prohibit\w*|forbid\w*|forbad\w*"
    r"|outlaw\w*|preempt\w*)\s+[^.;]{0,80}?\bfrom\s+(?:prohibit|bar|bann|forbid|limit|restrict"
    r"|stop|prevent)\w*\b(?!\s+(?:or\s+\w+\s+)?" + _PERSONS + ")",
    re.IGNORECASE,
)
# "bars employees from asking ... and from sharing information with ICE": a barred act.
_BARRED_BEFORE = re.compile(
    r"\b(?:bar|bars|barred|barring|ban(?:s|ned|ning)?|prohibit\w*|forbid\w*|forbad\w*|stop\w*|keep\w*)\b"
    r"[^.;]{0,120}\bfrom\s+$|\blimits?\s+on\s+$",
    re.IGNORECASE,
)
