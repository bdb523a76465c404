"""The values that flow through the extraction pipeline.

Every step is a pure function: text (and the results of earlier steps) in, these values out.
Spans are character offsets into the *cleaned* body (the text that is stored), so
``text[start:end]`` is always the exact words a fact came from. Nothing here touches the
database; ``articles.services.article_ingest`` turns an ``Extraction`` into rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The vocabularies below mirror the TextChoices of the models in ``stances.models``.
PLACE_KINDS = ("city", "county", "state", "federal_district")
SPEAKER_KINDS = ("person", "organisation")
# The level of government a speaker speaks for. Federal officials and agencies (judges, ICE,
# DHS, CBP, US attorneys, members of Congress, the White House) have no local jurisdiction.
SPEAKER_LEVELS = ("local", "state", "federal", "other")
STATEMENT_STANCES = ("against_cooperation", "for_cooperation", "neutral")
# Where a statement's date comes from: words of the article ("said Thursday"), or only the
# publication date (the day the words were reported, not necessarily the day they were said).
DATE_SOURCES = ("text", "published", "")
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
# A policy action as the article reports it. Only "enacted" and "in_force" policies count toward
# a stance (enacted: decided, in force from ``effective_on``); "proposed" covers bills, proposals
# and announcements of what a place "will" do; "blocked" is stopped by a court; "lapsed" and
# "repealed" are ended (``ends_on`` when the text says when).
POLICY_STATUSES = ("proposed", "enacted", "in_force", "blocked", "lapsed", "repealed")
INDICATORS = (
    "detainers",
    "jail_access",
    "information_sharing",
    "local_resources",
    "agreement_287g",
)
DIRECTIONS = ("limits", "cooperates")


@dataclass(frozen=True)
class Place:
    """One US jurisdiction from the gazetteer."""

    slug: str  # "atlanta-ga", "cook-county-il", "massachusetts", "washington-dc"
    name: str  # "Atlanta", "Cook County", "Massachusetts", "Washington"
    kind: str  # one of PLACE_KINDS
    state: str  # USPS code: "GA"; "DC" for the district
    external_id: str  # "geonames:4180439" for cities, "fips:17031" counties, "fips:13" states
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None


@dataclass(frozen=True)
class PlaceMention:
    """The words in the text that name a place: ``text[start:end]``."""

    start: int
    end: int
    place: Place


@dataclass
class Speaker:
    """A person, or an organisation speaking as one, with every reference to it in the text."""

    key: str  # slug of the canonical name, stable across articles: "ana-ruiz"
    name: str  # "Ana Ruiz", "Los Angeles Police Department", "ICE"
    kind: str  # one of SPEAKER_KINDS
    role: str = ""  # "Mayor", "Police Chief", "legal and advocacy director", "" if none
    affiliation: str = ""  # "Immigrant Law Center", "U.S. Immigration and Customs Enforcement"
    place: Place | None = None  # the jurisdiction they serve, if the text says
    # Spans of every reference: the introduction first, then surnames and pronouns.
    mentions: list[tuple[int, int]] = field(default_factory=list)
    level: str = "other"  # one of SPEAKER_LEVELS; "federal" speakers never have a place


@dataclass
class StatementCandidate:
    """A verbatim quotation attributed to a speaker. ``text[start:end]`` is the quote itself,
    without the surrounding quotation marks."""

    start: int
    end: int
    speaker_key: str  # Speaker.key
    stance: str  # one of STATEMENT_STANCES
    place: Place | None = None  # the jurisdiction it speaks for; None for federal speakers
    said_on: dt.date | None = None
    date_precision: str = "day"  # "day" | "month" | "year": how much of said_on the text gives
    date_source: str = ""  # one of DATE_SOURCES: how said_on was found ("" when it is None)
    # A quotation split by its attribution ("We will not," she said, "hold anyone.") is two
    # statements; the second one's ``continues`` is the index of the first in the same list.
    continues: int | None = None


@dataclass
class EventCandidate:
    """An ICE operation, raid, planned raid, arrests or detention; ``text[start:end]`` is the
    evidence (the clause naming the place and count)."""

    kind: str  # one of EVENT_KINDS
    start: int
    end: int
    summary: str
    name: str = ""  # "Operation Cross Check"
    place: Place | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    count: int | None = None  # arrests or people, 1 to events.MAX_COUNT; None when not stated
    parent: int | None = None  # index (in the same list) of the operation this is part of
    # A date known only to the month ("a mid-February raid") is the whole month: starts_on is its
    # first day, ends_on its last, and date_precision says "month".
    date_precision: str = "day"


@dataclass
class PolicyCandidate:
    """A decision that sets one or more cooperation indicators; ``text[start:end]`` is the
    sentence (or clause) that reports it."""

    kind: str  # one of POLICY_KINDS
    start: int
    end: int
    summary: str
    indicators: tuple[tuple[str, str], ...]  # ((indicator, direction), ...)
    place: Place | None = None
    effective_on: dt.date | None = None  # the first day of the period date_precision names
    date_precision: str = "day"
    status: str = "in_force"  # one of POLICY_STATUSES
    ends_on: dt.date | None = None  # when a lapsed, repealed or time-limited policy ends


@dataclass
class DeclarationCandidate:
    """A place's words about itself ("we are a sanctuary city", "remains a welcoming city", "is
    not a sanctuary jurisdiction"): shown beside the policies, never one of them and never
    counted toward a stance. ``text[start:end]`` is the declaring phrase."""

    start: int
    end: int
    place: Place | None
    label: str  # the label claimed or denied, as written: "sanctuary city", "welcoming city"
    negated: bool = False  # "is not a sanctuary city"
    speaker_key: str = ""  # Speaker.key when the words are a speaker's quotation
    summary: str = ""


@dataclass
class Extraction:
    """Everything the pipeline found in one cleaned body."""

    body: str
    places: list[PlaceMention] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    statements: list[StatementCandidate] = field(default_factory=list)
    events: list[EventCandidate] = field(default_factory=list)
    policies: list[PolicyCandidate] = field(default_factory=list)
    declarations: list[DeclarationCandidate] = field(default_factory=list)
