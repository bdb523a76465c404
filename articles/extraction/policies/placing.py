"""Who decided: the places a trigger's policy belongs to, from the places, officials and
earlier policies around it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from articles.extraction.places.gazetteer import state_by_code
from articles.extraction.policies.clauses import CLAUSE_BREAK, start_of_clause, start_of_paragraph
from articles.extraction.policies.rules import Trigger
from articles.extraction.spans import SpanIndex
from articles.extraction.types import Place, PlaceMention, Speaker


@dataclass(frozen=True)
class _Actor:
    """A reference to a speaker who acts for a place: ``text[start:end]``."""

    start: int
    end: int
    place: Place


class Article:
    """What placing a policy needs to know about the whole article."""

    def __init__(
        self,
        text: str,
        places: list[PlaceMention],
        default_place: Place | None,
        speakers: list[Speaker],
    ) -> None:
        self.text = text
        self.places = SpanIndex(places)
        self.default_place = default_place
        self.counts = Counter(p.place for p in places)
        self.actors = SpanIndex(
            _Actor(s, e, sp.place)
            for sp in speakers
            if sp.place is not None and sp.level in ("local", "state")
            for s, e in sp.mentions
        )
        states = [p for p in self.counts if p.kind == "state"]
        self.state = max(states, key=lambda p: self.counts[p]) if states else None
        if self.state is None and default_place is not None:
            self.state = state_by_code(default_place.state)
        self.last_place: Place | None = None  # of the latest policy: "Under the law, ..."


_CARRY_OVER_CHARS = 600  # how far back a place still sets the scene for a sentence without one


def places_for(article: Article, start: int, end: int, trigger: Trigger) -> list[Place]:
    """The deciders of a trigger, in this order:

    - the distinct places named in the trigger's clause (else sentence) before the trigger,
      except those named after an official who speaks: "Sheriff Ana Ruiz said her office
      would stop ..." is the sheriff's county, "State Rep. Ana Ruiz, a Republican from Bucks
      County, said he would introduce a bill" the state;
    - any place in the sentence;
    - for a sentence naming none: the place of an official acting in it; the state for a
      governor or legislature; the policy just reported ("Under the law, ..."); the place
      named shortly before that the article is most about (a county for "the county jail");
    - ``default_place``.
    A general remark about unnamed "cities" with no place in the sentence yields none; towns
    named only as where a jail or a court is, or as a reference point, never decide."""
    text, places = article.text, article.places
    in_sentence = _own_places(text, list(places.starting_in(start, end)))
    # "NASHVILLE, Tenn. (AP) — The governor signed ...": the dateline is where the story was
    # filed, not who decided, when the sentence names another place.
    undated = [p for p in in_sentence if not _is_dateline(text, p)]
    if not undated and _STATE_ACTOR.search(text, start, trigger.start):
        in_sentence = []  # "ANNAPOLIS, MD — Governor Ana Ruiz today signed ...": the state's
    in_sentence = [p for p in undated or in_sentence if not _bystander(text, p)]
    # "Meanwhile, in Raleigh, state lawmakers approved a bill ...": the capital is where the
    # legislature sits; the state decides.
    seat = [p for p in in_sentence if p.place.kind == "city" and p.start < trigger.start]
    if seat and _LEGISLATURE_AFTER.match(text, seat[-1].end):
        state = state_by_code(seat[-1].place.state)
        in_sentence = [p for p in in_sentence if p not in seat] or (
            [PlaceMention(seat[-1].start, seat[-1].end, state)] if state else []
        )
    # "More than 20 Louisiana sheriffs have signed ...", "several Massachusetts cities that ...":
    # a state naming a class of places decides nothing; the remark is general.
    in_sentence = [
        p for p in in_sentence if p.place.kind != "state" or not _CLASS_AFTER.match(text, p.end)
    ]
    # "Nassau County still honors them, and a bill in Albany would ...": the trigger's clause.
    clause = start_of_clause(text, start, trigger.start)
    in_clause = [p for p in in_sentence if clause <= p.start]
    # "... and barring every agency in New Jersey from entering into a new one": a place
    # inside the trigger's own words, when its clause names none before it.
    before = (
        [p for p in in_clause if p.start < trigger.start]
        or [p for p in in_clause if p.start < trigger.end]
        or [p for p in in_sentence if p.start < trigger.start]
    )
    # The latest official in the sentence who speaks before the trigger.
    actor, speech = None, None
    for candidate in reversed(article.actors.starting_in(start, trigger.start)):
        speech = _SPEECH.search(text, candidate.end, trigger.start)
        if speech:
            actor = candidate
            break
    if actor and speech:
        # "In nearby Fort Bend County, the sheriff said ...": a role without a name is whoever
        # holds it in the place named before it; a named official speaks for their own place.
        generic = _GENERIC_REFERENCE.match(text, actor.start, actor.end)
        lead = [p for p in before if p.start < actor.start and p.place.kind != "state"]
        before = [p for p in before if p.start >= speech.end()]
        if generic and lead and not before:
            before = lead[-1:]
        if not before:
            return [actor.place]
    clause_end = CLAUSE_BREAK.search(text, trigger.end, end)
    if _STATEWIDE.search(text, clause, clause_end.start() if clause_end else end) and before:
        # "a bill in Albany that would limit detainers statewide": the state's
        state = before[-1].place
        state = state if state.kind == "state" else state_by_code(state.state)
        return [state] if state else []
    chosen = _fit_for_sheriff(text, trigger, before or in_sentence[:1])
    if before or in_sentence:
        return list(dict.fromkeys(p.place for p in chosen))
    acting = article.actors.last_before(trigger.start, limit=trigger.start - start)
    if acting is not None:
        return [acting.place]
    lead = text[start : trigger.start]
    if _STATE_ACTOR.search(text, start, end) and article.state is not None:
        return [article.state]  # "Gov. Ana Ruiz orders ...", "the Legislature passed ..."
    if _GENERIC_SUBJECT.search(text, clause, trigger.start):
        # "Multnomah, Clackamas and Lane counties announced the change. The sheriffs said they
        # would now ...": a definite plural after a list of places is that list.
        listed = _listed_before(article, start) if _DEFINITE_PLURAL.match(text, start) else []
        return listed
    if _ANAPHORA.match(text, start) and article.last_place is not None:
        return [article.last_place]  # "Under the new law, police may not ..."
    earlier = list(places.starting_in(start - _CARRY_OVER_CHARS, start))
    earlier = [p for p in earlier if not _bystander(text, p)] or earlier
    # "MONTPELIER, Vt. – The governor signed ...": a town named only in the dateline is where
    # the story was filed; with nothing else named, the state it is in decides.
    filed = [p for p in earlier if _is_dateline(text, p) and article.counts[p.place] == 1]
    if filed and len(filed) == len(earlier):
        state = state_by_code(filed[-1].place.state) if filed[-1].place.kind != "state" else None
        return [state or filed[-1].place]
    earlier = [p for p in earlier if p not in filed]
    kind = _KIND_WORD.search(lead)
    if kind:  # "The county jail lets ICE ...": the county just named
        wanted = "county" if kind[0].lower() in ("county", "sheriff") else "city"
        earlier = [p for p in earlier if p.place.kind == wanted] or earlier
    if earlier:
        # The place the article is most about among those just named, else the latest.
        return [max(reversed(earlier), key=lambda p: article.counts[p.place]).place]
    return [article.default_place] if article.default_place else []


_SPEECH = re.compile(
    r"\b(?:said|says|told|announced|stated|added|confirmed|wrote|explained)\b", re.IGNORECASE
)
_GENERIC_REFERENCE = re.compile(r"(?:the|its|his|her|their)\s+[a-z]", re.IGNORECASE)
_STATEWIDE = re.compile(r"\bstatewide\b|\bacross\s+the\s+state\b", re.IGNORECASE)
_STATE_ACTOR = re.compile(
    r"\b(?:Gov\.|Governor|governor|Legislature|legislature|lawmakers|General\s+Assembly"
    r"|(?i:attorney\s+general)|state\s+(?:law|agencies|agency|police|patrol|House|Senate)"
    # a bill of the legislature: "House Bill 497", "SB 4"
    r"|(?:House|Senate|Assembly)\s+Bill\s+\d+|\b(?:HB|SB|AB)\s?\d+"
    # "every police department in the state"
    r"|(?i:(?:every|each|all|any)\s+(?:\w+\s+){0,3}?in\s+the\s+state)"
    r"|(?i:the\s+state['’]s)|statewide)\b"
)
_ANAPHORA = re.compile(
    r"\W*(?:Under\s+(?:the|this|that|its)\s+(?:new\s+)?(?:law|act|order|directive|ordinance"
    r"|resolution|bill|policy|measure|rules?)|Under\s+it\b|(?:The|That|This|Its)\s+(?:new\s+)?"
    r"(?:law|act|order|directive|ordinance|resolution|policy|measure)\s+(?:also\s+)?\w+s\b"
    r"|It\s+also\b)",
    re.IGNORECASE,
)
_CLASS_AFTER = re.compile(
    r"\s+(?:cities|counties|parishes|boroughs|towns|townships|municipalities|jurisdictions"
    r"|localities|communities"
    r"|sheriffs|jails|police\s+(?:departments|chiefs)|mayors|school\s+districts)\b"
    # "Oregon county cuts ties with ICE": one unnamed place of the state, not the state
    r"|\s+(?-i:county|city|town|sheriff|jail|village|township|school\s+district)\b",
    re.IGNORECASE,
)
_LEGISLATURE_AFTER = re.compile(
    r",?\s+(?:state\s+(?:lawmakers|legislators|senators|representatives)|the\s+(?:state\s+)?"
    r"(?:Legislature|legislature|General\s+Assembly|House|Senate)|lawmakers|legislators)\b"
)
_DEFINITE_PLURAL = re.compile(
    r"\W*(?:the|those|these|both|all|all\s+\w+\s+of\s+the|each\s+of\s+the)\s+(?:\w+\s+)?"
    r"(?:sheriffs|counties|cities|towns|jails|councils|boards|mayors|police\s+chiefs)\b",
    re.IGNORECASE,
)


def _listed_before(article: Article, start: int) -> list[Place]:
    """The cities or counties the previous sentence lists ("Multnomah, Washington and Lane
    counties ..."), when it lists at least two."""
    lo = article.text.rfind(".", 0, max(0, start - 2)) + 1
    named = [
        p.place
        for p in article.places.starting_in(lo, start)
        if p.place.kind in ("city", "county") and not _bystander(article.text, p)
    ]
    named = list(dict.fromkeys(named))
    return named if len(named) >= 2 else []


_KIND_WORD = re.compile(r"\b(?:county|sheriff|city|mayor)\b", re.IGNORECASE)

# A general remark about unnamed places ("dozens of cities", "jurisdictions that ...").
_GENERIC_SUBJECT = re.compile(
    r"\b(?:cities|jurisdictions|municipalities|counties|localities|states|agencies|departments"
    r"|mayors|officials|sheriffs|jails)\b",
    re.IGNORECASE,
)

_JAIL_IN = re.compile(
    r"\b(?:jail|prison|center|facility|office|headquarters|plant|hangar|judge|court"
    r"|courthouse|hearing|(?i:lawmakers|legislators|legislature|senators|statehouse|capitol))\s+"
    r"(?:in|at|near)\s+$"
    r"|\b(?:County|county)(?:['’]s)?\s+[^.;,]{0,40}\b(?:in|at)\s+$"
    # "U.S. District Judge Ana Ruiz in Atlanta", "the federal court in Salt Lake City"
    r"|\b(?:[Jj]udge|[Jj]ustice)\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:in|at)\s+$"
    r"|\b(?:[Cc]ourt|[Cc]ourthouse)\s+(?:in|at)\s+$"
)


def _bystander(text: str, mention: PlaceMention) -> bool:
    """ "the Seneca County jail in Tiffin", "a federal judge in Austin", "lawmakers in Austin",
    "Yuba County, north of Sacramento": a town named as where a building, a court or a
    legislature is, or as a reference point; the county, state or whoever runs it decides."""
    window = max(0, mention.start - 80)
    if mention.place.kind == "city" and (
        _JAIL_IN.search(text, window, mention.start) or _FACILITY_NAMED.match(text, mention.end)
    ):
        return True
    if _HOMETOWN.search(text, window, mention.start):
        return True  # "State Rep. Ana Ruiz of Provo has filed a bill": where she is from
    if _DESCRIBED_BY.search(text, window, mention.start):
        return True  # "The jail board, whose members are appointed by X, Y and Z, voted ..."
    return bool(_REFERENCE.search(text, window, mention.start))


# A legislator's hometown: "Rep. Ana Ruiz of Provo", "Sen. Ana Ruiz, a Republican from Brenham".
_HOMETOWN = re.compile(
    r"\b(?:Rep\.|Sen\.|Representative|Senator|Assembly(?:man|woman|member)|Delegate)\s+"
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:of|from)\s+$"
    r"|,\s+(?:a|the)\s+(?:\w+\s+)?(?:Republican|Democrat|Independent)\w*\s+(?:of|from)\s+$"
)
# A relative clause that describes the subject by the places it is made of or serves.
_DESCRIBED_BY = re.compile(
    r",\s+(?:whose|which\s+(?:serves|is\s+run\s+by|is\s+made\s+up\s+of))\b[^.;]{0,70}$"
    # "Canyon County, which borders Ada County, said ...", not what a law does ("Act 314,
    # which requires every sheriff in Louisiana to ...")
    r"|,\s+(?:which|who|whose)\s+(?!(?:requires?|required|bars?|barred|bans?|banned|prohibit\w*"
    r"|would|will|lets?|allow\w*|makes?|made|forbid\w*|order\w*|direct\w*|limit\w*)\b)"
    r"[^.;,]{0,70}$",
    re.IGNORECASE,
)


