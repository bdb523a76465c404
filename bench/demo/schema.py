"""What the demo data fills: the tables, in load order (parents first), and the columns each row
tuple fills."""

from __future__ import annotations

from django.db import models

from articles.models import Article
from stances.models import (
    EnforcementEvent,
    Jurisdiction,
    Official,
    PolicyAction,
    PolicyEffect,
    Statement,
)

ArticleJurisdiction = Jurisdiction.articles.through
ArticleOfficial = Official.articles.through

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
