"""Recall and precision of the extraction pipeline against the hand-written gold set.

Run ``python -m tests.articles.extraction.score`` (from the repository root) for a markdown
table per set: the tuning set (``gold/*.json``) and the held-out set (``gold/holdout/*.json``).
``--misses`` also lists, for the tuning set only, what each article missed or got wrong.

The gold format is documented in ``gold/README.md``. Nothing here imports Django: the
pipeline is pure, so this runs anywhere the package imports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from articles.extraction.clean import clean
from articles.extraction.pipeline import extract
from articles.extraction.types import Extraction

ROOT = Path(__file__).resolve().parents[3]
GOLD = Path(__file__).with_name("gold")
HOLDOUT = GOLD / "holdout"

STYLES = ("wire", "local_tv", "city_paper", "press_release", "advocacy_blog", "law_firm")
STANCES = ("against_cooperation", "for_cooperation", "neutral")
EVENT_KINDS = ("operation", "raid", "planned_raid", "arrests", "detention")
POLICY_KINDS = (
    "executive_order",
    "ordinance",
    "resolution",
    "state_law",
    "law_enforcement_policy",
    "jail_contract",
    "agreement_287g",
    "other",
)
STATUSES = ("proposed", "enacted", "in_force", "blocked", "lapsed", "repealed")
# Statuses under which an article reports a policy as decided: these count for recall.
DECIDED = ("enacted", "in_force", "blocked", "lapsed", "repealed")
# An enacted policy is in force from its effective date: one class when matching.
_STATUS_CLASS = {"enacted": "in_force"}
INDICATORS = (
    "detainers",
    "jail_access",
    "information_sharing",
    "local_resources",
    "agreement_287g",
)
DIRECTIONS = ("limits", "cooperates")
AFFILIATIONS = ("federal", "ice", "none")  # or a place slug

# Quote marks of every shape, mapped one character to one character so offsets are kept.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
                         "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'"})  # fmt: skip


def norm_quotes(text: str) -> str:
    """Every double quote mark as ``"``, every single one as ``'`` (same length)."""
    return text.translate(_QUOTES)


def norm(text: str) -> str:
    """Quote marks made straight, whitespace collapsed, case folded: for comparing words."""
    return " ".join(norm_quotes(text).split()).casefold()


def find_words(body: str, words: str) -> list[tuple[int, int]]:
    """Every span of ``body`` that reads ``words``, ignoring quote shapes, case and spacing."""
    tokens = norm_quotes(words).split()
    if not tokens:
        return []
    pattern = r"\s+".join(re.escape(t) for t in tokens)
    return [m.span() for m in re.finditer(pattern, norm_quotes(body), re.IGNORECASE)]


def quote_span(body: str, start: int) -> tuple[int, int]:
    """From ``start`` (inside a quotation) to its closing double quote mark, within the
    paragraph (a quotation in single quotes runs to the paragraph's end)."""
    text = norm_quotes(body)
    ends = [i for i in (text.find('"', start), text.find("\n", start)) if i != -1]
    return start, min(ends, default=len(body))


# ---------------------------------------------------------------------------------------------
# Gold articles


@dataclass
class Gold:
    """One article's gold annotation, loaded from its JSON file."""

    path: Path
    name: str
    text: str  # repo-relative path of the raw text
    title: str | None
    published: dt.date | None
    style: str
    data: dict = field(repr=False)

    def raw(self) -> str:
        return (ROOT / self.text).read_text(encoding="utf-8")

    def body(self) -> str:
        return clean(self.raw(), title=self.title)

    def get(self, key: str) -> list:
        return self.data.get(key, [])


def load(path: Path) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    published = data.get("published")
    return Gold(
        path=path,
        name=path.stem,
        text=data["text"],
        title=data.get("title"),
        published=dt.date.fromisoformat(published) if published else None,
        style=data.get("style", ""),
        data=data,
    )


def gold_paths(holdout: bool = False) -> list[Path]:
    return sorted((HOLDOUT if holdout else GOLD).glob("*.json"))


@cache
def _run(text: str, title: str | None, published: dt.date | None) -> Extraction:
    raw = (ROOT / text).read_text(encoding="utf-8")
    return extract(clean(raw, title=title), published=published)


def run(gold: Gold) -> Extraction:
    return _run(gold.text, gold.title, gold.published)


# ---------------------------------------------------------------------------------------------
# Scores


