"""ICE's 287(g) lists imported as evidence, with their history across snapshots.

``ice_287g_import`` stores one downloaded spreadsheet (``ice_287g_import_files``: several, in date
order), each file in one transaction, with one summary refresh and one data-version bump:

- **The source.** The snapshot's rows, rendered one line per row (``snapshot_text``), are the text
  of an ``Article`` of kind dataset, with its provenance (ICE, the list's page, ICE's date stamp as
  published on, the download day as retrieved on, public domain). It is found again by the text's
  sha256, so the same file imported again changes nothing. A ``ListSnapshot`` records each file.
- **Agreements.** Each valid row of the participating list is a ``PolicyAction`` of kind
  ``agreement_287g``, in force from its SIGNED date: it sets ``agreement_287g`` to cooperates and
  what its model implies (``MODEL_EFFECTS``; the methodology page gives ICE's own description of
  each model). A SIGNED cell that is not a date leaves the agreement undated: it then counts from
  its source snapshot's date, as an undated article's policy does. Each row of the pending list is
  the same, but **proposed**: a request is not an agreement and never counts.
- **Places.** ``resolve_agency`` says which county, town or state an agency acts for, or that it is
  none (a university, a port authority, a state's prisons...): never a guess. The agency is an
  ``Official`` of kind organisation linked to its place; an agency that is no place keeps its
  listing and its official, with no policy, and the report says why.
- **History.** Rows are matched to the listings already known (``match_rows``: ICE's renames and
  typo fixes continue the same ``AgreementListing``); each listing records the first and last
  snapshot that listed it. One missing from a newer snapshot is flagged "no longer listed since"
  that snapshot's date and stays in force until an editor resolves it
  (``ice_287g_review.listing_resolve``). A flagged listing listed again is re-listed.
- **Where the evidence points.** A policy's span is its row's line in the *latest* snapshot that
  lists it, moved there at each import (``policy_sources_move``), so every row of the latest
  snapshot is a policy that slices it, or a report line. The exception is an undated agreement:
  it stays on the first snapshot that listed it, because that snapshot's date is the date it
  counts from (its rows of later snapshots each have a report line: the SIGNED defect).
- **Order.** A snapshot older than the latest one imported of its list is skipped (history is
  built in date order); the same file again is unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import BinaryIO

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from articles.datasets.agencies import Resolution, resolve_agency
from articles.datasets.ice_287g import (
    PARTICIPATING,
    Row,
    Snapshot,
    SnapshotText,
    UnreadableSnapshot,
    agreement_key,
    parse_file_name,
    read_snapshot,
    snapshot_report,
    snapshot_text,
)
from articles.datasets.matching import Continuation, match_rows
from articles.models import Article, SourceKind, body_sha256
from articles.services import article_create
from sanctuary import versions
from stances.models import (
    AgreementListing,
    AgreementModel,
    Direction,
    Indicator,
    Jurisdiction,
    ListSnapshot,
    Official,
    PolicyAction,
    PolicyKind,
    PolicyStatus,
    SpeakerKind,
    SpeakerLevel,
)

from .. import summaries
from ..jurisdictions import jurisdictions_for_places
from ..officials import official_create, official_update
from ..policies import policy_create, policy_sources_move, policy_update
from ..steps import rows_update
from . import report as r

PUBLISHER = "U.S. Immigration and Customs Enforcement (ICE)"
SOURCE_URL = "https://www.ice.gov/identify-and-arrest/287g"
LICENCE = "Public domain: a work of the U.S. federal government (17 U.S.C. § 105)"
LIST_TITLES = {
    "participating": "ICE 287(g) participating agencies (signed agreements)",
    "pending": "ICE 287(g) pending agencies (requests for an agreement)",
}

# What each of ICE's models implies, beside the agreement itself (the methodology page gives
# ICE's description of each): jail officers who question people about their status and lodge
# detainers hold people for ICE and let it work in the jail; officers who serve ICE's warrants in
# the jail hold people for ICE; a task force puts the police's own time into enforcement.
MODEL_EFFECTS: dict[str, tuple[str, ...]] = {
    AgreementModel.JAIL_ENFORCEMENT: (
        Indicator.AGREEMENT_287G,
        Indicator.DETAINERS,
        Indicator.JAIL_ACCESS,
    ),
    AgreementModel.WARRANT_SERVICE_OFFICER: (Indicator.AGREEMENT_287G, Indicator.DETAINERS),
    AgreementModel.TASK_FORCE: (Indicator.AGREEMENT_287G, Indicator.LOCAL_RESOURCES),
}
AGENCY_ROLE = "Law enforcement agency"


def model_effects(model: str) -> list[tuple[str, str]]:
    return [(indicator, Direction.COOPERATES) for indicator in MODEL_EFFECTS[model]]


Source = Path | str | BinaryIO


# --- entry points -------------------------------------------------------------------------


def ice_287g_import(
    *,
    path_or_file: Source,
    file_name: str | None = None,
    seen_on: dt.datetime | None = None,
    today: dt.date | None = None,
) -> r.ImportReport:
    """Import one participating or pending spreadsheet (a path, or an uploaded file object named
    by ``file_name``). ``seen_on`` overrides the download time the archive's file name gives;
    a file whose name carries no date at all stands for ``today``."""
    name = file_name or PurePath(str(getattr(path_or_file, "name", path_or_file))).name
    return r.ImportReport([_import_file(path_or_file, name, seen_on, today)])


def ice_287g_import_files(
    *, paths: Sequence[Path | str], today: dt.date | None = None
) -> r.ImportReport:
    """Import several files in the order their names date them (``import_order``), each in its
    own transaction: one that fails is reported and the others go on."""
    report = r.ImportReport()
    for path in sorted(paths, key=import_order):
        report.files.extend(ice_287g_import(path_or_file=path, today=today).files)
    return report


def import_order(path: Path | str) -> tuple[int, dt.datetime, str]:
    """Files by the day they stand for (the archive's download time, else ICE's stamp); files
    whose names carry no date last, in the order given."""
    _, seen_on, published_on = parse_file_name(str(path))
    if seen_on is None and published_on is not None:
        seen_on = dt.datetime.combine(published_on, dt.time.min, tzinfo=dt.UTC)
    if seen_on is None:
        return (1, dt.datetime.min.replace(tzinfo=dt.UTC), "")
    return (0, seen_on, PurePath(str(path)).name)


# --- one file -----------------------------------------------------------------------------


def _import_file(
    source: Source, name: str, seen_on: dt.datetime | None, today: dt.date | None
) -> r.FileReport:
    report = r.FileReport(file_name=name)
    try:
        snapshot = read_snapshot(source, file_name=name, seen_on=seen_on)
    except UnreadableSnapshot as error:
        report.outcome, report.reason = r.FAILED, error.reason
        return report
    with transaction.atomic(), summaries.refreshed_once():
        _FileImport(snapshot, report, today or timezone.localdate()).run()
        if report.outcome not in (r.FILE_UNCHANGED, r.SKIPPED):
            versions.data_changed()  # listings on hundreds of places' pages: every page goes
    return report


@dataclass
class _FileImport:
    """The import of one snapshot: its source, then each row against the listings known."""

    snapshot: Snapshot
    report: r.FileReport
    today: dt.date
    stored: SnapshotText = field(init=False)
    article: Article = field(init=False)
    list_snapshot: ListSnapshot = field(init=False)
    places: dict[int, Resolution] = field(default_factory=dict)  # row number -> resolution
    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    officials: _Officials = field(init=False)
    moves: list[tuple[PolicyAction, Article, tuple[int, int]]] = field(default_factory=list)
    listed_again: list[AgreementListing] = field(default_factory=list)  # only last_* changed
    new: list[AgreementListing] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.snapshot.kind

    def run(self) -> None:
        snapshot, report = self.snapshot, self.report
        as_of = snapshot.as_of or self.today
        seen_at = snapshot.seen_on or dt.datetime.combine(as_of, dt.time.min, tzinfo=dt.UTC)
        report.list_kind, report.as_of, report.rows = self.kind, as_of, len(snapshot.rows)
        self.stored = snapshot_text(snapshot)
        if not self._in_order(as_of, seen_at):
            return
        self._store_source(as_of, seen_at)
        self._rows()
        _listings_create(self.new)
        _listings_advance(self.listed_again)
        policy_sources_move(moves=self.moves)
        self.list_snapshot.counts = dict(report.counts)
        self.list_snapshot.save(update_fields=["counts"])

    # -- the source --

    def _in_order(self, as_of: dt.date, seen_at: dt.datetime) -> bool:
        """False (and the report says why) for the same file again, or one older than the
        latest snapshot imported of its list."""
        sha256 = body_sha256(self.stored.text)
        same = ListSnapshot.objects.filter(
            list_kind=self.kind, article__sha256=sha256, as_of=as_of
        ).first()
        if same is not None:
            self.report.outcome = r.FILE_UNCHANGED
            self.report.snapshot_id, self.report.article_id = same.pk, same.article_id
            self.report.counts[r.UNCHANGED] = len(self.snapshot.valid_rows)
            return False
        latest = ListSnapshot.objects.filter(list_kind=self.kind).order_by("-seen_at").first()
        if latest is not None and seen_at <= latest.seen_at:
            self.report.outcome = r.SKIPPED
            self.report.reason = (
                f"older than the latest {self.kind} snapshot imported ({latest.as_of}, "
                f"{latest.file_name}): history is built in date order, so nothing was stored"
            )
            return False
        return True

    def _store_source(self, as_of: dt.date, seen_at: dt.datetime) -> None:
        snapshot = self.snapshot
        article = Article.objects.filter(sha256=body_sha256(self.stored.text)).first()
        if article is None:
            dated = snapshot.published_on or as_of
            article = article_create(
                kind=SourceKind.DATASET,
                body=self.stored.text,
                title=f"{LIST_TITLES[self.kind]}, {dated:%B} {dated.day}, {dated.year}",
                outlet=PUBLISHER,
                url=SOURCE_URL,
                published_on=snapshot.published_on,
                retrieved_on=as_of,
                licence=LICENCE,
            )
        self.article = article
        self.list_snapshot = ListSnapshot(
            article=article,
            list_kind=self.kind,
            file_name=snapshot.file_name[:300],
            as_of=as_of,
            seen_at=seen_at,
        )
        self.list_snapshot.full_clean(exclude=["article"], validate_constraints=False)
        self.list_snapshot.save()
        self.report.snapshot_id, self.report.article_id = self.list_snapshot.pk, article.pk
        if snapshot.as_of is None:
            self.report.lines.append(
                r.ReportLine(
                    snapshot.file_name,
                    None,
                    "",
                    "kept",
                    f"the file name carries no date: the snapshot stands for {as_of}",
                )
            )

    # -- the rows --

    def _rows(self) -> None:
        snapshot, report = self.snapshot, self.report
        rejected = {row.number for row in snapshot.rows if row.rejected}
        for line in snapshot_report(snapshot):
            if line.row_number in rejected and not line.rejected:
                continue  # a rejected row's other defects: its rejection says enough
            outcome = "rejected" if line.rejected else "kept"
            report.lines.append(
                r.ReportLine(line.file_name, line.row_number, line.agency, outcome, line.reason)
            )
            if line.rejected:
                report.count(r.REJECTED, rejection_kind(line.reason))
            else:
                report.count(r.KEPT_WITH_NOTE)
        valid = snapshot.valid_rows
        self.places = {row.number: resolve_agency(row) for row in valid}
        found = [res.place for res in self.places.values() if res.place is not None]
        self.jurisdictions, _ = jurisdictions_for_places(found)
        known = list(
            AgreementListing.objects.open()
            .filter(list_kind=self.kind)
            .select_related("policy", "official", "jurisdiction")
            .order_by("pk")
        )
        self.officials = _Officials.load(valid, known)
        # match_rows hands back the very rows it was given: each is its listing's.
        listed = {id(row): (row, listing) for listing in known for row in [listed_row(listing)]}
        matching = match_rows([row for row, _ in listed.values()], snapshot.rows)
        for pair in matching.pairs:
            self._continue(listed[id(pair.earlier)][1], pair)
        for row in matching.new:
            self._create(row)
        for earlier in matching.vanished:
            self._flag(listed[id(earlier)][1])

    def _place_of(self, row: Row) -> Jurisdiction | None:
        resolution = self.places[row.number]
        if resolution.place is None:
            return None
        return self.jurisdictions[resolution.place.slug]

    def _not_a_place(self, row: Row, changes: Sequence[str] = ()) -> None:
        reason = "; ".join([self.places[row.number].reason, *changes])
        self.report.lines.append(
            r.ReportLine(self.snapshot.file_name, row.number, row.agency, r.NOT_A_PLACE, reason)
        )
        self.report.count(r.NOT_A_PLACE)

    def _create(self, row: Row) -> None:
        place = self._place_of(row)
        listing = AgreementListing(
            list_kind=self.kind,
            official=self.officials.get(row, place, self.places[row.number]),
            jurisdiction=place,
            first_listed_on=self.list_snapshot.as_of,
            first_snapshot=self.list_snapshot,
        )
        self._describe(listing, row)
        if place is not None:
            listing.policy = self._policy_create(row, place)
            self.report.count(r.CREATED)
        else:
            self._not_a_place(row)
        self.new.append(listing)

    def _continue(self, listing: AgreementListing, pair: Continuation) -> None:
        row, before = pair.later, _described(listing)
        changes = self._renamed(listing, pair)
        relisted = listing.no_longer_listed_since
        resolution = self.places[row.number]
        place, reason = self._place_of(row), resolution.reason
        if place is None and listing.jurisdiction is not None and "county" not in pair.changed:
            # ICE misspelt (or respelt) the name of an agreement already placed: the row is
            # the same agreement (match_rows), so it keeps its place rather than losing it.
            place = listing.jurisdiction
            reason = f"{reason}; the same agreement as listed before, so still {place}"
            changes.append(f"kept at {place}: {resolution.reason}")
        self._official_placed(listing, place)
        listing.jurisdiction = place or listing.jurisdiction
        if place is not None and listing.policy is None:
            listing.policy = self._policy_create(row, place)
            changes.append(f"now resolved to {place}")
        elif place is not None:
            changes += self._policy_follow(listing.policy, row, place)
        self._describe(listing, row, reason)
        listing.no_longer_listed_since = None
        if _described(listing) == before:
            self.listed_again.append(listing)
        else:
            _save(listing)
        if place is None:
            self._not_a_place(row, changes)
        elif relisted is not None:
            self._line(row, r.RELISTED, f"listed again (no longer listed since {relisted})")
            self.report.count(r.RELISTED)
        elif changes:
            self._line(row, r.UPDATED, "; ".join(changes))
            self.report.count(r.UPDATED)
        else:
            self.report.count(r.UNCHANGED)

    def _official_placed(self, listing: AgreementListing, place: Jurisdiction | None) -> None:
        """A continued listing keeps its agency's official (a rename or typo fix is the same
        agency); one first found at no place is placed once its row names one."""
        official = listing.official
        if place is not None and official.jurisdiction_id is None:
            official_update(official=official, jurisdiction=place)

    def _renamed(self, listing: AgreementListing, pair: Continuation) -> list[str]:
        """What ICE changed in the row's name or county, recorded on the listing."""
        row, changes = pair.later, []
        if "agency" in pair.changed:
            changes.append(f"listed as {row.agency!r} (was {listing.agency!r})")
            on = self.list_snapshot.as_of.isoformat()
            rename = {"on": on, "from": listing.agency, "to": row.agency}
            listing.renames = [*listing.renames, rename]
        if "county" in pair.changed:
            was = listing.county or "(blank)"
            changes.append(f"COUNTY {row.county or '(blank)'!r} (was {was!r})")
        return changes

    def _flag(self, listing: AgreementListing) -> None:
        """Missing from this snapshot: flagged once, never ended (an editor says why)."""
        if listing.no_longer_listed_since is not None:
            return
        listing.no_longer_listed_since = self.list_snapshot.as_of
        _save(listing)
        self.report.lines.append(
            r.ReportLine(
                self.snapshot.file_name,
                None,
                listing.agency,
                r.FLAGGED,
                f"last listed {listing.last_listed_on} (row {listing.last_row}): no longer "
                f"listed since {listing.no_longer_listed_since}, for an editor to confirm as "
                "ended, renamed or a corrected typo",
            )
        )
        self.report.count(r.FLAGGED)

    def _line(self, row: Row, outcome: str, reason: str) -> None:
        self.report.lines.append(
            r.ReportLine(self.snapshot.file_name, row.number, row.agency, outcome, reason)
        )

    def _describe(self, listing: AgreementListing, row: Row, reason: str = "") -> None:
        """The listing as this row lists it."""
        listing.key = "|".join(agreement_key(row))
        listing.state = row.state or ""
        listing.agency = row.agency[:300]
        listing.county = row.county[:200]
        listing.model = row.model or ""
        listing.place_reason = (reason or self.places[row.number].reason)[:500]
        listing.signed_on = row.signed_on or listing.signed_on
        listing.last_listed_on = self.list_snapshot.as_of
        listing.last_snapshot = self.list_snapshot
        listing.last_row = row.number

    # -- the evidence --

    def _policy_create(self, row: Row, place: Jurisdiction) -> PolicyAction:
        participating = self.kind == PARTICIPATING
        return policy_create(
            article=self.article,
            span=self.stored.spans[row.number],
            jurisdiction=place,
            kind=PolicyKind.AGREEMENT_287G,
            summary=policy_summary(self.kind, row),
            effects=model_effects(row.model or ""),
            status=PolicyStatus.IN_FORCE if participating else PolicyStatus.PROPOSED,
            effective_on=row.signed_on if participating else None,
        )

    def _policy_follow(self, policy: PolicyAction, row: Row, place: Jurisdiction) -> list[str]:
        """The policy as this row lists it: its place, summary, effects and signed date (a date
        once read is kept when a later snapshot garbles it); then its span moved here, unless
        it is undated and so counts from the snapshot it points at."""
        changes: dict = {}
        said = []
        if policy.jurisdiction_id != place.pk:
            changes["jurisdiction"] = place
            said.append(f"now resolved to {place}")
        summary = policy_summary(self.kind, row)
        if policy.summary != summary:
            changes["summary"] = summary
        signed = row.signed_on if self.kind == PARTICIPATING else None
        if signed is not None and policy.effective_on != signed:
            changes["effective_on"] = signed
            said.append(f"signed {signed} (was {policy.effective_on or 'not a date'})")
        if changes:
            policy_update(policy=policy, **changes)
        span = self.stored.spans[row.number]
        moved = (policy.article_id, policy.span_start, policy.span_end) != (self.article.pk, *span)
        if moved and (policy.effective_on is not None or self.kind != PARTICIPATING):
            self.moves.append((policy, self.article, span))
        return said


