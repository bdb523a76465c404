"""End to end on invented news articles the pipeline was not written against.

Each article in ``unseen/`` is raw page text (chrome included) about local cooperation with ICE.
The facts below were written by reading the article, before the pipeline was run on it. A case
(article x category) passes when the pipeline finds every required fact and nothing outside the
required and optional facts; what it still gets wrong is marked ``xfail(strict=True)``.

Run ``python -m tests.articles.extraction.test_unseen_articles`` for a precision/recall table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from articles.extraction.clean import clean
from articles.extraction.pipeline import extract
from articles.extraction.types import Extraction

UNSEEN = Path(__file__).with_name("unseen")


@dataclass(frozen=True)
class Expected:
    """What a careful reader takes from an article. Place alternatives are written "a|b"."""

    places: set[str]
    speakers: dict[str, str]  # key -> a word of the role ("" when none is given)
    quotes: dict[str, str]  # the first words of a quotation -> speaker key
    counts: set[tuple[int, str]] = field(default_factory=set)  # (count, place slug | "*")
    policies: set[tuple[str, str, str]] = field(default_factory=set)  # (place, indicator, dir)
    optional_places: set[str] = field(default_factory=set)
    optional_speakers: set[str] = field(default_factory=set)  # keys, or prefixes ending in "*"
    optional_quotes: dict[str, str | None] = field(default_factory=dict)  # None: any speaker
    optional_counts: set[tuple[int, str]] = field(default_factory=set)
    optional_policies: set[tuple[str, str, str]] = field(default_factory=set)  # indicator "*"


EXPECTED: dict[str, Expected] = {
    "sheriff_287g": Expected(
        places={"frederick-md", "maryland", "frederick-county-md", "montgomery-county-md"},
        optional_places={"baltimore-md"},
        speakers={
            "tomas-brekke": "sheriff",
            "marisol-vantreese": "county executive",
            "dale-heberling": "council",
            "ice": "",
        },
        quotes={
            "This program has cost us": "tomas-brekke",
            "Victims stopped calling": "tomas-brekke",
            "We will still call ICE": "tomas-brekke",
            "It’s the right call": "marisol-vantreese",
            "The sheriff is tying": "dale-heberling",
            "Criminals will be released": "dale-heberling",
            "ICE remains committed": "ice",
        },
        optional_quotes={"have to locate and arrest": "ice"},
        policies={
            ("frederick-county-md|frederick-md", "agreement_287g", "limits"),
            ("frederick-county-md|frederick-md", "detainers", "limits"),
        },
        optional_policies={
            ("montgomery-county-md", "*", "limits"),
            ("frederick-county-md|frederick-md", "jail_access", "limits"),
        },
    ),
    "state_law": Expected(
        places={
            "nashville-tn",
            "tennessee",
            "knoxville-tn",
            "memphis-tn",
            "shelby-county-tn",
            "texas",
            "florida",
            "california",
        },
        optional_places={"davidson-county-tn"},
        speakers={
            "brantley-hoskins": "governor",
            "garrett-ollander": "senator",
            "rolanda-pickett": "mayor",
            "luz-arriaga": "executive director",
        },
        optional_speakers={"shelby-county*", "metro-nashville*"},
        quotes={
            "Tennessee will not be a sanctuary": "brantley-hoskins",
            "We are not going to wait": "garrett-ollander",
            "The people of this state": "garrett-ollander",
            "This law puts our police": "rolanda-pickett",
            "They will be asked to choose": "rolanda-pickett",
            "The legislature has made": "luz-arriaga",
        },
        optional_quotes={"simply asks local officials": "brantley-hoskins"},
        policies={
            ("tennessee", "detainers", "cooperates"),
            ("tennessee", "information_sharing", "cooperates"),
        },
        optional_policies={
            ("tennessee", "*", "cooperates"),
            ("nashville-tn|davidson-county-tn", "*", "limits"),
            ("shelby-county-tn|memphis-tn", "detainers", "cooperates"),
            ("texas|florida", "*", "cooperates"),
        },
    ),
    "workplace_raid": Expected(
        places={
            "grand-island-ne",
            "nebraska",
            "omaha-ne",
            "douglas-county-ne",
            "hall-county-ne",
        },
        speakers={
            "renata-voss": "spokes",
            "pete-lindqvist": "mayor",
            "yesenia-duarte": "",
            "alma-reyes-coto": "",
            "adrian-holtz": "representative",
        },
        optional_speakers={"ice", "nebraska-appleseed", "homeland-security*"},
        quotes={
            "The operation was the result": "renata-voss",
            "Worksite enforcement protects": "renata-voss",
            "Our police department had no role": "pete-lindqvist",
            "Our job now is": "pete-lindqvist",
            "My kids keep asking": "yesenia-duarte",
            "People are terrified": "alma-reyes-coto",
            "Some of them have been here": "alma-reyes-coto",
            "If a business breaks the law": "adrian-holtz",
        },
        optional_quotes={"has cooperated fully": None},
        counts={(87, "grand-island-ne"), (52, "omaha-ne|douglas-county-ne")},
        optional_policies={("omaha-ne|douglas-county-ne", "jail_access", "cooperates")},
    ),
    "council_vote": Expected(
        places={
            "kansas-city-mo",
            "missouri",
            "jefferson-city-mo",
            "wyandotte-county-ks",
            "kansas-city-ks",
            "st-louis-mo",
            "jackson-county-mo",
        },
        optional_places={"kansas"},
        speakers={
            "andrea-quintanilla": "council",
            "vincent-carraway": "mayor",
            "derek-ashby": "council",
            "ruth-okafor": "council",
            "samuel-ndiaye": "",
        },
        optional_speakers={"paul-treadway", "kansas-city-council"},
        quotes={
            "Kansas City should be a place": "andrea-quintanilla",
            "That is what this ordinance does": "andrea-quintanilla",
            "This is who we are": "vincent-carraway",
            "We are a city that was built": "vincent-carraway",
            "We are inviting a fight": "derek-ashby",
            "And the people who will lose": "derek-ashby",
            "Nothing in this ordinance shields": "ruth-okafor",
            "When someone stands up": "samuel-ndiaye",
            "They are talking about my congregation": "samuel-ndiaye",
        },
        optional_quotes={"reviewing the ordinance for compliance": None},
        # Asking status and sharing information are one indicator (PRODUCT.md): the ordinance
        # limits information_sharing; reading it as local_resources too is defensible.
        policies={("kansas-city-mo", "information_sharing", "limits")},
        optional_policies={
            ("kansas-city-mo", "local_resources", "limits"),
            ("missouri", "*", "cooperates"),
            ("kansas-city-ks|wyandotte-county-ks", "*", "limits"),
            ("kansas-city-mo", "detainers", "limits"),
        },
    ),
    "police_directive": Expected(
        places={"columbus-oh", "ohio", "franklin-county-oh", "dayton-oh"},
        speakers={
            "lorraine-whitacre": "police chief",
            "brian-kowalczyk": "president",
            "shauna-mbeki": "council",
            "dominic-reyes": "sheriff",
        },
        optional_speakers={"fraternal-order*", "columbus-police*"},
        quotes={
            "Our officers enforce Ohio law": "lorraine-whitacre",
            "Nothing here is new": "lorraine-whitacre",
            "What is new is": "lorraine-whitacre",
            "This directive was written": "brian-kowalczyk",
            "The chief has our full support": "shauna-mbeki",
        },
        optional_quotes={"will follow lawful orders": "brian-kowalczyk"},
        policies={("columbus-oh", "local_resources", "limits")},
        optional_policies={
            ("columbus-oh", "*", "limits"),
            ("franklin-county-oh", "*", "cooperates"),
            ("dayton-oh", "*", "limits"),
            ("ohio", "*", "cooperates"),
        },
    ),
    "court_ruling": Expected(
        places={
            "miami-fl",
            "miami-dade-county-fl",
            "hialeah-fl",
            "florida",
            "broward-county-fl",
            "palm-beach-county-fl",
            "oregon",
            "pennsylvania",
        },
        speakers={
            "harriet-coleman-baird": "judge",
            "ramon-estevez": "",
            "daniel-ferrer-lutz": "attorney",
            "calvin-desrosiers": "governor",
        },
        optional_speakers={"celia-montalvo", "miami-dade*", "aclu*", "ice"},
        quotes={
            "A detainer is a request": "harriet-coleman-baird",
            "The county may not keep": "harriet-coleman-baird",
            "I thought I was going home": "ramon-estevez",
            "Instead they kept me": "ramon-estevez",
            "This ruling tells every sheriff": "daniel-ferrer-lutz",
            "This judge wants to turn": "calvin-desrosiers",
        },
        optional_quotes={"will comply with every court order": None},
        policies={("florida", "detainers", "cooperates")},
        optional_policies={
            ("miami-dade-county-fl", "detainers", "*"),
            ("oregon|pennsylvania", "detainers", "limits"),
        },
    ),
    "ice_operation": Expected(
        places={
            "seattle-wa",
            "washington",
            "oregon",
            "tacoma-wa",
            "yakima-wa",
            "spokane-wa",
            "vancouver-wa",
            "portland-or",
            "king-county-wa",
            "multnomah-county-or",
        },
        speakers={"nathan-colburn": "field office director", "ice": ""},
        quotes={
            "These arrests make our communities": "nathan-colburn",
            "Many of the individuals arrested": "nathan-colburn",
            "When a jail will not give us": "nathan-colburn",
            "That is more dangerous": "nathan-colburn",
        },
        counts={
            (41, "seattle-wa"),
            (27, "tacoma-wa"),
            (22, "yakima-wa"),
            (19, "spokane-wa"),
            (16, "vancouver-wa"),
            (38, "portland-or"),
            (163, "*"),
            (24, "tacoma-wa"),
        },
        optional_counts={(97, "*")},
        policies={
            ("washington", "information_sharing", "limits"),
            ("oregon", "local_resources", "limits"),
        },
        optional_policies={
            ("king-county-wa|multnomah-county-or", "detainers", "limits"),
            ("washington", "*", "limits"),
        },
    ),
    "jail_contract_blog": Expected(
        places={
            "prince-georges-county-md",
            "upper-marlboro-md",
            "hyattsville-md",
            "howard-county-md",
            "frederick-county-md",
            "montgomery-county-md",
            "maryland",
            "virginia",
            "pennsylvania",
        },
        optional_places={"langley-park-md", "riverdale-md", "riverdale-park-md"},
        speakers={
            "felix-duarte-lamb": "council",
            "maria-esperanza-tolentino": "",
            "gregory-stallworth": "council",
            "aisha-brandt-nwosu": "county executive",
        },
        optional_speakers={"prince-georges-county*", "ice"},
        quotes={
            "We will not rent our jail cells": "felix-duarte-lamb",
            "They told him": "maria-esperanza-tolentino",
            "He did not see a lawyer": "maria-esperanza-tolentino",
            "The County Executive will sign": "aisha-brandt-nwosu",
        },
        optional_quotes={"a symbolic gesture": "gregory-stallworth"},
        # "held an average of 95 people a day" is a past average, not a count of people held
        # (issue 15; this expected it as a count before).
        counts=set(),
        policies={("prince-georges-county-md", "jail_access", "limits")},
        optional_policies={
            ("prince-georges-county-md", "information_sharing", "*"),
            ("howard-county-md|frederick-county-md|montgomery-county-md", "jail_access", "limits"),
        },
    ),
    # Held out: written after the fixes above and not used to tune any rule.
    "springfield_jail": Expected(
        places={
            "springfield-ma",
            "hampden-county-ma",
            "ludlow-ma",
            "holyoke-ma",
            "massachusetts",
            "worcester-county-ma",
            "bristol-county-ma",
        },
        speakers={
            "lorna-vasquez-hale": "sheriff",
            "theo-brannigan": "mayor",
            "todd-rearden": "spokes",
            "ice": "",
            "dalia-okoro": "organizer",
        },
        optional_speakers={"pioneer-valley*"},
        quotes={
            "Our job is to run a safe jail": "lorna-vasquez-hale",
            "People who are awaiting trial": "lorna-vasquez-hale",
            "The sheriff got this one right": "theo-brannigan",
            "We read about it in the newspaper": "todd-rearden",
            "A policy is only as good": "dalia-okoro",
        },
        optional_quotes={"puts public safety at risk": "ice"},
        # Arrests "in Springfield and Holyoke": one total for two towns, no single place (the
        # gold set's reading; this expected either town before).
        counts={(14, "*")},
        policies={
            ("hampden-county-ma", "jail_access", "limits"),
            ("hampden-county-ma", "information_sharing", "limits"),
        },
        optional_policies={
            ("massachusetts", "detainers", "limits"),
            ("hampden-county-ma|springfield-ma|ludlow-ma", "*", "limits"),
            ("worcester-county-ma|bristol-county-ma", "*", "cooperates"),
        },
    ),
    "stl_county": Expected(
        places={"clayton-mo", "st-louis-county-mo", "missouri", "st-louis-mo", "kansas-city-mo"},
        speakers={
            "warren-abernathy": "county executive",
            "priya-deshmukh": "council",
            "roy-tisdale": "council",
        },
        optional_speakers={"gloria-fenwick", "missouri-attorney*", "ice", "st-louis-county*"},
        quotes={
            "Our police officers have enough": "warren-abernathy",
            "They are not immigration agents": "warren-abernathy",
            "Families stopped sending": "priya-deshmukh",
            "That is what happens": "priya-deshmukh",
        },
        optional_quotes={"a solution in search": "roy-tisdale"},
        counts={(31, "st-louis-county-mo")},
        policies={
            ("st-louis-county-mo", "local_resources", "limits"),
            ("st-louis-county-mo", "information_sharing", "limits"),
        },
        optional_policies={
            ("missouri", "*", "cooperates"),
            ("st-louis-mo", "*", "limits"),
            ("st-louis-county-mo", "detainers", "cooperates"),
        },
    ),
}
HELD_OUT = ("springfield_jail", "stl_county")

# Headlines, as ingestion passes them to ``clean`` (site headers above them are dropped).
TITLES = {
    "sheriff_287g": "Frederick County sheriff ends 287(g) agreement with ICE",
    "state_law": "Tennessee governor signs law banning sanctuary policies, requiring jails to "
    "honor ICE holds",
    "workplace_raid": "ICE arrests 87 workers at Grand Island meatpacking plant",
    "council_vote": "Kansas City council approves welcoming-city ordinance over objections",
    "police_directive": "Columbus police chief bars officers from asking about immigration "
    "status; union pushes back",
    "court_ruling": "Judge rules Miami-Dade jail violated man's rights by holding him for ICE",
    "ice_operation": "ICE Seattle arrests 163 in five-day operation across Washington state and "
    "Oregon",
    "jail_contract_blog": "VICTORY: Prince George's County ends ICE jail contract",
    "springfield_jail": "Hampden County jail to bar ICE interviews of inmates",
    "stl_county": "St. Louis County Council passes resolution limiting police help to ICE",
}

# Cases the pipeline still gets wrong: (article, category) -> why.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}

CATEGORIES = ("places", "speakers", "quotes", "counts", "policies")


@cache
def run(name: str) -> Extraction:
    raw = (UNSEEN / f"{name}.txt").read_text()
    return extract(clean(raw, title=TITLES[name]))


def _place_ok(slug: str | None, accepted: str) -> bool:
    return accepted == "*" or (slug or "") in accepted.split("|")


def _speaker_optional(key: str, optional: set[str]) -> bool:
    return any(key == o or (o.endswith("*") and key.startswith(o[:-1])) for o in optional)


def score(name: str) -> dict[str, tuple[int, int, int]]:
    """Per category: (true positives, false positives, required facts)."""
    exp, got = EXPECTED[name], run(name)
    body = got.body
    result = {}
    found = {m.place.slug for m in got.places}
    result["places"] = (
        len(found & exp.places),
        len(found - exp.places - exp.optional_places),
        len(exp.places),
    )
    keys = {s.key for s in got.speakers}
    result["speakers"] = (
        len(keys & set(exp.speakers)),
        len(
            {k for k in keys - set(exp.speakers) if not _speaker_optional(k, exp.optional_speakers)}
        ),
        len(exp.speakers),
    )
    tp = fp = 0
    for s in got.statements:
        words = " ".join(body[s.start : s.end].split())
        wanted = [k for k in exp.quotes if k in words]
        maybe = [k for k in exp.optional_quotes if k in words]
        if wanted:
            good = all(exp.quotes[k] == s.speaker_key for k in wanted)
            tp, fp = tp + good * len(wanted), fp + (not good)
        elif maybe:
            fp += any(exp.optional_quotes[k] not in (None, s.speaker_key) for k in maybe)
        else:
            fp += 1
    result["quotes"] = (tp, fp, len(exp.quotes))
    counts = [(e.count, e.place.slug if e.place else None) for e in got.events if e.count]
    hits = {c for c in exp.counts if any(n == c[0] and _place_ok(p, c[1]) for n, p in counts)}
    extra = [
        (n, p)
        for n, p in counts
        if not any(n == c[0] and _place_ok(p, c[1]) for c in exp.counts | exp.optional_counts)
    ]
    result["counts"] = (len(hits), len(extra), len(exp.counts))
    triples = {
        (p.place.slug if p.place else None, i, d) for p in got.policies for i, d in p.indicators
    }

    def matches(t, want) -> bool:
        return _place_ok(t[0], want[0]) and want[1] in ("*", t[1]) and want[2] in ("*", t[2])

    hits_p = {w for w in exp.policies if any(matches(t, w) for t in triples)}
    extra_p = [
        t for t in triples if not any(matches(t, w) for w in exp.policies | exp.optional_policies)
    ]
    result["policies"] = (len(hits_p), len(extra_p), len(exp.policies))
    return result


def roles_right(name: str) -> tuple[int, int]:
    """(speakers found with the expected role word, speakers found that have a role to check)."""
    exp, got = EXPECTED[name], run(name)
    checked = [(s, exp.speakers[s.key]) for s in got.speakers if exp.speakers.get(s.key)]
    return sum(w in s.role.lower() for s, w in checked), len(checked)


def _cases():
    for name in EXPECTED:
        for category in CATEGORIES:
            reason = KNOWN_FAILURES.get((name, category))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(name, category, marks=marks, id=f"{name}-{category}")


@pytest.mark.parametrize(("name", "category"), list(_cases()))
def test_unseen_article(name: str, category: str) -> None:
    tp, fp, wanted = score(name)[category]
    assert (tp, fp) == (wanted, 0)


def test_roles_of_found_speakers() -> None:
    right = [roles_right(name) for name in EXPECTED]
    assert sum(r for r, _ in right) >= 0.9 * sum(n for _, n in right)


def table(names: list[str] | tuple[str, ...] = tuple(EXPECTED)) -> str:
    """Precision and recall per category over the given unseen articles."""
    lines = [f"{'category':10} {'TP':>4} {'FP':>4} {'want':>5} {'prec':>6} {'recall':>7}"]
    scores = [score(name) for name in names]
    for category in CATEGORIES:
        tp = sum(s[category][0] for s in scores)
        fp = sum(s[category][1] for s in scores)
        want = sum(s[category][2] for s in scores)
        prec = tp / (tp + fp) if tp + fp else 1.0
        lines.append(f"{category:10} {tp:4} {fp:4} {want:5} {prec:6.2f} {tp / want:7.2f}")
    right = [roles_right(name) for name in names]
    lines.append(f"roles right: {sum(r for r, _ in right)}/{sum(n for _, n in right)}")
    return "\n".join(lines)


if __name__ == "__main__":
    print("Articles the rules were fixed on:")
    print(table([n for n in EXPECTED if n not in HELD_OUT]))
    print("\nHeld-out articles:")
    print(table(HELD_OUT))
