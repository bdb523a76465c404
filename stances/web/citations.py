"""'Cite this': a citation for a place, a fact or a source, as plain text and as BibTeX, naming
Sanctuary, the page (its permalink), the date it was retrieved, and the underlying source."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, SourceKind
from sanctuary.web.dates import long_date
from stances.models import Declaration, EnforcementEvent, Jurisdiction, PolicyAction, Statement

PUBLISHER = "Sanctuary"


@dataclass(frozen=True)
class Citation:
    key: str  # a BibTeX key: "sanctuary-statement-12"
    title: str
    path: str  # the permalink, without the host
    retrieved: dt.date
    source: str = ""  # the underlying source, as a reference of its own

    def plain(self, url: str) -> str:
        retrieved = _("retrieved %(date)s") % {"date": long_date(self.retrieved)}
        text = f"{PUBLISHER}. “{self.title}.” {url} ({retrieved})."
        return f"{text} {_('Source:')} {self.source}" if self.source else text

    def bibtex(self, url: str) -> str:
        fields = {
            "author": f"{{{PUBLISHER}}}",
            "title": _bib(self.title),
            "howpublished": f"\\url{{{url}}}",
            "year": str(self.retrieved.year),
            "note": _bib(
                _("Retrieved %(date)s") % {"date": self.retrieved.isoformat()}
                + (f". {_('Source:')} {self.source}" if self.source else "")
            ),
        }
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
        return f"@misc{{{self.key},\n{body}\n}}"


def _bib(text: str) -> str:
    """Text safe inside BibTeX braces: its own braces and backslashes escaped."""
    return re.sub(r"([{}\\])", r"\\\1", text)


def source_reference(article: Article) -> str:
    """The underlying source as a reference: publisher, title, date, address."""
    if article.kind == SourceKind.DATASET:
        when = ""
        if article.retrieved_on:
            when = ", " + _("retrieved %(date)s") % {"date": article.retrieved_on.isoformat()}
    else:
        when = (
            f", {article.published_on.isoformat()}" if article.published_on else ", " + _("undated")
        )
    # Only a web address: a stored "javascript:" URL is never repeated, even as text.
    url = article.url.strip()
    where = f", {url}" if url.lower().startswith(("https://", "http://")) else ""
    publisher = f"{article.outlet}, " if article.outlet else ""
    return f"{publisher}“{article.title}”{when}{where}."


def place_citation(place: Jurisdiction) -> Citation:
    return Citation(
        key=f"sanctuary-{place.slug}",
        title=_("%(place)s: stance on cooperating with ICE, and the evidence") % {"place": place},
        path=reverse("jurisdiction", args=[place.slug]),
        retrieved=timezone.localdate(),
    )


def source_citation(article: Article) -> Citation:
    return Citation(
        key=f"sanctuary-source-{article.pk}",
        title=_("%(title)s, with every fact extracted from it") % {"title": article.title},
        path=reverse("article", args=[article.pk]),
        retrieved=timezone.localdate(),
        source=source_reference(article),
    )


def fact_citation(fact) -> Citation:
    kind = FACT_KINDS[type(fact)]
    return Citation(
        key=f"sanctuary-{kind}-{fact.pk}",
        title=fact_title(fact),
        path=reverse("fact", args=[kind, fact.pk]),
        retrieved=timezone.localdate(),
        source=source_reference(fact.article),
    )


FACT_KINDS = {
    Statement: "statement",
    EnforcementEvent: "event",
    PolicyAction: "policy",
    Declaration: "declaration",
}


def fact_title(fact) -> str:
    place = f" ({fact.jurisdiction})" if fact.jurisdiction_id else ""
    if isinstance(fact, Statement):
        return _("Statement by %(speaker)s%(place)s") % {
            "speaker": fact.speaker.name,
            "place": place,
        }
    if isinstance(fact, Declaration):
        claim = _("not a %(label)s") if fact.negated else _("a %(label)s")
        return _("Declaration: %(claim)s%(place)s") % {
            "claim": claim % {"label": fact.label},
            "place": place,
        }
    return f"{fact.get_kind_display()}{place}"
