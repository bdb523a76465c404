"""A small populated world for the API tests: four jurisdictions whose stances change over time,
their officials and statements, an operation with parts, and the articles it all comes from."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from rest_framework.test import APIClient

from stances.services.declarations import declaration_create
from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    JurisdictionFactory,
    OfficialFactory,
    policy_with_effects,
    span_of,
    statement_at,
)

MADISON_BODY = (
    "Madison Mayor Satya Rhodes-Conway spoke on Monday.\n\n"
    "“We will not hold anyone for ICE,” she said.\n"
    "Sheriff Kalvin Barrett disagreed: “The jail will honor every detainer we receive.”\n"
    "Agents arrested 14 people during Operation Midway Blitz, which began last week.\n"
    "A raid at a Dane County farm ended with three people detained.\n"
    "The council passed an ordinance barring ICE from the jail.\n"
    "“We have nothing more to add,” the mayor's office said."
)
HOUSTON_BODY = (
    "Houston police adopted a policy on detainers in May.\n"
    "“Agents will set up a checkpoint near the stadium,” an ICE spokesperson said.\n"
    "Eleven people were detained at a processing centre."
)


span = span_of


def policy(article, jurisdiction, effects, **fields):
    return policy_with_effects(
        article, jurisdiction, fields.pop("words", article.body[:20]), effects, **fields
    )


statement = statement_at


def event(article, words, **fields):
    return EnforcementEventFactory(article=article, **span(article.body, words), **fields)


@pytest.fixture(autouse=True)
def _fresh_cache(db):
    """The anonymous throttle counts requests in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def editor(django_user_model):
    """A member of the editors group the data migration creates (its real permissions)."""
    user = django_user_model.objects.create_user(username="editor")
    user.groups.add(Group.objects.get(name="editors"))
    return user


@pytest.fixture
def reader(django_user_model):
    """Signed in, but without any permission."""
    return django_user_model.objects.create_user(username="reader")


