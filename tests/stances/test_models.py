"""The database enforces the data's rules."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    JurisdictionFactory,
    OfficialFactory,
    PolicyEffectFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def test_the_same_article_text_twice_is_refused():
    ArticleFactory(body="The council voted on Tuesday.")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(body="The council voted on Tuesday.", url="https://elsewhere.example/")
    assert Article.objects.count() == 1


def test_article_sha256_follows_the_body():
    article = ArticleFactory(body="abc")
    assert article.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_jurisdiction_slugs_are_unique():
    JurisdictionFactory(slug="testville-wi")
    with pytest.raises(IntegrityError), transaction.atomic():
        JurisdictionFactory.create(slug="testville-wi", name="Other", external_id="fips:1")


def test_official_slugs_are_unique():
    OfficialFactory(slug="alex-doe")
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficialFactory(slug="alex-doe")


def test_external_ids_are_unique_but_may_be_blank():
    JurisdictionFactory(slug="a-wi", external_id="")
    JurisdictionFactory(slug="b-wi", external_id="")
    JurisdictionFactory(slug="c-wi", external_id="fips:55025")
    with pytest.raises(IntegrityError), transaction.atomic():
        JurisdictionFactory(slug="d-wi", external_id="fips:55025")


@pytest.mark.parametrize("field, value", [("latitude", 91.0), ("longitude", -181.0)])
def test_coordinates_stay_on_the_globe(field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        JurisdictionFactory(**{field: value})


def test_state_must_be_a_usps_code():
    with pytest.raises(IntegrityError), transaction.atomic():
        JurisdictionFactory(state="Wisconsin"[:2].lower())


def test_event_counts_are_never_negative(article, jurisdiction):
    with pytest.raises(IntegrityError), transaction.atomic():
        EnforcementEventFactory(article=article, jurisdiction=jurisdiction, count=-3)


def test_event_may_not_end_before_it_starts(article):
    import datetime as dt

    with pytest.raises(IntegrityError), transaction.atomic():
        EnforcementEventFactory(
            article=article, starts_on=dt.date(2020, 5, 2), ends_on=dt.date(2020, 5, 1)
        )


def test_span_must_not_be_empty(article, official):
    with pytest.raises(IntegrityError), transaction.atomic():
        StatementFactory(article=article, speaker=official, span_start=10, span_end=10, quote="")


def test_span_must_lie_inside_the_article_body(article, official):
    statement = StatementFactory.build(
        article=article, speaker=official, jurisdiction=None, span_start=5, span_end=5000, quote="x"
    )
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "span_end" in error.value.message_dict


def test_quote_must_be_the_words_at_its_span(article, official):
    statement = StatementFactory.build(article=article, speaker=official, jurisdiction=None)
    statement.full_clean()  # the factory's quote is the article's words: valid
    statement.quote = "words the article never printed"
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "quote" in error.value.message_dict


def test_one_effect_per_indicator_per_policy(policy):
    PolicyEffectFactory(policy=policy, indicator="detainers", direction="limits")
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyEffectFactory(policy=policy, indicator="detainers", direction="cooperates")


def test_invalid_choice_is_refused_by_the_database(policy):
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyEffectFactory(policy=policy, indicator="detainers", direction="sometimes")


def test_extraction_keys_are_unique_per_article(article, official):
    StatementFactory(article=article, speaker=official, extraction_key="q:1")
    with pytest.raises(IntegrityError), transaction.atomic():
        StatementFactory(article=article, speaker=official, extraction_key="q:1")


def test_strings_name_the_objects(statement, event, policy):
    assert str(statement.speaker.jurisdiction) == f"{statement.speaker.jurisdiction.name}, WI"
    assert str(statement).startswith(f"{statement.speaker.name}: “We will not hold")
    assert "Arrests" in str(event) and "(12)" in str(event)
    assert str(policy).startswith("Executive order: ")
