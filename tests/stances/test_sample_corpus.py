"""The five sample articles, ingested through the real service: the errors a reader found in
them (issue 15) stay fixed. Each test reads what the dashboard would show against the text."""

import datetime as dt

import pytest
from django.core.management import call_command

from articles.models import Article
from stances.models import (
    Declaration,
    EnforcementEvent,
    Jurisdiction,
    Official,
    PolicyAction,
    Statement,
)
from stances.selectors.evidence import jurisdiction_stance


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_sample_corpus", verbosity=0)
        yield
        for model in (Statement, PolicyAction, Declaration, EnforcementEvent):
            model.objects.all().delete()
        Article.objects.all().delete()
        Official.objects.all().delete()
        Jurisdiction.objects.all().delete()


def article_about(words: str) -> Article:
    return Article.objects.get(body__contains=words)


@pytest.mark.django_db
def test_a_mayor_saying_her_city_is_a_sanctuary_city_is_a_declaration_not_a_policy(corpus):
    sf = Jurisdiction.objects.get(slug="san-francisco-ca")
    declarations = Declaration.objects.filter(jurisdiction=sf)
    assert declarations.exists()
    assert all("sanctuary city" in d.text for d in declarations)
    assert not PolicyAction.objects.filter(jurisdiction=sf).exists()
    assert not any("sanctuary city" in p.words for p in PolicyAction.objects.all())


@pytest.mark.django_db
def test_a_law_firms_will_soon_join_is_a_proposal_that_changes_no_stance(corpus):
    article = article_about("will soon join")
    [policy] = PolicyAction.objects.filter(article=article)
    assert policy.status == "proposed"
    assert jurisdiction_stance(policy.jurisdiction).stance == "unknown"


@pytest.mark.django_db
def test_a_federal_magistrate_judge_named_austin_is_no_official_of_austin(corpus):
    judge = Official.objects.get(slug="andrew-austin")
    assert judge.level == "federal" and judge.jurisdiction is None
    assert not judge.statements.exclude(jurisdiction=None).exists()


@pytest.mark.django_db
def test_ices_words_are_never_a_citys(corpus):
    federal = Statement.objects.filter(speaker__level="federal")
    assert federal.exists()
    assert not federal.exclude(jurisdiction=None).exists()


@pytest.mark.django_db
def test_statements_are_dated_from_the_article_or_reported_on_its_publication(corpus):
    atlanta = article_about("Atlanta Mayor orders city to end relationship with ICE")
    assert atlanta.published_on == dt.date(2018, 9, 6)
    for statement in Statement.objects.filter(article=atlanta):
        assert statement.said_on == dt.date(2018, 9, 6)
        assert statement.date_source in ("text", "published")
    undated = Statement.objects.filter(article__published_on=None)
    assert all(s.said_on is None and s.date_source == "" for s in undated)
