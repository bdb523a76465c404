"""Ingesting one article: its text stored, then everything the pipeline found in it stored as
jurisdictions, officials and facts, through the same services the admin and the API use.

``article_ingest`` is the one service behind the ``ingest`` command, ``make run``'s first load of
the sample corpus and the admin's "add article". Each call is one transaction: it stores
everything the pipeline found, or nothing.

Re-ingestion rules:
- the same (cleaned) text again changes nothing (``unchanged``);
- new text at the url of an article already stored is a corrected version (``updated``): a new
  article row that supersedes the old one. The old version's machine-extracted facts are replaced
  by the new extraction; facts an editor reviewed or rejected stay, untouched, on the version whose
  words they quote, and the new extraction does not add them again (matched by
  ``extraction_key``, which names a fact by its content, not its position).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from celery.signals import worker_process_init
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.datasets.places import preload as places_preload
from articles.extraction import events as event_steps
from articles.extraction.clean import clean
from articles.extraction.pipeline import extract
from articles.extraction.types import (
    DeclarationCandidate,
    EventCandidate,
    Extraction,
    Place,
    PolicyCandidate,
    Speaker,
)
from articles.models import Article, body_sha256
from articles.services import IngestError, article_create, check_text
from sanctuary.celery import app
from stances.models import (
    Declaration,
    EnforcementEvent,
    IngestionJob,
    JobStatus,
    Jurisdiction,
    Official,
    PolicyAction,
    ReviewStatus,
    SpeakerLevel,
    Statement,
)

from . import summaries
from .declarations import declaration_create
from .events import event_create
from .jurisdictions import created_meanwhile, jurisdictions_for_places
from .officials import official_create, official_update
from .policies import policy_create
from .statements import statement_create

__all__ = [
    "IngestError",
    "IngestResult",
    "article_ingest",
    "ingestion_job_create",
    "ingestion_job_run",
]


@dataclass
class IngestResult:
    article: Article
    outcome: str  # "created" | "unchanged" | "updated"
    counts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)


def _digest(text: str) -> str:
    normalised = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def _slug(place: Place | None) -> str:
    return place.slug if place else "-"


def statement_key(speaker_key: str, quote: str) -> str:
    return f"statement:{speaker_key}:{_digest(quote)}"


def event_key(event: EventCandidate) -> str:
    count = "-" if event.count is None else event.count
    when = event.starts_on or "-"
    return f"event:{event.kind}:{_slug(event.place)}:{_digest(event.name)}:{count}:{when}"


def policy_key(policy: PolicyCandidate) -> str:
    effects = ",".join(f"{i}={d}" for i, d in sorted(policy.indicators))
    when = policy.effective_on or "-"
    status = "" if policy.status == "in_force" else f":{policy.status}"
    return f"policy:{policy.kind}:{_slug(policy.place)}:{effects}:{when}{status}"


def declaration_key(declaration: DeclarationCandidate, text: str) -> str:
    denied = ":not" if declaration.negated else ""
    return f"declaration:{_slug(declaration.place)}:{_digest(text)}{denied}"


def article_ingest(
    *,
    body: str,
    title: str = "",
    outlet: str = "",
    url: str = "",
    published_on: dt.date | None = None,
) -> IngestResult:
    """Store one article and everything extracted from it, in one transaction."""
    check_text(body=body, title=title, outlet=outlet, url=url)
    cleaned = clean(body, title=title or None)
    if not cleaned.strip():
        raise IngestError("the article has no text once page chrome is removed")
    existing = Article.objects.filter(sha256=body_sha256(cleaned)).first()
    if existing is not None:
        return IngestResult(article=existing, outcome="unchanged")
    previous = Article.objects.current().filter(url=url).first() if url else None
    extraction = extract(cleaned, published=published_on)
    with transaction.atomic(), summaries.refreshed_once():
        article = article_create(
            body=cleaned,
            title=title or cleaned.split("\n", 1)[0][:500],
            outlet=outlet,
            url=url,
            published_on=published_on,
            supersedes=previous,
        )
        settled = _settled_keys(previous) if previous else set()
        if previous:
            _extracted_facts_delete(previous)
        result = IngestResult(article=article, outcome="updated" if previous else "created")
        _facts_store(article, extraction, settled, result)
        named = set(article.jurisdictions.values_list("pk", flat=True))
        if previous:
            named |= set(previous.jurisdictions.values_list("pk", flat=True))
        # places named without facts get their (empty) summary too; the speakers' places count
        # their statements
        speakers = Statement.objects.filter(article=article).values_list("speaker__jurisdiction_id")
        summaries.touched(named, shown=[pk for (pk,) in speakers.distinct()])
    return result


def _reported(day: dt.date | None, kind: str = "") -> dt.date | None:
    """A date the pipeline read as lying after today is a misreading for anything but a planned
    raid (reported facts have happened, a rule the services enforce): the fact is kept, undated."""
    if day is None or kind == "planned_raid" or day <= timezone.localdate():
        return day
    return None


def _versions(article: Article) -> list[Article]:
    chain = []
    while article is not None:
        chain.append(article)
        article = article.supersedes
    return chain


def _settled_keys(previous: Article) -> set[str]:
    """Extraction keys of facts an editor reviewed or rejected, in any earlier version."""
    settled: set[str] = set()
    for model in (Statement, EnforcementEvent, PolicyAction, Declaration):
        settled.update(
            model.objects.filter(article__in=_versions(previous))
            .exclude(review_status=ReviewStatus.EXTRACTED)
            .exclude(extraction_key="")
            .values_list("extraction_key", flat=True)
        )
    return settled


def _extracted_facts_delete(previous: Article) -> None:
    """The superseded version's unreviewed machine facts give way to the new extraction."""
    touched: set[int] = set()
    shown: set[int] = set()
    for model in (Statement, PolicyAction, EnforcementEvent, Declaration):
        gone = model.objects.filter(article=previous, review_status=ReviewStatus.EXTRACTED).exclude(
            extraction_key=""
        )
        touched.update(gone.values_list("jurisdiction_id", flat=True))
        if model is Statement:
            shown.update(gone.values_list("speaker__jurisdiction_id", flat=True))
        gone.delete()
    summaries.touched(touched, shown=shown)


