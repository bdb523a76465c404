"""Property tests of ``article_ingest`` on the database, with the text strategies and checks of
``tests/articles/extraction/test_fuzz.py`` (kept there so that module runs without Django).

For any text: the service stores the article, and every stored statement, event and policy has
a span inside the stored body that slices it to the fact's quote (or summary), with any count
written there; or it raises ``IngestError`` and the database is as it was. Each example runs in
its own savepoint, rolled back, so examples never see each other's rows.
"""

from __future__ import annotations

import datetime as dt

import hypothesis
import pytest
from django.db import transaction
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from articles.extraction.clean import clean
from articles.models import Article
from articles.services import IngestError
from stances.models import EnforcementEvent, Jurisdiction, Official, PolicyAction, Statement
from stances.services.ingestion import article_ingest
from tests.articles.extraction.test_fuzz import (
    MAX_COUNT,
    PUBLISHED,
    SCALE,
    arbitrary_text,
    news_text,
    operation_lines,
    span_ok,
    summary_is_span,
    writes_number,
)

DB_EXAMPLES = int(50 * SCALE)
MODELS = (Article, Jurisdiction, Official, Statement, EnforcementEvent, PolicyAction)
# Text that is empty once cleaned: nothing, blanks, page chrome only.
EMPTY = st.sampled_from(["", " \n\t ", "\u3000\u2028", "Share\nTweet\nAdvertisement", "\n\n"])

db_examples = hypothesis.settings(
    max_examples=DB_EXAMPLES,
    deadline=None,
    # The ``db`` fixture's transaction spans all examples; each example has its own savepoint.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _rows() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def _check_stored(article: Article) -> None:
    body = Article.objects.get(pk=article.pk).body
    for s in Statement.objects.filter(article=article):
        assert span_ok(body, s.span_start, s.span_end)
        assert body[s.span_start : s.span_end] == s.quote
    for e in EnforcementEvent.objects.filter(article=article):
        assert span_ok(body, e.span_start, e.span_end)
        assert summary_is_span(e.summary, body[e.span_start : e.span_end])
        if e.count is None:
            continue
        assert 0 < e.count <= MAX_COUNT
        if e.kind == "operation":
            assert any(writes_number(line, e.count) for line in operation_lines(body, e.name)), e
        else:
            assert writes_number(body[e.span_start : e.span_end], e.count), e
    for p in PolicyAction.objects.filter(article=article):
        assert span_ok(body, p.span_start, p.span_end)
        assert summary_is_span(p.summary, body[p.span_start : p.span_end])
        assert p.effects.exists()


def _ingest_or_refuse(raw: str, published: dt.date | None, **fields) -> None:
    with transaction.atomic():
        before = _rows()
        try:
            result = article_ingest(body=raw, published_on=published, **fields)
        except IngestError as error:
            assert str(error)
            assert _rows() == before
        else:
            assert result.outcome == "created"
            assert result.article.body == clean(raw, title=fields.get("title") or None)
            _check_stored(result.article)
        transaction.set_rollback(True)


# What no database stores: NUL (PostgreSQL refuses it) and lone surrogates (no UTF-8 for them;
# a JSON "\ud800" decodes to one).
UNSTORABLE = st.builds(
    lambda before, bad, after: before + bad + after,
    news_text(),
    st.sampled_from(["\x00", "\ud800", "\udfff", "a\x00b"]),
    st.text(st.characters(), max_size=20),
)


@db_examples
@given(raw=st.one_of(news_text(), arbitrary_text, EMPTY), published=PUBLISHED)
def test_ingest_stores_honest_facts_or_refuses(db, raw, published):
    _ingest_or_refuse(raw, published)


@db_examples
@given(raw=UNSTORABLE, field=st.sampled_from(["body", "title", "outlet"]))
def test_text_no_database_can_store_is_refused(db, raw, field):
    fields = {"body": "ICE arrested 41 people in Austin.", field: raw}
    with transaction.atomic():
        with pytest.raises(IngestError, match=f"the {field} "):
            article_ingest(**fields)
        assert not any(_rows().values())
        transaction.set_rollback(True)


@db_examples
@given(parts=st.lists(news_text(), min_size=1, max_size=12), published=PUBLISHED)
def test_text_over_the_size_limit_is_refused(db, settings, parts, published):
    settings.ARTICLE_MAX_BYTES = 600  # pytest-django's settings fixture, restored afterwards
    raw = "\n".join(parts).replace("\x00", "")
    if len(raw.encode("utf-8")) <= 600:
        _ingest_or_refuse(raw, published)
        return
    with transaction.atomic():
        with pytest.raises(IngestError, match="over the 600-byte limit"):
            article_ingest(body=raw, published_on=published)
        assert not any(_rows().values())
        transaction.set_rollback(True)


@db_examples
@given(raw=news_text(), title=st.text(max_size=80), published=PUBLISHED)
def test_ingest_with_a_title(db, raw, title, published):
    """A title drops what precedes it in the text (site headers)."""
    _ingest_or_refuse(raw, published, title=title)


def test_empty_text_is_refused_and_stores_nothing(db):
    for raw in ["", " \n\t ", "Share\nTweet"]:
        with pytest.raises(IngestError, match="no text"):
            article_ingest(body=raw)
    assert not Article.objects.exists()