@dataclass
class Score:
    """Recall ``found/wanted`` and precision ``right/got``; a share metric uses recall only."""

    found: int = 0
    wanted: int = 0
    right: int = 0
    got: int = 0
    share: bool = False  # a share of matched items (stance, dates): no precision
    lower_is_better: bool = False

    def __iadd__(self, other: Score) -> Score:
        self.found += other.found
        self.wanted += other.wanted
        self.right += other.right
        self.got += other.got
        return self

    @property
    def recall(self) -> float | None:
        return self.found / self.wanted if self.wanted else None

    @property
    def precision(self) -> float | None:
        if self.share:
            return None
        return self.right / self.got if self.got else None


CLASSES = {
    "places": "places",
    "speakers": "speakers (keys)",
    "speaker_roles": "speaker role word (share of found)",
    "speaker_places": "speaker affiliation (share of found)",
    "quotations": "quotations found",
    "attribution": "attribution (right speaker)",
    "stance": "statement stance right (share of found)",
    "dates": "statement date right (share of found)",
    "counts": "events: right place and count",
    "policies": "policy actions",
    "policies_misplaced": "policies placed where the article has none (share, lower is better)",
    "policies_from_words": "policies from a quote or declaration (share, lower is better)",
    "declarations": "declarations",
}


def _accepts(accepted, slug: str | None) -> bool:
    """A gold place field: a slug, null (no single place), or a list of those."""
    options = accepted if isinstance(accepted, list) else [accepted]
    return slug in options


def _slug(place) -> str | None:
    return place.slug if place is not None else None


def _speaker_optional(key: str, optional: Iterable[str]) -> bool:
    return any(key == o or (o.endswith("*") and key.startswith(o[:-1])) for o in optional)


def _speaker_right(statement: dict, key: str) -> bool:
    """The gold speaker: a key, a list of acceptable keys, or null (optional quotes: anyone)."""
    who = statement.get("speaker")
    return who is None or key in (who if isinstance(who, list) else [who])


def _said_on(value: str | None) -> dt.date | None:
    if value is None:
        return None
    if len(value) == 4:  # "YYYY": a year, its first day
        return dt.date.fromisoformat(value + "-01-01")
    if len(value) == 7:  # "YYYY-MM": a month, its first day
        return dt.date.fromisoformat(value + "-01")
    return dt.date.fromisoformat(value)


def _status_class(status: str) -> str:
    return _STATUS_CLASS.get(status, status)


def _policy_matches(gold: dict, cand, *, optional: bool = False) -> bool:
    if not _accepts(gold["place"], _slug(cand.place)):
        return False
    effects = {tuple(e) for e in gold.get("effects", [])}
    got = set(cand.indicators)
    status = getattr(cand, "status", "in_force")
    if optional and not effects:
        return True
    if effects & got and _status_class(status) == _status_class(gold["status"]):
        return True
    # An action that ends cooperation (or a limit) may be recorded as the ended instrument:
    # the opposite direction, lapsed or repealed.
    if gold.get("ends") and status in ("lapsed", "repealed"):
        flipped = {(i, "cooperates" if d == "limits" else "limits") for i, d in effects}
        return bool(flipped & got)
    return False


def best_match(g: dict, statements: list, texts: list[str]) -> tuple[object | None, bool]:
    """The extracted statement that holds a gold quotation's first words (one by the right
    speaker first), and whether its speaker is right; ``(None, False)`` when none does."""
    words = norm(g["starts"])
    matched = [s for s, t in zip(statements, texts, strict=True) if words in t]
    right = [s for s in matched if _speaker_right(g, s.speaker_key)]
    if not matched:
        return None, False
    return (right[0] if right else matched[0]), bool(right)


