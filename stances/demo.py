"""Demo data: a generated data set of production size and shape, loaded into its own database.

``DemoData`` is pure: for one ``DemoSize`` (counts, seed, clock) it yields the same rows, as
tuples in the column order of ``COLUMNS``. Jurisdictions are real gazetteer places; everything
else is invented from the word lists below (no real people). Facts are skewed (Zipf-like: a few
jurisdictions have most of them) and every article's body is built from its facts' sentences, so
``body[span_start:span_end]`` is always the fact's words and a statement's quote exactly.

``demo_data_generate`` is the service behind ``manage.py generate_demo_data``: it points a
``demo`` connection alias at the target database, refuses the configured default database and a
target that already has data (unless ``replace``), migrates it and streams the rows in, in one
transaction: COPY on PostgreSQL, ``bulk_create`` elsewhere. Constraints stay on.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import math
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from queue import Full, Queue

import environ
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction

from articles.extraction.gazetteer import gazetteer, slugify
from articles.extraction.types import Place
from articles.models import Article, body_sha256

from . import summaries
from .models import (
    CorrectionRequest,
    EnforcementEvent,
    Jurisdiction,
    JurisdictionSummary,
    Official,
    PolicyAction,
    PolicyEffect,
    Statement,
)

ALIAS = "demo"
YEARS = 10
ArticleJurisdiction = Article.jurisdictions.through
ArticleOfficial = Article.officials.through

_EVIDENCE = (
    "id",
    "article_id",
    "span_start",
    "span_end",
    "review_status",
    "date_precision",
    "reviewed_at",
    "extraction_key",
    "created_at",
    "updated_at",
)
# Load order (parents first), and the columns each row tuple fills.
COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    Jurisdiction: (
        "id",
        "name",
        "kind",
        "state",
        "slug",
        "external_id",
        "latitude",
        "longitude",
        "population",
        "created_at",
        "updated_at",
    ),
    Official: (
        "id",
        "name",
        "slug",
        "kind",
        "role",
        "jurisdiction_id",
        "affiliation",
        "created_at",
        "updated_at",
    ),
    Article: (
        "id",
        "title",
        "outlet",
        "url",
        "published_on",
        "body",
        "sha256",
        "ingested_at",
        "updated_at",
    ),
    Statement: (*_EVIDENCE, "speaker_id", "jurisdiction_id", "quote", "said_on", "stance"),
    EnforcementEvent: (
        *_EVIDENCE,
        "kind",
        "name",
        "jurisdiction_id",
        "starts_on",
        "ends_on",
        "count",
        "summary",
        "parent_id",
    ),
    PolicyAction: (*_EVIDENCE, "jurisdiction_id", "kind", "summary", "effective_on"),
    PolicyEffect: ("policy_id", "indicator", "direction"),
    ArticleJurisdiction: ("article_id", "jurisdiction_id"),
    ArticleOfficial: ("article_id", "official_id"),
}
Rows = dict[type[models.Model], list[tuple]]


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


# --- Word lists ----------------------------------------------------------------------------

FIRST_NAMES = (
    "Avery", "Blake", "Camila", "Dana", "Elena", "Farid", "Grace", "Hector", "Imani", "Jonah",
    "Keisha", "Luis", "Marisol", "Nathan", "Olivia", "Priya", "Quentin", "Rosa", "Samuel",
    "Tamara", "Ulises", "Valeria", "Wesley", "Ximena", "Yusuf", "Zoe", "Andre", "Beatriz",
    "Carter", "Delia", "Emmett", "Fiona", "Gabriel", "Hana", "Isaac", "Jolene", "Kwame",
    "Lorena", "Marcus", "Nadia", "Omar", "Paulina", "Reuben", "Sofia", "Tobias", "Uma",
    "Vincent", "Wanda", "Xavier", "Yolanda", "Zachary",
)  # fmt: skip
LAST_NAMES = (
    "Abernathy", "Baptiste", "Castellanos", "Delgado", "Ekwueme", "Fairbanks", "Galloway",
    "Halvorsen", "Ibarra", "Jablonski", "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura",
    "Okonkwo", "Pemberton", "Quintero", "Rasmussen", "Sandoval", "Thibodeaux", "Underhill",
    "Valdivia", "Whitcomb", "Yarbrough", "Zamora", "Ashby", "Bellweather", "Cordero", "Dunleavy",
    "Esparza", "Fitzgerald", "Guerrero", "Hollister", "Iverson", "Jaramillo", "Kensington",
    "Lockhart", "Montalvo", "Novak", "Ortega", "Prescott", "Renfroe", "Sorensen", "Trujillo",
    "Vasquez", "Whitfield",
)  # fmt: skip
INITIALS = "ABCDEFGHJKLMNPRSTW"

# Roles by jurisdiction kind: the first is who speaks most, the rest fill the long tail.
ROLES = {
    "city": ("Mayor", "Police Chief", "City Attorney", "Deputy Mayor", "Council member"),
    "federal_district": ("Mayor", "Police Chief", "Attorney General", "Council member"),
    "county": ("Sheriff", "County Executive", "District Attorney", "County Commissioner"),
    "state": ("Governor", "Attorney General", "Lieutenant Governor", "State Senator"),
}
ORGANISATIONS = {
    "city": "{name} Police Department",
    "federal_district": "Metropolitan Police Department",
    "county": "{name} Sheriff's Office",
    "state": "{name} Department of Public Safety",
}
UNAFFILIATED = (
    ("ICE Field Office Director", "U.S. Immigration and Customs Enforcement"),
    ("ICE spokesperson", "U.S. Immigration and Customs Enforcement"),
    ("Immigration attorney", "Community Legal Aid Collective"),
    ("Executive director", "Neighbors United Immigrant Coalition"),
    ("Policy analyst", "Center for Public Safety Research"),
    ("Organizer", "Families Together Network"),
)

SUBJECTS = {
    "against_cooperation": (
        "our officers", "this city", "our deputies", "the county", "our jail", "my office",
        "city employees", "our police department", "this community", "we",
    ),
    "for_cooperation": (
        "our deputies", "the sheriff's office", "this county", "our jail", "we", "my office",
        "local law enforcement", "the state", "our officers",
    ),
    "neutral": ("we", "council members", "our attorneys", "county officials", "city staff"),
}  # fmt: skip
PREDICATES = {
    "against_cooperation": (
        "will not honor detainer requests without a judicial warrant",
        "will not do the federal government's job for it",
        "will not ask anyone about their immigration status",
        "will not hold people past their release date for ICE",
        "cannot let these raids tear families apart",
        "will not share our residents' information with federal agents",
        "must protect the trust between officers and immigrant neighbors",
        "will keep local money for local priorities",
        "will not let ICE agents walk into our jail without a warrant",
        "should not be afraid to call the police or send their kids to school",
        "will end the 287(g) agreement at the end of this term",
        "will stand with the families who were detained last week",
    ),
    "for_cooperation": (
        "will honor every detainer ICE sends us",
        "will keep working with our federal partners",
        "will hand people who commit crimes here to federal authorities",
        "will renew the 287(g) agreement because it keeps neighborhoods safe",
        "cannot release dangerous people back onto the street",
        "will give ICE officers access to the jail as the law requires",
        "must follow state law on immigration detainers",
        "will notify ICE before we release anyone they have asked about",
        "will support the operation with local deputies",
        "should not be a sanctuary for people who break the law",
    ),
    "neutral": (
        "are reviewing the new federal guidance with our lawyers",
        "will take up the question at the next public meeting",
        "have not received any detainer requests this month",
        "are waiting for the court to rule on the ordinance",
        "will publish the numbers once they are confirmed",
        "need more time to study the contract before anyone votes",
        "have asked ICE for a list of the people it detained",
        "will hold a town hall on immigration enforcement next week",
    ),
}
OPENERS = ("", "", "", "", "Let me be clear: ", "Frankly, ", "As I said last week, ", "Today ")
TAILS = (
    "", "", "", "", " and that is not going to change", " no matter what Washington says",
    " for as long as I hold this office", " and the numbers back that up",
    " because public safety depends on it", " and residents deserve to know that",
)  # fmt: skip

EVENT_SITES = (
    "food processing plant", "construction site", "car wash", "apartment complex",
    "restaurant", "farm", "warehouse", "flea market", "courthouse parking lot",
)  # fmt: skip
FACILITIES = ("county jail", "regional processing center", "federal detention center")
OPERATION_WORDS = (
    ("Silent", "Cross", "Harbor", "Granite", "Desert", "Northern", "Iron", "Blue", "Clear"),
    ("Sweep", "Horizon", "Shield", "Tide", "Falcon", "Gate", "Compass", "Lantern", "River"),
)
# (indicator, direction) -> what a policy does.
EFFECT_PHRASES = {
    ("detainers", "limits"): "bars local jails from holding people on ICE detainers "
    "without a judicial warrant",
    ("detainers", "cooperates"): "requires local jails to honor ICE detainer requests",
    ("jail_access", "limits"): "keeps ICE agents out of the jail without a warrant",
    ("jail_access", "cooperates"): "gives ICE officers access to the jail to interview inmates",
    ("information_sharing", "limits"): "forbids employees from sharing residents' immigration "
    "status with federal agents",
    ("information_sharing", "cooperates"): "requires release dates to be reported to ICE",
    ("local_resources", "limits"): "prohibits the use of local funds and staff for federal "
    "immigration enforcement",
    ("local_resources", "cooperates"): "directs local police to assist federal immigration "
    "operations",
    ("agreement_287g", "limits"): "ends the 287(g) agreement with ICE",
    ("agreement_287g", "cooperates"): "enters a 287(g) agreement that lets deputies act as "
    "immigration officers",
}
POLICY_INDICATORS = {
    "executive_order": ("local_resources", "information_sharing", "detainers"),
    "ordinance": ("local_resources", "information_sharing", "detainers"),
    "resolution": ("local_resources", "information_sharing"),
    "state_law": ("detainers", "information_sharing", "local_resources", "agreement_287g"),
    "law_enforcement_policy": ("detainers", "jail_access", "information_sharing"),
    "jail_contract": ("jail_access", "detainers"),
    "agreement_287g": ("agreement_287g", "jail_access"),
    "other": ("local_resources", "information_sharing"),
}
# Kinds of policy action by jurisdiction kind, with weights.
POLICY_KINDS = {
    "state": (("state_law", 60), ("executive_order", 25), ("agreement_287g", 5), ("other", 10)),
    "county": (
        ("law_enforcement_policy", 30),
        ("jail_contract", 20),
        ("agreement_287g", 20),
        ("ordinance", 10),
        ("resolution", 10),
        ("executive_order", 5),
        ("other", 5),
    ),
    "city": (
        ("ordinance", 30),
        ("resolution", 25),
        ("executive_order", 20),
        ("law_enforcement_policy", 20),
        ("other", 5),
    ),
}
POLICY_KINDS["federal_district"] = POLICY_KINDS["city"]
POLICY_ACTORS = {
    "executive_order": "{head} signed an executive order that",
    "ordinance": "the {council} passed an ordinance that",
    "resolution": "the {council} adopted a resolution that",
    "state_law": "{name} lawmakers passed a law that",
    "law_enforcement_policy": "the {agency} adopted a policy that",
    "jail_contract": "officials in {name} approved a jail contract with ICE that",
    "agreement_287g": "officials in {name} voted on an agreement with ICE that",
    "other": "officials in {name} announced a change that",
}
HEADS = {
    "city": "the mayor",
    "federal_district": "the mayor",
    "county": "the county executive",
    "state": "{name}'s governor",
}
COUNCILS = {
    "city": "{name} City Council",
    "federal_district": "D.C. Council",
    "county": "{name} Board of Commissioners",
    "state": "{name} legislature",
}
AGENCIES = {
    "city": "{name} police department",
    "federal_district": "Metropolitan Police Department",
    "county": "{name} sheriff's office",
    "state": "{name} state police",
}

FILLERS = (
    "The debate over cooperation with federal immigration authorities has divided {place}.",
    "Immigrant rights groups have pressed officials in {place} for answers for months.",
    "The sheriff's office did not respond to a request for comment.",
    "ICE said it does not comment on ongoing operations.",
    "About a dozen residents spoke during the public comment period.",
    "Attorneys for several of the people detained said they had not been allowed to call "
    "their families.",
    "The vote came after a three-hour meeting that stretched past midnight.",
    "Local officials said they had learned of the operation from news reports.",
    "Federal officials have threatened to cut grants to jurisdictions that limit cooperation.",
    "The number of detainer requests sent to the jail has risen every year since 2019.",
)
HEADLINES = (
    "{place} weighs limits on cooperation with ICE",
    "Sheriff defends jail's work with immigration agents in {place}",
    "Immigration arrests in {place} draw protests",
    "{place} officials split over detainer policy",
    "What the new ICE agreement means for {place}",
    "Families in {place} describe a week of raids",
    "{place} council votes on sanctuary measure",
)
OUTLETS = (
    ("Metro Ledger", "metroledger"),
    ("Valley Courier", "valleycourier"),
    ("Capitol Report", "capitolreport"),
    ("Harbor Times", "harbortimes"),
    ("Prairie Dispatch", "prairiedispatch"),
    ("Public Radio Newsroom", "publicradionews"),
    ("The Daily Sentinel", "dailysentinel"),
    ("Northern Gazette", "northerngazette"),
)
MONTHS = tuple(calendar.month_name)[1:]

# Rough populations for the places the gazetteer gives none: they only order the skew.
GUESSED_POPULATION = {"state": 2_500_000, "county": 150_000, "federal_district": 700_000}


# --- Pure helpers --------------------------------------------------------------------------


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


# --- Loading -------------------------------------------------------------------------------

# Emptied by ``replace``: the facts, articles, officials and jurisdictions, with their history
# (whose ids would otherwise describe the new rows) and the readers' reports about old facts.
OWNED = (
    CorrectionRequest,
    PolicyEffect,
    Statement,
    EnforcementEvent,
    PolicyAction,
    ArticleJurisdiction,
    ArticleOfficial,
    Article,
    Official,
    JurisdictionSummary,
    Jurisdiction,
)


def _tables() -> list[type[models.Model]]:
    history = [m.history.model for m in OWNED if hasattr(m, "history")]
    return [*OWNED, *history]


@dataclass(frozen=True)
class DemoResult:
    rows: dict[str, int]
    seconds: float
    dry_run: bool = False

    def summary(self) -> str:
        counts = ", ".join(f"{n:,} {table}" for table, n in self.rows.items())
        verb = "Would load" if self.dry_run else "Loaded"
        return f"{verb} {counts} in {self.seconds:.1f} s."


def database_identity(config: dict) -> tuple:
    """What makes two connection settings the same database, whatever the spelling."""
    engine, name = config["ENGINE"], str(config.get("NAME") or "")
    if engine.endswith("sqlite3"):
        memory = name == ":memory:" or "mode=memory" in name
        return engine, name if memory else str(Path(name).expanduser().resolve())
    host = config.get("HOST") or "localhost"
    host = "localhost" if host in ("127.0.0.1", "::1", "") else host
    port = str(config.get("PORT") or (5432 if "postgresql" in engine else ""))
    return engine, host, port, name


def target_config(url: str) -> dict:
    """Connection settings for ``url``; refuses the configured default database."""
    try:
        config = environ.Env.db_url_config(url)
    except Exception as error:  # django-environ raises several kinds on a bad URL
        raise DemoError(f"Not a database URL: {url!r} ({error}).") from error
    if database_identity(config) == database_identity(settings.DATABASES[DEFAULT_DB_ALIAS]):
        raise DemoError(
            "The demo database must not be the configured default database: "
            "give the URL of a database of its own."
        )
    return config


@contextmanager
def demo_connection(config: dict, alias: str = ALIAS) -> Iterator[str]:
    """A connection alias to the target database, for the duration of the block."""
    if alias in connections.databases:
        raise DemoError(f"The database alias {alias!r} is already configured.")
    configured = connections.configure_settings(
        {DEFAULT_DB_ALIAS: connections.databases[DEFAULT_DB_ALIAS], alias: config}
    )
    connections.databases[alias] = configured[alias]
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.databases[alias]


@contextmanager
def _as_default(alias: str) -> Iterator[None]:
    """Point the ``default`` alias at ``alias`` while code that takes no ``using`` runs.

    A migration (the editors group) and ``summaries.refresh_all`` query the default database
    implicitly; inside this block they reach the demo database instead, never the editors' one.
    """
    original = connections[DEFAULT_DB_ALIAS]
    connections[DEFAULT_DB_ALIAS] = connections[alias]
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS] = original
        ContentType.objects.clear_cache()  # it was filled, under "default", from the demo


def existing_rows(alias: str) -> dict[str, int]:
    """Rows already in the tables the demo fills (a table not created yet counts as empty)."""
    tables = set(connections[alias].introspection.table_names())
    return {
        m._meta.db_table: m.objects.using(alias).count()
        for m in (Article, Jurisdiction, Official, Statement, EnforcementEvent, PolicyAction)
        if m._meta.db_table in tables
    }


def empty_tables(alias: str) -> None:
    connection, tables = connections[alias], _tables()
    if connection.vendor == "postgresql":
        names = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in tables)
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        return
    for model in tables:
        model._base_manager.using(alias).all()._raw_delete(alias)


def _copy(cursor, connection, model, rows) -> int:
    """COPY the rows into the model's table (psycopg 3), returning how many."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in COLUMNS[model])
    n = 0
    with cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def _bulk_create(alias, model, rows, batch_size: int = 2000) -> int:
    n, rows = 0, iter(rows)
    while chunk := list(itertools.islice(rows, batch_size)):
        model.objects.using(alias).bulk_create(
            [model(**dict(zip(COLUMNS[model], row, strict=True))) for row in chunk]
        )
        n += len(chunk)
    return n


