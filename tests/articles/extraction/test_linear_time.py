"""Extraction time grows linearly with the article's length (issue 19, item 4).

A body of 50, 200 and 800 KB is assembled from the sample articles, each copy followed by a
paragraph naming people nobody named before (so that the number of speakers, quotations and
places to resolve grows with the text, as in a real long article, not only its length). The
test compares ratios of measured times, not seconds: quadrupling the text may at most multiply
the time by a generous constant over four, where a quadratic step would multiply it by sixteen.
"""

from __future__ import annotations

import datetime as dt
import string
import time
from pathlib import Path

from articles.extraction.clean import clean
from articles.extraction.pipeline import extract

CORPUS = Path(__file__).resolve().parents[3] / "articles" / "corpus"
SIZES_KB = (50, 200, 800)
# Linear growth gives 4 per quadrupling; quadratic gives 16. Noise on a shared machine and
# allocation effects stay well under this bound.
MAX_RATIO_PER_QUADRUPLING = 8.0


def _letters(n: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "ba": a distinct lower-case suffix for every number."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = string.ascii_lowercase[r] + out
        if not n:
            return out


def _paragraph(n: int) -> str:
    """News-like sentences about people never named before in the text."""
    s = _letters(n)
    return (
        f"Sheriff Dana Holt{s} of Dane County said Monday the jail will no longer hold people "
        f"on ICE detainers without a judicial warrant. “We will not rent our cells,” Holt{s} "
        f"said. Council member Luis Ferr{s}, who opposed the change, said she was "
        f"“disappointed.” The mayor, Ana Qui{s}, told reporters that 12 people were arrested "
        f"in Madison on Tuesday. “Our police do not enforce immigration law,” she said.\n"
    )


def _body(size_kb: int) -> str:
    articles = [clean(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    parts, length, n = [], 0, 0
    while length < size_kb * 1024:
        for article in articles:
            block = article + "\n" + _paragraph(n)
            parts.append(block)
            length += len(block) + 1
            n += 1
    return "\n".join(parts)[: size_kb * 1024]


def _seconds(body: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        extract(body, published=dt.date(2019, 6, 21))
        best = min(best, time.perf_counter() - began)
    return best


def test_extraction_time_grows_linearly_with_length() -> None:
    bodies = {kb: _body(kb) for kb in SIZES_KB}
    extract(bodies[SIZES_KB[0]][:5000])  # build the gazetteer and compile patterns first
    seconds = {kb: _seconds(body, repeats=2 if kb < 800 else 1) for kb, body in bodies.items()}
    for small, large in zip(SIZES_KB, SIZES_KB[1:], strict=False):
        ratio = seconds[large] / seconds[small]
        assert ratio <= MAX_RATIO_PER_QUADRUPLING, (
            f"{small} KB: {seconds[small]:.2f} s, {large} KB: {seconds[large]:.2f} s, "
            f"ratio {ratio:.1f} for a text {large // small} times as long"
        )
