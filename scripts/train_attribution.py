#!/usr/bin/env python3
"""Train talkwatch's learned cue model on PolNeAR and write it into the package.

usage:
  python scripts/train_attribution.py POLNEAR [--out FILE] [--cache DIR] [--limit N]

POLNEAR is a checkout of github.com/networkdynamics/PolNeAR: a work tree (with
data/metadata.tsv) or a bare git directory. The train split is learned from and
the dev split chooses the decision threshold; the test split is never read.

Each verb of every sentence is one example, labelled positive when it lies in
the cue of an attribution whose cue is a verb of communication (the statements
of ../shared/ANNOTATION.md; beliefs and intentions are negatives). Its features
are `talkwatch.attribution.features.cue_features`, read off the same spaCy parse
talkwatch makes at run time. The model is an L2-regularised logistic regression
fitted with full-batch Adagrad in NumPy, seed fixed, so a rebuild gives the same
weights. On two cores the parse takes a few minutes and the fit under one.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import io
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin, Token

from talkwatch.attribution.features import FEATURE_SETS, is_candidate, object_features
from talkwatch.attribution.learned import MODEL_FILE
from talkwatch.nlp import load_pipeline
from talkwatch.quotes import find_quotations

SEED = 13
L2 = 1.0
EPOCHS = 300
MIN_COUNT = 2
OBJECT_BETA = 0.5  # the object model's threshold weighs precision twice as high as recall
# The cue threshold at run time weighs recall 1.5 times as high as precision: a cue the
# model misses loses its statement, while a false cue still needs a speaker and reported
# words before it makes one. The object model learns from the cues of the F1 threshold.
CUE_BETA = 1.5
# Cue words of communication: the attributions talkwatch reports (as ../shared/polnear.py counts).
SPEECH = re.compile(
    r"\b(sa(y|ys|id|ying)|t(ell|ells|old|elling)|add(s|ed|ing)?|stat(e|es|ed|ing|ement)|announc|"
    r"warn|predict|explain|wr(ite|ites|ote|itten|iting)|according|demand|insist|propos|offer|"
    r"agree|accept|reject|refus|den(y|ies|ied|ying|ial)|claim|argu|not(e|es|ed|ing)\b|report|"
    r"call(s|ed|ing)?\b|ask|urg|suggest|declar|acknowledg|admit|vow|pledg|promis|threat|assert|"
    r"conten(d|ds|ded|ding)\b|maintain|repeat|respond|repl(y|ies|ied)|reiterat|comment|tweet|"
    r"post(s|ed)\b|confirm|conced|dismiss|criticiz|condemn|accus|blam|recall|describ|estimat|"
    r"testif|disclos|reveal|assur|remark|emphasi|stress|point|mention|quip|joke|shout|yell|boast|"
    r"brag|complain|lament|object|question|recommend|advis|request|appeal|invit|ordered|blast|"
    r"prais|derid|sigh|talk|clarif|publish|cit(e|es|ed|ing)\b|declin|endors|thank|slam|attack|"
    r"mock|label)",
    re.I,
)


Range = tuple[int, int]


@dataclass
class Article:
    name: str
    text: str
    cues: list[tuple[int, int, bool]]  # cue character spans, and whether the cue is speech
    contents: list[tuple[list[Range], list[Range]]]  # (cue spans, content spans) of speech


class PolNeAR:
    """Read a split of a PolNeAR checkout (work tree or bare git directory)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tree = (root / "data" / "metadata.tsv").exists()

    def read(self, path: str) -> str:
        if self.tree:
            return (self.root / path).read_text("utf-8")
        out = subprocess.run(
            ["git", "-C", str(self.root), "show", f"HEAD:{path}"], capture_output=True, check=True
        )
        return out.stdout.decode("utf-8")

    def split(self, split: str, limit: int | None = None) -> list[Article]:
        if split == "test":
            raise SystemExit("PolNeAR's test split is reserved for evaluation outside the team.")
        rows = csv.DictReader(io.StringIO(self.read("data/metadata.tsv")), delimiter="\t")
        articles = []
        for row in rows:
            if row["compartment"] != split:
                continue
            name = row["filename"]
            annotator = row["annotators"].split("|")[0]
            text = self.read(f"data/{split}/text/{name}.txt")
            ann = self.read(f"data/{split}/attributions/{name}_{annotator}.ann")
            articles.append(Article(name, text, *_attributions(text, ann)))
            if limit and len(articles) >= limit:
                break
        return articles


