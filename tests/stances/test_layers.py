"""The effective stance across layers of government, on invented cases (pure)."""

import datetime as dt

from stances.rules.layers import Layer, binding_indicators, effective_stance
from stances.rules.stance import EvidenceItem, derive, stance_from_indicators

D = dt.date


def layer(*effects, binding=()):
    """A layer from (indicator, direction, policy id) effects, all dated 2019."""
    evidence = [EvidenceItem(i, d, D(2019, 1, 1), pid) for i, d, pid in effects]
    return Layer(derive(evidence).indicators, frozenset(binding))


def test_a_state_law_mandating_cooperation_binds_a_city_that_limits_it():
    city = layer(("detainers", "limits", 1), ("local_resources", "limits", 2))
    state = layer(
        ("detainers", "cooperates", 10),
        ("local_resources", "cooperates", 11),
        binding={"detainers", "local_resources"},
    )
    result = effective_stance(city, county=layer(), state=state)
    assert result.stance == "cooperation"
    assert result.indicators["detainers"].level == "state"
    assert result.indicators["local_resources"].state.value == "cooperates"
    assert stance_from_indicators(city.indicators) == "non_cooperation"  # its own, unchanged


def test_a_county_jail_refusing_detainers_under_a_silent_state():
    city = layer(("information_sharing", "limits", 1))
    county = layer(("detainers", "limits", 5), ("jail_access", "limits", 6))
    result = effective_stance(city, county=county, state=layer())
    assert result.stance == "non_cooperation"
    assert {n: s.level for n, s in result.indicators.items() if s.level} == {
        "detainers": "county",
        "jail_access": "county",
        "information_sharing": "own",
    }


def test_a_city_with_no_evidence_under_a_sanctuary_state():
    state = layer(
        ("detainers", "limits", 10),
        ("information_sharing", "limits", 11),
        binding={"detainers", "information_sharing"},
    )
    result = effective_stance(layer(), county=None, state=state)
    assert result.stance == "non_cooperation"
    assert result.levels == {"state"}


def test_nothing_known_in_any_layer_is_unknown_never_cooperation():
    result = effective_stance(layer(), county=layer(), state=layer())
    assert result.stance == "unknown"
    assert all(s.level is None for s in result.indicators.values())


def test_a_state_agencys_own_287g_agreement_does_not_bind_its_localities():
    state = layer(("agreement_287g", "cooperates", 10))  # the highway patrol's: not a law
    city = layer(("local_resources", "limits", 1))
    result = effective_stance(city, county=None, state=state)
    assert result.indicators["agreement_287g"].level is None
    assert result.stance == "limited_cooperation"


def test_a_county_287g_agreement_applies_where_the_city_says_nothing_of_one():
    county = layer(("agreement_287g", "cooperates", 5))
    result = effective_stance(layer(("local_resources", "limits", 1)), county=county)
    assert result.indicators["agreement_287g"].level == "county"
    assert result.stance == "cooperation"


def test_a_city_running_its_own_jail_decides_detainers_when_the_county_is_silent():
    city = layer(("detainers", "limits", 1))
    result = effective_stance(city, county=layer(), state=layer())
    assert result.indicators["detainers"].level == "own"


def test_binding_indicators_are_those_a_state_law_sets():
    state = layer(("detainers", "cooperates", 10), ("agreement_287g", "cooperates", 11))
    kinds = {10: "state_law", 11: "agreement_287g"}
    assert binding_indicators(state.indicators, kinds) == {"detainers"}
