"""article_ingest: stores facts tied to their words, idempotently, never undoing an editor."""

import datetime as dt

import pytest

from articles.models import Article
from articles.services import IngestError
from stances.models import Jurisdiction, Official, PolicyAction, ReviewStatus, Statement
from stances.services.ingestion import article_ingest

pytestmark = pytest.mark.django_db

BODY = (
    "Tucson Mayor Ana Ruiz signed an executive order on Monday ending the city jail's contract "
    "with ICE.\n\n"
    "“We will not be complicit in tearing families apart,” Ruiz said.\n\n"
    "Share This\n"
)
CORRECTED = BODY.replace("tearing families apart", "separating families")
URL = "https://news.example.org/tucson-ice"


def ingest(body=BODY, **overrides):
    fields = {
        "title": "Tucson ends jail deal",
        "outlet": "Example News",
        "url": URL,
        "published_on": dt.date(2019, 6, 12),
    }
    return article_ingest(body=body, **{**fields, **overrides})


def test_an_article_populates_jurisdictions_officials_and_facts():
    result = ingest()
    assert result.outcome == "created"
    assert Jurisdiction.objects.filter(slug="tucson-az").exists()
    ruiz = Official.objects.get(slug="ana-ruiz")
    assert ruiz.role == "Mayor" and ruiz.jurisdiction.slug == "tucson-az"
    statement = Statement.objects.get()
    assert statement.quote == "We will not be complicit in tearing families apart"
    assert statement.speaker == ruiz
    assert statement.review_status == ReviewStatus.EXTRACTED
    assert statement.stance == "against_cooperation"
    policy = PolicyAction.objects.get()
    assert policy.jurisdiction.slug == "tucson-az"
    assert {(e.indicator, e.direction) for e in policy.effects.all()} >= {("jail_access", "limits")}


def test_every_span_slices_the_stored_body_to_its_words():
    ingest()
    article = Article.objects.get()
    assert "Share This" not in article.body  # chrome is cleaned before storing
    for fact in [*Statement.objects.all(), *PolicyAction.objects.all()]:
        assert 0 <= fact.span_start < fact.span_end <= len(article.body)
    statement = Statement.objects.get()
    assert article.body[statement.span_start : statement.span_end] == statement.quote


def test_reingesting_the_same_text_changes_nothing():
    ingest()
    before = (Statement.objects.count(), PolicyAction.objects.count(), Official.objects.count())
    result = ingest()
    assert result.outcome == "unchanged"
    assert not result.counts
    after = (Statement.objects.count(), PolicyAction.objects.count(), Official.objects.count())
    assert after == before
    assert Article.objects.count() == 1


def test_a_jurisdiction_is_shared_by_all_articles():
    ingest()
    ingest(body=BODY.replace("Monday", "Tuesday"), url="https://other.example.org/x")
    assert Jurisdiction.objects.filter(slug="tucson-az").count() == 1
    assert Official.objects.filter(slug="ana-ruiz").count() == 1


def test_a_corrected_version_reextracts_without_duplicating():
    ingest()
    result = ingest(body=CORRECTED)
    assert result.outcome == "updated"
    new = Article.objects.current().get()
    assert new.supersedes is not None
    assert Statement.objects.count() == 1
    assert Statement.objects.get().article == new
    assert Statement.objects.get().quote == "We will not be complicit in separating families"
    assert PolicyAction.objects.count() == 1


def test_a_reviewed_fact_survives_a_corrected_version_untouched():
    ingest()
    reviewed = Statement.objects.get()
    reviewed.review_status = ReviewStatus.REVIEWED
    reviewed.stance = "neutral"  # an editor's correction
    reviewed.save()
    policy = PolicyAction.objects.get()
    policy.review_status = ReviewStatus.REVIEWED
    policy.save()

    ingest(body=CORRECTED)

    reviewed.refresh_from_db()
    assert reviewed.review_status == ReviewStatus.REVIEWED and reviewed.stance == "neutral"
    assert reviewed.article.superseded_by is not None  # still on the words it quotes
    # The policy is the same fact in the new text: not duplicated.
    assert PolicyAction.objects.count() == 1


def test_a_rejected_fact_is_not_resurrected_by_reingestion():
    ingest()
    policy = PolicyAction.objects.get()
    policy.review_status = ReviewStatus.REJECTED
    policy.save()
    ingest(body=CORRECTED)
    assert PolicyAction.objects.count() == 1
    assert PolicyAction.objects.get().review_status == ReviewStatus.REJECTED


def test_text_that_is_only_chrome_is_refused_and_nothing_is_stored():
    with pytest.raises(IngestError, match="no text"):
        ingest(body="Share This\n\nPin It on Pinterest\n")
    assert not Article.objects.exists()


# Found by tests/articles/test_ingest_fuzz.py: text no database can store is refused in words
# (PostgreSQL raised DataError on a NUL; SQLite stored it), as is text over the size limit.


def test_text_with_a_nul_or_a_lone_surrogate_is_refused_and_nothing_is_stored():
    with pytest.raises(IngestError, match="the body contains NUL"):
        ingest(body="ICE arrested 41 people in Austin.\x00")
    with pytest.raises(IngestError, match="the title is not valid Unicode"):
        ingest(title="Austin \ud800")
    assert not Article.objects.exists() and not Jurisdiction.objects.exists()


def test_text_over_the_size_limit_is_refused(settings):
    settings.ARTICLE_MAX_BYTES = len(BODY.encode()) - 1
    with pytest.raises(IngestError, match="over the .*-byte limit"):
        ingest()
    assert not Article.objects.exists()