def score_article(gold: Gold) -> tuple[dict[str, Score], dict[str, list[str]]]:
    """Scores of one article, and what it missed or got wrong (for ``--misses``)."""
    got = run(gold)
    body = got.body
    scores: dict[str, Score] = {}
    misses: dict[str, list[str]] = {}

    # Places.
    found = {m.place.slug for m in got.places}
    want = set(gold.get("places"))
    extra = found - want - set(gold.get("optional_places"))
    scores["places"] = Score(len(found & want), len(want), len(found) - len(extra), len(found))
    misses["places"] = [f"missed {s}" for s in sorted(want - found)] + [
        f"extra {s}" for s in sorted(extra)
    ]

    # Speakers, their role words and affiliations.
    by_key = {s.key: s for s in got.speakers}
    want_speakers = {s["key"]: s for s in gold.get("speakers")}
    optional = [s if isinstance(s, str) else s["key"] for s in gold.get("optional_speakers")]
    extra_keys = [
        k for k in by_key if k not in want_speakers and not _speaker_optional(k, optional)
    ]
    hit = [k for k in want_speakers if k in by_key]
    scores["speakers"] = Score(
        len(hit), len(want_speakers), len(by_key) - len(extra_keys), len(by_key)
    )
    misses["speakers"] = [f"missed {k}" for k in want_speakers if k not in by_key] + [
        f"extra {k}" for k in extra_keys
    ]
    roles = Score(share=True)
    places = Score(share=True)
    misses["speaker_roles"], misses["speaker_places"] = [], []
    for key in hit:
        word = want_speakers[key].get("role_word", "")
        if word:
            roles.wanted += 1
            if word.lower() in by_key[key].role.lower():
                roles.found += 1
            else:
                misses["speaker_roles"].append(f"{key}: role {by_key[key].role!r}, want {word!r}")
        affiliation = want_speakers[key].get("affiliation", "none")
        if affiliation == "none":
            continue
        places.wanted += 1
        slug = _slug(by_key[key].place)
        ok = slug is None if affiliation in ("federal", "ice") else slug == affiliation
        places.found += ok
        if not ok:
            misses["speaker_places"].append(f"{key}: place {slug}, want {affiliation}")
    scores["speaker_roles"], scores["speaker_places"] = roles, places

    # Quotations, attribution, stance and dates.
    texts = [norm(body[s.start : s.end]) for s in got.statements]
    required = gold.get("statements")
    everything = required + gold.get("optional_statements")
    spans = []  # the span of each gold quotation (required then optional) in the body
    for g in everything:
        spans.append([quote_span(body, a) for a, _ in find_words(body, g["starts"])])
    quotes = Score()
    attribution = Score()
    stance = Score(share=True)
    dates = Score(share=True)
    for key in ("quotations", "attribution", "stance", "dates"):
        misses[key] = []
    for g in required:
        quotes.wanted += 1
        attribution.wanted += 1
        best, right = best_match(g, got.statements, texts)
        if best is None:
            misses["quotations"].append(f"missed {g['starts']!r}")
            continue
        quotes.found += 1
        if right:
            attribution.found += 1
        else:
            misses["attribution"].append(
                f"{g['starts']!r}: {best.speaker_key}, want {g['speaker']}"
            )
        stance.wanted += 1
        if best.stance in (g["stance"] if isinstance(g["stance"], list) else [g["stance"]]):
            stance.found += 1
        else:
            misses["stance"].append(f"{g['starts']!r}: {best.stance}, want {g['stance']}")
        if "said_on" in g:
            dates.wanted += 1
            if best.said_on == _said_on(g["said_on"]):
                dates.found += 1
            else:
                misses["dates"].append(f"{g['starts']!r}: {best.said_on}, want {g['said_on']}")
    for s, text in zip(got.statements, texts, strict=True):
        quotes.got += 1
        hits = [i for i, g in enumerate(everything) if norm(g["starts"]) in text]
        inside = [
            i
            for i, found_spans in enumerate(spans)
            if any(a <= s.start and s.end <= b + 1 for a, b in found_spans)
        ]
        if hits or inside:
            quotes.right += 1
            attribution.got += 1
            if any(_speaker_right(everything[i], s.speaker_key) for i in hits or inside):
                attribution.right += 1
            else:
                misses["attribution"].append(f"extra attribution {text[:40]!r} -> {s.speaker_key}")
        else:
            misses["quotations"].append(f"extra {text[:60]!r} ({s.speaker_key})")
    scores.update(quotations=quotes, attribution=attribution, stance=stance, dates=dates)

    # Counts.
    counted = [e for e in got.events if e.count]
    want_events = [e for e in gold.get("events") if e.get("count")]
    all_events = want_events + [e for e in gold.get("optional_events") if e.get("count")]

    def event_ok(g, e) -> bool:
        return g["count"] == e.count and _accepts(g["place"], _slug(e.place))

    found_events = [g for g in want_events if any(event_ok(g, e) for e in counted)]
    wrong = [e for e in counted if not any(event_ok(g, e) for g in all_events)]
    scores["counts"] = Score(
        len(found_events), len(want_events), len(counted) - len(wrong), len(counted)
    )
    misses["counts"] = [
        f"missed {g['count']} at {g['place']}" for g in want_events if g not in found_events
    ] + [f"extra {e.count} at {_slug(e.place)} ({e.kind})" for e in counted if e in wrong]

    # Policies.
    want_policies = [p for p in gold.get("policies") if p["status"] in DECIDED]
    all_policies = gold.get("policies")
    optional_policies = gold.get("optional_policies")
    found_policies = [g for g in want_policies if any(_policy_matches(g, c) for c in got.policies)]
    wrong_policies = [
        c
        for c in got.policies
        if not any(_policy_matches(g, c) for g in all_policies)
        and not any(_policy_matches(g, c, optional=True) for g in optional_policies)
    ]
    scores["policies"] = Score(
        len(found_policies),
        len(want_policies),
        len(got.policies) - len(wrong_policies),
        len(got.policies),
    )
    gold_places = set()
    for g in all_policies + optional_policies:
        gold_places.update(g["place"] if isinstance(g["place"], list) else [g["place"]])
    misplaced = [c for c in got.policies if _slug(c.place) not in gold_places]
    scores["policies_misplaced"] = Score(
        len(misplaced), len(got.policies), share=True, lower_is_better=True
    )

    def describe(c) -> str:
        status = getattr(c, "status", "in_force")
        return f"{_slug(c.place)} {c.kind} {status} {list(c.indicators)}: {c.summary[:60]!r}"

    misses["policies"] = [
        f"missed {g['place']} {g['kind']} {g['status']} {g['effects']}"
        for g in want_policies
        if g not in found_policies
    ] + [f"extra {describe(c)}" for c in wrong_policies]
    misses["policies_misplaced"] = [describe(c) for c in misplaced]

    # Words that became policy: a policy whose evidence is a declaration, or lies in a quotation.
    declared = [span for d in gold.get("declarations") for span in find_words(body, d["starts"])]
    quoted = [span for found_spans in spans for span in found_spans]
    from_words = [
        c
        for c in got.policies
        if any(c.start < b and a < c.end for a, b in declared)
        or any(a <= c.start and c.end <= b + 1 for a, b in quoted)
    ]
    scores["policies_from_words"] = Score(
        len(from_words), len(got.policies), share=True, lower_is_better=True
    )
    misses["policies_from_words"] = [describe(c) for c in from_words]

    # Declarations, once the pipeline reports them.
    if hasattr(got, "declarations"):
        cands = list(getattr(got, "declarations", []))
        want_decl = gold.get("declarations")

        def declaration_ok(g, c) -> bool:
            if not _accepts(g["place"], _slug(getattr(c, "place", None))):
                return False
            if not hasattr(c, "start"):
                return True
            return any(c.start < b and a < c.end for a, b in find_words(body, g["starts"]))

        hit_decl = [g for g in want_decl if any(declaration_ok(g, c) for c in cands)]
        right_decl = [c for c in cands if any(declaration_ok(g, c) for g in want_decl)]
        scores["declarations"] = Score(len(hit_decl), len(want_decl), len(right_decl), len(cands))
        misses["declarations"] = [
            f"missed {g['place']} {g['starts']!r}" for g in want_decl if g not in hit_decl
        ]
    return scores, misses


