"""Writes for sources: storing an article's text and its metadata.

Nothing here extracts facts: ``stances.services.ingestion.article_ingest`` runs the pipeline over
an article stored here and stores what it found. The rules for a source's text (real Unicode,
no NUL characters, within ``ARTICLE_MAX_BYTES``) live here, for every way an article arrives.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction

from sanctuary import versions

from .models import Article, SourceKind


class IngestError(ValueError):
    """An article that cannot be ingested, with the reason in words."""


def article_create(
    *,
    body: str,
    title: str,
    outlet: str = "",
    url: str = "",
    published_on: dt.date | None = None,
    supersedes: Article | None = None,
    kind: str = SourceKind.NEWS,
    retrieved_on: dt.date | None = None,
    licence: str = "",
) -> Article:
    """Store a source's text and metadata: a news article's cleaned text, or a dataset
    snapshot's rows rendered as lines (its facts are the ingestion's or the importer's)."""
    check_text(body=body, title=title, outlet=outlet, url=url)
    article = Article(
        kind=kind,
        body=body,
        title=title,
        outlet=outlet,
        url=url,
        published_on=published_on,
        retrieved_on=retrieved_on,
        licence=licence,
        supersedes=supersedes,
    )
    article.full_clean(exclude=["sha256"])
    with transaction.atomic():
        article.save()
        versions.data_changed(places=())  # a new source: the lists; no place's page yet
    return article


_EDITABLE = frozenset({"title", "outlet", "url", "published_on"})


def article_update(*, article: Article, **changes: Any) -> Article:
    """An editor's correction of an article's metadata. Its text is never edited: a corrected
    text is a new version, ingested (facts keep pointing at the words they came from)."""
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise TypeError(f"article_update() got unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(article, name, value)
    try:
        article.full_clean(exclude=["sha256"])
        with transaction.atomic():
            article.save()
            versions.data_changed()
    except Exception:
        article.refresh_from_db()
        raise
    return article


def check_text(**fields: str) -> None:
    """Text the database can store, within the size limit: callers other than the ``ingest``
    command and the admin (which check the bytes they read) get the same clear refusal."""
    for name, value in fields.items():
        if "\x00" in value:
            raise IngestError(f"the {name} contains NUL characters: binary data, not text")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise IngestError(
                f"the {name} is not valid Unicode: a lone surrogate at character {error.start}"
            ) from None
    size = len(fields["body"].encode("utf-8"))
    if size > settings.ARTICLE_MAX_BYTES:
        raise IngestError(
            f"the text is {size:,} bytes, over the {settings.ARTICLE_MAX_BYTES:,}-byte limit"
        )