def _facts_store(
    article: Article, extraction: Extraction, settled: set[str], result: IngestResult
) -> None:
    jurisdictions, created = jurisdictions_for_places(_all_places(extraction).values())
    result.counts["jurisdictions"] += created
    officials = _officials_upsert(extraction.speakers, jurisdictions, result)
    article.jurisdictions.set(jurisdictions.values())
    article.officials.set(officials.values())
    _statements_create(article, extraction, officials, jurisdictions, settled, result)
    _events_create(article, extraction, jurisdictions, settled, result)
    _policies_create(article, extraction, jurisdictions, settled, result)
    _declarations_create(article, extraction, jurisdictions, officials, settled, result)
    result.warnings.extend(event_steps.check_totals(extraction.events))


def _all_places(extraction: Extraction) -> dict[str, Place]:
    found = [m.place for m in extraction.places]
    found += [s.place for s in extraction.speakers if s.place]
    found += [s.place for s in extraction.statements if s.place]
    found += [e.place for e in extraction.events if e.place]
    found += [p.place for p in extraction.policies if p.place]
    found += [d.place for d in extraction.declarations if d.place]
    return {place.slug: place for place in found}


def _officials_upsert(
    cast: list[Speaker], jurisdictions: dict[str, Jurisdiction], result: IngestResult
) -> dict[str, Official]:
    """The same person across articles is one Official; what an editor set is never overwritten:
    only empty fields are filled."""
    stored = {o.slug: o for o in Official.objects.filter(slug__in=[s.key for s in cast])}
    for speaker in cast:
        jurisdiction = jurisdictions.get(speaker.place.slug) if speaker.place else None
        found = {
            "role": speaker.role[:200],
            "affiliation": speaker.affiliation[:200],
            "jurisdiction": jurisdiction,
        }
        official = stored.get(speaker.key)
        if official is None:
            try:
                stored[speaker.key] = official_create(
                    slug=speaker.key,
                    name=speaker.name,
                    kind=speaker.kind,
                    level=speaker.level,
                    **found,
                )
                result.counts["officials"] += 1
                continue
            except IntegrityError:  # a parallel worker stored this person since: theirs
                official = stored[speaker.key] = created_meanwhile(Official, speaker.key)
        blanks = {
            name: value for name, value in found.items() if value and not _set(official, name)
        }
        if blanks:
            stored[speaker.key] = official_update(official=official, **blanks)
    return stored