# What a listing says besides when it was last listed (``_describe`` sets both).
_DESCRIBED = (
    "key",
    "state",
    "agency",
    "county",
    "model",
    "place_reason",
    "signed_on",
    "official_id",
    "jurisdiction_id",
    "policy_id",
    "no_longer_listed_since",
    "renames",
)
_LAST_LISTED = ["last_listed_on", "last_snapshot", "last_row", "updated_at"]


def _described(listing: AgreementListing) -> tuple:
    return tuple(getattr(listing, name) for name in _DESCRIBED)


def _listings_advance(listings: list[AgreementListing]) -> None:
    """Listings listed again exactly as before: only when and where they were last listed
    changes, in one statement (a routine advance, not an edit: no history record)."""
    now = timezone.now()
    rows_update(
        AgreementListing,
        _LAST_LISTED,
        [(x.last_listed_on, x.last_snapshot_id, x.last_row, now, x.pk) for x in listings],
    )


def _listings_create(listings: list[AgreementListing]) -> None:
    for listing in listings:
        _clean(listing)
    bulk_create_with_history(listings, AgreementListing, batch_size=500)


def _save(listing: AgreementListing) -> None:
    _clean(listing)
    listing.save()


def _clean(listing: AgreementListing) -> None:
    # Foreign keys are objects this import just read or made; the database checks them.
    listing.full_clean(
        exclude=[
            "official",
            "jurisdiction",
            "policy",
            "first_snapshot",
            "last_snapshot",
            "continued_by",
            "resolved_by",
        ],
        validate_unique=False,
        validate_constraints=False,
    )


