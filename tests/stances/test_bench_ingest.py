"""``bench_ingest --sizes``: the ingestion-time table of the README, by article size, through the
real service and the background job, leaving the database as it was."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from stances.models import IngestionJob, Statement


@pytest.mark.django_db
def test_a_row_per_size_and_nothing_stored():
    out = StringIO()

    call_command("bench_ingest", "--sizes", "5,20", stdout=out)

    rows = [
        line.split("|")
        for line in out.getvalue().splitlines()
        if line.endswith("|") and " KB |" in line and "size" not in line
    ]
    assert [row[1].strip() for row in rows] == ["5 KB", "20 KB"]
    assert all(float(row[2]) > 0 and float(row[3]) > 0 for row in rows)
    assert not (Article.objects.exists() or Statement.objects.exists())
    assert not IngestionJob.objects.exists()
