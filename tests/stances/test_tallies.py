"""Daily tallies: what can be counted about each place as of a date, kept on every write."""

import datetime as dt

import pytest

from stances.models import DailyTally, JurisdictionSummary
from stances.selectors.counts import Counts, counts_as_of, first_fact_on
from stances.services.review import fact_review
from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    JurisdictionFactory,
    StatementFactory,
)

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def place():
    """A place with two statements said on their own days, one reported only by its article's
    date, an arrest count and an operation, and a statement with no date at all."""
    place = JurisdictionFactory()
    speaker_of = {"speaker__jurisdiction": place}
    StatementFactory(said_on=D(2019, 3, 1), **speaker_of)
    StatementFactory(said_on=D(2019, 3, 1), **speaker_of)
    StatementFactory(said_on=None, article=ArticleFactory(published_on=D(2020, 1, 2)), **speaker_of)
    StatementFactory(said_on=None, **speaker_of)  # no date: counted as of today only
    EnforcementEventFactory(jurisdiction=place, starts_on=D(2019, 6, 1), count=30)
    EnforcementEventFactory(jurisdiction=place, starts_on=D(2021, 6, 1), kind="operation")
    return place


def test_each_day_is_tallied_and_the_summary_is_their_sum(place):
    tallies = {t.on: (t.statements, t.events, t.arrests) for t in place.daily_tallies.all()}
    assert tallies == {
        D(2019, 3, 1): (2, 0, 0),
        D(2019, 6, 1): (0, 1, 30),
        D(2020, 1, 2): (1, 0, 0),
        D(2021, 6, 1): (0, 1, 0),
        None: (1, 0, 0),
    }
    summary = JurisdictionSummary.objects.get(jurisdiction=place)
    assert (summary.statement_count, summary.event_count, summary.arrests) == (4, 2, 30)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2019, 2, 28), None),
        (D(2019, 3, 1), Counts(statements=2)),
        (D(2019, 12, 31), Counts(statements=2, events=1, arrests=30)),
        (D(2020, 1, 2), Counts(statements=3, events=1, arrests=30)),
        (D(2099, 1, 1), Counts(statements=4, events=2, arrests=30)),  # the undated one too
    ],
)
def test_counts_as_of_a_date_sum_the_tallies_up_to_it(place, on, expected):
    assert counts_as_of(on).get(place.pk) == expected
    assert first_fact_on() == D(2019, 3, 1)


def test_a_rejected_fact_leaves_the_tallies(admin_user):
    place = JurisdictionFactory()
    statement = StatementFactory(said_on=D(2019, 3, 1), speaker__jurisdiction=place)
    assert DailyTally.objects.filter(jurisdiction=place).count() == 1

    fact_review(fact=statement, user=admin_user, status="rejected")

    assert not DailyTally.objects.filter(jurisdiction=place).exists()
    assert counts_as_of(D(2020, 1, 1)).get(place.pk) is None
