"""Stance periods stored on every write, and read back for "as of" answers."""

import datetime as dt

import pytest

from stances.models import StancePeriod
from stances.rules.stance import derive
from stances.selectors.evidence import evidence_for
from stances.selectors.jurisdictions import jurisdiction_rows, jurisdictions_with_counts
from stances.selectors.periods import stance_on, stances_on
from stances.services.deletion import records_delete
from stances.services.policies import article_metadata_update, policy_create, policy_update
from stances.services.summaries import refresh_all, refresh_for
from tests.factories import ArticleFactory, JurisdictionFactory

D = dt.date
pytestmark = pytest.mark.django_db


def policy(place, indicator, direction, on, **fields):
    article = ArticleFactory(body=f"The council voted on {indicator} in {place.name} ({on}).")
    return policy_create(
        article=article,
        jurisdiction=place,
        kind="ordinance",
        summary="An ordinance",
        effects=[(indicator, direction)],
        evidence="The council voted",
        effective_on=on,
        **fields,
    )


def periods(place):
    return list(
        StancePeriod.objects.filter(jurisdiction=place, counts_undated=False).values_list(
            "starts_on", "ends_on", "stance"
        )
    )


def test_each_write_keeps_the_places_periods_as_derive_gives_them():
    place = JurisdictionFactory()
    first = policy(place, "detainers", "limits", D(2017, 1, 5))
    policy(place, "jail_access", "limits", D(2018, 3, 1))
    assert periods(place) == [
        (D(2017, 1, 5), D(2018, 3, 1), "limited_cooperation"),
        (D(2018, 3, 1), D.max, "non_cooperation"),
    ]

    policy_update(policy=first, status="repealed", ends_on=D(2020, 7, 1))
    assert periods(place) == [
        (D(2017, 1, 5), D(2018, 3, 1), "limited_cooperation"),
        (D(2018, 3, 1), D(2020, 7, 1), "non_cooperation"),
        (D(2020, 7, 1), D.max, "limited_cooperation"),
    ]

    records_delete([first])
    assert periods(place) == [(D(2018, 3, 1), D.max, "limited_cooperation")]


@pytest.mark.parametrize(
    "on", [D(2016, 12, 31), D(2017, 1, 5), D(2018, 2, 28), D(2018, 3, 1), D(2030, 1, 1)]
)
def test_a_stance_as_of_a_date_is_what_derive_says_from_the_evidence(on):
    place, other = JurisdictionFactory(), JurisdictionFactory()
    policy(place, "detainers", "limits", D(2017, 1, 5))
    policy(place, "jail_access", "limits", D(2018, 3, 1))
    policy(place, "agreement_287g", "cooperates", None)  # undated: counts from today on
    policy(other, "agreement_287g", "cooperates", D(2018, 3, 1), status="proposed")

    found = stances_on([place.pk, other.pk], on)
    evidence = evidence_for([place.pk, other.pk])
    for pk in (place.pk, other.pk):
        assert stance_on(found, pk, on) == derive(evidence.get(pk, []), on)


def test_lists_as_of_a_date_filter_on_the_periods_in_sql():
    limits, cooperates, silent = JurisdictionFactory(), JurisdictionFactory(), JurisdictionFactory()
    policy(limits, "detainers", "limits", D(2017, 1, 5))
    policy(limits, "jail_access", "limits", D(2017, 1, 5))
    policy(cooperates, "agreement_287g", "cooperates", D(2019, 1, 1))
    policy(silent, "detainers", "limits", D(2025, 1, 1))
    everyone = jurisdictions_with_counts()

    def slugs(**query):
        return {row.jurisdiction.slug for row in jurisdiction_rows(everyone, **query)}

    on = D(2020, 1, 1)
    assert slugs(as_of=on, stance="non_cooperation") == {limits.slug}
    assert slugs(as_of=on, stance="cooperation") == {cooperates.slug}
    assert slugs(as_of=on, stance="unknown") == {silent.slug}
    assert slugs(as_of=on, indicators={"detainers": "unknown"}) == {cooperates.slug, silent.slug}
    assert slugs(as_of=D(2018, 1, 1), indicators={"agreement_287g": "unknown"}) == {
        limits.slug,
        cooperates.slug,
        silent.slug,
    }


