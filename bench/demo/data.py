"""The demo data itself, pure: for one ``DemoSize`` (counts, seed, clock) the same rows, as
tuples in the column order of ``schema.COLUMNS``. Jurisdictions are real gazetteer places;
everything else is invented from ``words`` (no real people). Facts are skewed (Zipf-like: a few
jurisdictions have most of them) and every article's body is built from its facts' sentences, so
``body[span_start:span_end]`` is always the fact's words and a statement's quote exactly."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from articles.extraction.places.gazetteer import gazetteer, slugify
from articles.extraction.types import Place
from articles.models import Article, body_sha256
from stances.models import (
    EnforcementEvent,
    PolicyAction,
    PolicyEffect,
    Statement,
)

from .schema import COLUMNS, ArticleJurisdiction, ArticleOfficial, Rows
from .words import (
    AGENCIES,
    COUNCILS,
    EFFECT_PHRASES,
    EVENT_SITES,
    FACILITIES,
    FILLERS,
    FIRST_NAMES,
    GUESSED_POPULATION,
    HEADLINES,
    HEADS,
    INITIALS,
    LAST_NAMES,
    MONTHS,
    OPENERS,
    OPERATION_WORDS,
    ORGANISATIONS,
    OUTLETS,
    POLICY_ACTORS,
    POLICY_INDICATORS,
    POLICY_KINDS,
    PREDICATES,
    ROLES,
    SUBJECTS,
    TAILS,
    UNAFFILIATED,
)

YEARS = 10  # the facts span the ten years up to the clock


class DemoError(Exception):
    """The demo data cannot be generated or loaded as asked."""


@dataclass(frozen=True)
class DemoSize:
    jurisdictions: int = 3000
    officials: int = 20_000
    statements: int = 1_000_000
    policies: int = 100_000
    events: int = 200_000
    articles: int = 50_000
    seed: int = 1
    # The clock: dates spread over the ten years ending on now's date.
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def check(self) -> None:
        counts = {k: v for k, v in vars(self).items() if k not in ("seed", "now")}
        if any(n < 0 for n in counts.values()):
            raise DemoError("Counts cannot be negative.")
        if self.jurisdictions > len(gazetteer().places):
            raise DemoError(f"The gazetteer has {len(gazetteer().places)} places at most.")
        facts = self.statements + self.events + self.policies
        if facts and not (self.articles and self.jurisdictions):
            raise DemoError("Facts need at least one article and one jurisdiction.")
        if self.statements and not self.officials:
            raise DemoError("Statements need at least one official.")


class _Random(random.Random):
    """``choice`` and ``randint`` from one ``random()`` call each: several times faster than
    the standard library's exactly uniform ones, a bias the demo data does not care about."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


def _rng(size: DemoSize, stage: str) -> random.Random:
    # One generator per stage, so each stage's rows depend on the seed alone.
    return _Random(f"{size.seed}:{stage}")


def _sentences(tone: str) -> list[tuple[str, int]]:
    """Every sentence a speaker of this tone can say, with its number of words."""
    sentences = []
    for opener, subject, predicate, tail in itertools.product(
        OPENERS, SUBJECTS[tone], PREDICATES[tone], TAILS
    ):
        sentence = f"{opener}{subject} {predicate}{tail}."
        sentences.append((sentence[0].upper() + sentence[1:], sentence.count(" ") + 1))
    return sentences


