"""The stance rule, on hand-built cases (pure) and through the database."""

import datetime as dt

import pytest

from stances.rules.stance import EvidenceItem, derive
from stances.selectors.evidence import jurisdiction_stance
from tests.factories import ArticleFactory, PolicyActionFactory, PolicyEffectFactory

D = dt.date


def item(indicator, direction, when, policy_id=1):
    return EvidenceItem(indicator, direction, when, policy_id)


def test_no_evidence_gives_unknown():
    result = derive([])
    assert result.stance == "unknown"
    assert {state.value for state in result.indicators.values()} == {"unknown"}


def test_limiting_detainers_and_jail_access_give_non_cooperation():
    evidence = [
        item("detainers", "limits", D(2018, 6, 1), 1),
        item("jail_access", "limits", D(2018, 9, 6), 2),
    ]
    assert derive(evidence).stance == "non_cooperation"


def test_a_single_limit_gives_limited_cooperation():
    assert derive([item("detainers", "limits", D(2018, 6, 1))]).stance == "limited_cooperation"


def test_a_287g_agreement_gives_cooperation_even_beside_limits():
    evidence = [
        item("agreement_287g", "cooperates", D(2017, 1, 1), 1),
        item("information_sharing", "limits", D(2017, 2, 1), 2),
    ]
    assert derive(evidence).stance == "cooperation"


def test_only_cooperating_evidence_gives_cooperation():
    assert derive([item("detainers", "cooperates", D(2019, 1, 1))]).stance == "cooperation"


def test_a_mix_gives_limited_cooperation():
    evidence = [
        item("detainers", "limits", D(2019, 1, 1), 1),
        item("jail_access", "limits", D(2019, 1, 1), 2),
        item("information_sharing", "cooperates", D(2019, 1, 1), 3),
    ]
    assert derive(evidence).stance == "limited_cooperation"


def test_a_later_policy_overrides_an_earlier_one_on_the_same_indicator():
    evidence = [
        item("agreement_287g", "cooperates", D(2015, 1, 1), 1),
        item("agreement_287g", "limits", D(2019, 1, 1), 2),
    ]
    result = derive(evidence)
    assert result.indicators["agreement_287g"].value == "limits"
    assert result.indicators["agreement_287g"].policy_ids == (2,)
    assert result.indicators["agreement_287g"].effective_on == D(2019, 1, 1)
    assert result.stance == "limited_cooperation"


def test_stance_as_of_a_date_before_any_policy_is_unknown():
    evidence = [item("detainers", "limits", D(2018, 6, 1))]
    assert derive(evidence, as_of=D(2018, 5, 31)).stance == "unknown"
    assert derive(evidence, as_of=D(2018, 6, 1)).stance == "limited_cooperation"


def test_as_of_sees_the_indicator_as_it_stood_then():
    evidence = [
        item("agreement_287g", "cooperates", D(2015, 1, 1), 1),
        item("agreement_287g", "limits", D(2019, 1, 1), 2),
    ]
    assert derive(evidence, as_of=D(2016, 1, 1)).stance == "cooperation"


def test_undated_evidence_counts_now_but_never_as_of_a_past_date():
    evidence = [item("detainers", "limits", None)]
    today = D(2026, 6, 1)
    assert derive(evidence, today=today).stance == "limited_cooperation"
    assert derive(evidence, as_of=D(2020, 1, 1), today=today).stance == "unknown"


def test_undated_evidence_counts_as_of_today_as_it_does_by_default():
    evidence = [item("detainers", "limits", None), item("jail_access", "limits", D(2010, 1, 1), 2)]
    today = D(2026, 6, 1)
    default = derive(evidence, today=today)
    as_of_today = derive(evidence, as_of=today, today=today)
    assert default.stance == as_of_today.stance == "non_cooperation"
    assert default.indicators == as_of_today.indicators


def test_since_is_the_day_the_indicator_took_its_value_not_its_latest_evidence():
    evidence = [
        item("detainers", "cooperates", D(2010, 1, 1), 1),
        item("detainers", "limits", D(2018, 6, 30), 2),
        item("detainers", "limits", D(2018, 9, 6), 3),  # says the same again
    ]
    state = derive(evidence).indicators["detainers"]
    assert (state.value, state.effective_on) == ("limits", D(2018, 6, 30))
    assert derive(evidence, as_of=D(2019, 1, 1)).indicators["detainers"].effective_on == D(
        2018, 6, 30
    )
    assert derive(evidence, as_of=D(2012, 1, 1)).indicators["detainers"].effective_on == D(
        2010, 1, 1
    )