def score(paths: Iterable[Path]) -> dict[str, Score]:
    """Scores summed over the articles whose gold files are given, by class."""
    total: dict[str, Score] = {}
    for path in paths:
        scores, _ = score_article(load(path))
        for key, value in scores.items():
            if key not in total:
                total[key] = Score(share=value.share, lower_is_better=value.lower_is_better)
            total[key] += value
    return total


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def table(scores: dict[str, Score], articles: int) -> str:
    """A markdown table: one row per class."""
    lines = [
        f"| class ({articles} articles) | found / wanted | R | right / got | P |",
        "| --- | --- | --- | --- | --- |",
    ]
    for key, label in CLASSES.items():
        if key not in scores:
            continue
        s = scores[key]
        prec = "" if s.share else f"{s.right} / {s.got}"
        recall, precision = _fmt(s.recall), _fmt(s.precision)
        lines.append(f"| {label} | {s.found} / {s.wanted} | {recall} | {prec} | {precision} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--misses", action="store_true", help="list each tuning article's misses and extras"
    )
    args = parser.parse_args(argv)
    tuning, holdout = gold_paths(), gold_paths(holdout=True)
    print("## Tuning set\n")
    print(table(score(tuning), len(tuning)))
    print(
        "\nStatement stance on the tuning set is in-sample: the stance model learned from these"
        " statements.\n`make train-stance` prints its cross-validated figure."
    )
    print("\n## Held-out set\n")
    print(table(score(holdout), len(holdout)))
    if args.misses:
        for path in tuning:
            _, misses = score_article(load(path))
            lines = [f"  {key}: {m}" for key, ms in misses.items() for m in ms]
            if lines:
                print(f"\n### {path.stem}")
                print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