def _set(official: Official, name: str) -> bool:
    return bool(official.jurisdiction_id if name == "jurisdiction" else getattr(official, name))


def _statements_create(article, extraction, officials, jurisdictions, settled, result) -> None:
    body = extraction.body
    speakers = {s.key: s for s in extraction.speakers}
    seen: set[str] = set(settled)
    stored: dict[int, Statement] = {}
    for index, candidate in enumerate(extraction.statements):
        quote = body[candidate.start : candidate.end]
        key = statement_key(candidate.speaker_key, quote)
        if key in seen or candidate.speaker_key not in officials:
            continue
        seen.add(key)
        speaker = officials[candidate.speaker_key]
        stored[index] = statement_create(
            article=article,
            speaker=speaker,
            span=(candidate.start, candidate.end),
            jurisdiction=_statement_place(
                speakers[candidate.speaker_key], candidate, speaker, jurisdictions
            ),
            said_on=_reported(candidate.said_on),
            date_source=candidate.date_source or None,
            date_precision=candidate.date_precision,
            stance=candidate.stance,
            continues=stored.get(candidate.continues) if candidate.continues is not None else None,
            extraction_key=key,
        )
        result.counts["statements"] += 1


def _statement_place(speaker: Speaker, candidate, official: Official, jurisdictions):
    """The speaker's office places the statement; else what the article's context says. A
    federal speaker's words are never a place's (ICE's words are ICE's)."""
    if speaker.level == SpeakerLevel.FEDERAL or official.level == SpeakerLevel.FEDERAL:
        return None
    place = speaker.place or candidate.place
    return jurisdictions.get(place.slug) if place else official.jurisdiction


def _events_create(article, extraction, jurisdictions, settled, result) -> None:
    """Operations first, so the arrests that belong to one can point at it."""
    stored: dict[int, EnforcementEvent] = {}
    order = sorted(
        range(len(extraction.events)), key=lambda i: extraction.events[i].parent is not None
    )
    seen: set[str] = set()
    for index in order:
        candidate = extraction.events[index]
        key = event_key(candidate)
        if key in seen:
            continue
        seen.add(key)
        if key in settled:
            stored[index] = EnforcementEvent.objects.filter(
                article__in=_versions(article), extraction_key=key
            ).first()
            continue
        stored[index] = event_create(
            article=article,
            span=(candidate.start, candidate.end),
            kind=candidate.kind,
            name=candidate.name[:200],
            jurisdiction=jurisdictions.get(candidate.place.slug) if candidate.place else None,
            starts_on=_reported(candidate.starts_on, candidate.kind),
            ends_on=_reported(candidate.ends_on, candidate.kind),
            count=candidate.count,
            date_precision=candidate.date_precision,
            summary=candidate.summary,
            parent=stored.get(candidate.parent) if candidate.parent is not None else None,
            extraction_key=key,
        )
        result.counts["events"] += 1


def _policies_create(article, extraction, jurisdictions, settled, result) -> None:
    seen: set[str] = set(settled)
    for candidate in extraction.policies:
        key = policy_key(candidate)
        if key in seen or candidate.place is None or not candidate.indicators:
            continue
        seen.add(key)
        policy_create(
            article=article,
            span=(candidate.start, candidate.end),
            jurisdiction=jurisdictions[candidate.place.slug],
            kind=candidate.kind,
            summary=candidate.summary,
            effects=list(dict(candidate.indicators).items()),
            status=candidate.status,
            effective_on=candidate.effective_on,
            ends_on=_end(candidate),
            date_precision=candidate.date_precision,
            extraction_key=key,
        )
        result.counts["policies"] += 1