def test_a_new_publication_date_moves_the_history_of_undated_policies(admin_user):
    place = JurisdictionFactory()
    undated = policy(place, "agreement_287g", "cooperates", None)
    article = undated.article
    article_metadata_update(article=article, published_on=D(2019, 4, 2))
    assert periods(place) == [(D(2019, 4, 2), D.max, "cooperation")]

    article_metadata_update(article=article, published_on=D(2021, 1, 5))

    assert periods(place) == [(D(2021, 1, 5), D.max, "cooperation")]
    assert stance_on(stances_on([place.pk], D(2020, 1, 1)), place.pk, D(2020, 1, 1)).stance == (
        "unknown"
    )


def test_refreshing_everything_rewrites_periods_whatever_the_digest_says():
    place = JurisdictionFactory()
    policy(place, "detainers", "limits", D(2017, 1, 5))
    StancePeriod.objects.filter(jurisdiction=place).delete()  # as if made by an older rule
    refresh_for([place.pk])
    assert periods(place) == []  # the evidence did not change: nothing to redo
    refresh_all()
    assert periods(place) == [(D(2017, 1, 5), D.max, "limited_cooperation")]


def test_the_last_day_of_the_calendar_is_in_the_open_period():
    place = JurisdictionFactory()
    policy(place, "agreement_287g", "cooperates", D(2017, 1, 5))
    last = D.max
    assert stance_on(stances_on([place.pk], last), place.pk, last).stance == "cooperation"


def test_the_summary_read_from_fresh_periods_is_what_derive_says_today():
    """A write that changes the evidence takes the summary's stance from the periods it just
    derived; a write that does not (refresh with the same digest) derives it: both agree."""
    from stances.models import JurisdictionSummary
    from stances.services.summaries import _derived

    place = JurisdictionFactory()
    policy(place, "detainers", "limits", D(2017, 1, 5))
    policy(place, "jail_access", "cooperates", None)  # undated: counts from today only
    ended = policy(place, "information_sharing", "limits", D(2015, 1, 1))
    policy_update(policy=ended, status="repealed", ends_on=D(2016, 1, 1))

    def stored():
        summary = JurisdictionSummary.objects.get(jurisdiction=place)
        return summary.stance, summary.detainers, summary.jail_access, summary.evidence

    result = derive(evidence_for([place.pk])[place.pk])
    want = _derived(result.stance, result.indicators)
    expected = (want["stance"], want["detainers"], want["jail_access"], want["evidence"])
    assert stored() == expected
    refresh_for([place.pk])  # the same digest: derived from the evidence this time
    assert stored() == expected
    empty = JurisdictionFactory()
    refresh_for([empty.pk], force=True)  # no periods at all: every indicator unknown
    assert JurisdictionSummary.objects.get(jurisdiction=empty).stance == derive([]).stance


def test_a_later_policy_rewrites_only_the_periods_it_changes():
    place = JurisdictionFactory()
    policy(place, "detainers", "limits", D(2017, 1, 5))
    policy(place, "jail_access", "limits", D(2018, 3, 1))
    first = StancePeriod.objects.get(
        jurisdiction=place, counts_undated=False, starts_on=D(2017, 1, 5)
    )
    policy(place, "information_sharing", "limits", D(2021, 6, 1))
    kept = StancePeriod.objects.get(
        jurisdiction=place, counts_undated=False, starts_on=D(2017, 1, 5)
    )
    assert kept.pk == first.pk  # the same row: not deleted and written again
    assert periods(place)[-1] == (D(2021, 6, 1), D.max, "non_cooperation")
