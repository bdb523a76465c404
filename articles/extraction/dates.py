"""Dates in news prose: absolute ("Sept. 28, 2017") and relative to publication ("announced
Thursday", "expected on Sunday", "last month").

Conventions (so that nothing is ever invented):
- ``precision`` is "day", "month" or "year"; a month-precision value is the 1st of the month and a
  year-precision value is January 1st. "mid-February" / "early June" / "late June" are month
  precision too (the 1st): the text does not give the day.
- A date without a year takes the publication year, or the previous year when its month is after
  the publication month (news looks back far more than ahead).
- Week expressions ("last week", "this week") are found but carry ``value=None``: the text names a
  week, not a day.
- Any relative expression has ``value=None`` when the publication date is unknown, and a weekday
  whose tense cannot be read from its context has ``value=None``.

The sentence helpers (``sentence_spans``, ``sentence_bounds``) live here because every later step
(events, policies, statements) dates its facts by the sentence they sit in.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class DateMention:
    """The words ``text[start:end]`` that name a date, resolved where the text allows."""

    start: int
    end: int
    value: dt.date | None
    precision: str  # one of PRECISIONS


_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Month names must be capitalised: "may", "march" and "sept" are also ordinary words.
_MONTH = (
    r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_LEAD_IN = r"(?:(?<=\bin )|(?<=\bsince )|(?<=\bby )|(?<=\buntil )|(?<=\bduring )|(?<=\bof ))"

# Each pattern has one meaning; they are tried most specific first and may not overlap.
_MONTH_DAY = re.compile(rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR}\b)?")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_SLASHED = re.compile(r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)\b")
_MONTH_YEAR = re.compile(rf"(?:\bmid-|\b(?:early|late)\s+)?{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR}\b)")
# A month alone needs a word that makes it a date: "in June", "mid-February", "last June".
_MONTH_ALONE = re.compile(
    rf"(?:\bmid-|\b(?:early|late)\s+(?:in\s+)?|(?P<last>\blast\s+)|{_LEAD_IN}){_MONTH}"
    r"(?!\s+[0-3]?\d\b)"
)
_YEAR_ALONE = re.compile(rf"{_LEAD_IN}{_YEAR}\b(?![-/])")
_RELATIVE_DAY = re.compile(r"\b(?P<word>today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<which>last|this|next|earlier this|later this)\s+(?P<unit>week|month|year)\b",
    re.IGNORECASE,
)
_WEEKDAY_MENTION = re.compile(
    rf"\b(?P<which>(?:last|next|this)\s+)?(?P<weekday>{_WEEKDAY})(?:['’]s)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
)

_FUTURE_CUE = re.compile(
    r"\b(?:will|won['’]t|['’]ll|expect\w*|scheduled|slated|set to|plans?|planned|planning|upcoming"
    r"|next|coming|due|going to|is to|are to)\b",
    re.IGNORECASE,
)
_PAST_CUE = re.compile(
    r"\b(?:\w+ed|said|told|met|made|took|gave|held|wrote|spoke|sent|began|came|went|was|were|did"
    r"|had|last|earlier)\b",
    re.IGNORECASE,
)
# A period after one of these words does not end a sentence.
_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "sgt", "jr", "sr", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc",
    "ft", "mt", "ave", "blvd", "co", "corp", "inc", "ltd", "calif", "mass", "ill", "fla", "wash",
    "ore", "ariz", "colo", "conn", "tenn", "pa", "va", "md", "minn", "mich", "wis", "tex", "okla",
    "ga", "la", "ky", "mo",
))  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|\n+")


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``published``.

    Longer, more specific patterns win over the shorter ones they overlap ("Sunday, June 23"
    is one mention, not a weekday plus a date)."""
    found: list[DateMention] = []  # sorted by start, never overlapping one another
    starts: list[int] = []
    for finder in _FINDERS:
        for mention in finder(text, published):
            i = bisect.bisect_left(starts, mention.start)
            if i and found[i - 1].end > mention.start:
                continue  # overlaps the mention before it
            if i < len(found) and found[i].start < mention.end:
                continue  # overlaps the mention after it
            found.insert(i, mention)
            starts.insert(i, mention.start)
    return found


