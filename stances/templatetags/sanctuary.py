"""Small display helpers shared by the page templates."""

from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import translate_url
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from sanctuary.web.dates import long_date, month_year
from sanctuary.web.query import ALL
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
    "unknown": gettext_lazy("Unknown"),
}


@register.filter
def label(value: str) -> str:
    """The human label of a stance, indicator or direction value."""
    return LABELS.get(value, str(value).replace("_", " ").capitalize())


LAYER_LABELS = {
    "own": gettext_lazy("This place"),
    "county": gettext_lazy("County jail"),
    "state": gettext_lazy("State law"),
}


@register.filter
def layer_label(level: str) -> str:
    """ "County jail" for a layer's level ("own", "county", "state")."""
    return LAYER_LABELS.get(level, str(level))


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
    """A date as precise as the article made it: "June 2018", not "June 1, 2018" (in the page's
    language: "junio de 2018")."""
    if on is None:
        return _("date not stated")
    if precision == DatePrecision.YEAR:
        return str(on.year)
    if precision == DatePrecision.MONTH:
        return month_year(on)
    return long_date(on)


@register.simple_tag
def said_date(statement) -> str:
    """When a statement was said, or, when the article says nothing of it, the day it was
    reported (its publication date): never passed off as the day the words were spoken."""
    when = fact_date(statement.said_on, statement.date_precision)
    if statement.date_source == DateSource.PUBLISHED:
        return _("reported %(date)s") % {"date": when}
    return when


@register.simple_tag
def policy_status(policy) -> str:
    """How a policy stands when it does not simply count today: a proposal, an ended policy."""
    if policy.status == PolicyStatus.PROPOSED:
        return _("Proposed: not in force, not counted")
    if policy.status in (PolicyStatus.LAPSED, PolicyStatus.REPEALED, PolicyStatus.BLOCKED):
        if policy.ends_on:
            return _("%(status)s on %(date)s: counts only while it was in force") % {
                "status": policy.get_status_display(),
                "date": fact_date(policy.ends_on),
            }
        return _("%(status)s: counts only while it was in force") % {
            "status": policy.get_status_display()
        }
    if policy.ends_on:
        return _("In force until %(date)s") % {"date": fact_date(policy.ends_on)}
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
    here, current = _this_page(request), get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": request.build_absolute_uri(translate_url(here, code)),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


def _this_page(request) -> str:
    """The page's path and the parameters its view read: a stored answer is shared by every
    request that agrees on those (``sanctuary.web.query``), so a parameter no view reads
    (``?utm_source=...``) is never echoed into a page another reader may be served."""
    query = QueryDict(request.META.get("QUERY_STRING", ""), mutable=True)
    read = getattr(request.GET, "read", None)  # a RecordingQueryDict's record, when storing
    if read is not None and ALL not in read:
        for key in [key for key in query if key not in read]:
            del query[key]
    return f"{request.path}?{query.urlencode()}" if query else request.path
