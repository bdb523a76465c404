"""Reads of facts (statements, events, policy actions): what readers see, in list order."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet
from django.db.models.functions import Substr

from stances.models import (
    Declaration,
    EnforcementEvent,
    PolicyAction,
    PolicyEffect,
    ReviewStatus,
    Statement,
)


def can_see_rejected(user) -> bool:
    """Editors (anyone allowed to change statements) may ask for rejected facts."""
    return bool(user and user.is_authenticated and user.has_perm("stances.change_statement"))


def visible(queryset: QuerySet, *, include_rejected: bool = False) -> QuerySet:
    """What readers see: everything but rejected facts, unless an editor asks for them."""
    if include_rejected:
        return queryset
    return queryset.exclude(review_status=ReviewStatus.REJECTED)


def statement_queryset() -> QuerySet[Statement]:
    return Statement.objects.select_related("speaker", "jurisdiction", "article").order_by(
        F("said_on").desc(nulls_last=True), "-id"
    )


def event_queryset() -> QuerySet[EnforcementEvent]:
    return EnforcementEvent.objects.select_related("jurisdiction", "article", "parent").order_by(
        F("starts_on").desc(nulls_last=True), "-id"
    )


def source_words() -> Substr:
    """A fact's words, cut from its source in SQL (``source_words``): a dataset snapshot's text
    is tens of kilobytes, loaded once per fact otherwise."""
    return Substr("article__body", F("span_start") + 1, F("span_end") - F("span_start"))


def policy_queryset() -> QuerySet[PolicyAction]:
    """Policies with their words (``source_words``) and, for 287(g) agreements from ICE's
    lists, their listing; the source's text itself is not loaded."""
    effects = Prefetch("effects", queryset=PolicyEffect.objects.order_by("indicator"))
    return (
        PolicyAction.objects.select_related("jurisdiction", "article", "listing")
        .defer("article__body")
        .annotate(source_words=source_words())
        .prefetch_related(effects)
        .order_by(F("effective_on").desc(nulls_last=True), "-id")
    )


def declaration_queryset() -> QuerySet[Declaration]:
    return Declaration.objects.select_related("jurisdiction", "speaker", "article").order_by(
        F("declared_on").desc(nulls_last=True), "-id"
    )


DECLARATIONS_SHOWN = 30


def declarations_of(jurisdiction) -> list[Declaration]:
    """What a place calls itself, latest first: shown beside its policies, never among them."""
    return list(
        visible(declaration_queryset()).filter(jurisdiction=jurisdiction)[:DECLARATIONS_SHOWN]
    )


def fact_for_page(kind: str, pk: int):
    """One visible fact of a kind named in a URL ("statement", "event", "policy",
    "declaration"), with what its page shows; None when there is none."""
    querysets = {
        "statement": statement_queryset,
        "event": event_queryset,
        "policy": policy_queryset,
        "declaration": declaration_queryset,
    }
    if kind not in querysets:
        return None
    return visible(querysets[kind]()).filter(pk=pk).first()