# A town in a facility's name: "the Anchorage Correctional Complex" is not Anchorage's.
_FACILITY_NAMED = re.compile(
    r"\s+(?:(?:Regional|Federal|Adult|County|City|Municipal|Area)\s+)?(?:Correctional|Corrections"
    r"|Detention|Processing|Justice|Immigration)\s+(?:Center|Complex|Facility|Institution|Centre)\b"
)


_REFERENCE = re.compile(
    r"\b(?:near|outside(?:\s+of)?|(?:north|south|east|west)(?:east|west)?\s+of|miles\s+from"
    r"|(?:based|headquartered)\s+in)\s+(?:the\s+)?$"
    # a region of a place, where things happen: "agents in southwest Kansas", "rural Iowa"
    r"|\b(?:in|across|throughout)\s+(?:(?:north|south)(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?"
    r"|central|rural|upstate|downstate)\s+$",
    re.IGNORECASE,
)


def _fit_for_sheriff(
    text: str, trigger: Trigger, mentions: list[PlaceMention]
) -> list[PlaceMention]:
    """A sheriff decides for a county: when one acts right before the trigger and no county
    is named, a city in the sentence is only where things happened ("a raid in Austin followed
    a local sheriff's decision"), unless it names the sheriff ("the Tulsa sheriff")."""
    acting = re.search(r"sheriff", text[max(0, trigger.start - 60) : trigger.start], re.I)
    if not acting or any(m.place.kind == "county" for m in mentions):
        return mentions
    return [m for m in mentions if m.place.kind != "city" or _SHERIFF_AFTER.match(text, m.end)]


_SHERIFF_AFTER = re.compile(r"(?:['’]s)?\s+(?:county\s+)?sheriff", re.IGNORECASE)


def _is_dateline(text: str, mention: PlaceMention) -> bool:
    return start_of_paragraph(text, mention.start) == mention.start and bool(
        _DATELINE_TAIL.match(text, mention.end)
    )


# After a dateline's place: ", Tenn." / " (AP)" and a dash.
_DATELINE_TAIL = re.compile(r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:\s+\([\w. ]+\))?\s*[—–-]")


def _own_places(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Drop a state that only qualifies the place before it ("Portland, Oregon")."""
    kept: list[PlaceMention] = []
    for mention in mentions:
        qualifies = (
            kept
            and mention.place.kind == "state"
            and not text[kept[-1].end : mention.start].strip(" ,")
        )
        if not qualifies:
            kept.append(mention)
    return kept
