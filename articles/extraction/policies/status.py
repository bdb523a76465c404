"""Whether and when a policy applies: its status from the words of its trigger's clause
(proposed, blocked, repealed, in force), and the days it takes effect and ends."""

from __future__ import annotations

import datetime as dt
import re

from articles.extraction.dates import article_sentences, dates_between, sentence_index
from articles.extraction.policies.clauses import start_of_clause


def trigger_status(text: str, start: int, end: int, m: re.Match[str]) -> str:
    """proposed, blocked, repealed or in_force, from the words of the trigger's clause."""
    clause = text[start_of_clause(text, start, m.start()) : m.start()]
    after = text[m.end() : end]
    if _BLOCKED_BEFORE.search(clause) or _BLOCKED_AFTER.search(after):
        return "blocked"
    if _REPEALED_BEFORE.search(clause):
        return "repealed"
    if _PROPOSED.search(clause + m.group()) or _FAILED_AFTER.search(after):
        return "proposed"
    # "would" makes it a proposal, unless it reports what someone said they decided ("The
    # sheriff said the jail would still notify ICE ..., and would still let ICE ...").
    if _WOULD.search(clause) and not _REPORTED.search(text, start, m.start()):
        return "proposed"
    return "in_force"


# Words that make it a proposal: reported so editors see it, never counted for a stance.
_PROPOSED = re.compile(
    r"\b(?:propos\w*|pending|introduc\w+|consider\w*|plans?\s+to|planning\s+to"
    r"|expected\s+to|expects?\s+to|will\s+vote|set\s+to\s+vote|soon|call\w*\s+for"
    r"|(?<!to\s)(?<!is\s)(?<!are\s)seek\w*|draft\w*|weigh\w*|debat\w+|died|failed|vetoed|advance"
    r"|aims?\s+to|intends?\s+to|is\s+to\s+vote|measure\s+that|not\s+come\s+up"
    r"|(?:bill|measure|proposal|ordinance)\s+(?:that|which)\s+would|would\s+have"
    r"|appl(?:y|ies|ying|ied)\s+(?:to\s+(?:join|enter|sign|become|take\s+part)|for)"
    r"|applications?\s+(?:to|for)|fil(?:e|es|ed|ing)\s+(?:a\s+|the\s+)?(?:bill|measure"
    r"|legislation)|(?:is|are|was|were)\s+(?:weighing|considering|studying|reviewing)"
    # asking others to make it: "will ask the General Assembly to pass legislation requiring"
    r"|(?:ask|urg|press|lobb(?:y|ie))\w*\s+(?:\w+\s+){0,5}?to\s+(?:pass|adopt|approve|enact)"
    # passed but not yet signed: "awaits the governor's signature", "heads to the governor"
    r"|await\w*\s+(?:the\s+)?(?:governor|signature|final\s+approval)|heads?\s+to\s+(?:the\s+)?"
    r"governor|sent\s+to\s+the\s+governor|on\s+(?:the\s+)?governor['’]s\s+desk)\b",
    re.IGNORECASE,
)
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
_REPORTED = re.compile(
    r"\b(?:said|says|announced|told|stated|added|confirmed|ordered)\b", re.IGNORECASE
)
# "passed the state House but died in the Senate", "a bill that later failed": never decided.
_FAILED_AFTER = re.compile(
    r"\b(?:died|failed|stalled|was\s+vetoed|never\s+(?:passed|came\s+to\s+a\s+vote)"
    r"|await\w*\s+(?:the\s+)?(?:governor|signature|final\s+approval)|heads?\s+to\s+(?:the\s+)?"
    r"governor|sent\s+to\s+the\s+governor|on\s+(?:the\s+)?governor['’]s\s+desk)\b",
    re.IGNORECASE,
)
# A court stopping a law or an order.
_BLOCKED_BEFORE = re.compile(
    r"\b(?:judge|court|justices?|injunction)\b[^.;]{0,120}?\b(?:block\w*|enjoin\w*|halt\w*"
    r"|struck|strike|suspend\w*|injunction|restraining\s+order|put\s+on\s+hold)\b|\bblocked\b",
    re.IGNORECASE,
)
_BLOCKED_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:blocked|enjoined|struck\s+down|halted|put\s+on\s+hold|suspended)\s+by\s+"
    r"(?:a|the)\s+(?:federal\s+|state\s+)?(?:judge|court)",
    re.IGNORECASE,
)
# A policy that an action ended: "voted to repeal the resolution that limited ...".
_REPEALED_BEFORE = re.compile(
    r"\b(?:repeal\w*|rescind\w*|revok\w*|revers\w*|overturn\w*|undo(?:es|ing|ne)?|undid|void\w*|scrap\w*"
    r"|abolish\w*|ended\s+(?:a|the)\s+(?:\d{4}\s+)?(?:policy|resolution|order|ordinance|practice))"
    r"\b[^.;]{0,100}$",
    re.IGNORECASE,
)


def effect_dates(
    text: str, start: int, end: int, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """(takes effect, ends) from the policy's sentence and the next one when it goes on about
    the policy: "takes effect April 1", "expires June 30", "must terminate them by Nov. 1"."""
    spans = article_sentences(text)
    index = sentence_index(text, start)
    windows = [(start, end)]
    if index + 1 < len(spans) and _GOES_ON.match(text, spans[index + 1][0]):
        windows.append(spans[index + 1])
    effective = ends = None
    for lo, hi in windows:
        dates = [d for d in dates_between(text, lo, hi, published) if d.precision == "day"]
        for cue, found in ((_TAKES_EFFECT, "effective"), (_ENDS, "ends")):
            for m in cue.finditer(text, lo, hi):
                after = [d for d in dates if 0 <= lo + d.start - m.end() <= 20 and d.value]
                if not after:
                    continue
                value = _ahead(text, lo, after[0], published)
                if found == "effective" and effective is None:
                    effective = value
                elif found == "ends" and ends is None:
                    ends = value
    return effective, ends


def _ahead(text: str, lo: int, mention, published: dt.date | None) -> dt.date:
    """A date a policy takes effect or ends on, written without a year ("Oct. 1"), lies ahead
    of publication, not in the year before."""
    value = mention.value
    words = text[lo + mention.start : lo + mention.end]
    if published is not None and value < published and not re.search(r"\d{4}", words):
        try:
            return value.replace(year=value.year + 1)
        except ValueError:  # February 29th
            return value
    return value


_TAKES_EFFECT = re.compile(
    r"\b(?:takes?|took|will\s+take|goes|went|will\s+go)\s+(?:into\s+)?effect\b|\beffective\b",
    re.IGNORECASE,
)
_ENDS = re.compile(
    r"\b(?:expires?|expired|will\s+expire|ends?|ended|will\s+end|sunsets?|lapses?|runs?\s+"
    r"(?:through|until)|terminate\s+(?:\w+\s+){0,3}?by|by)\b",
    re.IGNORECASE,
)
# The sentence after a policy that goes on about it: "The agreement takes effect April 1."
_GOES_ON = re.compile(
    r"\W*(?:The|That|This|Its|It)\b(?:\s+(?:new\s+)?(?:agreement|law|order|contract|directive"
    r"|ordinance|resolution|policy|measure|program|rules?))?",
    re.IGNORECASE,
)
