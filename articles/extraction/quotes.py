"""Verbatim quotations and who said them.

News prose attributes a quotation in a handful of fixed shapes: after it (``"...," Doe said.``,
``"...," said Doe.``), before it (``Doe said: "..."``, ``He said, "..."``), around a partial quote
inside reported speech (``Doe said he was "deeply disturbed"``), or not at all when a quote
continues the previous speaker's words. ``find_statements`` recognises those shapes and leans on
``find_speakers``, which has already resolved every name, surname, pronoun and role noun in the
text to a speaker (``Speaker.mentions``), so attribution here is a lookup of spans.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import NamedTuple

from articles.extraction.quote_stance import classify_stance
from articles.extraction.spans import SpanIndex
from articles.extraction.types import Place, PlaceMention, Speaker, StatementCandidate

_PARAGRAPH = re.compile(r"[^\n]+")
_PARAGRAPH_BREAK = re.compile(r"\n+")
_LAST_WORD = re.compile(r"([\w.]+)\.[”\"’']?$")
_PUNCTUATION = re.compile(r"[.,;!?“”\"]")
_BYLINE_AFTER = re.compile(r"\s*,?\s*by\s+[A-Z]")  # "Why cities say no" by Jane Doe
OPEN_MARKS = '“"'
CLOSE_FOR = {"“": "”", '"': '"'}

# Verbs that attribute a quotation to its speaker.
ATTRIBUTION_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|tweeted|tweets|wrote|writes|explained|"
    "explains|warned|warns|noted|notes|asked|asks|argued|argues|continued|continues|announced|"
    "declared|insisted|replied|responded|acknowledged|emphasized|stressed|confirmed|posted|"
    "remarked|recalled|testified|vowed|urged|conceded|contended|maintained|claimed|countered"
)
# Verbs of reported speech that may carry a partial quote later in their clause.
REPORTING_VERBS = (
    ATTRIBUTION_VERBS + "|called|calls|calling|described|describes|describing|suggested|"
    "suggests|adding|saying|telling|writing|warning|denounced|promised|pledged|vowing|urging|"
    "criticized|condemned|labeled|labelled|dubbed"
)
# Immediately before a short quote these make it a name or a term, not somebody's words.
TERM_INTRO = re.compile(
    r"\b(?:so-called|called|known as|dubbed|named|termed|operation|with|of|about|the|a|an|on|"
    r"against|for|from|into|to|its|their|our)\s*$",
    re.IGNORECASE,
)
# Between a speaker and the verb: a party tag "(D-Ill.)" and an aside ", who led the vote,".
# "Ruiz's office said", "the governor's spokeswoman told": a person speaking through staff.
OFFICE = (
    r"(?:['’]s (?:office|spokes(?:man|woman|person)|campaign|aides?|staff|press secretary"
    r"|lawyers?|attorneys?|representatives?))?"
)
ASIDE = rf"{OFFICE}(?:\s*\([^()\n]{{1,30}}\))?(?:,[^,.;“”\"\n]{{1,80}},)?,?"
_ABBREVIATION_WORDS = (
    "mr mrs ms dr gov sen rep lt st jr sr gen col sgt capt u.s d.c u.s.a vs inc co "
    "corp jan feb aug sept oct nov dec ald supt det cmdr atty rev hon pres dept ill calif "
    "fla tex ariz mass colo conn wash ore mich minn wis ga la va pa nev okla tenn ky md n.y "
    "n.j n.c s.c "
)
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())


class QuoteRegion(NamedTuple):
    """A quotation: ``text[start:end]`` is inside the marks; ``open``/``close`` bound the marks
    (``close == end`` when the quote runs unclosed to the end of its paragraph)."""

    open: int
    start: int
    end: int
    close: int


def quote_regions(text: str) -> list[QuoteRegion]:
    """Pair double quotation marks paragraph by paragraph.

    A curly opening mark is closed by a curly closing mark, a straight mark by the next straight
    one. Pages mix them (a quote opened straight and closed curly, or the reverse): a mark of
    the other kind closes a quote too when it stands where a closing mark does (after a word or
    punctuation, before a space or the end of the line) and no mark of the quote's own kind
    closes it first, or it is a mark of the other kind that opens a quote inside this one. A
    quote still open at the end of its paragraph runs to that end: news style leaves a quote
    spanning paragraphs unclosed and reopens it on the next one.
    """
    regions: list[QuoteRegion] = []
    for para in _PARAGRAPH.finditer(text):
        if not any(mark in para.group() for mark in OPEN_MARKS + "”"):
            regions.extend(_single_quoted(para))
            continue
        opener, open_at, inner = "", -1, ""
        for i in range(para.start(), para.end()):
            ch = text[i]
            if ch not in '“”"':
                continue
            if not opener:
                if ch in OPEN_MARKS:
                    opener, open_at = ch, i
                continue
            if ch == CLOSE_FOR[opener] and not inner:
                regions.append(QuoteRegion(open_at, open_at + 1, i, i + 1))
                opener = ""
            elif inner:  # a quote of the other kind inside this one: its closing mark
                inner = "" if _closes(text, i) else inner
            elif _opens(text, i):
                inner = ch  # "He said “no” to me," she said: a quote inside the quote
            elif _closes(text, i):
                regions.append(QuoteRegion(open_at, open_at + 1, i, i + 1))
                opener = ""
        if opener:
            end = para.end()
            regions.append(QuoteRegion(open_at, open_at + 1, end, end))
    return regions


def _opens(text: str, i: int) -> bool:
    """A mark that stands where an opening one does: after a space or a dash, before a word."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-/") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    """A mark that stands where a closing one does: after a word or punctuation, before a
    space, punctuation or the end of the line."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)—–-")


def _single_quoted(para: re.Match[str]) -> list[QuoteRegion]:
    """In a paragraph without double marks, single marks may quote whole sentences (some
    outlets' house style, and social-media posts): 'We will appeal,' he wrote. The opening mark
    must start a sentence or follow a colon, and the closing one follow ``, . ! ?`` so that
    apostrophes ("Florida's", "'90s") never pair up."""
    return [
        QuoteRegion(
            para.start() + m.start(),
            para.start() + m.start(1),
            para.start() + m.end(1),
            para.start() + m.end(),
        )
        for m in _SINGLE_QUOTED.finditer(para.group())
    ]


_SINGLE_QUOTED = re.compile(r"(?:^|(?<=[.!?:] ))['‘](?=[A-Z])([^\n]+?[,.!?])['’](?=\s|$)")


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin: after ``.!?`` (and any closing quote) before a capital or an
    opening quote, unless the period ends an abbreviation or an initial; and at every paragraph."""
    starts = [0]
    for m in _SENTENCE_BREAK.finditer(text):
        word = _LAST_WORD.search(text[max(0, m.start() - 12) : m.start() + 1])
        if text[m.start()] == "." and word and _is_abbreviation(word.group(1)):
            continue
        starts.append(m.end())
    starts.extend(m.end() for m in _PARAGRAPH_BREAK.finditer(text))
    return sorted(set(starts))


_SENTENCE_BREAK = re.compile(r"[.!?][”\"’']?[ \t]+(?=[“\"A-Z\[])")


def _is_abbreviation(word: str) -> bool:
    last = word.rsplit(".", 1)[-1] if word.count(".") and len(word) > 3 else word
    return len(word) == 1 and word.isupper() or word.lower() in ABBREVIATIONS or len(last) == 1


def sentence_bounds(starts: list[int], text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding ``pos``."""
    i = bisect.bisect_right(starts, pos) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    return starts[i], end


def statement_span(text: str, region: QuoteRegion) -> tuple[int, int]:
    """The quoted words without surrounding space; a trailing comma (news puts the attribution's
    comma inside the marks) is dropped, ``. ! ?`` are kept."""
    start, end = region.start, region.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


@cache
def _verb_after(verbs: str) -> re.Pattern[str]:
    filler = r"also|later|then|did|has|had|officials?|spokes(?:man|woman|person)|representatives?"
    return re.compile(rf"{ASIDE}\s+(?:(?:{filler})\s+)?(?:{verbs})\b")


# A subject's verb of reported speech, up to four words on ("Doe on Friday said"), but not
# across a conjunction: in "Doe denounced Roe and called it ..." Roe is not the speaker.
_REPORTING_AFTER = re.compile(
    rf"{ASIDE}(?:\s+(?!(?:and|or|but|that|who|which)\b)[\w’'.-]+){{0,4}}?"
    rf"\s+(?:{REPORTING_VERBS})\b"
)
# What follows the speaker in a sentence that only introduces a quote: "said in a statement:".
_ATTRIBUTION_TAIL = re.compile(
    rf"{ASIDE}\s+(?:(?:also|then)\s+)?(?:{ATTRIBUTION_VERBS})\b[^.!?“”\"\n]{{0,60}}[.:,]\s*"
)
_ROLE_LEAD = re.compile(r"^(?:(?:our|his|her|its|their|the|an?)\s+)?[\w’' -]{2,60},\s+$")
_ENDS_SOON = re.compile(r"(?:(?!\bthat\b)[^.!?“”\"\n]){0,40}[.!?]")
_TITLE_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.")
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to (?:[A-Z][\w.’']*\s+)*$")
_LEAD = re.compile(r"[ \t,—–-]*(?:(?:an?|the)\s+)?")
_VERB_FIRST = re.compile(rf"^[\s,—–-]*(?:{ATTRIBUTION_VERBS}|according to)\s+")


class _Mentions:
    """Every mention span of every speaker, sorted, for lookups by position."""

    def __init__(self, speakers: list[Speaker]) -> None:
        pairs = sorted((s, e, sp) for sp in speakers for s, e in sp.mentions)
        self.starts = [p[0] for p in pairs]
        self.pairs = pairs

    def at(self, pos: int) -> tuple[int, int, Speaker] | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.pairs[i] if i < len(self.pairs) and self.starts[i] == pos else None

    def between(self, start: int, end: int) -> list[tuple[int, int, Speaker]]:
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self.pairs[lo:hi]


def _attribution_after(text: str, region: QuoteRegion, mentions: _Mentions) -> Speaker | None:
    """``"...," Doe said`` / ``"..." she said`` / ``"...," said Chicago Mayor Doe``."""
    pos = _LEAD.match(text, region.close).end()
    return _subject_after(text, region, pos, mentions) or _object_after(text, region, mentions)


def _subject_after(text: str, region: QuoteRegion, pos: int, mentions: _Mentions) -> Speaker | None:
    """The speaker named right after the quote, before its verb; only title and place words
    may come first ("ICE Director Ana Ruiz said")."""
    # From the closing mark: a role-noun mention ("the mayor said") starts at its article.
    for start, end, speaker in mentions.between(region.close, pos + 90):
        lead = text[pos:start]
        # '"...," our founding partner, Ana Ruiz, explained': a role between commas first.
        lead = _ROLE_LEAD.sub("", lead)
        if "\n" in lead or _PUNCTUATION.search(_TITLE_ABBREVIATION.sub("", lead)):
            return None
        verb = _verb_after(ATTRIBUTION_VERBS).match(text, end)
        # After a quote closed by a period, "Doe said ..." may open a new sentence of reported
        # speech; it attributes the quote only if the sentence ends soon after the verb.
        if verb and (
            text[region.end - 1 : region.end] != "." or _ENDS_SOON.match(text, verb.end())
        ):
            return speaker
    return None


def _object_after(text: str, region: QuoteRegion, mentions: _Mentions) -> Speaker | None:
    """``"...," said Chicago Mayor Doe``: the verb first, then the speaker."""
    verb = _VERB_FIRST.match(text[region.close : region.close + 40])
    if not verb:
        return None
    window_end = region.close + verb.end() + 60  # "according to a statement from the office of"
    for start, _, speaker in mentions.between(region.close + verb.end(), window_end):
        # Only title and place words may stand between the verb and the name.
        between = _TITLE_ABBREVIATION.sub("", text[region.close + verb.end() : start])
        if not _PUNCTUATION.search(between):
            return speaker
    return None


def _attribution_before(
    text: str, region: QuoteRegion, starts: list[int], mentions: _Mentions
) -> Speaker | None:
    """``Doe said: "..."`` / ``He said, "..."`` / ``Doe said in a statement. "..."``: the speaker
    introduced just before the opening mark by a short clause that ends in an attribution verb."""
    sent_start, _ = sentence_bounds(starts, text, region.open)
    if not text[sent_start : region.open].strip():
        # The quote opens its sentence: look at the sentence (or paragraph) before it.
        if sent_start == 0:
            return None
        sent_start, _ = sentence_bounds(starts, text, sent_start - 1)
    for _, end, speaker in reversed(mentions.between(sent_start, region.open)):
        if _ATTRIBUTION_TAIL.fullmatch(text, end, region.open):
            return speaker
    return None


def _reported_speech(
    text: str, region: QuoteRegion, starts: list[int], mentions: _Mentions
) -> Speaker | None:
    """``Doe said he was "deeply disturbed"`` / ``Doe called the sweeps "cruel."``: the latest
    speaker in the quote's sentence who is the subject of a verb of reported speech before it."""
    sent_start, _ = sentence_bounds(starts, text, region.open)
    for start, end, speaker in reversed(mentions.between(sent_start, region.open)):
        if _REPORTING_AFTER.match(text, end, region.open):
            return speaker
        if _ACCORDING_TO.search(text, sent_start, start):
            return speaker
    return None


# '"...," the statement said.' / '"...," according to the release.'
_DOCUMENT = (
    r"(?:statement|release|news release|press release|letter|post|email|e-mail|memo|tweet"
    r"|announcement|message|notice)"
)
_DOCUMENT_SAID = re.compile(
    rf"[\s,—–-]*(?:(?:the|that|a|its|his|her|their)\s+(?:written\s+|joint\s+|same\s+)?"
    rf"{_DOCUMENT}\s+(?:said|says|read|reads|added|adds|continued|stated|states|went on)\b"
    rf"|according\s+to\s+the\s+{_DOCUMENT}\b)"
)
_DOCUMENT_WORD = re.compile(rf"\b{_DOCUMENT}\b")
_DOCUMENT_REACH = 1200  # characters back to the sentence that says whose statement it is


def _document_owner(
    text: str, region: QuoteRegion, starts: list[int], mentions: _Mentions
) -> Speaker | None:
    """The speaker of '"...," the statement said': whoever the article last said issued a
    statement ("In a statement, ICE welcomed the order", "Ruiz said in a statement", "a
    statement from the governor's office"): the speaker named nearest to that word in its
    sentence."""
    if not _DOCUMENT_SAID.match(text, region.close):
        return None
    lo = max(0, region.open - _DOCUMENT_REACH)
    for word in reversed(list(_DOCUMENT_WORD.finditer(text, lo, region.open))):
        sent_start, sent_end = sentence_bounds(starts, text, word.start())
        near = mentions.between(sent_start, min(sent_end, region.open))
        if near:
            return min(near, key=lambda m: abs(m[0] - word.start()))[2]
    return None


def _is_term_or_title(text: str, region: QuoteRegion) -> bool:
    """Scare quotes (a short term right after "so-called", "called" ...) and cited titles
    (``"Why ..." by Jane Doe``) are not anybody's statement."""
    words = text[region.start : region.end].split()
    if _BYLINE_AFTER.match(text, region.close):
        return True
    before = text[max(0, region.open - 20) : region.open]
    return len(words) <= 3 and bool(TERM_INTRO.search(before))


def _place_for(
    text: str,
    region: QuoteRegion,
    speaker: Speaker,
    places: SpanIndex[PlaceMention],
    starts: list[int],
) -> Place | None:
    """The speaker's place, else the nearest place in the quote's sentences, else paragraph; a
    federal speaker's words (ICE's, a federal judge's) belong to no local place."""
    if speaker.place is not None or speaker.level == "federal":
        return speaker.place
    sent_start, _ = sentence_bounds(starts, text, region.open)
    _, sent_end = sentence_bounds(starts, text, max(region.close - 1, region.open))
    para_start = text.rfind("\n", 0, region.open) + 1
    para_end = text.find("\n", region.close)
    para_end = len(text) if para_end < 0 else para_end
    for lo, hi in ((sent_start, sent_end), (para_start, para_end)):
        inside = [p for p in places.starting_in(lo, hi) if p.end <= hi]
        if inside:
            return min(inside, key=lambda p: abs(p.start - region.open)).place
    return None


def _continues(
    text: str, previous: QuoteRegion, region: QuoteRegion, starts: list[int], mentions: _Mentions
) -> bool:
    """A quote opening its own sentence continues the previous quote when at most that quote's
    attribution (one short sentence naming no other speaker) stands between them."""
    sent_start, _ = sentence_bounds(starts, text, region.open)
    if text[sent_start : region.open].strip() or region.open - previous.close > 160:
        return False
    speakers = {id(sp) for _, _, sp in mentions.between(previous.close, region.open)}
    lo, hi = bisect.bisect_right(starts, previous.close), bisect.bisect_left(starts, region.open)
    return lo >= hi and len(speakers) <= 1


def _attribute_all(
    text: str, regions: list[QuoteRegion], mentions: _Mentions, starts: list[int]
) -> list[Speaker | None]:
    """Each quotation's speaker; a quote with no attribution of its own continues the previous
    quote's speaker when only that quote's attribution stands between them, and a quote left
    open at its paragraph's end takes the speaker of the quote that continues it."""
    found: list[Speaker | None] = []
    for i, region in enumerate(regions):
        if _is_term_or_title(text, region):
            found.append(None)
            continue
        speaker = (
            _attribution_after(text, region, mentions)
            or _document_owner(text, region, starts, mentions)
            or _attribution_before(text, region, starts, mentions)
            or _reported_speech(text, region, starts, mentions)
        )
        if speaker is None and i and _continues(text, regions[i - 1], region, starts, mentions):
            speaker = found[-1]
        found.append(speaker)
    for i in range(len(regions) - 2, -1, -1):
        unclosed = regions[i].close == regions[i].end
        adjacent = not text[regions[i].close : regions[i + 1].open].strip()
        if found[i] is None and unclosed and adjacent and found[i + 1] is not None:
            found[i] = found[i + 1]
    return found


_SHORT_QUOTE_WORDS = 6


def _stance_context(text: str, start: int, end: int, starts: list[int]) -> str:
    """The words a quote's stance is judged on: the quote itself, or for a short partial quote
    ("called the raids “cruel.”") its whole sentence, whose reporting verb carries the sense."""
    if len(text[start:end].split()) >= _SHORT_QUOTE_WORDS:
        return text[start:end]
    lo, hi = sentence_bounds(starts, text, start)
    return text[lo:hi]


def find_statements(
    text: str, speakers: list[Speaker], places: list[PlaceMention]
) -> list[StatementCandidate]:
    """Every quotation in ``text`` attributed to one of ``speakers``; quotes whose speaker cannot
    be resolved (journalists, written sources, titles, scare quotes) are skipped, never
    guessed. ``said_on`` is left to the dating step.

    A quotation split by its attribution in mid-sentence ("We will not," the mayor said, "hold
    anyone without a warrant.") is two statements, each with its exact words; the second one's
    ``continues`` is the index of the first (see ``_splits``)."""
    regions = quote_regions(text)
    starts = sentence_starts(text)
    mentions = _Mentions(speakers)
    index = SpanIndex(places)
    statements: list[StatementCandidate] = []
    previous: QuoteRegion | None = None
    for region, speaker in zip(
        regions, _attribute_all(text, regions, mentions, starts), strict=True
    ):
        start, end = statement_span(text, region)
        if speaker is None or end <= start:
            previous = None
            continue
        place = _place_for(text, region, speaker, index, starts)
        stance = classify_stance(_stance_context(text, start, end, starts), speaker)
        same = previous is not None and statements and statements[-1].speaker_key == speaker.key
        continues = len(statements) - 1 if same and _splits(text, previous, region) else None
        statements.append(
            StatementCandidate(start, end, speaker.key, stance, place, continues=continues)
        )
        previous = region
    return statements


# Between the halves of a split quotation: its attribution, ending with a comma or a colon.
_SPLIT_ATTRIBUTION = re.compile(r"\s*[^.!?“”\"\n]{1,80}[,:]\s*$")


def _splits(text: str, first: QuoteRegion, second: QuoteRegion) -> bool:
    """Is ``second`` the rest of the sentence ``first`` began: ``first`` ends with a comma
    (or no end mark) inside its marks, only an attribution ending with a comma stands between
    them, and ``second`` starts in lower case?"""
    first_words = text[first.start : first.end].rstrip()
    second_words = text[second.start : second.end].lstrip()
    return (
        bool(first_words)
        and first_words[-1] not in ".!?"
        and bool(second_words)
        and second_words[0].islower()
        and bool(_SPLIT_ATTRIBUTION.fullmatch(text, first.close, second.open))
    )
