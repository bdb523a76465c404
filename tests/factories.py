"""factory_boy factories for the domain objects, shared by every test module."""

import factory
from factory.django import DjangoModelFactory

from articles.models import Article
from stances.models import (
    EnforcementEvent,
    Jurisdiction,
    JurisdictionKind,
    Official,
    PolicyAction,
    PolicyEffect,
    Statement,
)
from stances.services import summaries


def refresh_summary(obj, create, extracted, **kwargs):
    """Factories bypass the services, which keep jurisdiction summaries current: do it here."""
    if create:
        jurisdiction_id = getattr(obj, "jurisdiction_id", None)
        if jurisdiction_id is None and hasattr(obj, "policy"):
            jurisdiction_id = obj.policy.jurisdiction_id
        summaries.refresh_for([jurisdiction_id])


class JurisdictionFactory(DjangoModelFactory):
    class Meta:
        model = Jurisdiction

    name = factory.Sequence(lambda n: f"Testville {n}")
    kind = JurisdictionKind.CITY
    state = "WI"
    slug = factory.LazyAttribute(lambda o: f"{o.name.lower().replace(' ', '-')}-{o.state.lower()}")
    external_id = factory.Sequence(lambda n: f"geonames:{9_000_000 + n}")
    latitude = 43.07
    longitude = -89.40
    population = 250_000


class OfficialFactory(DjangoModelFactory):
    class Meta:
        model = Official

    name = factory.Sequence(lambda n: f"Alex Official{n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    role = "Mayor"
    jurisdiction = factory.SubFactory(JurisdictionFactory)


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"City council acts on ICE detainers ({n})")
    outlet = "The Testville Ledger"
    url = factory.Sequence(lambda n: f"https://news.example.org/story/{n}")
    published_on = None
    body = factory.Sequence(
        lambda n: f'Story {n}. "We will not hold anyone for ICE," the mayor said on Monday.'
    )


class StatementFactory(DjangoModelFactory):
    """A statement whose quote is the article's words at its span."""

    class Meta:
        model = Statement
        skip_postgeneration_save = True  # the hook saves nothing on the instance

    article = factory.SubFactory(ArticleFactory)
    speaker = factory.SubFactory(OfficialFactory)
    jurisdiction = factory.SelfAttribute("speaker.jurisdiction")
    span_start = factory.LazyAttribute(lambda o: o.article.body.index('"') + 1)
    span_end = factory.LazyAttribute(lambda o: o.article.body.index('"', o.span_start))
    quote = factory.LazyAttribute(lambda o: o.article.body[o.span_start : o.span_end])
    stance = "against_cooperation"

    _summary = factory.PostGeneration(refresh_summary)


class EnforcementEventFactory(DjangoModelFactory):
    class Meta:
        model = EnforcementEvent
        skip_postgeneration_save = True  # the hook saves nothing on the instance

    article = factory.SubFactory(ArticleFactory)
    kind = "arrests"
    jurisdiction = factory.SubFactory(JurisdictionFactory)
    span_start = 0
    span_end = 5
    count = 12
    summary = "12 arrests"

    _summary = factory.PostGeneration(refresh_summary)


class PolicyActionFactory(DjangoModelFactory):
    class Meta:
        model = PolicyAction
        skip_postgeneration_save = True  # the hook saves nothing on the instance

    article = factory.SubFactory(ArticleFactory)
    jurisdiction = factory.SubFactory(JurisdictionFactory)
    kind = "executive_order"
    span_start = 0
    span_end = 5
    summary = "The mayor signed an executive order."
    effective_on = None

    _summary = factory.PostGeneration(refresh_summary)


class PolicyEffectFactory(DjangoModelFactory):
    class Meta:
        model = PolicyEffect
        skip_postgeneration_save = True  # the hook saves nothing on the instance

    policy = factory.SubFactory(PolicyActionFactory)
    indicator = "detainers"
    direction = "limits"

    _summary = factory.PostGeneration(refresh_summary)


def span_of(body: str, words: str) -> dict:
    """The span fields of ``words``' first occurrence in ``body``."""
    start = body.index(words)
    return {"span_start": start, "span_end": start + len(words)}


def policy_with_effects(article, jurisdiction, words: str, effects, **fields) -> PolicyAction:
    """A policy action on ``words`` of its article, with its (indicator, direction) effects."""
    policy = PolicyActionFactory(
        article=article, jurisdiction=jurisdiction, **span_of(article.body, words), **fields
    )
    for indicator, direction in effects:
        PolicyEffectFactory(policy=policy, indicator=indicator, direction=direction)
    return policy


def statement_at(article, speaker, quote: str, **fields) -> Statement:
    """A statement whose quote is its article's words."""
    fields.setdefault("jurisdiction", speaker.jurisdiction)
    return StatementFactory(
        article=article, speaker=speaker, quote=quote, **span_of(article.body, quote), **fields
    )


def policy_on(article, jurisdiction, words: str, effects, kind: str, on, precision="day"):
    """A policy of ``kind`` on ``words`` of its article, in force from ``on`` (a date known to
    the day, month or year: ``precision``), with its (indicator, direction) effects."""
    return policy_with_effects(
        article, jurisdiction, words, effects, kind=kind, effective_on=on, date_precision=precision
    )