def test_since_follows_a_contrary_policy_that_ended():
    evidence = [
        item("detainers", "limits", D(2010, 1, 1), 1),
        EvidenceItem("detainers", "cooperates", D(2015, 1, 1), 2, ends_on=D(2016, 1, 1)),
    ]
    assert derive(evidence).indicators["detainers"].effective_on == D(2016, 1, 1)


def test_dated_evidence_overrides_undated_evidence():
    evidence = [
        item("detainers", "cooperates", D(2001, 1, 1), 1),
        item("detainers", "limits", None, 2),
    ]
    assert derive(evidence).indicators["detainers"].value == "cooperates"


@pytest.mark.django_db
def test_jurisdiction_stance_reads_non_rejected_policies(jurisdiction):
    article = ArticleFactory(published_on=D(2018, 9, 6))
    kept = PolicyActionFactory(jurisdiction=jurisdiction, article=article)
    PolicyEffectFactory(policy=kept, indicator="detainers", direction="limits")
    PolicyEffectFactory(policy=kept, indicator="jail_access", direction="limits")
    rejected = PolicyActionFactory(
        jurisdiction=jurisdiction, article=article, review_status="rejected"
    )
    PolicyEffectFactory(policy=rejected, indicator="agreement_287g", direction="cooperates")

    assert jurisdiction_stance(jurisdiction).stance == "non_cooperation"
    # With no effective date, the policy counts from its article's publication date.
    assert jurisdiction_stance(jurisdiction, as_of=D(2018, 9, 5)).stance == "unknown"
    assert jurisdiction_stance(jurisdiction, as_of=D(2018, 9, 6)).stance == "non_cooperation"


def test_a_month_precision_policy_counts_from_the_end_of_its_month():
    from stances.rules.stance import counts_from

    assert counts_from(D(2018, 6, 1), "month", None) == D(2018, 6, 30)
    assert counts_from(D(2018, 1, 1), "year", None) == D(2018, 12, 31)
    assert counts_from(D(2018, 6, 14), "day", D(2018, 9, 6)) == D(2018, 6, 14)
    assert counts_from(None, "day", D(2018, 9, 6)) == D(2018, 9, 6)


def test_history_lists_each_change_with_its_date_and_evidence():
    from stances.rules.stance import history

    evidence = [
        item("detainers", "limits", D(2017, 3, 1), 1),
        item("jail_access", "limits", D(2018, 6, 30), 2),
        item("information_sharing", "limits", D(2018, 7, 1), 3),  # no change of stance
        item("agreement_287g", "cooperates", None, 4),
    ]
    assert [(c.on, c.stance, c.policy_ids) for c in history(evidence)] == [
        (D(2017, 3, 1), "limited_cooperation", (1,)),
        (D(2018, 6, 30), "non_cooperation", (2,)),
        (None, "cooperation", (4,)),
    ]


def test_history_is_empty_without_evidence():
    from stances.rules.stance import history

    assert history([]) == []


# Statuses and ends: only policies in force count, from their start to their end


def ended(indicator, direction, when, policy_id, status="lapsed", ends_on=None):
    return EvidenceItem(indicator, direction, when, policy_id, status, ends_on)


def test_a_proposal_never_counts():
    proposal = ended("agreement_287g", "cooperates", D(2025, 5, 1), 1, status="proposed")
    assert derive([proposal]).stance == "unknown"
    assert derive([proposal], D(2025, 6, 1)).stance == "unknown"


def test_a_policy_counts_until_its_own_end():
    contract = ended("jail_access", "cooperates", D(2016, 1, 1), 1, "in_force", D(2019, 6, 30))
    assert derive([contract], D(2018, 1, 1)).stance == "cooperation"
    assert derive([contract], D(2019, 6, 30)).stance == "unknown"
    assert derive([contract], today=D(2020, 1, 1)).stance == "unknown"


def test_a_recorded_lapse_ends_the_agreement_and_older_evidence_shows_again():
    evidence = [
        item("detainers", "limits", D(2014, 1, 1), 1),
        item("agreement_287g", "cooperates", D(2017, 3, 1), 2),
        ended("agreement_287g", "cooperates", D(2019, 12, 31), 3, "lapsed", D(2019, 7, 1)),
    ]
    assert derive(evidence, D(2018, 1, 1)).stance == "cooperation"
    after = derive(evidence, D(2019, 8, 1))
    assert after.indicators["agreement_287g"].value == "unknown"
    assert after.stance == "limited_cooperation"  # the detainer limit alone
    assert derive(evidence, today=D(2025, 1, 1)).stance == "limited_cooperation"


