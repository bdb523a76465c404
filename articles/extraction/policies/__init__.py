"""Policy actions in news prose, each mapped to the cooperation indicators it sets.

A sentence reports a policy when it contains a *trigger* (the decision itself: "will not detain
... without a judicial warrant", "end the contract between ICE and the city jail") outside
quotation marks, not in a hypothetical ("could consider", "threatened to"), not a question, and
not a general claim about unnamed "cities" or "jurisdictions". Its kind comes from the instrument
named before the trigger ("executive order", "resolution", "police"); its place from the places
named before the trigger, else the nearest place named shortly before the sentence, else
``default_place``. Triggers of one sentence with the same place and kind make one policy with
several indicators; a restatement (same place, kind and indicators in one paragraph, without
"also") is dropped.

Where each part lives: the triggers are ``rules``; ``triggers`` finds a sentence's and runs the
checks; ``status`` says whether and when a policy applies, ``kinds`` which instrument it is,
``placing`` who decided; ``clauses`` says where the clause an instrument governs starts;
``anaphora`` reads "did the same" and "a similar agreement" after a reported decision.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from articles.extraction.dates import article_sentences, mention_for_span, period
from articles.extraction.events import quoted_spans
from articles.extraction.policies.anaphora import pointed_back
from articles.extraction.policies.clauses import start_of_paragraph
from articles.extraction.policies.kinds import policy_kind
from articles.extraction.policies.placing import Article, places_for
from articles.extraction.policies.rules import Trigger
from articles.extraction.policies.status import effect_dates
from articles.extraction.policies.triggers import find_triggers
from articles.extraction.spans import SpanIndex, intervals
from articles.extraction.types import (
    DeclarationCandidate,
    Place,
    PlaceMention,
    PolicyCandidate,
    Speaker,
)

_SUMMARY_LIMIT = 300

# A sentence that explains how an agreement already reported works.
_EXPLAINS_AGREEMENT = re.compile(
    r"\W*Under\s+(?:(?:a|an|the|its|this|that|such\s+an?)\s+(?:287\s*\(g\)\s+|federal\s+)?"
    r"(?:agreement|program|partnership|contract|model|arrangement)|it)\s*,",
    re.IGNORECASE,
)
# "She also issued an executive order ..." reports a second decision, not a restatement.
_ANOTHER = re.compile(r"\b(?:also|additionally|in\s+addition|separately)\b", re.IGNORECASE)


def find_policies(
    text: str,
    places: list[PlaceMention],
    published: dt.date | None,
    *,
    default_place: Place | None = None,
    declarations: list[DeclarationCandidate] | None = None,
    speakers: list[Speaker] | None = None,
) -> list[PolicyCandidate]:
    """Every policy action reported in ``text`` (see the module docstring for the rules).
    Words that follow a declaration in its sentence ("reiterated her city's status as a
    sanctuary city, where police vow to refuse ...") describe the label, not a decision.
    ``speakers`` (with their places) place what an official says their office will do."""
    quotes = intervals(quoted_spans(text))
    declared = SpanIndex(declarations or [])
    article = Article(text, places, default_place, speakers or [])
    policies: list[PolicyCandidate] = []
    seen: set[tuple] = set()
    for start, end in article_sentences(text):
        if text[start:end].rstrip("”\"' ").endswith("?"):
            continue  # a question reports no decision
        said = declared.starting_in(start, end)
        declared_at = said[0].start if said else -1
        if _EXPLAINS_AGREEMENT.match(text, start) and any(
            p.kind in ("agreement_287g", "jail_contract") for p in policies
        ):
            continue  # "Under the agreement, eight officers are trained to ...": how it works
        found = _sentence_policies(article, start, end, published, quotes, declared_at)
        if not found and not quotes.containing(start):
            found = pointed_back(text, start, end, article.places, policies)
        for policy in found:
            article.last_place = policy.place
            key = (
                start_of_paragraph(text, start),
                policy.place,
                policy.kind,
                policy.indicators,
                policy.status,
            )
            if key not in seen or _ANOTHER.search(text, start, end):
                seen.add(key)
                policies.append(policy)
    return _headline_placed(text, policies)


def _headline_placed(text: str, policies: list[PolicyCandidate]) -> list[PolicyCandidate]:
    """A headline rarely names who decided ("Board OKs deal to hold ICE detainees"): a policy
    read from the first line takes the place of the first policy of the body that sets one of
    its indicators the same way, when there is one."""
    first_line = text.find("\n")
    if first_line < 0:
        return policies
    body = [p for p in policies if p.start > first_line and p.status != "proposed"]
    placed = []
    for policy in policies:
        # "Hennepin, Ramsey sheriffs stop ...": a county the headline names is its own decider
        named = policy.place.kind == "county" and policy.place.name.split()[0] in text[:first_line]
        if policy.start < first_line and not named:
            same = next((p for p in body if set(p.indicators) & set(policy.indicators)), None)
            if same is not None and same.place != policy.place:
                policy = replace(policy, place=same.place)
        placed.append(policy)
    return placed


def _sentence_policies(
    article: Article,
    start: int,
    end: int,
    published: dt.date | None,
    quotes: SpanIndex,
    declared_at: int = -1,
) -> list[PolicyCandidate]:
    """Group the sentence's triggers by (place, kind): one policy per group."""
    text = article.text
    groups: dict[tuple[Place, str, str], list[Trigger]] = {}
    for trigger in find_triggers(text, start, end, quotes):
        if 0 <= declared_at < trigger.start:
            continue  # words about a declared label, not a decision
        for place in places_for(article, start, end, trigger):
            kind = policy_kind(text, start, trigger, place)
            groups.setdefault((place, kind, trigger.status), []).append(trigger)
    return [
        _policy(text, start, end, place, kind, triggers, published, status)
        for (place, kind, status), triggers in groups.items()
    ]


def _policy(
    text: str,
    start: int,
    end: int,
    place: Place,
    kind: str,
    triggers: list[Trigger],
    published: dt.date | None,
    status: str = "in_force",
) -> PolicyCandidate:
    """One policy; dated by the first day of the period its sentence names ("in June": June 1,
    with month precision)."""
    when = mention_for_span(text, triggers[0].kind_start, triggers[0].end, published)
    first, _, precision = period(when)
    takes_effect, ends_on = effect_dates(text, start, end, published)
    directions = {direction for _, direction in (t.rule.indicator_direction for t in triggers)}
    if takes_effect is None and ends_on is not None and directions == {"limits"}:
        # "will not renew the agreement when it expires June 30": the limit starts that day
        takes_effect, ends_on = ends_on, None
    if takes_effect is not None and status == "in_force":
        first, precision = takes_effect, "day"
        if published is not None and takes_effect > published:
            status = "enacted"  # decided, in force from that day
    return PolicyCandidate(
        kind=kind,
        start=start,
        end=end,
        summary=_summary(text, start, end),
        indicators=_consistent(triggers),
        place=place,
        effective_on=first,
        date_precision=precision,
        status=status,
        ends_on=ends_on,
    )


def _consistent(triggers: list[Trigger]) -> tuple[tuple[str, str], ...]:
    """The policy's (indicator, direction) effects. One instrument does not both limit and
    require the same thing: where its clauses read both ways ("bars officers from sharing
    information with ICE beyond what federal law requires"), the direction most of them read
    wins; on a tie, the first (what follows qualifies it: "except", "beyond what")."""
    votes = Counter((t.rule.indicator, t.rule.direction) for t in triggers)
    effects = list(dict.fromkeys((t.rule.indicator, t.rule.direction) for t in triggers))
    kept = []
    for at, (indicator, direction) in enumerate(effects):
        other = (indicator, _OTHER[direction])
        mine, theirs = votes[(indicator, direction)], votes[other]
        if mine > theirs or (mine == theirs and (theirs == 0 or at < effects.index(other))):
            kept.append((indicator, direction))
    return tuple(kept)


_OTHER = {"limits": "cooperates", "cooperates": "limits"}


def _summary(text: str, start: int, end: int) -> str:
    words = " ".join(text[start:end].split())
    return words if len(words) <= _SUMMARY_LIMIT else words[: _SUMMARY_LIMIT - 1] + "…"
