"""What ingesting an article costs in SQL: the checks the database already makes are not made
again per fact, and the pages an article changes are worked out once, not per new place."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.files import article_files, read_article
from stances.models import EnforcementEvent, Statement
from stances.services.ingestion import article_ingest

CORPUS = Path(__file__).resolve().parents[2] / "articles" / "corpus"
# Django's check that a foreign key's row exists: SELECT 1 AS "a" FROM "t" WHERE "t"."id" = 7
_EXISTS_BY_ID = re.compile(r'^SELECT 1 AS "a" FROM "\w+" WHERE "\w+"\."id" = ', re.IGNORECASE)
# The second query of ``page_scope``: the places above and below the ones written
_PAGE_SCOPE = re.compile(r'"stances_jurisdiction"\."county_id" IN', re.IGNORECASE)


@pytest.mark.django_db
@pytest.mark.parametrize("path", article_files([CORPUS]), ids=lambda p: p.stem[:3])
def test_an_article_is_stored_without_per_fact_existence_checks(path):
    source = read_article(path)
    with CaptureQueriesContext(connection) as queries:
        result = article_ingest(
            body=source.body,
            title=source.title,
            outlet=source.outlet,
            url=source.url,
            published_on=source.published_on,
        )
    facts = (
        Statement.objects.filter(article=result.article).count()
        + EnforcementEvent.objects.filter(article=result.article).count()
    )
    assert facts > 0
    sqls = [q["sql"] for q in queries.captured_queries]
    assert [s for s in sqls if _EXISTS_BY_ID.search(s)] == []
    assert len([s for s in sqls if _PAGE_SCOPE.search(s)]) <= 1
