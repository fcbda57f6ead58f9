#!/usr/bin/env python3
"""Inter-annotator detail beyond score.py: stance confusion, per-document counts, disagreements.

usage: agreement.py A_DIR B_DIR
Lines are paired exactly as ../shared/score.py pairs them (A as reference, B as output).
"""
import importlib.util
import sys
from collections import Counter
from pathlib import Path

STANCES = ["demand", "offer", "accept", "reject", "conditional", "deny", "assess"]


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(a_dir: str, b_dir: str) -> None:
    score = load_score(Path("/work/shared/score.py"))
    gold, pred = score.load(a_dir), score.load(b_dir)
    docs = sorted({score.doc_key(r["doc"]) for r in gold + pred})
    confusion: Counter = Counter()
    only_a, only_b, stance_diff, issue_diff = [], [], [], []
    print("| doc | A lines | B lines | matched |\n| --- | ---: | ---: | ---: |")
    for d in docs:
        g = [r for r in gold if score.doc_key(r["doc"]) == d]
        p = [r for r in pred if score.doc_key(r["doc"]) == d]
        pairs = score.match(g, p)
        print(f"| {d[:3]} | {len(g)} | {len(p)} | {len(pairs)} |")
        ids_g = {id(x) for x, _ in pairs}
        ids_p = {id(y) for _, y in pairs}
        only_a += [(d, r) for r in g if id(r) not in ids_g]
        only_b += [(d, r) for r in p if id(r) not in ids_p]
        for x, y in pairs:
            confusion[(x["stance"], y["stance"])] += 1
            if x["stance"] != y["stance"]:
                stance_diff.append((d, x, y))
            if set(x["issues"]) != set(y["issues"]):
                issue_diff.append((d, x, y))
    used = [s for s in STANCES if any(k[0] == s or k[1] == s for k in confusion)]
    print("\nStance confusion (rows: A, columns: B)\n")
    print("| A \\ B | " + " | ".join(used) + " | total |")
    print("| --- |" + " ---: |" * (len(used) + 1))
    for s in used:
        row = [confusion[(s, t)] for t in used]
        print(f"| {s} | " + " | ".join(str(n) for n in row) + f" | {sum(row)} |")
    print("| total | " + " | ".join(str(sum(confusion[(s, t)] for s in used)) for t in used)
          + f" | {sum(confusion.values())} |")
    n = sum(confusion.values())
    if n:
        observed = sum(confusion[(s, s)] for s in used) / n
        expected = sum(sum(confusion[(s, t)] for t in used) * sum(confusion[(t, s)] for t in used)
                       for s in used) / n / n
        kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
        print(f"\nStance agreement over {n} matched pairs: observed {observed:.3f}, "
              f"Cohen's kappa {kappa:.3f}")

    def short(q: str) -> str:
        return q if len(q) <= 70 else q[:67] + "..."

    print("\nOnly in A (unmatched):")
    for d, r in only_a:
        print(f"- {d[:3]} {r['speaker']} / {r['stance']}: \"{short(r['quote'])}\"")
    print("\nOnly in B (unmatched):")
    for d, r in only_b:
        print(f"- {d[:3]} {r['speaker']} / {r['stance']}: \"{short(r['quote'])}\"")
    print("\nStance disagreements (A -> B):")
    for d, x, y in stance_diff:
        print(f"- {d[:3]} {x['stance']} -> {y['stance']}: \"{short(x['quote'])}\"")
    print("\nIssue disagreements (A | B):")
    for d, x, y in issue_diff:
        print(f"- {d[:3]} {sorted(x['issues'])} | {sorted(y['issues'])}: \"{short(x['quote'])}\"")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