def _attributions(
    text: str, ann: str
) -> tuple[list[tuple[int, int, bool]], list[tuple[list[Range], list[Range]]]]:
    """The cue spans of every attribution, and the cue and content spans of speech."""
    spans: dict[str, list[Range]] = {}
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, rng = parts[1].partition(" ")
            spans[parts[0]] = [tuple(int(x) for x in p.split()) for p in rng.split(";")]  # type: ignore[misc]
    cues, contents = [], []
    for line in ann.splitlines():
        if not line.startswith("E"):
            continue
        args = [a.partition(":") for a in line.split("\t")[1].split()]
        content = [s for role, _, t in args if role.startswith("Content") for s in spans.get(t, [])]
        if not content:
            continue
        cue_spans = [s for role, _, t in args if role.startswith("Cue") for s in spans.get(t, [])]
        words = " ".join(text[a:b] for a, b in cue_spans)
        speech = bool(SPEECH.search(words))
        cues += [(a, b, speech) for a, b in cue_spans]
        if speech:
            contents.append((cue_spans, content))
    return cues, contents


def parse(articles: list[Article], cache: Path | None, tag: str) -> list[Doc]:
    nlp = load_pipeline()
    path = cache / f"{tag}.spacy" if cache else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def quoted_in(doc: Doc) -> Callable[[Token], bool]:
    quotes = find_quotations(doc.text)
    starts = [q.start for q in quotes]

    def quoted(token: Token) -> bool:
        i = bisect.bisect_right(starts, token.idx) - 1
        return i >= 0 and token.idx < quotes[i].end

    return quoted


def examples(article: Article, doc: Doc, design: str) -> tuple[list[list[str]], list[int]]:
    quoted = quoted_in(doc)
    positive = [(a, b) for a, b, speech in article.cues if speech]
    feats, labels = [], []
    for token in doc:
        if not is_candidate(token):
            continue
        feats.append(FEATURE_SETS[design](token, quoted))
        labels.append(int(any(a <= token.idx < b for a, b in positive)))
    return feats, labels


def object_examples(
    article: Article, doc: Doc, is_cue: Callable[[Token], bool]
) -> tuple[list[list[str]], list[int]]:
    """Direct objects of verbs that cue speech (annotated, or read so by the cue model),
    labelled positive when at least half the object lies in that cue's content."""
    feats, labels = [], []
    for token in doc:
        if not is_candidate(token) or any(c.dep_ in ("ccomp", "xcomp") for c in token.children):
            continue
        gold = [
            content
            for cue, content in article.contents
            if any(a <= token.idx < b for a, b in cue)
        ]
        if not gold and not is_cue(token):
            continue
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
            inside = max(
                (sum(max(0, min(end, b) - max(start, a)) for a, b in spans) for spans in gold),
                default=0,
            )
            feats.append(object_features(token, obj))
            labels.append(int(inside >= 0.5 * (end - start)))
    return feats, labels