def policy_summary(kind: str, row: Row) -> str:
    model = AgreementModel(row.model).label
    if kind == PARTICIPATING:
        return f"{row.agency}: 287(g) agreement, {model} (ICE's list of participating agencies)."
    return (
        f"{row.agency}: request for a 287(g) agreement, {model} (ICE's list of pending "
        "agencies). A request is not an agreement: it changes no stance."
    )


def listed_row(listing: AgreementListing) -> Row:
    """The listing as the row it was last listed as, for ``match_rows``: the fields an
    agreement's key and its closeness are read from."""
    return Row(
        number=listing.last_row,
        cells=(),
        state=listing.state,
        agency=listing.agency,
        agency_type="",
        county=listing.county,
        support_type="",
        model=listing.model,
    )


_REJECTIONS = (
    ("blank agency", "blank agency"),
    ("unknown state", "unknown state"),
    ("unknown support type", "unknown support type"),
    ("duplicate of row", "duplicate row"),
    ("same agreement as row", "the same agreement listed twice"),
)


def rejection_kind(reason: str) -> str:
    """The kind of a rejection, for the counts: "duplicate of row 51" -> "duplicate row"."""
    return next((kind for prefix, kind in _REJECTIONS if reason.startswith(prefix)), reason)


# --- agencies as officials ----------------------------------------------------------------


