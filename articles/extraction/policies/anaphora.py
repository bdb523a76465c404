"""Policies a sentence reports by pointing back at one already reported: "Doña Ana County did
the same in 2017", "Neighboring Ottawa County signed a similar agreement last year", "Dallas
followed suit". The place is the one the sentence names before those words; what was decided is
the latest decision reported before "the same", the article's first one before "similar" (for
a similar agreement, contract or program: the agreement itself, which cooperates, even when the
one reported was ended)."""

from __future__ import annotations

import re
from dataclasses import replace

from articles.extraction.policies.status import trigger_status
from articles.extraction.spans import SpanIndex
from articles.extraction.types import PlaceMention, PolicyCandidate

# "did the same", "has done the same", "followed suit", "did likewise", "took the same step"
_SAME = re.compile(
    r"\b(?:(?:did|does|has\s+done|have\s+done|had\s+done|is\s+doing|are\s+doing|will\s+do)\s+"
    r"(?:the\s+same|likewise)|followed\s+suit|(?:took|taken|made|reached)\s+the\s+same\s+"
    r"(?:step|decision|move|choice))\b",
    re.IGNORECASE,
)
# "signed a similar agreement", "has its own similar contract", "adopted an identical policy"
_SIMILAR = re.compile(
    r"\b(?:(?P<ended>ended|terminated|dropped|left|quit|cancel+ed|withdrew\s+from|scrapped)"
    r"|signed|has|have|had|adopted|passed|approved|joined|entered\s+into|keeps?|kept|renewed)"
    r"\s+(?:a|an|its\s+own|their\s+own)\s+(?:similar|identical|comparable|nearly\s+identical)\s+"
    r"(?P<noun>agreement|contract|deal|program|partnership|ordinance|policy|resolution|law|order)\b",
    re.IGNORECASE,
)
# "The sheriff withdrew from the agreement two weeks later": ending the one just reported.
_ENDED_IT = re.compile(
    r"\b(?:withdr[ae]w\s+from|pulled\s+(?:\w+\s+)?out\s+of|backed\s+out\s+of|ended|terminated"
    r"|cancel+ed|scrapped|dropped|quit|exited|opted\s+out\s+of)\s+(?:the|its|that|their|this)\s+"
    r"(?:\w+\s+)?(?P<noun>agreement|contract|program|partnership|deal)\b",
    re.IGNORECASE,
)
_AGREEMENT_NOUNS = ("agreement", "contract", "deal", "program", "partnership")
_AGREEMENT_KINDS = ("agreement_287g", "jail_contract")


def pointed_back(
    text: str,
    start: int,
    end: int,
    places: SpanIndex[PlaceMention],
    earlier: list[PolicyCandidate],
) -> list[PolicyCandidate]:
    """The policies the sentence ``text[start:end]`` reports by pointing back (see the module
    docstring), one per place it names before the pointing words."""
    decided = [p for p in earlier if p.status != "proposed"]
    if not decided:
        return []
    m = _SAME.search(text, start, end)
    similar = None if m else _SIMILAR.search(text, start, end)
    cue = m or similar
    if cue is None:
        return _ended_it(text, start, end, places, decided)
    named = [p for p in places.starting_in(start, cue.start()) if p.place.kind != "state"]
    if not named:
        return []
    model = decided[-1]  # "did the same": what was just reported
    indicators = model.indicators
    if similar is not None:  # "a similar policy": like the one the article is about
        model = decided[0]
        indicators = model.indicators
        noun = similar["noun"].lower()
        if noun in _AGREEMENT_NOUNS:
            agreements = [p for p in decided if p.kind in _AGREEMENT_KINDS] or decided
            model = agreements[0]
            # the agreement itself cooperates, though the one reported was ended: all that its
            # place's decisions say it did ("ended a similar agreement": all of it, limited)
            direction = "limits" if similar["ended"] else "cooperates"
            indicators = tuple(
                dict.fromkeys(
                    (i, direction)
                    for p in decided
                    if p.place == model.place
                    for i, _ in p.indicators
                )
            )
    status = trigger_status(text, start, end, cue)
    out = []
    for mention in dict.fromkeys(n.place for n in named):
        if mention == model.place:
            continue
        out.append(
            replace(
                model,
                start=start,
                end=end,
                summary=" ".join(text[start:end].split())[:300],
                indicators=indicators,
                place=mention,
                status=status,
                effective_on=None,
                ends_on=None,
            )
        )
    return out


def _ended_it(
    text: str,
    start: int,
    end: int,
    places: SpanIndex[PlaceMention],
    decided: list[PolicyCandidate],
) -> list[PolicyCandidate]:
    """ "The sheriff withdrew from the agreement": the latest agreement or contract reported,
    ended by the place named before those words, else by the place that made it."""
    cue = _ENDED_IT.search(text, start, end)
    agreements = [p for p in decided if p.kind in _AGREEMENT_KINDS]
    if cue is None or not agreements:
        return []
    model = agreements[-1]
    named = [p.place for p in places.starting_in(start, cue.start()) if p.place.kind != "state"]
    indicators = tuple(dict.fromkeys((i, "limits") for i, _ in model.indicators))
    return [
        replace(
            model,
            start=start,
            end=end,
            summary=" ".join(text[start:end].split())[:300],
            indicators=indicators,
            place=place,
            status=trigger_status(text, start, end, cue),
            effective_on=None,
            ends_on=None,
        )
        for place in dict.fromkeys(named or [model.place])
    ]