def dates_between(text: str, lo: int, hi: int, published: dt.date | None) -> list[DateMention]:
    """The date expressions of the whole ``text`` that lie in ``text[lo:hi]``, with offsets
    relative to ``lo`` (as ``find_dates(text[lo:hi], ...)`` gives them): every later step asks
    for the dates of one sentence or another, and the article is read for dates only once."""
    mentions, starts = _article_dates(text, published)
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    return [
        DateMention(m.start - lo, m.end - lo, m.value, m.precision)
        for m in mentions[i:j]
        if m.end <= hi
    ]


@lru_cache(maxsize=16)
def _article_dates(
    text: str, published: dt.date | None
) -> tuple[tuple[DateMention, ...], tuple[int, ...]]:
    found = find_dates(text, published)
    return tuple(found), tuple(m.start for m in found)


def _absolute(text: str, published: dt.date | None) -> list[DateMention]:
    """Day-precision dates written out: month-day, day-month, ISO and slashed."""
    out = []
    for pattern in (_MONTH_DAY, _DAY_MONTH, _ISO, _SLASHED):
        for m in pattern.finditer(text):
            month = _month_number(m["month"])
            year = _full_year(m["year"]) if m["year"] else _year_for_month(month, published)
            value = _safe_date(year, month, int(m["day"])) if year else None
            if year and value is None:
                continue  # "February 30" or "13/45/2017": not a date after all
            out.append(DateMention(m.start(), m.end(), value, "day"))
    return out


def _month_level(text: str, published: dt.date | None) -> list[DateMention]:
    """Month precision: "June 2018", "in June", "mid-February", "last June"."""
    out = []
    for m in _MONTH_YEAR.finditer(text):
        value = dt.date(int(m["year"]), _month_number(m["month"]), 1)
        out.append(DateMention(m.start(), m.end(), value, "month"))
    for m in _MONTH_ALONE.finditer(text):
        month = _month_number(m["month"])
        year = _year_for_month(month, published, strictly_past=bool(m["last"]))
        value = dt.date(year, month, 1) if year else None
        out.append(DateMention(m.start(), m.end(), value, "month"))
    return out


def _year_level(text: str, published: dt.date | None) -> list[DateMention]:
    """A bare year after "in", "since" etc.: "in 2015"."""
    return [
        DateMention(m.start(), m.end(), dt.date(int(m["year"]), 1, 1), "year")
        for m in _YEAR_ALONE.finditer(text)
    ]


def _relative(text: str, published: dt.date | None) -> list[DateMention]:
    """today/yesterday/tomorrow, and last/this/next week, month, year."""
    out = []
    for m in _RELATIVE_DAY.finditer(text):
        offset = {"yesterday": -1, "tomorrow": 1}.get(m["word"].lower(), 0)
        value = _shifted(published, offset) if published else None
        out.append(DateMention(m.start(), m.end(), value, "day"))
    for m in _RELATIVE_PERIOD.finditer(text):
        out.append(_period(m, published))
    return out


