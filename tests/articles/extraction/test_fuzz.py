"""Property tests of the ingestion: arbitrary text never breaks it, and what it stores is honest.

Two kinds of text are generated: arbitrary Unicode (control characters, NULs, RTL marks, long
lines) and news-like text assembled from a small grammar of fragments (gazetteer places, titled
speakers, quotations in every kind of mark, counts in digits and words, ICE vocabulary, hostile
markup). The properties:

- extraction never raises;
- every span is inside the body, and ``body[start:end]`` is what the fact stores: a statement's
  quote verbatim, an event's or policy's summary (its words, whitespace folded);
- every count is a positive whole number that the text writes in the fact's own words, as digits
  ("1,200", "1200") or in English ("three", "fifty-two", "two dozen"): checked by an
  independent reader below, not by the pipeline's.

The same properties through the real ``article_ingest`` and the database are in
``tests/articles/test_ingest_fuzz.py`` (this module runs without Django:
``pytest -p no:django tests/articles/extraction``). ``FUZZ_SCALE=20`` multiplies the number of
examples for a deep run; hypothesis keeps failing examples in ``.hypothesis/`` (not committed).
"""

from __future__ import annotations

import datetime as dt
import os
import re

from hypothesis import given, settings, target
from hypothesis import strategies as st

from articles.extraction.clean import clean
from articles.extraction.pipeline import extract
from articles.extraction.places.gazetteer import gazetteer
from articles.extraction.types import Extraction

# Moderate by default so the file runs in well under a minute.
SCALE = float(os.environ.get("FUZZ_SCALE", "1"))
PURE_EXAMPLES = int(250 * SCALE)
MAX_COUNT = 2_147_483_647  # the largest value EnforcementEvent.count holds on every database

# --- an independent check that a count is written in the text ------------------------------
#
# It works the other way round from the pipeline's number reader: from a count to the ways
# English writes it ("1,200", "1200", "12 hundred", "twelve hundred", "one thousand two
# hundred"), then looks for one of those among the *whole* numbers the text writes, so that
# "forty two" is never taken to write 40 or 2, nor "3 million" to write 3.

_SMALL = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALE_WORDS = ("hundred", "thousand", "million", "dozen")
_NUMBER_TOKENS = frozenset(_SMALL + _TENS + list(_SCALE_WORDS))


