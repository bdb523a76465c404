"""Small display helpers shared by the page templates."""

from django import template

from stances.models import DatePrecision, Direction, Indicator, Stance, StatementStance

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