@pytest.fixture
def editor_api(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client


@pytest.fixture
def world(db):
    """Madison: limited cooperation from 2019-06-15, non-cooperation from 2023-02-01 (a rejected
    287(g) agreement never counts). Dane County: cooperation from 2022-05-01. Houston: an undated
    policy counting from its article's date, 2023-05-01. Austin: no evidence, no coordinates."""
    w = SimpleNamespace()
    w.madison = JurisdictionFactory(name="Madison", state="WI", slug="madison-wi", population=1)
    w.dane = JurisdictionFactory(
        name="Dane County", kind="county", state="WI", slug="dane-county-wi", population=2
    )
    w.houston = JurisdictionFactory(name="Houston", state="TX", slug="houston-tx", population=3)
    w.austin = JurisdictionFactory(
        name="Austin", state="TX", slug="austin-tx", latitude=None, longitude=None, population=4
    )
    w.article = ArticleFactory(
        title="Madison mayor refuses ICE detainers",
        outlet="Wisconsin State Journal",
        body=MADISON_BODY,
        published_on=dt.date(2024, 3, 1),
    )
    w.houston_article = ArticleFactory(
        title="Houston police and ICE",
        outlet="Houston Chronicle",
        body=HOUSTON_BODY,
        published_on=dt.date(2023, 5, 1),
    )
    w.article.jurisdictions.set([w.madison, w.dane])
    w.houston_article.jurisdictions.set([w.houston])

    w.ordinance = policy(
        w.article,
        w.madison,
        [("detainers", "limits")],
        kind="ordinance",
        effective_on=dt.date(2019, 6, 15),
        summary="Ordinance barring detainer holds.",
    )
    w.order = policy(
        w.article,
        w.madison,
        [("jail_access", "limits")],
        kind="executive_order",
        effective_on=dt.date(2023, 2, 1),
        review_status="reviewed",
        summary="Executive order closing the jail to ICE.",
        words="The council passed an ordinance barring ICE from the jail.",
    )
    w.rejected_policy = policy(
        w.article,
        w.madison,
        [("agreement_287g", "cooperates")],
        kind="agreement_287g",
        effective_on=dt.date(2023, 6, 1),
        review_status="rejected",
        summary="A 287(g) agreement the article never mentions.",
    )
    w.agreement = policy(
        w.article,
        w.dane,
        [("agreement_287g", "cooperates"), ("jail_access", "cooperates")],
        kind="agreement_287g",
        effective_on=dt.date(2022, 5, 1),
        summary="The sheriff signed a 287(g) agreement.",
    )
    w.houston_policy = policy(
        w.houston_article,
        w.houston,
        [("detainers", "limits")],
        kind="law_enforcement_policy",
        effective_on=None,
        summary="Houston police stopped honoring detainers.",
    )

    w.mayor = OfficialFactory(
        name="Satya Rhodes-Conway", slug="satya-rhodes-conway", jurisdiction=w.madison
    )
    w.sheriff = OfficialFactory(
        name="Kalvin Barrett", slug="kalvin-barrett", role="Sheriff", jurisdiction=w.dane
    )
    w.ice = OfficialFactory(
        name="ICE Houston",
        slug="ice-houston",
        kind="organisation",
        role="Spokesperson",
        jurisdiction=None,
        affiliation="U.S. Immigration and Customs Enforcement",
    )
    w.article.officials.set([w.mayor, w.sheriff])

    w.refusal = statement(
        w.article,
        w.mayor,
        "We will not hold anyone for ICE,",
        said_on=dt.date(2024, 2, 26),
        review_status="reviewed",
    )
    w.honor = statement(
        w.article,
        w.sheriff,
        "The jail will honor every detainer we receive.",
        said_on=dt.date(2024, 2, 27),
        stance="for_cooperation",
    )
    w.checkpoint = statement(
        w.houston_article,
        w.ice,
        "Agents will set up a checkpoint near the stadium,",
        jurisdiction=w.houston,
        said_on=dt.date(2023, 4, 30),
        stance="neutral",
    )
    w.rejected_statement = statement(
        w.article,
        w.mayor,
        "We have nothing more to add,",
        said_on=dt.date(2024, 2, 28),
        review_status="rejected",
        stance="neutral",
    )

    w.operation = event(
        w.article,
        "Operation Midway Blitz",
        kind="operation",
        name="Operation Midway Blitz",
        jurisdiction=w.madison,
        starts_on=dt.date(2024, 2, 20),
        ends_on=dt.date(2024, 2, 28),
        count=17,
        summary="A two-week ICE operation across southern Wisconsin.",
    )
    w.arrests = event(
        w.article,
        "Agents arrested 14 people",
        kind="arrests",
        jurisdiction=w.madison,
        parent=w.operation,
        starts_on=dt.date(2024, 2, 21),
        count=14,
        summary="14 people arrested in Madison.",
    )
    w.raid = event(
        w.article,
        "A raid at a Dane County farm",
        kind="raid",
        jurisdiction=w.dane,
        parent=w.operation,
        starts_on=dt.date(2024, 2, 22),
        count=3,
        summary="A raid at a farm: three people detained.",
    )
    w.detention = event(
        w.houston_article,
        "Eleven people were detained",
        kind="detention",
        jurisdiction=w.houston,
        starts_on=dt.date(2023, 4, 2),
        count=11,
        summary="Eleven people held at a processing centre.",
    )
    w.rejected_event = event(
        w.houston_article,
        "Houston police",
        kind="planned_raid",
        jurisdiction=w.houston,
        starts_on=dt.date(2023, 4, 3),
        count=None,
        review_status="rejected",
        summary="A planned raid the article never reports.",
    )
    w.declaration = declaration_create(
        article=w.article,
        label="sanctuary city",
        jurisdiction=w.madison,
        speaker=w.mayor,
        words="We will not hold anyone for ICE,",
        declared_on=dt.date(2024, 2, 26),
    )
    return w
