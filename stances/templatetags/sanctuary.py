"""Small display helpers shared by the page templates."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from stances.models import (
    DatePrecision,
    DateSource,
    Direction,
    Indicator,
    PolicyStatus,
    Stance,
    StatementStance,
)

register = template.Library()

LABELS = {
    **dict(Stance.choices),
    **dict(StatementStance.choices),
    **dict(Direction.choices),
    **dict(Indicator.choices),
    "unknown": "Unknown",
}


@register.filter
def label(value: str) -> str:
    """The human label of a stance, indicator or direction value."""
    return LABELS.get(value, str(value).replace("_", " ").capitalize())


@register.filter
def http_url(url: str) -> str:
    """The URL if it is a web address, else "": a stored "javascript:" URL never becomes a link
    (autoescaping stops markup, not a script scheme in an href)."""
    value = (url or "").strip()
    return value if value.lower().startswith(("https://", "http://")) else ""


@register.filter
def get(mapping: dict, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def fact_date(on, precision: str = DatePrecision.DAY) -> str:
    """A date as precise as the article made it: "June 2018", not "June 1, 2018"."""
    if on is None:
        return "date not stated"
    if precision == DatePrecision.YEAR:
        return str(on.year)
    if precision == DatePrecision.MONTH:
        return f"{on:%B} {on.year}"
    return f"{on:%B} {on.day}, {on.year}"


@register.simple_tag
def said_date(statement) -> str:
    """When a statement was said, or, when the article says nothing of it, the day it was
    reported (its publication date): never passed off as the day the words were spoken."""
    when = fact_date(statement.said_on, statement.date_precision)
    return f"reported {when}" if statement.date_source == DateSource.PUBLISHED else when


@register.simple_tag
def policy_status(policy) -> str:
    """How a policy stands when it does not simply count today: a proposal, an ended policy."""
    if policy.status == PolicyStatus.PROPOSED:
        return "Proposed: not in force, not counted"
    if policy.status in (PolicyStatus.LAPSED, PolicyStatus.REPEALED, PolicyStatus.BLOCKED):
        ended = f" on {fact_date(policy.ends_on)}" if policy.ends_on else ""
        return f"{policy.get_status_display()}{ended}: counts only while it was in force"
    if policy.ends_on:
        return f"In force until {fact_date(policy.ends_on)}"
    return ""


@register.inclusion_tag("stances/includes/review.html")
def review(fact):
    return {"fact": fact}


@register.simple_tag(takes_context=True)
def sort_link(context, key: str) -> str:
    """The query string that sorts the table by ``key`` (toggling the direction)."""
    current = context.get("page").sort if context.get("page") else "name"
    direction = "-" if current == key else ""
    query = context.get("query", "")
    return f"?{query}&sort={direction}{key}" if query else f"?sort={direction}{key}"


@register.inclusion_tag("stances/includes/cite.html", takes_context=True)
def cite(context, citation):
    """'Cite this': plain text and BibTeX, with the page's absolute permalink."""
    url = context["request"].build_absolute_uri(citation.path)
    return {"citation": citation, "plain": citation.plain(url), "bibtex": citation.bibtex(url)}


@register.simple_tag(takes_context=True)
def languages(context) -> list[dict]:
    """This page in each language (its filters kept): code, name, address, and whether it is
    the page's own. For the language switcher and the ``hreflang`` alternates."""
    request = context.get("request")
    if request is None:
        return []
    here, current = request.get_full_path(), get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": request.build_absolute_uri(translate_url(here, code)),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