def train(rows: list[list[str]], labels: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The features seen at least MIN_COUNT times, and their fitted weights."""
    counts = Counter(f for row in rows for f in set(row))
    features = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(features)}
    return features, fit(vectorise(rows, index), labels, len(features))


def choose_threshold(
    features: list[str],
    weights: np.ndarray,
    rows: list[list[str]],
    labels: np.ndarray,
    beta: float = 1.0,
) -> tuple[float, tuple[float, float, float]]:
    """The threshold with the best F-beta on dev, and its precision, recall and F1.

    beta < 1 weighs precision higher: an object read as content when it is a thing
    ("added a caveat") makes a statement nobody made."""
    index = {f: i for i, f in enumerate(features)}
    probs = probabilities(vectorise(rows, index), weights)
    gold = labels.astype(bool)

    def f_beta(t: float) -> float:
        p, r, _ = prf(probs >= t, gold)
        return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0

    best = max((f_beta(t), t) for t in np.arange(0.2, 0.91, 0.05))
    threshold = round(float(best[1]), 2)
    return threshold, prf(probs >= threshold, gold)


def kept(features: list[str], weights: np.ndarray) -> dict[str, float]:
    return {
        feat: round(float(w), 4)
        for feat, w in zip(features, weights, strict=True)
        if abs(w) >= 0.005
    }


def vectorise(rows: list[list[str]], index: dict[str, int]) -> list[np.ndarray]:
    return [np.array(sorted({index[f] for f in row if f in index}), dtype=np.int64) for row in rows]


def fit(rows: list[np.ndarray], labels: np.ndarray, size: int) -> np.ndarray:
    """L2-regularised logistic regression, full-batch Adagrad (deterministic)."""
    rng = np.random.default_rng(SEED)
    weights = rng.normal(0.0, 1e-3, size)
    history = np.zeros(size)
    lengths = np.array([len(r) for r in rows])
    flat = np.concatenate(rows)
    owner = np.repeat(np.arange(len(rows)), lengths)
    n = len(rows)
    for _ in range(EPOCHS):
        scores = np.bincount(owner, weights=weights[flat], minlength=n)
        probs = 1.0 / (1.0 + np.exp(-scores))
        grad = np.bincount(flat, weights=(probs - labels)[owner], minlength=size) / n
        grad += L2 * weights / n
        history += grad**2
        weights -= 0.5 * grad / (np.sqrt(history) + 1e-8)
    return weights


def probabilities(rows: list[np.ndarray], weights: np.ndarray) -> np.ndarray:
    return np.array([1.0 / (1.0 + np.exp(-weights[r].sum())) for r in rows])


def prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = float((pred & gold).sum())
    p = tp / max(1, pred.sum())
    r = tp / max(1, gold.sum())
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--cache", type=Path, default=None, help="keep the parses here between runs")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles per split")
    ap.add_argument("--features", choices=sorted(FEATURE_SETS), default="parse",
                    help="parse: dependency features (shipped); lexical: words around the verb")
    args = ap.parse_args()
    started = time.time()
    corpus = PolNeAR(args.polnear)
    data, parsed = {}, {}
    for split in ("train", "dev"):
        articles = corpus.split(split, args.limit)
        docs = parse(articles, args.cache, f"{split}-{args.limit or 'all'}")
        parsed[split] = (articles, docs)
        rows, labels = [], []
        for article, doc in zip(articles, docs, strict=True):
            f, y = examples(article, doc, args.features)
            rows += f
            labels += y
        data[split] = (rows, np.array(labels))
        print(f"{split}: {len(articles)} articles, {len(rows)} verbs, {sum(labels)} speech cues "
              f"({time.time() - started:.0f} s)", file=sys.stderr)
    features, weights = train(*data["train"])
    threshold, (p, r, f) = choose_threshold(features, weights, *data["dev"])
    print(f"dev cue verbs: P {p:.3f} R {r:.3f} F1 {f:.3f} at threshold {threshold}",
          file=sys.stderr)
    run_threshold, (rp, rr, rf) = choose_threshold(features, weights, *data["dev"], CUE_BETA)
    print(f"run-time cue threshold (F{CUE_BETA}): {run_threshold}, dev cue verbs P {rp:.3f} "
          f"R {rr:.3f} F1 {rf:.3f}", file=sys.stderr)
    cue = dict(zip(features, weights, strict=True))
    objects: dict[str, tuple[list[list[str]], np.ndarray]] = {}
    for split, (articles, docs) in parsed.items():
        rows, labels = [], []
        for article, doc in zip(articles, docs, strict=True):
            quoted = quoted_in(doc)

            def is_cue(token: Token, quoted: Callable[[Token], bool] = quoted) -> bool:
                score = sum(cue.get(f, 0.0) for f in FEATURE_SETS[args.features](token, quoted))
                return 1.0 / (1.0 + np.exp(-score)) >= threshold

            f_rows, f_labels = object_examples(article, doc, is_cue)
            rows += f_rows
            labels += f_labels
        objects[split] = (rows, np.array(labels))
    o_features, o_weights = train(*objects["train"])
    o_threshold, (op, orr, of) = choose_threshold(
        o_features, o_weights, *objects["dev"], beta=OBJECT_BETA
    )
    print(f"objects of cues: {len(objects['train'][0])} in train, {len(objects['dev'][0])} in dev; "
          f"dev P {op:.3f} R {orr:.3f} F1 {of:.3f} at threshold {o_threshold}", file=sys.stderr)
    model = {
        "about": "talkwatch cue model: logistic regression over spaCy parse features, "
        "trained on PolNeAR train (scripts/train_attribution.py)",
        "threshold": run_threshold,
        "features": args.features,
        "dev_cue_prf": [round(rp, 3), round(rr, 3), round(rf, 3)],
        "weights": kept(features, weights),
        "objects": {
            "about": "is a cue verb's direct object what was said? (object_features)",
            "threshold": o_threshold,
            "dev_prf": [round(op, 3), round(orr, 3), round(of, 3)],
            "weights": kept(o_features, o_weights),
        },
    }
    out = args.out or MODEL_FILE
    out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", "utf-8")
    n_weights = len(model["weights"]) + len(model["objects"]["weights"])  # type: ignore[index]
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB, {n_weights} weights) "
          f"in {time.time() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