def test_an_agreement_signed_after_a_lapse_counts_again():
    evidence = [
        item("agreement_287g", "cooperates", D(2012, 1, 1), 1),
        ended("agreement_287g", "cooperates", D(2015, 1, 1), 2, "repealed", D(2015, 1, 1)),
        item("agreement_287g", "cooperates", D(2020, 5, 1), 3),
    ]
    assert derive(evidence, D(2016, 1, 1)).stance == "unknown"
    assert derive(evidence, D(2021, 1, 1)).stance == "cooperation"


def test_a_policy_taking_effect_after_today_does_not_count_yet():
    law = item("detainers", "cooperates", D(2027, 1, 1), 1)
    assert derive([law], today=D(2026, 12, 7)).stance == "unknown"
    assert derive([law], today=D(2027, 1, 2)).stance == "cooperation"


def test_the_history_shows_the_end_of_an_agreement_on_its_end_date():
    from stances.rules.stance import history

    evidence = [
        item("agreement_287g", "cooperates", D(2017, 3, 1), 1),
        ended("agreement_287g", "cooperates", D(2019, 12, 31), 2, "lapsed", D(2019, 7, 1)),
    ]
    changes = [(c.on, c.stance) for c in history(evidence, today=D(2025, 1, 1))]
    assert changes == [(D(2017, 3, 1), "cooperation"), (D(2019, 7, 1), "unknown")]


def test_the_end_of_one_listed_agreement_ends_it_alone():
    """An agreement on ICE's list confirmed ended (its own record, ``ends_itself_only``) stops
    that agreement; the sheriff's other agreement, setting the same indicators, goes on. A
    news report of an ending still ends every agreement of the place."""
    listed_end = EvidenceItem(
        "agreement_287g", "cooperates", D(2025, 2, 1), 1, "repealed", D(2025, 7, 11), True
    )
    other = item("agreement_287g", "cooperates", D(2025, 3, 1), 2)
    assert derive([listed_end, other], D(2025, 8, 1)).indicators["agreement_287g"].policy_ids == (
        2,
    )
    assert derive([listed_end], D(2025, 8, 1)).stance == "unknown"
    reported_end = ended("agreement_287g", "cooperates", D(2025, 7, 11), 3, "repealed")
    assert derive([other, reported_end], D(2025, 8, 1)).stance == "unknown"


def _reference_history(evidence):
    """The stance's changes by a maximum over every item in force each day: the rule as
    written, quadratic, to hold the fast sweep to."""
    from stances.rules.stance import (
        INDICATORS,
        IndicatorState,
        _order,
        _timeline,
        stance_from_indicators,
    )

    changes, previous = [], "unknown"
    active = {name: {} for name in INDICATORS}
    for day, starting, stopping in _timeline(evidence):
        for e in stopping:
            active[e.indicator].pop(e.policy_id, None)
        for e in starting:
            active[e.indicator][e.policy_id] = e
        stance = stance_from_indicators(
            {
                name: IndicatorState(name, max(items.values(), key=_order).direction)
                for name, items in active.items()
                if items
            }
        )
        if stance != previous:
            changes.append((day, stance))
            previous = stance
    return changes


def test_the_history_sweep_agrees_with_the_maximum_over_every_day_and_scales(monkeypatch):
    import random

    import stances.rules.stance as rules
    from stances.rules.stance import INDICATORS, history

    rng = random.Random(11)
    for size in (5, 40, 300):
        evidence = []
        for pid in range(size):
            start = D(2010, 1, 1) + dt.timedelta(days=rng.randrange(3650))
            ends = start + dt.timedelta(days=rng.randrange(1, 900)) if rng.random() < 0.4 else None
            status = rng.choice(["in_force", "in_force", "lapsed", "repealed"])
            evidence.append(
                EvidenceItem(
                    rng.choice(INDICATORS),
                    rng.choice(["limits", "cooperates"]),
                    start,
                    pid,
                    status,
                    ends,
                )
            )
        fast = [(c.on, c.stance) for c in history(evidence, today=D(2030, 1, 1))]
        assert [c for c in fast if c[0] is not None] == _reference_history(evidence), size
    # Thousands of policies in force at once (the busiest place's page): the order of items is
    # read a few times per item, not once per item in force per day (18 million times here).
    calls = []
    order = rules._order
    monkeypatch.setattr(rules, "_order", lambda e: calls.append(1) or order(e))
    n = 6000
    many = [item("detainers", "limits", D(2000, 1, 1) + dt.timedelta(days=i), i) for i in range(n)]
    assert len(history(many, today=D(2030, 1, 1))) == 1
    assert len(calls) < 50 * n