def _period(m: re.Match[str], published: dt.date | None) -> DateMention:
    """ "last month" -> the 1st of the previous month; weeks have no value (no day is named)."""
    unit, which = m["unit"].lower(), m["which"].lower()
    step = {"last": -1, "next": 1}.get(which, 0)
    value: dt.date | None = None
    if published and unit == "month":
        index = published.year * 12 + published.month - 1 + step
        value = _safe_date(index // 12, index % 12 + 1, 1)
    elif published and unit == "year":
        value = _safe_date(published.year + step, 1, 1)
    precision = "day" if unit == "week" else unit
    return DateMention(m.start(), m.end(), value, precision)


def _weekdays(text: str, published: dt.date | None) -> list[DateMention]:
    """A weekday is the last such day on or before publication in past-tense context, the next
    one after it in future context, and unresolved when the tense cannot be read."""
    out = []
    for m in _WEEKDAY_MENTION.finditer(text):
        tense = _tense(text, m)
        value = None
        if published and tense:
            wanted = _WEEKDAYS.index(m["weekday"].lower())
            if tense == "past":
                value = _shifted(published, -((published.weekday() - wanted) % 7))
            else:
                value = _shifted(published, (wanted - published.weekday() - 1) % 7 + 1)
        out.append(DateMention(m.start(), m.end(), value, "day"))
    return out


def _tense(text: str, m: re.Match[str]) -> str | None:
    """ "past", "future" or None, from "last"/"next", then the few words before the weekday,
    then the few words after it, then the whole sentence when it leans one way only."""
    which = (m["which"] or "").strip().lower()
    if which in ("last", "next"):
        return "past" if which == "last" else "future"
    start, end = sentence_bounds(text, m.start(), m.end())
    before = " ".join(text[start : m.start()].split()[-4:])
    after = " ".join(text[m.end() : end].split()[:4])
    for window in (before, after):
        if _FUTURE_CUE.search(window):
            return "future"
        if _PAST_CUE.search(window):
            return "past"
    # the sentence's own words: a quotation's tense ("we are not going to ...," she said on
    # Wednesday) is the speaker's, not the day's
    sentence = _QUOTED.sub(" ", text[start:end])
    future, past = bool(_FUTURE_CUE.search(sentence)), bool(_PAST_CUE.search(sentence))
    return "future" if future and not past else "past" if past and not future else None


_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]")
_FINDERS = (_absolute, _month_level, _year_level, _relative, _weekdays)


def _month_number(word: str) -> int:
    return int(word) if word.isdigit() else _MONTHS[word.rstrip(".").lower()]


def _full_year(year: str) -> int:
    """Two-digit years in news are this century's."""
    return int(year) if len(year) == 4 else 2000 + int(year)


def _year_for_month(
    month: int, published: dt.date | None, *, strictly_past: bool = False
) -> int | None:
    """The publication year, or the one before when the month is later than publication's
    (or, for "last June", not earlier than it)."""
    if published is None:
        return None
    later = month >= published.month if strictly_past else month > published.month
    return published.year - 1 if later else published.year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # no such day, or a year before 1 or after 9999
        return None


def _shifted(published: dt.date, days: int) -> dt.date | None:
    """``published`` moved by ``days``; None past the calendar's ends (years 1 and 9999)."""
    try:
        return published + dt.timedelta(days=days)
    except OverflowError:
        return None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; line breaks always end one, and a period after an
    abbreviation ("Sept.", "U.S.", an initial) does not."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().strip() and _after_abbreviation(text, m.start()):
            continue
        end = m.start() if not m.group().strip() else m.end()
        spans.append(_trimmed(text, start, end))
        start = m.end()
    spans.append(_trimmed(text, start, len(text)))
    return [(s, e) for s, e in spans if e > s]


_WORD_BEFORE_DOT = re.compile(r"[\w.]*$")


def _after_abbreviation(text: str, dot: int) -> bool:
    # Only the word before the dot matters: look at a short window, not the whole text.
    word = _WORD_BEFORE_DOT.search(text, max(0, dot - 40), dot).group()
    return "." in word or len(word) == 1 or word.lower() in _ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The smallest run of whole sentences that contains ``text[start:end]``."""
    spans, starts, ends = _cached_spans(text)
    i = bisect.bisect_right(ends, start)  # the first sentence ending after ``start``
    first = spans[i][0] if i < len(spans) else start
    j = bisect.bisect_left(starts, end) - 1  # the last sentence starting before ``end``
    last = spans[j][1] if j >= 0 else end
    return min(first, start), max(last, end)


def article_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """``sentence_spans(text)``, computed once per text: every step of the pipeline asks for
    the same article's sentences, and asking again must not cost a pass over the article."""
    return _cached_spans(text)[0]