@dataclass
class _Officials:
    """The official of each agency: the one its listings already have (the same agency on either
    list, by state and name), else an organisation of that name at that place (the news may
    have named it), else a new one."""

    by_listing: dict[tuple[str, str], Official]
    by_place: dict[tuple[str, int], Official]
    taken: set[str]

    @classmethod
    def load(cls, rows: Iterable[Row], known: list[AgreementListing]) -> _Officials:
        names = {row.agency for row in rows}
        others = AgreementListing.objects.filter(agency__in=names).exclude(
            pk__in=[listing.pk for listing in known]
        )
        by_listing = {(x.state, x.agency): x.official for x in others.select_related("official")}
        by_listing.update({(x.state, x.agency): x.official for x in known})
        organisations = Official.objects.filter(
            kind=SpeakerKind.ORGANISATION, name__in=names, jurisdiction__isnull=False
        )
        by_place = {(o.name, o.jurisdiction_id): o for o in organisations}
        wanted = {_official_slug(row) for row in rows}
        taken = set(Official.objects.filter(slug__in=wanted).values_list("slug", flat=True))
        return cls(by_listing, by_place, taken)

    def get(self, row: Row, place: Jurisdiction | None, resolution: Resolution) -> Official:
        key = (row.state or "", row.agency)
        official = self.by_listing.get(key)
        if official is None and place is not None:
            official = self.by_place.get((row.agency, place.pk))
        if official is None:
            official = self._create(row, place, resolution)
        self.by_listing[key] = official
        return official

    def _create(self, row: Row, place: Jurisdiction | None, resolution: Resolution) -> Official:
        state_level = resolution.kind == "state" or row.agency_type == "state_agency"
        base = _official_slug(row)
        slug, number = base, 1
        while slug in self.taken:
            number += 1
            slug = f"{base[:190]}-{number}"
        self.taken.add(slug)
        return official_create(
            name=row.agency[:200],
            kind=SpeakerKind.ORGANISATION,
            role=AGENCY_ROLE,
            jurisdiction=place,
            slug=slug,
            level=SpeakerLevel.STATE if state_level else SpeakerLevel.LOCAL,
        )


def _official_slug(row: Row) -> str:
    return slugify(f"{row.agency} {row.state or ''}")[:190] or "agency"