def _end(candidate: PolicyCandidate):
    """An end the pipeline read before the start is a misreading: the policy is kept, open."""
    starts, ends = candidate.effective_on, candidate.ends_on
    return None if ends and starts and ends < starts else ends


def _declarations_create(article, extraction, jurisdictions, officials, settled, result) -> None:
    """What a place calls itself, kept apart from its policies: never evidence for a stance."""
    seen: set[str] = set(settled)
    for candidate in extraction.declarations:
        text = extraction.body[candidate.start : candidate.end]
        key = declaration_key(candidate, text)
        if key in seen:
            continue
        seen.add(key)
        declaration_create(
            article=article,
            span=(candidate.start, candidate.end),
            label=candidate.label,
            negated=candidate.negated,
            jurisdiction=jurisdictions.get(candidate.place.slug) if candidate.place else None,
            speaker=officials.get(candidate.speaker_key) if candidate.speaker_key else None,
            extraction_key=key,
        )
        result.counts["declarations"] += 1


# In the background ----------------------------------------------------------------------------
# The admin's "add article" stores what the editor gave as an ``IngestionJob`` and returns; a
# Celery worker (``sanctuary.celery``) runs ``article_ingest`` on it and records what came of it,
# which the editor sees on the job's page. Without a broker (``CELERY_TASK_ALWAYS_EAGER``: ``make
# run``, the test suite) the job runs at once, inside the request, as the ingestion always did.

logger = logging.getLogger(__name__)


def ingestion_job_create(
    *,
    body: str,
    title: str = "",
    outlet: str = "",
    url: str = "",
    published_on: dt.date | None = None,
    user: AbstractBaseUser | None = None,
) -> IngestionJob:
    """A job for this text, queued for a worker once the transaction commits (or run now, when
    there is no broker); the job as it stands when this returns."""
    job = IngestionJob(
        body=body,
        title=title,
        outlet=outlet,
        url=url,
        published_on=published_on,
        requested_by=user,
    )
    job.full_clean(exclude=["body"])
    with transaction.atomic():
        job.save()
        if settings.CELERY_TASK_ALWAYS_EAGER:
            return ingestion_job_run(job_id=job.pk)
        transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    try:
        ingest_in_background.delay(job_id)
    except Exception as error:  # noqa: BLE001 - kombu's errors vary by transport
        logger.exception("Ingestion job %s could not be queued", job_id)
        IngestionJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
            status=JobStatus.FAILED,
            error=f"The task queue is unreachable ({type(error).__name__}): try again later.",
            finished_at=timezone.now(),
        )


@worker_process_init.connect
def _gazetteer_once_per_worker(**kwargs) -> None:
    """Each worker process loads the gazetteer and the towns when it starts, not with its
    first article."""
    places_preload()


@app.task(name="stances.ingest_article")
def ingest_in_background(job_id: int) -> None:
    ingestion_job_run(job_id=job_id)


def ingestion_job_run(*, job_id: int) -> IngestionJob:
    """Ingest a queued job's text (once: a job already taken by a worker is left alone) and
    record the outcome, or the reason it failed, on the job."""
    claimed = IngestionJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=timezone.now()
    )
    job = IngestionJob.objects.get(pk=job_id)
    if not claimed:
        return job
    try:
        result = article_ingest(
            body=job.body,
            title=job.title,
            outlet=job.outlet,
            url=job.url,
            published_on=job.published_on,
        )
    except (IngestError, ValidationError) as error:
        job.status = JobStatus.FAILED
        job.error = str(error) if isinstance(error, IngestError) else "; ".join(error.messages)
    except Exception as error:  # noqa: BLE001 - recorded for the editor, and logged
        logger.exception("Ingestion job %s failed", job_id)
        job.status, job.error = JobStatus.FAILED, f"Unexpected {type(error).__name__}: {error}"
    else:
        job.status, job.article, job.outcome = JobStatus.DONE, result.article, result.outcome
        job.counts, job.warnings = dict(result.counts), list(result.warnings)
        job.body = ""  # stored in the article now
    job.finished_at = timezone.now()
    job.save()
    return job
