"""The learned second opinion on a statement's stance: its features, its arithmetic, the shipped
weights, and where the pipeline lets it overrule the rules (invented text only)."""

import json

import pytest

from articles.extraction import stance_model
from articles.extraction.stance import AGAINST, FOR, NEUTRAL
from articles.extraction.stance_model import StanceModel, features, second_opinion, tokens, using
from tests.articles.extraction.test_stance import COUNTY, _person, _policy, _stances

STANCES = [AGAINST, FOR, NEUTRAL]


def _leaning(word: str, side: str, weight: float = 6.0) -> StanceModel:
    """A toy model: one word pulls hard toward one side; everything else is even."""
    row = [weight if c == side else 0.0 for c in STANCES]
    return StanceModel(STANCES, [0.0, 0.0, 0.0], {f"w={word}": row})


def test_words_after_a_negation_read_as_negated_for_three_words():
    assert tokens("We won’t hold people for ICE here") == [
        "we",
        "won't",
        "NEG_hold",
        "NEG_people",
        "NEG_for",
        "ice",
        "here",
    ]
    assert tokens("They never cooperate.") == ["they", "never", "NEG_cooperate"]


def test_features_name_their_source():
    feats = features("Good jobs", "the board voted", "County Commissioner", "person")
    assert {"w=good", "w=jobs", "b=good_jobs", "p=board", "role=commissioner", "kind=person"} <= (
        feats
    )


def test_probabilities_are_a_softmax_of_summed_weights():
    model = StanceModel(STANCES, [0.0, 0.0, 0.0], {"w=a": [1.0, 0.0, 0.0], "w=b": [1.0, 0, 0]})
    probs = model.probabilities({"w=a", "w=b", "w=unknown"})
    assert sum(probs.values()) == pytest.approx(1.0)
    e2 = 2.718281828459045**2
    assert probs[AGAINST] == pytest.approx(e2 / (e2 + 2))
    assert model.probabilities(set()) == pytest.approx(dict.fromkeys(STANCES, 1 / 3))


def test_the_model_overrules_only_when_confident():
    sure = _leaning("jobs", FOR)
    assert second_opinion(AGAINST, {"w=jobs"}, sure) == FOR
    unsure = _leaning("jobs", FOR, weight=0.5)  # about 0.45: below OVERRULE_AT
    assert second_opinion(AGAINST, {"w=jobs"}, unsure) == AGAINST
    assert second_opinion(NEUTRAL, {"w=other"}, sure) == NEUTRAL


def _commissioner_story(quote: str, framing: str = "") -> tuple[str, list, list]:
    body = (
        "The county will end its 287(g) agreement, the sheriff said Monday.\n"
        f"Commissioner Lee Briggs{framing} spoke at the meeting.\n"
        f"“{quote},” Briggs said."
    )
    briggs = _person(body, "Lee Briggs", "Commissioner", "local", place=COUNTY)
    policies = [_policy(body, "The county will end its 287(g) agreement", "limits")]
    return body, [briggs], policies


def test_a_side_presumed_from_the_office_yields_to_a_confident_model():
    # The county limits cooperation, so its commissioner is presumed against; the words do not
    # say so, and a model sure that they are for cooperation decides.
    body, cast, policies = _commissioner_story("These are good jobs in a county that needs them")
    with using(stance_model.NO_OPINION):
        assert _stances(body, cast, policies) == [AGAINST]
    with using(_leaning("jobs", FOR)):
        assert _stances(body, cast, policies) == [FOR]


def test_a_side_the_article_tells_or_a_strong_cue_is_never_overruled():
    told = _commissioner_story(
        "These are good jobs in a county that needs them", ", who voted to end the agreement,"
    )
    with using(_leaning("jobs", FOR)):
        assert _stances(*told) == [AGAINST]
    strong = _commissioner_story("We will not honor detainers, and these jobs do not change that")
    with using(_leaning("jobs", FOR)):
        assert _stances(*strong) == [AGAINST]


def test_the_shipped_model_loads_and_leans_the_plain_way():
    data = json.loads(stance_model.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["classes"] == STANCES
    assert len(data["weights"]) > 1000  # trained, not a placeholder
    shipped = stance_model.model()
    refusal = features(
        "We will not hold anyone in our jail on a federal request without a judge's signature.",
        "",
        "Sheriff",
        "person",
    )
    fear = features("Families are afraid to send their children to school.", "", "organizer", "")
    assert shipped.opinion(refusal)[0] == AGAINST
    assert shipped.opinion(fear)[0] == AGAINST
