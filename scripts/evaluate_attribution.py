#!/usr/bin/env python3
"""Score talkwatch's attribution per part (content, source, cue) and per mode.

usage:
  python scripts/evaluate_attribution.py DIR [DIR ...] [--modes rules,model,both] [--json]

Each DIR holds `seeds/*.txt` and `gold/*.jsonl` in the annotation guide's format:
`../shared/polnear-dev` (PolNeAR dev, prepared by ../shared/polnear.py) or a folder
laid out the same way, e.g. the reference articles (`../shared` itself: seeds/, gold/).
For every mode (TALKWATCH_ATTRIBUTION) the folder is ingested into a fresh
database, exported, and scored with the shared scorers:

- content: the guide's statement match (../shared/score.py); for PolNeAR, recall
  over the attributions whose cue is a verb of communication (../shared/polnear.py);
- source: a matched statement whose speaker is right: for PolNeAR, whose source
  span (`speaker_mention`) shares at least half its words with the annotated
  source span; for the guide's files, the scorer's speaker rule on the resolved name;
- cue: a matched statement whose cue lemma is a lemma of the annotated cue (PolNeAR).

Precision divides by what talkwatch output, recall by what the gold holds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _scorers(shared: Path):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(shared))
    import score  # type: ignore[import-not-found]

    return score


def run(folder: Path, mode: str, work: Path) -> Path:
    env = {**os.environ, "TALKWATCH_ATTRIBUTION": mode}
    db, out = work / f"{mode}.db", work / f"{mode}.jsonl"
    talkwatch = [sys.executable, "-m", "talkwatch"]
    subprocess.run([*talkwatch, "ingest", str(folder / "seeds"), "--db", str(db), "--jobs", "1"],
                   env=env, check=True, capture_output=True)
    subprocess.run([*talkwatch, "export", "--db", str(db), "--format", "jsonl", "-o", str(out)],
                   env=env, check=True, capture_output=True)
    return out


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def parts(score, folder: Path, pred_path: Path) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    gold = score.load(folder / "gold")
    pred = score.load(pred_path)
    polnear = any("speech" in g for g in gold)
    counted = [g for g in gold if g.get("speech", True)]
    docs = {score.doc_key(g["doc"]) for g in gold}
    pred = [p for p in pred if score.doc_key(p.get("doc")) in docs]
    hits = {"content": 0, "source": 0, "cue": 0}
    recall_hits = {"content": 0, "source": 0, "cue": 0}
    cue_gold = 0
    for doc in docs:
        g = [r for r in gold if score.doc_key(r["doc"]) == doc]
        p = [r for r in pred if score.doc_key(r.get("doc")) == doc]
        for a, b in score.match(g, p):
            ok = {
                "content": True,
                "source": _source_ok(score, a, b, polnear),
                "cue": bool(a.get("cue")) and _cue_ok(a.get("cue", ""), b.get("cue") or ""),
            }
            for part, good in ok.items():
                hits[part] += good
                if a.get("speech", True):
                    recall_hits[part] += good
    cue_gold = sum(1 for g in counted if g.get("cue"))
    result = {}
    for part in ("content", "source", "cue"):
        if part == "cue" and not polnear:
            continue
        n_gold = cue_gold if part == "cue" else len(counted)
        p = hits[part] / len(pred) if pred else 0.0
        r = recall_hits[part] / n_gold if n_gold else 0.0
        result[part] = {"precision": round(p, 3), "recall": round(r, 3), "f1": _f1(p, r)}
    return result


def _source_ok(score, gold: dict, pred: dict, polnear: bool) -> bool:  # type: ignore[no-untyped-def]
    if not polnear:
        return bool(score.same_speaker(gold, pred))
    mine = score.tokens(pred.get("speaker_mention") or "")
    theirs = score.tokens(gold.get("speaker") or "")
    return bool(mine) and sum((mine & theirs).values()) >= 0.5 * sum(mine.values())


def _cue_ok(gold_cue: str, cue: str) -> bool:
    from talkwatch.nlp import load_pipeline

    lemmas = {t.lemma_.lower() for t in load_pipeline()(gold_cue)}
    return bool(cue.split()) and cue.lower().split()[0] in lemmas


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--modes", default="rules,model,both")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    score = _scorers(args.shared)
    table = {}
    with tempfile.TemporaryDirectory() as tmp:
        for folder in args.folders:
            for mode in args.modes.split(","):
                work = Path(tmp) / f"{folder.name}-{mode}"
                work.mkdir()
                table[f"{folder.name} {mode}"] = parts(score, folder, run(folder, mode, work))
    if args.json:
        print(json.dumps(table, indent=1))
        return
    print(f"{'corpus mode':28} {'part':8} {'P':>6} {'R':>6} {'F1':>6}")
    for key, result in table.items():
        for part, v in result.items():
            print(f"{key:28} {part:8} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f}")


if __name__ == "__main__":
    main()