def _ahead(batches: Iterator[Rows], depth: int = 2) -> Iterator[Rows]:
    """The batches, generated in a thread while the database stores the previous ones."""
    queue: Queue = Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for batch in batches:
                while not stop.is_set():
                    try:
                        queue.put(batch, timeout=0.5)
                        break
                    except Full:
                        continue
            queue.put(None)
        except BaseException as error:  # handed to the consumer, raised there
            queue.put(error)

    thread = threading.Thread(target=produce, name="demo-data", daemon=True)
    thread.start()
    try:
        while (item := queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()


def load(data: DemoData, alias: str, progress: Callable[[str], None] | None = None) -> dict:
    """Write every row of ``data`` into the (empty) database ``alias``; rows per table."""
    connection = connections[alias]
    totals = dict.fromkeys(COLUMNS, 0)
    started = time.perf_counter()
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Foreign keys stay deferred (Django's default): checked in bulk at the commit,
            # which measured faster than a check per row during the COPY.

            def write(model, rows):
                return _copy(cursor, connection, model, rows)
        else:

            def write(model, rows):
                return _bulk_create(alias, model, rows)

        totals[Jurisdiction] = write(Jurisdiction, data.jurisdiction_rows())
        totals[Official] = write(Official, data.official_rows())
        for number, batch in enumerate(_ahead(data.batches()), start=1):
            for model, rows in batch.items():
                totals[model] += write(model, rows)
            if progress and number % 10 == 0:
                elapsed = time.perf_counter() - started
                done = f"{totals[Article]:,} articles, {totals[Statement]:,} statements"
                progress(f"{done} ({elapsed:.0f} s)")
        for sql in connection.ops.sequence_reset_sql(no_style(), list(COLUMNS)):
            cursor.execute(sql)
    return {model._meta.db_table: n for model, n in totals.items()}


def analyze(alias: str) -> None:
    """Fresh planner statistics for the tables just filled (PostgreSQL)."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (*COLUMNS, JurisdictionSummary):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _refresh_summaries(alias: str) -> None:
    """The demo database's summaries, inside the load's transaction. The cached answers are
    invalidated once it has committed (``_invalidate``), not from a commit hook: that would run
    after ``_as_default`` has given the default alias back, against the developer's database."""
    with _as_default(alias):
        summaries.refresh_all(bump=False)


def _invalidate(alias: str) -> None:
    """Bump the data version where servers of the demo database find it: the cache this process
    is configured with, Redis say, or the demo database's own cache table (the default)."""
    with _as_default(alias):
        summaries.bump_version()  # outside a transaction: now, and only now


def demo_data_generate(
    *,
    database_url: str,
    size: DemoSize,
    replace: bool = False,
    dry_run: bool = False,
    verbosity: int = 1,
    progress: Callable[[str], None] | None = None,
) -> DemoResult:
    """Generate the demo data set of ``size`` into the database at ``database_url``."""
    started = time.perf_counter()
    size.check()
    config = target_config(database_url)
    say = progress or (lambda message: None)
    with demo_connection(config) as alias:
        existing = {table: n for table, n in existing_rows(alias).items() if n}
        if existing and not replace:
            found = ", ".join(f"{n:,} rows in {table}" for table, n in existing.items())
            raise DemoError(f"The target database already has data ({found}): pass --replace.")
        if dry_run:
            planned = {"jurisdictions": size.jurisdictions, "officials": size.officials,
                       "articles": size.articles, "statements": size.statements,
                       "events": size.events, "policies": size.policies}  # fmt: skip
            return DemoResult(planned, time.perf_counter() - started, dry_run=True)
        say("Migrating the target database.")
        with _as_default(alias):
            quiet = max(verbosity - 2, 0)
            call_command("migrate", database=alias, interactive=False, verbosity=quiet)
            call_command("createcachetable", database=alias, verbosity=quiet)
        # One transaction: a failed load leaves the target as it was, old data included.
        with transaction.atomic(using=alias):
            if existing:
                say("Emptying the target's facts, articles, officials and jurisdictions.")
                empty_tables(alias)
            rows = load(DemoData(size), alias, progress)
            say("Refreshing the precomputed summaries.")
            _refresh_summaries(alias)
        _invalidate(alias)
        analyze(alias)
    return DemoResult(rows, time.perf_counter() - started)
