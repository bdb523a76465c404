"""Reads for the pages: the same selectors and filters as the API, shaped for templates and
figures. Each function runs a constant number of queries whatever the amount of data shown.
The map's are in ``web/map/``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from articles.models import Article
from stances.filters import EventFilter, PolicyFilter, StatementFilter
from stances.models import ReviewStatus, Statement
from stances.rules.stance import counts_from
from stances.selectors.facts import event_queryset, policy_queryset, statement_queryset, visible

from . import charts

TIMELINE_LIMIT = 500  # facts of each type drawn on one timeline; lists and the API page the rest


def last_updated() -> dt.datetime | None:
    """When anything readers see last changed."""
    stamps = [
        Article.objects.aggregate(at=Max("updated_at"))["at"],
        Statement.objects.aggregate(at=Max("updated_at"))["at"],
    ]
    stamps = [s for s in stamps if s]
    return max(stamps) if stamps else None


# The timeline ----------------------------------------------------------------------------------


@dataclass
class Timeline:
    figure: dict
    dated: int
    undated: list = field(default_factory=list)  # facts with neither their own nor a reported date
    truncated: bool = False
    items: list = field(default_factory=list)  # the dated facts, newest first: the figure as text


def fact_url(fact, kind: str) -> str:
    return f"{reverse('article', args=[fact.article_id])}#{kind}-{fact.pk}"


def _statement_item(statement: Statement, lane: str | None) -> charts.TimelineItem | None:
    on = statement.said_on or statement.article.published_on
    if on is None:
        return None
    return charts.TimelineItem(
        lane=lane or _("Statements"),
        on=on,
        reported=statement.said_on is None,
        colour_key=statement.stance,
        label=f"“{statement.quote}”",
        detail=f"{statement.speaker.name}: {statement.get_stance_display()}",
        source=f"{statement.article.outlet}: {statement.article.title}",
        url=fact_url(statement, "statement"),
    )


def _policy_item(policy, lane: str | None) -> charts.TimelineItem | None:
    # The day the policy counts from (the stance rule's): the day its indicators and the
    # stance history say it changed things, one date per change everywhere.
    on = counts_from(policy.effective_on, policy.date_precision, policy.article.published_on)
    if on is None:
        return None
    effects = ", ".join(
        f"{e.get_indicator_display()}: {pgettext('indicator', e.direction)}"
        for e in policy.effects.all()
    )
    return charts.TimelineItem(
        lane=lane or _("Policy actions"),
        on=on,
        reported=policy.effective_on is None,
        colour_key=policy.effects.all()[0].direction if policy.effects.all() else "",
        label=policy.summary,
        detail=f"{policy.get_kind_display()} · {policy.jurisdiction} · {effects}",
        source=f"{policy.article.outlet}: {policy.article.title}",
        url=fact_url(policy, "policy"),
    )


def _event_item(event, lane: str | None) -> charts.TimelineItem | None:
    on = event.starts_on or event.article.published_on
    if on is None:
        return None
    count = f" · {event.count:,}" if event.count is not None else ""
    where = f" · {event.jurisdiction}" if event.jurisdiction_id else ""
    return charts.TimelineItem(
        lane=lane or _("Enforcement events"),
        on=on,
        reported=event.starts_on is None,
        colour_key="event",
        label=event.summary,
        detail=f"{event.name or event.get_kind_display()}{where}{count}",
        source=f"{event.article.outlet}: {event.article.title}",
        url=fact_url(event, "event"),
    )


TIMELINE_TYPES = {"statements", "policies", "events"}


def timeline_facts(params: dict, *, types: set[str]) -> dict[str, list]:
    """The facts matching the timeline's filters (the API's filter sets, the same names)."""
    facts: dict[str, list] = {}
    statement_only = bool(params.get("speaker") or params.get("stance"))
    if "statements" in types:
        facts["statements"] = _filtered(StatementFilter, statement_queryset(), params)
    if "policies" in types and not statement_only:
        facts["policies"] = _filtered(PolicyFilter, policy_queryset(), params)
    if "events" in types and not statement_only:
        facts["events"] = _filtered(EventFilter, event_queryset(), params)
    return facts


def _filtered(filterset_class, queryset, params: dict) -> list:
    filterset = filterset_class(params, queryset=visible(queryset))
    return list(filterset.qs[:TIMELINE_LIMIT]) if filterset.is_valid() else []


def timeline(facts: dict[str, list], *, lanes_by_jurisdiction: bool = False, height=420):
    builders = {"statements": _statement_item, "policies": _policy_item, "events": _event_item}
    items, undated = [], []
    for kind, rows in facts.items():
        for fact in rows:
            lane = str(fact.jurisdiction) if lanes_by_jurisdiction and fact.jurisdiction else None
            item = builders[kind](fact, lane)
            if item is None:
                undated.append((kind, fact))
            else:
                items.append(item)
    truncated = any(len(rows) >= TIMELINE_LIMIT for rows in facts.values())
    figure = charts.timeline_figure(items, height=height)
    newest_first = sorted(items, key=lambda item: item.on, reverse=True)
    return Timeline(figure, len(items), undated, truncated, newest_first)


def review_counts() -> dict[str, int]:
    """How many statements are machine-extracted, reviewed, rejected: for the methodology page."""
    rows = Statement.objects.values("review_status").annotate(n=Count("id")).order_by()
    counts = dict.fromkeys(ReviewStatus.values, 0)
    counts.update({r["review_status"]: r["n"] for r in rows})
    return counts