def _under_100(n: int) -> set[str]:
    if n < 20:
        return {_SMALL[n]}
    tens, unit = _TENS[n // 10 - 2], n % 10
    return {tens if unit == 0 else f"{tens} {_SMALL[unit]}"}


def _under_1000(n: int) -> set[str]:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _under_100(rest)
    heads = {f"{_SMALL[hundreds]} hundred"} | ({"a hundred"} if hundreds == 1 else set())
    tails = _under_100(rest) if rest else {""}
    return {f"{h} {t}".strip() for h in heads for t in tails}


def _scaled(n: int, name: str, rest: set[str]) -> set[str]:
    if not n:
        return rest
    heads = {f"{w} {name}" for w in _under_1000(n)} | ({f"a {name}"} if n == 1 else set())
    return {f"{h} {t}".strip() for h in heads for t in rest}


def spellings(n: int) -> set[str]:
    """The ways English writes the whole number ``n`` (lower case, words joined by single
    spaces, no "and"), in digits and in words."""
    forms = {str(n), f"{n:,}"}
    for scale, name in (
        (1_000_000, "million"),
        (1000, "thousand"),
        (100, "hundred"),
        (12, "dozen"),
    ):
        if n % scale == 0:
            forms |= {f"{n // scale} {name}", f"{n // scale:,} {name}"}
    if n < 1_000_000_000:
        millions, rest = divmod(n, 1_000_000)
        thousands, units = divmod(rest, 1000)
        below = _under_1000(units) if units else {""}
        words = _scaled(millions, "million", _scaled(thousands, "thousand", below))
        forms |= {w for w in words if w and w != "zero" or n == 0}
    if 1000 < n < 10_000 and n // 100 % 10:  # "twelve hundred", "twenty-five hundred"
        forms |= {f"{h} hundred {t}".strip() for h in _under_100(n // 100) for t in
                  (_under_100(n % 100) if n % 100 else {""})}  # fmt: skip
    if n % 12 == 0 and 1 <= n // 12 <= 9:
        forms |= {f"{_SMALL[n // 12]} dozen"} | ({"a dozen", "dozen"} if n == 12 else set())
    return forms


# Digits with the commas and points inside them are one token: "41,27" and "2.5" write no
# whole number, "1,200" writes 1200.
_TOKEN = re.compile(r"[0-9](?:[0-9]|[.,](?=[0-9]))*|[a-z]+|[^\sa-z0-9]")


def whole_numbers(text: str) -> set[str]:
    """Every maximal run of number tokens in ``text``, normalised like ``spellings``: digits
    start a run, words continue one (joined by spaces or hyphens, or by "and" after a scale
    word), "a" counts before a scale word, and a line break or any other mark ends a run."""
    runs: set[str] = set()
    for line in text.lower().split("\n"):
        tokens = _TOKEN.findall(re.sub(r"(?<=[a-z])-(?=[a-z])", " ", line))
        run: list[str] = []
        for i, token in enumerate(tokens):
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            joins = (
                token in _NUMBER_TOKENS
                or (token == "a" and following in _SCALE_WORDS)
                or (token == "and" and run and run[-1] in _SCALE_WORDS[:3] and
                    following in _NUMBER_TOKENS)
            )  # fmt: skip
            if token[0].isdigit() or not joins:
                runs.add(" ".join(t for t in run if t != "and"))
                run = [token] if token[0].isdigit() else []
            else:
                run.append(token)
        runs.add(" ".join(t for t in run if t != "and"))
    return runs - {""}


def writes_number(text: str, n: int) -> bool:
    """``text`` writes the whole number ``n``, in digits or in words."""
    return bool(spellings(n) & whole_numbers(text))


def test_the_independent_number_check():
    assert spellings(1200) >= {
        "1200", "1,200", "12 hundred", "twelve hundred", "one thousand two hundred",
        "a thousand two hundred",
    }  # fmt: skip
    assert spellings(24) >= {"24", "twenty four", "two dozen"}
    assert whole_numbers("Of 1,200 people, 41 in Austin; 41,27 and 2.5\nthousand") == {
        "1,200", "41", "41,27", "2.5", "thousand",
    }  # fmt: skip
    assert writes_number("agents arrested Two  Dozen workers", 24)
    assert writes_number("two hundred and five people", 205)
    assert writes_number("fifty-two people", 52)
    assert not writes_number("fifty-two people", 2) and not writes_number("fifty-two people", 50)
    assert not writes_number("forty two people", 40) and not writes_number("3 million people", 3)
    assert not writes_number("someone", 1) and not writes_number("2019", 19)
    assert not writes_number("2.5 million", 5) and not writes_number("41,27", 27)


# --- properties of an extraction -------------------------------------------------------------


def summary_is_span(summary: str, words: str) -> bool:
    """A summary is the span's words with whitespace folded, then maybe a note in brackets,
    then maybe cut short with an ellipsis."""
    folded = " ".join(words.split())
    if summary == folded or (summary.startswith(folded + " (") and summary.endswith(")")):
        return True
    if not summary.endswith("…"):
        return False
    cut = summary[:-1]
    if folded.startswith(cut):
        return True
    rest = cut.removeprefix(folded)
    return cut.startswith(folded) and (rest.startswith(" (") or " (".startswith(rest))


def span_ok(body: str, start: int, end: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)


# What a news text calls an operation with no name: "a four-day sweep", "the crackdown".
UNNAMED_OPERATION = re.compile(
    r"\b(?:operation|sweep|crackdown|surge|enforcement\s+action|roundup)s?\b", re.IGNORECASE
)


def operation_lines(body: str, name: str) -> list[str]:
    """Lines that name an operation (its count may come from any sentence naming it, and a
    sentence never crosses a line): a named one by its name, one with no name by any word
    news uses for one."""
    words = name.lower().removeprefix("operation ").split()
    return [
        line
        for line in body.split("\n")
        if (
            "operation" in line.lower()
            and re.search(r"\s+".join(map(re.escape, words)), line.lower())
            if words
            else UNNAMED_OPERATION.search(line)
        )
    ]


def check_extraction(body: str, found: Extraction) -> None:
    assert found.body == body
    for mention in found.places:
        assert span_ok(body, mention.start, mention.end), mention
    for speaker in found.speakers:
        for start, end in speaker.mentions:
            assert span_ok(body, start, end), speaker
    keys = {s.key for s in found.speakers}
    for statement in found.statements:
        assert span_ok(body, statement.start, statement.end), statement
        quote = body[statement.start : statement.end]
        assert quote.strip() == quote, statement
        assert statement.speaker_key in keys
    for fact in [*found.events, *found.policies]:
        assert span_ok(body, fact.start, fact.end), fact
        assert summary_is_span(fact.summary, body[fact.start : fact.end]), fact
    for event in found.events:
        if event.parent is not None:
            assert found.events[event.parent].kind == "operation"
        if event.count is None:
            continue
        assert isinstance(event.count, int) and 0 < event.count <= MAX_COUNT, event
        if event.kind == "operation":
            lines = operation_lines(body, event.name)
            assert any(writes_number(line, event.count) for line in lines), event
        else:
            assert writes_number(body[event.start : event.end], event.count), event


# --- text strategies -------------------------------------------------------------------------

# Arbitrary Unicode: every category but surrogates (a Python str holding one cannot be encoded
# to store), with control characters, NULs, RTL/LTR marks and smart quotes made likely.
_ODD = st.sampled_from(
    list("\x00\x01\x07\x0b\x0c\x1b\x7f\x85\u2028\u2029\u200b\u200e\u200f\u202e\u2066\ufeff")
    + list("“”‘’„«»\"'\t\r\n")
)
_ANY = st.characters(exclude_categories=("Cs",))
arbitrary_text = st.one_of(
    st.text(_ANY, max_size=400),
    st.text(st.one_of(_ANY, _ODD), max_size=400),
    # one very long line
    st.builds(
        lambda unit, n: unit * n, st.text(_ANY, min_size=1, max_size=12), st.integers(200, 2000)
    ),
)


def _place_names() -> list[str]:
    places = gazetteer().places
    cities = sorted(
        (p for p in places if p.kind == "city" and (p.population or 0) >= 200_000),
        key=lambda p: p.name,
    )
    states = sorted(p.name for p in places if p.kind == "state")
    counties = sorted(p.name for p in places if p.kind == "county" and p.name.endswith("County"))
    return [p.name for p in cities] + states + counties[::40] + ["Washington, D.C.", "Ore."]


PLACE_NAMES = _place_names()
TITLES = ["Mayor", "Sheriff", "Governor", "Gov.", "Police Chief", "Sen.", "ICE Director", "Judge"]
FIRST = ["Ana", "John", "María", "Li", "O'Neil", "Jean-Luc", "Ruth", "DeShawn"]
LAST = ["Ruiz", "Smith", "Nguyen", "McDonald", "O'Brien", "García", "Lee", "Van Buren"]
QUOTE_PAIRS = [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")]
OPEN_QUOTES = ["“", '"', "‘", "'", "«", "„", "”", ""]
CLOSE_QUOTES = ["”", '"', "’", "'", "»", "“", ""]
VERBS = ["said", "says", "told reporters", "added", "wrote", "said in a statement:", "warned"]
NUMBER_WORDS = [
    "one", "three", "five", "twelve", "twenty", "fifty-two", "ninety-nine", "a dozen",
    "two dozen", "three dozen", "a hundred", "zero", "Seven", "TWENTY-ONE", "forty two",
    "two hundred", "one hundred and five", "twelve hundred", "three thousand", "a million",
    "five dozen", "forty fifty", "two three", "thousand million", "hundreds", "dozens",
    "twenty-five hundred", "seven hundred fifty thousand", "a thousand and one", "one-third",
]  # fmt: skip
APPROX = ["", "almost ", "about ", "more than ", "at least ", "up to ", "nearly "]
NOUNS = ["people", "immigrants", "workers", "undocumented immigrants", "men", "detainees"]
ICE_WORDS = [
    "ICE", "detainer", "detainers", "arrested", "arrests", "raid", "raided", "sanctuary",
    "Operation Cross Check", "operation called “Safe City”", "287(g)", "were held",
    "remain in custody", "will conduct raids", "next week", "the jail", "agents", "in", "at",
    "the county will no longer honor ICE detainers", "the city council voted",
    "executive order", "ordinance", "deport", "apprehended", "sweep",
]  # fmt: skip
HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
    "onerror=", "'; DROP TABLE articles; --", "{{ 7*7 }}", "%s%s%s", "\\u0000", "${jndi:x}",
    "\u202eevil\u202c", "&lt;b&gt;", "</script>", "<!--", "]]>",
]  # fmt: skip
DATES = ["June 5", "Sept. 24, 2017", "last week", "on Monday", "in 2019", "mid-February", ""]
PUNCT = [". ", ", ", "; ", ": ", " — ", "\n", "\n\n", " (", ") ", "? ", "! ", " "]


@st.composite
def numbers(draw) -> str:
    kind = draw(st.sampled_from(["small", "big", "grouped", "word", "odd"]))
    if kind == "small":
        return str(draw(st.integers(0, 999)))
    if kind == "big":
        return str(draw(st.integers(1000, 10**12)))
    if kind == "grouped":
        return f"{draw(st.integers(1000, 10**10)):,}"
    if kind == "word":
        return draw(st.sampled_from(NUMBER_WORDS))
    # years, leading zeros, decimals, percentages, money, ranges, a digit run too long for int()
    return draw(
        st.sampled_from(
            ["2019", "007", "0", "00", "3.5", "40%", "$1,200", "12-15", "1,20", "9" * 5000]
            + ["٣", "１２", "1٣", "²", "four-thousand", "0,000", "2147483648", "10,000,001"]
            + ["3 million", "40 thousand", "12 hundred", "2.5 million", "1 2", "5 dozen"]
        )
    )


@st.composite
def sentences(draw) -> str:
    place = draw(st.sampled_from(PLACE_NAMES))
    number = draw(numbers())
    noun = draw(st.sampled_from(NOUNS))
    approx = draw(st.sampled_from(APPROX))
    speaker = " ".join(
        [
            draw(st.sampled_from([place, "", "the"])),
            draw(st.sampled_from(TITLES)),
            draw(st.sampled_from(FIRST)),
            draw(st.sampled_from(LAST)),
        ]
    ).strip()
    # Mostly a matching pair of quotation marks, sometimes any two marks (or none).
    o, c = draw(
        st.one_of(
            st.sampled_from(QUOTE_PAIRS),
            st.tuples(st.sampled_from(OPEN_QUOTES), st.sampled_from(CLOSE_QUOTES)),
        )
    )
    words = draw(st.lists(st.sampled_from(ICE_WORDS + HOSTILE + [place, number]), max_size=8))
    clause = " ".join(words) or "We will not cooperate"
    date = draw(st.sampled_from(DATES))
    templates = [
        f"{o}{clause},{c} {speaker} {draw(st.sampled_from(VERBS))}.",
        f"{speaker} {draw(st.sampled_from(VERBS))} {o}{clause}.{c}",
        f"ICE agents arrested {approx}{number} {noun} in {place} {date}.",
        f"{approx}{number} {noun} were arrested in {place}.",
        f"Arrests by city: {place}, {number}; {draw(st.sampled_from(PLACE_NAMES))} ({number}).",
        f"Operation {draw(st.sampled_from(LAST))} netted {number} arrests in {place}.",
        f"{number} of the {noun} remain held at the jail in {place}.",
        f"ICE held an average of {number} {noun} a day in {place}.",
        f"A {date} raid in {place} {clause}.",
        f"ICE will conduct raids next week in {place}, targeting up to {number} families.",
        f"The {place} City Council voted {date} to stop honoring ICE detainers.",
        f"{place} will no longer hold people for ICE without a judicial warrant.",
        clause,
    ]
    return draw(st.sampled_from(templates))


@st.composite
def news_text(draw) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                sentences(),
                st.sampled_from(PUNCT),
                st.sampled_from(HOSTILE),
                st.text(_ANY, max_size=8),
            ),
            min_size=1,
            max_size=14,
        )
    )
    return draw(st.sampled_from(["", " ", "\n"])).join(parts)


