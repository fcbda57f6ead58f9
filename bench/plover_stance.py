"""Measure talkwatch's stance classifier against the PLOVER gold-standard records.

The PLOVER project (https://github.com/openeventdata/PLOVER) ships about 320 hand-coded
sentences in ``gold_standard_records/PLOVER_GSR_CAMEO.txt`` (a JSON list; each record has
``id``, ``event`` (the PLOVER category, e.g. AGREE, DEMAND, REJECT), ``eventText``, ``text``,
``textInfo``, ``source``/``target`` actors, ``context`` and sometimes ``mode``). The records
are third-party text (CC BY-SA 4.0): they are NOT copied into this repository; this script
reads them at run time from a PLOVER checkout or a bare git mirror of it.

Run::

    python bench/plover_stance.py /path/to/PLOVER            # a checkout folder
    python bench/plover_stance.py /path/to/PLOVER.git        # a bare git dir (reads HEAD)
    python bench/plover_stance.py /path/to/PLOVER --limit 50
    python bench/plover_stance.py /path/to/PLOVER --split-agree --extended --show-errors 20

For every record whose PLOVER event maps onto a talkwatch stance (table below) the script
calls ``default_stance_classifier().classify(quote=text, cue="", sentence=text,
kind="indirect")`` and prints overall accuracy, accuracy per gold label with counts, and a
confusion matrix (rows: gold, columns: predicted). Records whose event has no stance
counterpart are skipped and counted per event type.

Mapping (PLOVER event -> talkwatch stance) and why:

    DEMAND  -> demand   insisting that the other side do something ("demanded that ...",
                         "must ...", "called on ...").
    REJECT  -> reject   refusing a proposal, request or demand.
    AGREE   -> accept   PLOVER AGREE covers both "agreed to / accepted" and "offered /
                         promised / is willing / ready to". With --split-agree the record's
                         ``eventText`` decides: offer|promis|willing|ready|prepared|will|would
                         -> offer, otherwise accept (see AGREE_OFFER_HINTS).
    CONCEDE -> accept   yielding to the other side's demands (accepting its terms); some
                         records are unilateral easing (lifted a curfew), which is closer to
                         offer, so read the per-label numbers with care.
    RETREAT -> offer    de-escalating moves given to the other side (unilateral ceasefire,
                         opening access, receiving observers): "gives or does something".

Only with --extended (weaker correspondences):

    THREATEN   -> demand   coercive insistence ("X unless Y"); many threats are not demands.
    DISAPPROVE -> assess   criticism/accusation; talkwatch has no "accuse" stance, and the
                            guide's ``assess`` (describes or evaluates) is the nearest.

Skipped (no stance counterpart; these are actions or meetings, not positions on terms):
CONSULT, SUPPORT, COOPERATE, AID, INVESTIGATE, MOBILIZE, PROTEST, COERCE, ASSAULT, FIGHT,
SANCTION, DOCUMENT, and anything not listed above.

PLOVER sentences are mostly third-person event reports, not quotes, so absolute scores are
a rough check of stance-verb handling, not of talkwatch's real input.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

GSR_PATH = "gold_standard_records/PLOVER_GSR_CAMEO.txt"

STANCE_MAP: dict[str, str] = {
    "DEMAND": "demand",
    "REJECT": "reject",
    "AGREE": "accept",
    "CONCEDE": "accept",
    "RETREAT": "offer",
}

EXTENDED_MAP: dict[str, str] = {
    "THREATEN": "demand",
    "DISAPPROVE": "assess",
}

AGREE_OFFER_HINTS = re.compile(r"\b(offer\w*|promis\w*|willing|ready|prepared|will|would)\b", re.I)

STANCES = ["demand", "offer", "accept", "reject", "conditional", "deny", "assess"]


def _read_gsr_text(location: Path) -> str:
    """Return the GSR file's text from a checkout folder, a git dir, or the file itself."""
    if location.is_file():
        return location.read_text(encoding="utf-8")
    candidate = location / GSR_PATH
    if candidate.is_file():
        return candidate.read_text(encoding="utf-8")
    git_dirs = [location, location / ".git", location / "repo"]
    for git_dir in git_dirs:
        if (git_dir / "HEAD").is_file() and (git_dir / "objects").is_dir():
            proc = subprocess.run(
                ["git", f"--git-dir={git_dir}", "show", f"HEAD:{GSR_PATH}"],
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode == 0:
                return proc.stdout
            raise SystemExit(f"git show failed in {git_dir}: {proc.stderr.strip()}")
    raise SystemExit(f"no {GSR_PATH} found in {location} (checkout, git dir or file expected)")


def load_records(location: Path) -> list[dict[str, Any]]:
    data = json.loads(_read_gsr_text(location))
    if isinstance(data, dict):
        data = data.get("records", [])
    return [r for r in data if isinstance(r, dict) and r.get("text")]


def gold_stance(record: dict[str, Any], *, extended: bool, split_agree: bool) -> str | None:
    event = str(record.get("event", "")).upper()
    table = {**STANCE_MAP, **EXTENDED_MAP} if extended else STANCE_MAP
    stance = table.get(event)
    if stance and event == "AGREE" and split_agree:
        hint = f"{record.get('eventText', '')}"
        stance = "offer" if AGREE_OFFER_HINTS.search(hint) else "accept"
    return stance


def print_confusion(pairs: list[tuple[str, str]]) -> None:
    labels = [s for s in STANCES if any(s in p for p in pairs)]
    extra = sorted({x for p in pairs for x in p} - set(STANCES))
    labels += extra
    width = max(len(s) for s in [*labels, "gold\\pred"]) + 1
    counts = Counter(pairs)
    print("confusion (rows gold, columns predicted):")
    print("gold\\pred".ljust(width) + "".join(s[:7].rjust(8) for s in labels))
    for g in labels:
        if not any(p[0] == g for p in pairs):
            continue
        print(g.ljust(width) + "".join(str(counts[(g, p)]).rjust(8) for p in labels))


def _clause_reader() -> Any:
    from talkwatch.actors import Resolver, load_knowledge_base
    from talkwatch.nlp import load_pipeline
    from talkwatch.speech_act import read_clause

    nlp, kb = load_pipeline(), load_knowledge_base()

    def read(text: str) -> tuple[Any, Any]:
        clause = read_clause(nlp(text), [(0, len(text))])
        return clause, Resolver(kb, text, None).party_of

    return read


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("plover", type=Path, help="PLOVER checkout folder, bare git dir, or GSR file")
    ap.add_argument("--limit", type=int, default=None, help="score at most N mapped records")
    ap.add_argument("--extended", action="store_true", help="also map THREATEN and DISAPPROVE")
    ap.add_argument(
        "--split-agree", action="store_true", help="AGREE with offer-like eventText -> offer"
    )
    ap.add_argument("--show-errors", type=int, default=0, help="print up to N misclassified")
    ap.add_argument(
        "--parse",
        action="store_true",
        help="read each record's content clause from the spaCy parse, as an ingest does "
        "(the speaker's party is unknown, so only named subjects' parties are used)",
    )
    args = ap.parse_args(argv)

    records = load_records(args.plover)
    mapped: list[tuple[dict[str, Any], str]] = []
    skipped: Counter[str] = Counter()
    for rec in records:
        stance = gold_stance(rec, extended=args.extended, split_agree=args.split_agree)
        if stance is None:
            skipped[str(rec.get("event"))] += 1
        else:
            mapped.append((rec, stance))
    if args.limit is not None:
        mapped = mapped[: args.limit]

    try:
        from talkwatch.stance import default_stance_classifier
    except ImportError as exc:
        print(f"cannot import talkwatch.stance: {exc}", file=sys.stderr)
        return 2
    clf = default_stance_classifier()
    read = _clause_reader() if args.parse else None

    pairs: list[tuple[str, str]] = []
    errors: list[tuple[dict[str, Any], str, str, str]] = []
    for rec, gold in mapped:
        text = rec["text"].strip()
        if read is None:
            result = clf.classify(text, "", text, "indirect")
        else:
            clause, party_of = read(text)
            result = clf.classify(text, "", text, "indirect", "", clause, party_of)
        pred = str(getattr(result, "stance", result))
        pairs.append((gold, pred))
        if pred != gold:
            errors.append((rec, gold, pred, str(getattr(result, "reason", ""))))

    print(f"records with text: {len(records)}; mapped and scored: {len(pairs)}")
    print(
        "skipped (no stance counterpart): "
        + ", ".join(f"{k} {v}" for k, v in skipped.most_common())
    )
    if not pairs:
        return 1
    correct = sum(g == p for g, p in pairs)
    print(f"overall accuracy: {correct}/{len(pairs)} = {correct / len(pairs):.3f}")
    gold_counts = Counter(g for g, _ in pairs)
    for label in [s for s in STANCES if s in gold_counts]:
        ok = sum(1 for g, p in pairs if g == label and p == label)
        n = gold_counts[label]
        print(f"  {label:<12} {ok:>4}/{n:<4} = {ok / n:.3f}")
    print_confusion(pairs)
    for rec, gold, pred, reason in errors[: args.show_errors]:
        print(f"- {rec.get('id')} gold={gold} pred={pred} ({reason}): {rec['text'][:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
