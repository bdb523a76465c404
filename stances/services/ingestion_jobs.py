"""Ingesting an article in the background: the admin's "add article" stores what the editor
gave as an ``IngestionJob`` and returns; a Celery worker (``sanctuary.celery``) runs
``article_ingest`` on it and records what came of it, which the editor sees on the job's page.

Without a broker (``CELERY_TASK_ALWAYS_EAGER``: ``make run``, the test suite) the job runs at
once, inside the request, as the ingestion always did there.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.services import IngestError
from sanctuary.celery import app
from stances.models import IngestionJob, JobStatus

from .ingestion import article_ingest

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