# Mostly plausible publication dates, sometimes the calendar's ends.
PUBLISHED = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.dates())

# --- pure pipeline properties ----------------------------------------------------------------

pure = settings(max_examples=PURE_EXAMPLES, deadline=None)


@pure
@given(raw=st.one_of(arbitrary_text, news_text()), published=PUBLISHED)
def test_clean_then_extract_never_fails_and_every_fact_holds(raw, published):
    body = clean(raw)
    check_extraction(body, extract(body, published=published))


@pure
@given(body=news_text(), published=PUBLISHED)
def test_news_like_text_extraction_holds(body, published):
    """Straight into extract, without cleaning (the pipeline takes any text); the search leans
    towards texts that yield many facts."""
    found = extract(body, published=published)
    check_extraction(body, found)
    target(float(len(found.statements) + len(found.events) + len(found.policies)))


def test_the_grammar_produces_every_kind_of_fact():
    """The properties above are not vacuous: the grammar's text yields statements, events with
    counts, operations and policies (a fixed seed keeps this deterministic)."""
    seen: dict[str, int] = {}

    @settings(max_examples=150, deadline=None, database=None, derandomize=True)
    @given(body=news_text())
    def collect(body):
        found = extract(body, published=dt.date(2019, 6, 21))
        for kind, present in {
            "places": found.places,
            "statements": found.statements,
            "counted events": [e for e in found.events if e.count],
            "operations": [e for e in found.events if e.kind == "operation"],
            "policies": found.policies,
        }.items():
            seen[kind] = seen.get(kind, 0) + bool(present)

    collect()
    wanted = {"places": 30, "statements": 5, "counted events": 10, "operations": 5, "policies": 5}
    assert all(seen.get(kind, 0) >= least for kind, least in wanted.items()), seen
