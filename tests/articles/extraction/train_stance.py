"""Train ``articles/extraction/stance_model`` on the tuning gold set and write its weights.

Run ``python -m tests.articles.extraction.train_stance`` (``make train-stance``) from the
repository root after the tuning set's statements change. It needs scikit-learn (a dev
dependency); the pipeline itself reads only the JSON it writes.

Each example is a gold quotation the pipeline finds, with the stance a reader gave it, read as
the pipeline reads it (``stance.model_features``). The held-out set is never read here.
``--folds N`` first prints the model's accuracy on the tuning set by article-wise
cross-validation (each article's statements predicted by a model that never saw it).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass

from articles.extraction import stance_model
from articles.extraction.pipeline import extract
from articles.extraction.stance import model_features
from articles.extraction.stance_model import StanceModel, second_opinion
from tests.articles.extraction.score import best_match, gold_paths, load, norm

C = 0.3  # inverse regularisation strength, chosen by cross-validation on the tuning set
MIN_WEIGHT = 0.005  # weights smaller than this in every class are left out of the file


@dataclass
class Example:
    """One gold quotation the pipeline finds, as the pipeline reads it."""

    feats: set[str]
    label: str  # the stance a reader gave it
    accepted: list[str]  # every stance the gold accepts
    rules: str  # the stance the rules alone give it
    weak: bool  # no strong cue: where the model may overrule the rules
    article: str


class _Asked(StanceModel):
    """No opinion (the rules alone decide), but remembers what the pipeline asked it about:
    the statements the model may overrule."""

    def __init__(self) -> None:
        no = stance_model.NO_OPINION
        super().__init__(no.classes, no.intercepts, no.weights)
        self.asked: list[frozenset[str]] = []

    def opinion(self, feats: set[str]) -> tuple[str, float]:
        self.asked.append(frozenset(feats))
        return super().opinion(feats)


def examples() -> list[Example]:
    """Every gold quotation of the tuning set that the pipeline finds, read with the rules
    alone: the features do not depend on the model."""
    out = []
    with stance_model.using(_Asked()) as asked:
        for path in gold_paths():
            gold = load(path)
            body = gold.body()
            got = extract(body, published=gold.published)
            texts = [norm(body[s.start : s.end]) for s in got.statements]
            speakers = {s.key: s for s in got.speakers}
            for g in gold.get("statements"):
                best, _ = best_match(g, got.statements, texts)
                if best is None:
                    continue
                feats = model_features(body, best, speakers.get(best.speaker_key))
                accepted = g["stance"] if isinstance(g["stance"], list) else [g["stance"]]
                out.append(
                    Example(
                        feats=feats,
                        label=accepted[0],
                        accepted=accepted,
                        rules=best.stance,
                        weak=frozenset(feats) in asked.asked,
                        article=gold.name,
                    )
                )
    return out


def fit(data: list[Example]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(e.feats, 1) for e in data])
    classifier = LogisticRegression(C=C, max_iter=5000).fit(x, [e.label for e in data])
    return vectorizer, classifier


def cross_validate(data: list[Example], folds: int) -> tuple[float, float, float]:
    """Accuracy on the tuning set, each article's statements judged by a model that never saw
    that article: the model alone, the rules alone, and the two as the pipeline combines them.
    (The rules were written from these articles: their figure here is in-sample.)"""
    from sklearn.model_selection import GroupKFold

    alone = rules = both = 0
    labels = [e.label for e in data]
    for train, test in GroupKFold(folds).split(data, labels, [e.article for e in data]):
        judge = StanceModel.from_dict(to_dict(*fit([data[i] for i in train])))
        for i in test:
            e = data[i]
            alone += judge.opinion(e.feats)[0] in e.accepted
            rules += e.rules in e.accepted
            combined = second_opinion(e.rules, e.feats, judge) if e.weak else e.rules
            both += combined in e.accepted
    return alone / len(data), rules / len(data), both / len(data)


def to_dict(vectorizer, classifier) -> dict:
    classes = [str(c) for c in classifier.classes_]
    weights = {}
    for j, name in enumerate(vectorizer.get_feature_names_out()):
        row = [round(float(classifier.coef_[i][j]), 4) for i in range(len(classes))]
        if max(abs(w) for w in row) >= MIN_WEIGHT:
            weights[str(name)] = row
    return {
        "about": "Logistic regression over a statement's words; see stance_model.py. "
        "Written by `make train-stance` from the tuning gold set.",
        "classes": classes,
        "intercepts": [round(float(b), 4) for b in classifier.intercept_],
        "weights": dict(sorted(weights.items())),
    }


def dumps(data: dict) -> str:
    """JSON with one weight a line, so a retrained model's diff shows what moved."""
    head = {k: v for k, v in data.items() if k != "weights"}
    lines = [json.dumps(head)[:-1] + ', "weights": {']
    rows = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in data["weights"].items()]
    lines.append(",\n".join(rows))
    lines.append("}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=0, help="cross-validate first (0: skip)")
    args = parser.parse_args(argv)
    data = examples()
    print(f"{len(data)} statements from {len({e.article for e in data})} articles")
    if args.folds:
        alone, rules, both = cross_validate(data, args.folds)
        print(f"cross-validated accuracy ({args.folds} folds, by article):")
        print(f"  model alone {alone:.3f}; rules alone {rules:.3f} (in-sample);")
        print(f"  rules with the model's second opinion {both:.3f}")
    model = to_dict(*fit(data))
    stance_model.MODEL_PATH.write_text(dumps(model), encoding="utf-8")
    print(f"wrote {len(model['weights'])} weights to {stance_model.MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