def split_exactly(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights``, summing exactly to ``total``."""
    whole = sum(weights)
    cumulative = itertools.accumulate(weights)
    bounds = [0, *(total * c // whole for c in cumulative)]
    return [b - a for a, b in itertools.pairwise(bounds)]


def label(place: Place) -> str:
    """How an article names a place: "Fresno, CA", "Cook County, IL", "Ohio"."""
    return place.name if place.kind == "state" else f"{place.name}, {place.state}"


def date_phrase(day: dt.date | None, precision: str) -> str:
    if day is None:
        return "recently"
    if precision == "year":
        return f"in {day.year}"
    if precision == "month":
        return f"in {MONTHS[day.month - 1]} {day.year}"
    return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"


def pick_places(count: int, rng: random.Random) -> list[Place]:
    """States (DC first), the most populous cities, and counties: ``count`` places."""
    places = gazetteer().places
    states = sorted(
        (p for p in places if p.kind in ("state", "federal_district")),
        key=lambda p: (p.kind != "federal_district", p.name),
    )
    cities = sorted((p for p in places if p.kind == "city"), key=lambda p: -(p.population or 0))
    counties = [p for p in places if p.kind == "county"]
    n_states = min(len(states), math.ceil(count / 4))
    n_counties = min(len(counties), (count - n_states) // 3)
    n_cities = min(len(cities), count - n_states - n_counties)
    n_counties = count - n_states - n_cities  # when there are not cities enough
    return [*states[:n_states], *cities[:n_cities], *rng.sample(counties, n_counties)]


class _Picker:
    """Draws indexes 0..n-1 with Zipf weights 1/(rank+1)^s over a given ranking."""

    def __init__(self, ranking: list[int], rng: random.Random, exponent: float = 1.0):
        self.ranking, self.rng = ranking, rng
        self.cumulative = list(
            itertools.accumulate(1 / (r + 1) ** exponent for r in range(len(ranking)))
        )

    def __call__(self) -> int:
        x = self.rng.random() * self.cumulative[-1]
        return self.ranking[min(bisect.bisect(self.cumulative, x), len(self.ranking) - 1)]


@dataclass
class _Body:
    """An article body being written: paragraphs appended, spans recorded as they land."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, before: str, words: str = "", after: str = "") -> tuple[int, int]:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length + len(before)
        self.parts.append(f"{before}{words}{after}")
        self.length += len(before) + len(words) + len(after)
        return start, start + len(words)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class _Speaker:
    id: int
    who: str  # "Mayor Jane Doe", "the Fresno Police Department"


class DemoData:
    """Every row of one demo data set. Deterministic: the same ``size``, the same rows."""

    def __init__(self, size: DemoSize):
        size.check()
        self.size = size
        self.today = size.now.date()
        self.start = self.today - dt.timedelta(days=365 * YEARS + YEARS // 4)
        rng = _rng(size, "places")
        self.places = pick_places(size.jurisdictions, rng)
        # Jurisdiction id i + 1 is self.places[i]. The skew follows population, loosely.
        keys = [
            math.log(p.population or GUESSED_POPULATION[p.kind]) + rng.gauss(0, 0.5)
            for p in self.places
        ]
        self.ranking = sorted(range(len(self.places)), key=lambda i: -keys[i])
        # How much each jurisdiction leans to limiting cooperation (near 0 or near 1 mostly).
        self.leaning = [rng.betavariate(0.5, 0.5) for _ in self.places]
        self.speakers, self.unaffiliated, self._official_rows = self._officials()

    # Jurisdictions and officials: small, built in memory.

    def jurisdiction_rows(self) -> Iterator[tuple]:
        created = dt.datetime.combine(self.start, dt.time(), dt.UTC)
        for i, p in enumerate(self.places, start=1):
            yield (
                i,
                p.name,
                p.kind,
                p.state,
                p.slug,
                p.external_id,
                p.latitude,
                p.longitude,
                p.population,
                created,
                created,
            )

    def official_rows(self) -> Iterator[tuple]:
        return iter(self._official_rows)

    def _officials(self) -> tuple[dict[int, list[_Speaker]], list[_Speaker], list[tuple]]:
        size, rng = self.size, _rng(self.size, "officials")
        n_unaffiliated = size.officials // 20 if self.places else size.officials
        affiliated = size.officials - n_unaffiliated
        ranks = {index: rank for rank, index in enumerate(self.ranking)}
        weights = [1_000_000 // int(math.sqrt(ranks[i] + 1)) for i in range(len(self.places))]
        # Everyone gets one official while there are enough; the rest follow the skew.
        base = min(1, affiliated // max(len(self.places), 1))
        extra = split_exactly(affiliated - base * len(self.places), weights) if weights else []
        created = dt.datetime.combine(self.start, dt.time(), dt.UTC)
        speakers: dict[int, list[_Speaker]] = {}
        unaffiliated: list[_Speaker] = []
        rows: list[tuple] = []
        official_id = itertools.count(1)
        for index, n in enumerate(extra):
            place, jurisdiction_id = self.places[index], index + 1
            for k in range(base + n):
                oid = next(official_id)
                row, who = self._official(rng, oid, place, k)
                rows.append((*row, jurisdiction_id, "", created, created))
                speakers.setdefault(jurisdiction_id, []).append(_Speaker(oid, who))
        for _ in range(n_unaffiliated):
            oid = next(official_id)
            role, affiliation = rng.choice(UNAFFILIATED)
            name = self._person_name(rng)
            slug = f"{slugify(name)}-{oid}"
            rows.append((oid, name, slug, "person", role, None, affiliation, created, created))
            unaffiliated.append(_Speaker(oid, f"{name}, {role.lower()} at {affiliation},"))
        return speakers, unaffiliated, rows

    def _official(self, rng, oid: int, place: Place, k: int) -> tuple[tuple, str]:
        """The k-th official of a place: its head first, then its police, then the others."""
        roles = ROLES[place.kind]
        if k == 2:
            name = ORGANISATIONS[place.kind].format(name=place.name)
            return (oid, name, f"{slugify(name)}-{oid}", "organisation", ""), f"the {name}"
        role = roles[k] if k < 2 else roles[min(2 + (k - 3) % 8, len(roles) - 1)]
        name = self._person_name(rng)
        return (oid, name, f"{slugify(name)}-{oid}", "person", role), f"{role} {name}"

    @staticmethod
    def _person_name(rng: random.Random) -> str:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if rng.random() < 0.4:
            return f"{first} {rng.choice(INITIALS)}. {last}"
        return f"{first} {last}"

    # Articles and their facts: streamed, a batch of articles at a time.

    def batches(self, articles_per_batch: int = 500) -> Iterator[Rows]:
        """Rows of every article table, ``articles_per_batch`` articles at a time."""
        writer = _ArticleWriter(self)
        for first in range(0, self.size.articles, articles_per_batch):
            rows: Rows = {model: [] for model in list(COLUMNS)[2:]}
            for index in range(first, min(first + articles_per_batch, self.size.articles)):
                writer.write(index, rows)
            yield rows


class _ArticleWriter:
    """Writes one article at a time: its facts' sentences, its body, and every row."""

    def __init__(self, data: DemoData):
        self.data, self.size = data, data.size
        rng = self.rng = _rng(data.size, "articles")
        self.pick = _Picker(data.ranking, rng)
        weights = [1 + int(1000 * rng.lognormvariate(0, 0.6)) for _ in range(self.size.articles)]
        self.counts = [
            split_exactly(total, weights) if self.size.articles else []
            for total in (self.size.statements, self.size.events, self.size.policies)
        ]
        self.ids = {model: itertools.count(1) for model in COLUMNS}
        self.sentences = {tone: _sentences(tone) for tone in PREDICATES}
        self.hashes: set[str] = set()
        self.days = (self.data.today - self.data.start).days

    def write(self, index: int, rows: Rows) -> None:
        rng, places = self.rng, self.data.places
        article_id = next(self.ids[Article])
        main = self.pick()
        published = self.data.today - dt.timedelta(days=int(self.days * (1 - rng.random() ** 0.5)))
        ingested = dt.datetime.combine(published, dt.time(rng.randint(6, 20)), dt.UTC)
        ingested = min(ingested, self.size.now)
        n_statements, n_events, n_policies = (counts[index] for counts in self.counts)
        units = [self._statement] * n_statements + [self._policy] * n_policies
        units += self._event_units(n_events)
        rng.shuffle(units)

        body = _Body()
        body.add(
            f"{label(places[main]).upper()} — ",
            rng.choice(FILLERS).format(place=label(places[main])),
        )
        article = _ArticleFacts(article_id, main, published, ingested, body, rows)
        for unit in units:
            unit(article)
            if rng.random() < 0.2:
                body.add(rng.choice(FILLERS).format(place=label(places[main])))
        text = self._unique(body)
        title = rng.choice(HEADLINES).format(place=label(places[main]))
        outlet, domain = rng.choice(OUTLETS)
        url = f"https://{domain}.example/{published:%Y/%m/%d}/{slugify(title)}-{article_id}"
        rows[Article].append(
            (article_id, title, outlet, url, published, text, body_sha256(text), ingested, ingested)
        )
        rows[ArticleJurisdiction].extend((article_id, j) for j in sorted(article.jurisdictions))
        rows[ArticleOfficial].extend((article_id, o) for o in sorted(article.officials))

    def _unique(self, body: _Body) -> str:
        """The body, with a closing line added in the rare case another article has its text."""
        text = body.text()
        while body_sha256(text) in self.hashes:
            body.add(f"Updated at {self.rng.randint(1, 12)}:{self.rng.randint(0, 59):02d}.")
            text = body.text()
        self.hashes.add(body_sha256(text))
        return text

    # Shared parts of every fact.

    def _jurisdiction(self, article: _ArticleFacts) -> int:
        """Mostly the article's own place, sometimes another (which also follows the skew)."""
        index = article.main if self.rng.random() < 0.75 else self.pick()
        article.jurisdictions.add(index + 1)
        return index

    def _evidence(self, model, article: _ArticleFacts, span: tuple[int, int], precision: str):
        fact_id = next(self.ids[model])
        r = self.rng.random()
        status = "extracted" if r < 0.70 else "reviewed" if r < 0.95 else "rejected"
        reviewed_at = None
        if status != "extracted":
            later = article.ingested + dt.timedelta(hours=self.rng.randint(1, 240))
            reviewed_at = min(later, self.size.now)
        key = f"demo:{model._meta.model_name}:{fact_id}"
        return (fact_id, article.id, *span, status, precision, reviewed_at, key) + (
            article.ingested,
            article.ingested,
        )

    def _date(self, latest: dt.date, days_before: int) -> tuple[dt.date | None, str]:
        """A date up to ``days_before`` days before ``latest`` and its precision; 10% none."""
        rng = self.rng
        if rng.random() < 0.10:
            return None, "day"
        day = max(latest - dt.timedelta(days=rng.randint(0, days_before)), self.data.start)
        r = rng.random()
        if r < 0.85:
            return day, "day"
        if r < 0.95:
            return day.replace(day=1), "month"
        return day.replace(month=1, day=1), "year"

    # Statements.

    def _statement(self, article: _ArticleFacts) -> None:
        rng = self.rng
        index = self._jurisdiction(article)
        speaker = self._speaker(index + 1)
        article.officials.add(speaker.id)
        r, leaning = rng.random(), self.data.leaning[index]
        stance = (
            "neutral"
            if r < 0.15
            else "against_cooperation"
            if r < 0.15 + 0.85 * leaning
            else "for_cooperation"
        )
        quote = self._quote(stance)
        said_on, precision = self._date(article.published, 7)
        when = "" if said_on is None else f" {date_phrase(said_on, precision)}"
        span = article.body.add(f"{speaker.who} said{when}: “", quote, "”")
        row = self._evidence(Statement, article, span, precision)
        article.rows[Statement].append((*row, speaker.id, index + 1, quote, said_on, stance))

    def _speaker(self, jurisdiction_id: int) -> _Speaker:
        rng, own = self.rng, self.data.speakers.get(jurisdiction_id)
        others = self.data.unaffiliated
        if own and (not others or rng.random() < 0.85):
            # The head of a place speaks most, its long tail of officials rarely.
            return own[min(int(rng.expovariate(0.6)), len(own) - 1)]
        if others:
            return rng.choice(others)
        return rng.choice([s for speakers in self.data.speakers.values() for s in speakers])

    def _quote(self, stance: str) -> str:
        """10 to 60 words: sentences of the stance's vocabulary, with neutral ones mixed in."""
        random, target = self.rng.random, self.rng.randint(10, 45)
        own, neutral = self.sentences[stance], self.sentences["neutral"]
        chosen: list[str] = []
        words = 0
        while words < target:
            pool = own if random() < 0.8 else neutral
            sentence, n = pool[int(random() * len(pool))]
            if words + n <= 60:
                chosen.append(sentence)
                words += n
        return " ".join(chosen)

    # Enforcement events.

    def _event_units(self, n: int) -> list[Callable]:
        """Single events, and operations with their parts (an operation and 1-3 parts)."""
        rng, units = self.rng, []
        while n:
            if n >= 2 and rng.random() < 0.3:
                parts = rng.randint(1, min(3, n - 1))
                units.append(lambda article, parts=parts: self._operation(article, parts))
                n -= parts + 1
            else:
                kind = rng.choices(
                    ("operation", "raid", "planned_raid", "arrests", "detention"),
                    (5, 25, 10, 40, 20),
                )[0]
                units.append(lambda article, kind=kind: self._single_event(article, kind))
                n -= 1
        return units

    def _count(self, kind: str) -> int | None:
        rng = self.rng
        if kind == "planned_raid" or rng.random() < 0.1:
            return None
        scale = {"raid": 6, "arrests": 4, "detention": 2, "operation": 30}[kind]
        return min(int(scale * rng.paretovariate(1.3)), 5000)

    def _event(self, article: _ArticleFacts, kind: str, parent=None) -> tuple[int, int | None]:
        rng = self.rng
        index = parent[1] if parent and rng.random() < 0.7 else self._jurisdiction(article)
        article.jurisdictions.add(index + 1)
        where = label(self.data.places[index])
        starts_on, precision = parent[2] if parent else self._date(article.published, 60)
        count = self._count(kind)
        when = date_phrase(starts_on, precision)
        number = "an unknown number of" if count is None else f"{count:,}"
        site = rng.choice(EVENT_SITES)
        sentence = {
            "raid": f"Immigration agents raided a {site} in {where} {when}, detaining {number} "
            "workers.",
            "planned_raid": f"Advocates in {where} warned {when} of a planned ICE raid on a "
            f"{site}.",
            "arrests": f"ICE arrested {number} people in {where} {when}.",
            "detention": f"{number.capitalize()} people arrested in {where} were held at the "
            f"{rng.choice(FACILITIES)} {when}.",
        }[kind]
        ends_on = None
        if starts_on is not None and precision == "month":
            ends_on = starts_on.replace(day=calendar.monthrange(starts_on.year, starts_on.month)[1])
        span = article.body.add("", sentence)
        event_id = self._event_row(article, span, precision, kind, "", index, starts_on, ends_on)
        article.rows[EnforcementEvent][-1] += (count, sentence, parent[0] if parent else None)
        return event_id, count

    def _operation(self, article: _ArticleFacts, parts: int) -> None:
        rng = self.rng
        index = self._jurisdiction(article)
        name = f"Operation {rng.choice(OPERATION_WORDS[0])} {rng.choice(OPERATION_WORDS[1])}"
        starts_on, precision = self._date(article.published, 60)
        ends_on = None
        if starts_on is not None:
            ends_on = min(starts_on + dt.timedelta(days=rng.randint(0, 20)), self.data.today)
        where = label(self.data.places[index])
        sentence = (
            f"Federal agents carried out {name} in {where} {date_phrase(starts_on, precision)}, "
            "according to officials."
        )
        span = article.body.add("", sentence)
        op_id = self._event_row(
            article, span, precision, "operation", name, index, starts_on, ends_on
        )
        op_row = len(article.rows[EnforcementEvent]) - 1
        parent = (op_id, index, (starts_on, precision))
        kinds = [rng.choice(("arrests", "arrests", "raid", "detention")) for _ in range(parts)]
        counts = [self._event(article, kind, parent)[1] for kind in kinds]
        total = None if None in counts else sum(counts)
        article.rows[EnforcementEvent][op_row] += (total, sentence, None)

    def _event_row(self, article, span, precision, kind, name, index, starts_on, ends_on) -> int:
        row = self._evidence(EnforcementEvent, article, span, precision)
        article.rows[EnforcementEvent].append((*row, kind, name, index + 1, starts_on, ends_on))
        return row[0]

    def _single_event(self, article: _ArticleFacts, kind: str) -> None:
        if kind == "operation":
            self._operation(article, 0)
        else:
            self._event(article, kind)

    # Policy actions.

    def _policy(self, article: _ArticleFacts) -> None:
        rng = self.rng
        index = self._jurisdiction(article)
        place = self.data.places[index]
        kinds, weights = zip(*POLICY_KINDS[place.kind], strict=True)
        kind = rng.choices(kinds, weights)[0]
        limits = rng.random() < self.data.leaning[index]
        if kind in ("jail_contract", "agreement_287g"):
            limits = rng.random() < 0.15  # these are mostly agreements to cooperate
        direction = "limits" if limits else "cooperates"
        indicators = rng.sample(POLICY_INDICATORS[kind], rng.choice((1, 1, 1, 2, 2)))
        if len(POLICY_INDICATORS[kind]) == 1:
            indicators = indicators[:1]
        effective_on, precision = self._date(article.published, 120)
        actor = POLICY_ACTORS[kind].format(
            head=HEADS[place.kind].format(name=place.name),
            council=COUNCILS[place.kind].format(name=place.name),
            agency=AGENCIES[place.kind].format(name=place.name),
            name=place.name,
        )
        what = " and ".join(EFFECT_PHRASES[(i, direction)] for i in indicators)
        when = date_phrase(effective_on, precision)
        sentence = f"{when[0].upper()}{when[1:]}, {actor} {what}."
        span = article.body.add("", sentence)
        row = self._evidence(PolicyAction, article, span, precision)
        article.rows[PolicyAction].append((*row, index + 1, kind, sentence, effective_on))
        article.rows[PolicyEffect].extend((row[0], i, direction) for i in indicators)


@dataclass
class _ArticleFacts:
    id: int
    main: int
    published: dt.date
    ingested: dt.datetime
    body: _Body
    rows: Rows
    jurisdictions: set[int] = field(default_factory=set)
    officials: set[int] = field(default_factory=set)
