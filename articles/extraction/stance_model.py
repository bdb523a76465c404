"""A second opinion on a statement's stance: a linear model over its words, learned offline.

The rules in ``stance`` read a quotation's cue words and its speaker's side. Where the quotation
has no strong cue (``cue_scores`` below 2 on both sides) and the article tells nothing of the
speaker's side, the stance rests on a side presumed from the speaker's office, and that is where
the rules fail on unseen text: a county commissioner defending a
detention contract ("these are good jobs") is given the side of the county's other decisions.
This model reads the same quotation (words, word pairs, negated words), the rest of its
paragraph and its speaker's role, and ``stance.assign_stances`` lets it overrule the rules only
there, and only when it is confident (``OVERRULE_AT``).

It is multinomial logistic regression, trained with scikit-learn by
``python -m tests.articles.extraction.train_stance`` (``make train-stance``) on the tuning gold
set, and stored as plain weights in ``data/stance_model.json``: nothing downloads anything, and
scoring is a sum of weights, pure Python, in microseconds. An editor can read why: every weight
is a word's.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("data") / "stance_model.json"
OVERRULE_AT = 0.7  # the model's probability for its answer before it overrules the rules

_TOKEN = re.compile(r"[a-z0-9']+")
_NEGATOR = re.compile(r"(?:not|no|never|cannot|refus\w*|stop\w*|\w+n't)")
_NEGATION_REACH = 3  # words after a negator that are read as negated


def tokens(text: str) -> list[str]:
    """Lowercase words; the three words after a negation read ``NEG_word``."""
    out: list[str] = []
    reach = 0
    for word in _TOKEN.findall(text.lower().replace("’", "'")):
        if _NEGATOR.fullmatch(word):
            out.append(word)
            reach = _NEGATION_REACH
            continue
        out.append(f"NEG_{word}" if reach > 0 else word)
        reach -= 1
    return out


def features(words: str, context: str, role: str, kind: str) -> set[str]:
    """The model's binary features: the statement's words and word pairs, the other words of
    its paragraph, its speaker's role words and kind."""
    said = tokens(words)
    out = {f"w={w}" for w in said}
    out.update(f"b={a}_{b}" for a, b in zip(said, said[1:], strict=False))
    out.update(f"p={w}" for w in tokens(context))
    out.update(f"role={w}" for w in tokens(role))
    out.add(f"kind={kind}")
    return out


class StanceModel:
    """Weights per class, and the probability of each class for a set of features."""

    def __init__(self, classes: list[str], intercepts: list[float], weights: dict) -> None:
        self.classes = classes
        self.intercepts = intercepts
        self.weights = weights  # feature -> one weight per class

    @classmethod
    def from_dict(cls, data: dict) -> StanceModel:
        return cls(data["classes"], data["intercepts"], data["weights"])

    def probabilities(self, feats: set[str]) -> dict[str, float]:
        scores = list(self.intercepts)
        for feat in feats:
            row = self.weights.get(feat)
            if row is not None:
                for i, w in enumerate(row):
                    scores[i] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def opinion(self, feats: set[str]) -> tuple[str, float]:
        """The most likely class and its probability."""
        probs = self.probabilities(feats)
        best = max(probs, key=probs.__getitem__)
        return best, probs[best]


# Even odds on every stance, never confident: the rules alone decide.
NO_OPINION = StanceModel(["against_cooperation", "for_cooperation", "neutral"], [0.0] * 3, {})
_in_use: list[StanceModel] = []


@cache
def _shipped() -> StanceModel:
    return StanceModel.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def model() -> StanceModel:
    """The model in use: the shipped one (loaded once per process), or one set by ``using``."""
    return _in_use[-1] if _in_use else _shipped()


@contextmanager
def using(other: StanceModel) -> Iterator[StanceModel]:
    """Extract with another model (``NO_OPINION`` for the rules alone), for training and tests."""
    _in_use.append(other)
    try:
        yield other
    finally:
        _in_use.pop()


def second_opinion(stance: str, feats: set[str], judge: StanceModel | None = None) -> str:
    """The rules' ``stance``, unless the model is confident of another answer."""
    opinion, probability = (judge or model()).opinion(feats)
    return opinion if probability >= OVERRULE_AT else stance