def sentence_index(text: str, position: int) -> int:
    """The index in ``article_sentences(text)`` of the last sentence starting at or before
    ``position`` (0 when none does)."""
    return max(0, bisect.bisect_right(_cached_spans(text)[1], position) - 1)


@lru_cache(maxsize=16)
def _cached_spans(
    text: str,
) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]:
    # Strings are immutable, and one article's text is the same object through the pipeline.
    spans = tuple(sentence_spans(text))
    return spans, tuple(s for s, _ in spans), tuple(e for _, e in spans)


_ATTRIBUTION = re.compile(
    r"\s*[^.!?\n]{0,80}?\b(?:said|says|told|wrote|tweeted|added|stated|announced)\b[^.!?\n]{0,60}"
    r"[.!?]"
)


def mention_for_span(
    text: str, start: int, end: int, published: dt.date | None
) -> DateMention | None:
    """The date expression the words ``text[start:end]`` refer to: the resolved one nearest to
    them in the same sentence, or in the attribution clause right after a closing quote
    ("... this.” Smith said Tuesday."). None when there is none."""
    lo, hi = sentence_bounds(text, start, end)
    if text[lo:hi].rstrip().endswith(("”", '"')):
        attribution = _ATTRIBUTION.match(text, hi)
        hi = attribution.end() if attribution else hi
    candidates = [m for m in dates_between(text, lo, hi, published) if m.value is not None]
    if not candidates:
        return None

    def distance(m: DateMention) -> int:
        return max(lo + m.start - end, start - (lo + m.end), 0)

    return min(candidates, key=distance)


# A sentence that introduces the quotation after it: "Smith said Thursday:".
_INTRODUCES = re.compile(r"[:,—–-]\s*$")


def said_mention(
    text: str, start: int, end: int, published: dt.date | None, quotes
) -> DateMention | None:
    """The date on which the quotation ``text[start:end]`` was said, from the words around it
    that attribute it: its sentence and the attribution right after its closing mark
    ("... this.” Smith said Tuesday."), or the sentence that introduces it ("Smith said
    Tuesday: ..."). Dates inside quotations (``quotes``, a ``SpanIndex`` of quoted spans) are
    somebody's words, not the day they were said; a day after publication is not one either."""
    lo, hi = sentence_bounds(text, start, end)
    if text[lo:hi].rstrip().endswith(("”", '"')):
        attribution = _ATTRIBUTION.match(text, hi)
        hi = attribution.end() if attribution else hi
    if lo and not text[lo:start].strip(" \t“\"‘'"):
        before_lo, _ = sentence_bounds(text, lo - 1, lo - 1)
        if _INTRODUCES.search(text, before_lo, lo) and "\n" not in text[before_lo:lo].strip():
            lo = before_lo
    candidates = [
        m
        for m in dates_between(text, lo, hi, published)
        if m.value is not None
        and not quotes.containing(lo + m.start)
        and (published is None or m.value <= published)
    ]
    if not candidates:
        return None

    def distance(m: DateMention) -> int:
        return max(lo + m.start - end, start - (lo + m.end), 0)

    return min(candidates, key=distance)


def date_for_span(text: str, start: int, end: int, published: dt.date | None) -> dt.date | None:
    """The value of ``mention_for_span``: the date the words refer to, or None."""
    mention = mention_for_span(text, start, end, published)
    return mention.value if mention else None


def period(mention: DateMention | None) -> tuple[dt.date | None, dt.date | None, str]:
    """(first day, last day, precision) of the period a date expression names: "June 2018" is
    all of June, so a fact dated by it is never pinned to an invented day."""
    if mention is None or mention.value is None:
        return None, None, "day"
    value = mention.value
    if mention.precision == "year":
        return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31), "year"
    if mention.precision == "month":
        last = calendar.monthrange(value.year, value.month)[1]
        return value.replace(day=1), value.replace(day=last), "month"
    return value, value, "day"
