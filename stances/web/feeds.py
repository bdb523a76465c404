"""Atom feeds of what changed (Django's syndication framework): the whole site, one place and
the layers of government above it, one official, one 287(g) model. Each entry is a fact created
or changed, linking to the fact where readers see it and to its source's exact words."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from sanctuary.web.reader_cache import cached_for_readers
from stances.models import AgreementModel, Jurisdiction, JurisdictionKind, Official
from stances.selectors.changes import Change, recent_changes, recent_changes_of

ENTRIES = 50
KIND_LABELS = {
    "statement": "Statement",
    "event": "ICE enforcement",
    "policy": "Policy action",
    "official": "Official",
}


class SourceLinkedAtom(Atom1Feed):
    """Atom with a second link per entry: ``rel="via"`` to the source's own words."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("source_link"):
            # Absolute, as Django makes the entry's own link: on this feed's site.
            href = urljoin(self.feed["link"], item["source_link"])
            handler.addQuickElement("link", "", {"rel": "via", "href": href, "type": "text/html"})


class ChangesFeed(Feed):
    feed_type = SourceLinkedAtom
    title = "Sanctuary: what changed"
    subtitle = "Facts added or corrected: statements, policy actions and ICE enforcement."

    def link(self):
        return reverse("home")

    def items(self):
        return recent_changes(limit=ENTRIES)

    def item_title(self, change: Change) -> str:
        return f"{KIND_LABELS[change.kind]}: {_headline(change)}"

    def item_description(self, change: Change) -> str:
        return _text(change.obj)

    def item_link(self, change: Change) -> str:
        return fact_url(change)

    def item_guid(self, change: Change) -> str:
        return f"tag:sanctuary,2026:{change.kind}/{change.obj.pk}/{change.at.isoformat()}"

    def item_guid_is_permalink(self, change: Change) -> bool:
        return False

    def item_updateddate(self, change: Change) -> dt.datetime:
        return change.at

    def item_pubdate(self, change: Change) -> dt.datetime:
        return change.obj.created_at

    def item_extra_kwargs(self, change: Change) -> dict:
        return {"source_link": source_url(change)}


class JurisdictionFeed(ChangesFeed):
    """One place's facts, and those of the county and the state above it: the layers that
    decide what applies to the people who live there."""

    def get_object(self, request, slug: str) -> Jurisdiction:
        return get_object_or_404(Jurisdiction, slug=slug)

    def title(self, place: Jurisdiction) -> str:
        return f"Sanctuary: {place}"

    def subtitle(self, place: Jurisdiction) -> str:
        return f"What changed for {place} and the layers of government above it."

    def link(self, place: Jurisdiction) -> str:
        return reverse("jurisdiction", args=[place.slug])

    def items(self, place: Jurisdiction):
        return recent_changes_of(jurisdictions=layers(place), limit=ENTRIES)


class OfficialFeed(ChangesFeed):
    def get_object(self, request, slug: str) -> Official:
        return get_object_or_404(Official, slug=slug)

    def title(self, official: Official) -> str:
        return f"Sanctuary: {official.name}"

    def subtitle(self, official: Official) -> str:
        return f"What {official.name} said, as the news reported it."

    def link(self, official: Official) -> str:
        return f"{reverse('statements')}?speaker={official.slug}"

    def items(self, official: Official):
        return recent_changes_of(speaker=official, limit=ENTRIES)


class AgreementModelFeed(ChangesFeed):
    """The agreements of one 287(g) model, as ICE's list shows them: signed, renamed, ended."""

    def get_object(self, request, model: str) -> str:
        if model not in AgreementModel.values:
            raise Http404(f"No 287(g) model “{model}”: {', '.join(AgreementModel.values)}.")
        return model

    def title(self, model: str) -> str:
        return f"Sanctuary: 287(g) {AgreementModel(model).label} agreements"

    def subtitle(self, model: str) -> str:
        label = AgreementModel(model).label
        return f"Agreements of ICE's {label} added or changed, from ICE's list."

    def link(self, model: str) -> str:
        return f"{reverse('home')}?model_287g={model}"

    def items(self, model: str):
        return recent_changes_of(model_287g=model, limit=ENTRIES)


def layers(place: Jurisdiction) -> list[Jurisdiction]:
    """The place, the county whose jail holds its arrestees, and its state."""
    found = [place]
    if place.county_id:
        found.append(place.county)
    if place.kind != JurisdictionKind.STATE:
        state = Jurisdiction.objects.filter(kind=JurisdictionKind.STATE, state=place.state).first()
        found += [state] if state else []
    return found


def fact_url(change: Change) -> str:
    """Where a reader sees the fact: its place's page at the fact, else its source's words."""
    obj = change.obj
    if change.kind == "official":
        return f"{reverse('statements')}?speaker={obj.slug}"
    if obj.jurisdiction_id:
        return f"{reverse('jurisdiction', args=[obj.jurisdiction.slug])}#{change.kind}-{obj.pk}"
    return source_url(change)


def source_url(change: Change) -> str:
    """The source's exact words: the article (or dataset snapshot) page, at the fact."""
    if change.kind == "official":
        return ""
    return f"{reverse('article', args=[change.obj.article_id])}#{change.kind}-{change.obj.pk}"


def _headline(change: Change) -> str:
    obj = change.obj
    if change.kind == "statement":
        return f"{obj.speaker.name}" + (f" on {obj.jurisdiction}" if obj.jurisdiction_id else "")
    if change.kind == "official":
        return obj.name
    label = obj.get_kind_display()
    return f"{label} in {obj.jurisdiction}" if obj.jurisdiction_id else label


def _text(obj) -> str:
    return getattr(obj, "quote", None) or getattr(obj, "summary", None) or obj.name


site_feed = cached_for_readers(ChangesFeed())
jurisdiction_feed = cached_for_readers(JurisdictionFeed())
official_feed = cached_for_readers(OfficialFeed())
model_287g_feed = cached_for_readers(AgreementModelFeed())
