"""Would a learned stance model beat the rules? 5-fold cross-validation by document.

Takes a reference folder and the `talkwatch export` of the same articles (so
the rules' stance, the cue and the quote of every matched statement are
known), and optionally more such pairs used for training only. In each fold
a naive Bayes model over the quote's words and word pairs and the cue (and,
in a second variant, the rules' own stance as a feature) is trained on the
other folds plus the extra pairs and scored on the held-out documents, side
by side with the rules. Run::

    python bench/stance_cv.py REAL_GOLD real.jsonl --train annotations/corpus corpus.jsonl

With ``--test GOLD PRED`` there are no folds: the models learn from everything
else and are scored once on that held-out pair (annotations/heldout).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

from talkwatch.evaluate import evaluate, load_reference

Item = dict[str, str]


def matched(gold: Path, pred: Path) -> list[Item]:
    reference = load_reference(gold)
    output = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line]
    return [
        {
            "doc": r["doc"],
            "quote": p["quote"],
            "cue": p.get("cue", ""),
            "rule": p["stance"],
            "gold": r["stance"],
        }
        for r, p in evaluate(reference, output).pairs
    ]


def features(item: Item, with_rule: bool) -> list[str]:
    words = re.findall(r"[a-z']+", item["quote"].lower())
    found = [f"w:{w}" for w in words] + [f"b:{a}_{b}" for a, b in pairwise(words)]
    found.append(f"cue:{item['cue']}")
    return found + [f"rule:{item['rule']}"] * 3 if with_rule else found


class NaiveBayes:
    def __init__(self, items: list[Item], with_rule: bool) -> None:
        self.with_rule = with_rule
        self.classes = Counter(i["gold"] for i in items)
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        for item in items:
            self.counts[item["gold"]].update(features(item, with_rule))
        self.vocabulary = {f for c in self.counts.values() for f in c}
        self.totals = {c: sum(self.counts[c].values()) for c in self.classes}

    def predict(self, item: Item) -> str:
        def score(label: str) -> float:
            denominator = self.totals[label] + 0.5 * len(self.vocabulary)
            return math.log(self.classes[label]) + sum(
                math.log((self.counts[label][f] + 0.5) / denominator)
                for f in features(item, self.with_rule)
                if f in self.vocabulary
            )

        return max(self.classes, key=score)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--train", nargs=2, action="append", type=Path, default=[])
    parser.add_argument("--test", nargs=2, type=Path, default=None)
    args = parser.parse_args()
    items = matched(args.gold, args.pred)
    extra = [i for gold, pred in args.train for i in matched(gold, pred)]
    if args.test:
        held_out(items + extra, matched(*args.test))
        return
    docs = sorted({i["doc"] for i in items})
    random.Random(0).shuffle(docs)
    right: Counter[str] = Counter()
    for k in range(5):
        held = set(docs[k::5])
        test = [i for i in items if i["doc"] in held]
        train = [i for i in items if i["doc"] not in held] + extra
        right["rules"] += sum(i["rule"] == i["gold"] for i in test)
        for with_rule in (False, True):
            model = NaiveBayes(train, with_rule)
            name = "model with the rules' stance" if with_rule else "model on words"
            right[name] += sum(model.predict(i) == i["gold"] for i in test)
    print(f"{len(items)} matched statements in {len(docs)} documents, 5 folds by document")
    for name, count in right.items():
        print(f"  {name:<30} {count / len(items):.3f}")


def held_out(train: list[Item], test: list[Item]) -> None:
    print(f"trained on {len(train)} matched statements, scored on {len(test)} held out")
    print(f"  {'rules':<30} {sum(i['rule'] == i['gold'] for i in test) / len(test):.3f}")
    for with_rule in (False, True):
        model = NaiveBayes(train, with_rule)
        name = "model with the rules' stance" if with_rule else "model on words"
        right = sum(model.predict(i) == i["gold"] for i in test)
        print(f"  {name:<30} {right / len(test):.3f}")


if __name__ == "__main__":
    main()
