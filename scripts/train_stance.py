#!/usr/bin/env python3
"""Train talkwatch's stance model on annotated real articles and write it into the package.

usage:
  python scripts/train_stance.py [--corpus GOLD SEEDS]... [--sentences FILE] [--out FILE]
  python scripts/train_stance.py --cv                 # 5-fold cross-validation by document
  python scripts/train_stance.py --test GOLD SEEDS    # score once on a held-out pair

Without --corpus the training data are the development corpus of real articles
(annotations/real) and the team's corpus (annotations/corpus, whose texts are
src/talkwatch/data/corpus), with the calibration statements of
annotations/sentences.jsonl. The reference articles (../shared) are never
trained on: they stay a check.

Every document is analysed with the rules alone (TALKWATCH_STANCE=rules). Each
output statement matched to a reference statement (the guide's matching) is one
example: its quote, cue and the rules' stance, labelled with the annotated
stance. --cv holds out a fifth of the first corpus's documents at a time (folds
seeded) and trains on the rest and on everything else; --test trains on
everything and scores the pair given once. Both print the rules' accuracy and
the model's on the same statements.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import defaultdict
from pathlib import Path

os.environ["TALKWATCH_STANCE"] = "rules"  # the examples carry the rules' own verdict

from talkwatch.clean import clean
from talkwatch.evaluate import evaluate, load_reference
from talkwatch.ingest import decode, expand, read
from talkwatch.pipeline import Analyzer
from talkwatch.records import Document, RawInput, Statement
from talkwatch.stance_model import MODEL_FILE, Example, StanceModel, train

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = [
    (REPO / "annotations" / "real" / "gold", REPO / "annotations" / "real" / "seeds"),
    (REPO / "annotations" / "corpus", REPO / "src" / "talkwatch" / "data" / "corpus"),
]
SENTENCES = REPO / "annotations" / "sentences.jsonl"
FOLDS = 5
SEED = 13

Labelled = tuple[str, Example]  # (document, example)


def documents(folder: Path) -> list[Document]:
    found = []
    for pending in expand([str(folder)]):
        if isinstance(pending, Exception):
            sys.exit(str(pending))
        raw = read(pending)
        found.append(clean(raw, decode(raw)))
    return found


def rows(statements: list[Statement]) -> list[dict[str, object]]:
    return [
        {"doc": s.doc, "quote": s.quote, "stance": s.stance, "cue": s.cue} for s in statements
    ]


def examples(reference: list[dict[str, object]], output: list[dict[str, object]]) -> list[Labelled]:
    return [
        (
            str(ref["doc"]),
            Example(str(pred["quote"]), str(pred["cue"]), str(pred["stance"]), str(ref["stance"])),
        )
        for ref, pred in evaluate(reference, output).pairs
    ]


def corpus_examples(analyzer: Analyzer, gold: Path, seeds: Path) -> list[Labelled]:
    output = [row for _, found in analyzer.analyse_many(documents(seeds)) for row in rows(found)]
    return examples(load_reference(gold), output)


def sentence_examples(analyzer: Analyzer, path: Path) -> list[Labelled]:
    """Each calibration statement analysed as a one-sentence document."""
    reference, docs = [], []
    for n, line in enumerate(path.read_text("utf-8").splitlines()):
        if not line.strip():
            continue
        item = json.loads(line)
        name = f"sentence-{n}.txt"
        raw = RawInput(name, name, item["sentence"].encode("utf-8"), "text/plain")
        docs.append(clean(raw, decode(raw)))
        reference.append({"doc": name, "quote": item["quote"], "stance": item["stance"]})
    output = [row for _, found in analyzer.analyse_many(docs) for row in rows(found)]
    return examples(reference, output)


def accuracy(model: StanceModel, items: list[Example]) -> tuple[float, float]:
    rules = sum(e.rule == e.stance for e in items) / len(items)
    learned = sum(model.predict(e.quote, e.cue, e.rule) == e.stance for e in items) / len(items)
    return rules, learned


def annotators(gold: Path) -> dict[str, str]:
    """Document -> annotator, from the sources.tsv beside the gold folder (if any)."""
    table = gold.parent / "sources.tsv"
    if not table.exists():
        return {}
    lines = [line.split("\t") for line in table.read_text("utf-8").splitlines()[1:]]
    return {cells[0]: cells[-1] for cells in lines if len(cells) > 1}


def cross_validate(
    first: list[Labelled], rest: list[Example], by_annotator: dict[str, str]
) -> None:
    docs = sorted({doc for doc, _ in first})
    random.Random(SEED).shuffle(docs)
    by_fold: dict[str, int] = {doc: i % FOLDS for i, doc in enumerate(docs)}
    right: dict[tuple[str, str], int] = defaultdict(int)
    count: dict[str, int] = defaultdict(int)
    for fold in range(FOLDS):
        model = train([e for doc, e in first if by_fold[doc] != fold] + rest)
        for doc, e in first:
            if by_fold[doc] != fold:
                continue
            learned = model.predict(e.quote, e.cue, e.rule)
            for group in ("all", by_annotator.get(doc, "")):
                count[group] += 1
                right[(group, "rules")] += e.rule == e.stance
                right[(group, "model")] += learned == e.stance
    print(f"{FOLDS}-fold by document, {count['all']} statements in {len(docs)} documents:",
          file=sys.stderr)  # fmt: skip
    for group in ["all", *sorted(g for g in count if g not in ("all", ""))]:
        n = count[group]
        label = "" if group == "all" else f"annotator {group}: {n:4d} statements  "
        print(f"  {label}rules {right[(group, 'rules')] / n:.3f}  "
              f"model {right[(group, 'model')] / n:.3f}", file=sys.stderr)  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", nargs=2, action="append", type=Path, metavar=("GOLD", "SEEDS"))
    ap.add_argument("--sentences", type=Path, default=SENTENCES)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--cv", action="store_true", help="cross-validate on the first corpus")
    ap.add_argument("--test", nargs=2, type=Path, metavar=("GOLD", "SEEDS"))
    args = ap.parse_args()
    analyzer = Analyzer.load()
    corpora = args.corpus or DEFAULT_CORPORA
    labelled = [corpus_examples(analyzer, gold, seeds) for gold, seeds in corpora]
    sentences = [e for _, e in sentence_examples(analyzer, args.sentences)]
    everything = [e for part in labelled for _, e in part] + sentences
    print(f"{len(everything)} examples: " + ", ".join(
        f"{len(part)} from {gold}" for part, (gold, _) in zip(labelled, corpora, strict=True)
    ) + f", {len(sentences)} calibration statements", file=sys.stderr)
    if args.cv:
        rest = [e for part in labelled[1:] for _, e in part] + sentences
        cross_validate(labelled[0], rest, annotators(corpora[0][0]))
        return
    model = train(everything)
    if args.test:
        held = [e for _, e in corpus_examples(analyzer, *args.test)]
        rules, learned = accuracy(model, held)
        print(f"held out ({len(held)} statements): rules {rules:.3f}  model {learned:.3f}",
              file=sys.stderr)
        return
    out = args.out or MODEL_FILE
    out.write_text(json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")) + "\n")
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
