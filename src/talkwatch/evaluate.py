"""Score statements against reference annotations, as ANNOTATION.md defines it.

A predicted line matches a reference line of the same document when their
quotes overlap: at least half of the reference quote's word tokens appear in
the predicted quote and at least a third of the predicted quote's tokens appear
in the reference quote (tokens lower-cased, punctuation stripped, counted with
repeats). Pairs are taken greedily, best overlap first, each line at most once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .records import ISSUES, KINDS, SECTIONS, STANCES

Row = dict[str, Any]

_WORD = re.compile(r"\w+")
_UNNAMED_OPENERS = frozenset(
    [
        "a",
        "an",
        "the",
        "one",
        "two",
        "three",
        "four",
        "several",
        "many",
        "some",
        "unnamed",
        "unknown",
        "another",
        "anonymous",
    ]
)


def load_reference(path: Path) -> list[Row]:
    """Rows of a .jsonl file, or of every .jsonl file in a folder."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise ValueError(f"{path}: no .jsonl reference files found.")
    rows = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{file}:{number}: not a JSON object ({err.msg}).") from None
            if not isinstance(row, dict) or "doc" not in row or "quote" not in row:
                raise ValueError(f"{file}:{number}: a reference line needs 'doc' and 'quote'.")
            if isinstance(row.get("issues"), str):  # one code where a list belongs
                row = {**row, "issues": [row["issues"]], ISSUES_AS_TEXT: True}
            rows.append(row)
    if not rows:
        raise ValueError(f"{path}: no reference statements in it (no JSON lines).")
    return rows


ISSUES_AS_TEXT = "_issues_as_text"  # marks a line whose issues were one code, not a list

# A party is a state's alpha-3 code or one of the guide's bodies (EU, NATO, UN, NONE).
_PARTY = re.compile(r"[A-Z]{3}|EU|NATO|UN|NONE")


def unknown_codes(rows: list[Row]) -> dict[str, list[str]]:
    """Values of the coded fields that the guide does not define, per field (only
    fields with some): they are scored as given, so a typo counts as a disagreement."""
    allowed = {"kind": set(KINDS), "stance": set(STANCES), "section": set(SECTIONS)}
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for name, codes in allowed.items():
            value = row.get(name)
            if isinstance(value, str) and value.lower() not in codes:
                found[name].add(value)
        party = row.get("party")
        if isinstance(party, str) and party and not _PARTY.fullmatch(party.upper()):
            found["party"].add(party)
        issues = row.get("issues") or ()
        for issue in issues:  # compared as written, as the scorer compares them
            if str(issue) not in ISSUES:
                found["issues"].add(str(issue))
    return {name: sorted(values) for name, values in found.items() if values}


def unknown_fields(rows: list[Row]) -> list[str]:
    """Fields of the reference lines that the guide does not define (not scored)."""
    return sorted({name for row in rows for name in row if name not in FIELDS} - {ISSUES_AS_TEXT})


def issues_as_text(rows: list[Row]) -> int:
    """How many reference lines gave their issues as one code, not a list."""
    return sum(bool(row.get(ISSUES_AS_TEXT)) for row in rows)


SCORED_FIELDS = ("speaker", "party", "kind", "issues", "stance", "section")
# The fields of a reference line (ANNOTATION.md); others are named, as a typo ("stances")
# would otherwise only show as a field missing.
FIELDS = frozenset(["doc", "quote", "source", *SCORED_FIELDS])


def missing_fields(rows: list[Row]) -> dict[str, int]:
    """How many reference lines lack each field the guide scores (only those lacking)."""
    counts = {name: sum(name not in row for row in rows) for name in SCORED_FIELDS}
    return {name: n for name, n in counts.items() if n}


def word_counts(text: str | None) -> Counter[str]:
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text or "").lower()))


def overlap(reference: str | None, predicted: str | None) -> tuple[float, float]:
    """(share of the reference's tokens found, share of the prediction's tokens found)."""
    ref, pred = word_counts(reference), word_counts(predicted)
    if not ref or not pred:
        return 0.0, 0.0
    common = sum((ref & pred).values())
    return common / sum(ref.values()), common / sum(pred.values())


def doc_key(name: object) -> str:
    """A document's name without folder or extension (`a/b/000_x.txt` -> `000_x`)."""
    return Path(str(name or "")).name.rsplit(".", 1)[0]


def is_unnamed(row: Row) -> bool:
    speaker = str(row.get("speaker") or "").strip().lower()
    return row.get("source") == "anonymous" or not speaker or speaker.split()[0] in _UNNAMED_OPENERS


def _surname(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = _WORD.findall(folded)
    return words[-1] if words else ""


def _fold_transliteration(word: str) -> str:
    """Zelenskyy/Zelensky/Zelenskiy, Sybiha/Sibiga, Kholimoisky/Kolomoyskyi fold together."""
    word = word.replace("kh", "k").replace("h", "").replace("g", "")
    word = re.sub(r"[yji]+", "i", word)
    return re.sub(r"(.)\1+", r"\1", word)


def same_speaker(reference: Row, predicted: Row) -> bool:
    if is_unnamed(reference) or is_unnamed(predicted):
        return is_unnamed(reference) and is_unnamed(predicted)
    a, b = _surname(str(reference.get("speaker"))), _surname(str(predicted.get("speaker")))
    if a == b or _fold_transliteration(a) == _fold_transliteration(b):
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.8


def match(reference: list[Row], predicted: list[Row]) -> list[tuple[Row, Row]]:
    """Greedy best-first matching of one document's reference and predicted lines."""
    candidates = []
    for i, ref in enumerate(reference):
        for j, pred in enumerate(predicted):
            recall, precision = overlap(ref.get("quote"), pred.get("quote"))
            if recall >= 0.5 and precision >= 1 / 3:
                candidates.append((recall + precision, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_ref: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_ref and j not in used_pred:
            used_ref.add(i)
            used_pred.add(j)
            pairs.append((reference[i], predicted[j]))
    return pairs


@dataclass
class IssueScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass
class Evaluation:
    documents: int
    reference: int
    predicted: int
    pairs: list[tuple[Row, Row]]
    missed: list[Row] = field(default_factory=list)
    spurious: list[Row] = field(default_factory=list)

    def accuracy(self, same: Callable[[Row, Row], bool]) -> float:
        return sum(same(r, p) for r, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    def issue_f1(self) -> float:
        tp = fp = fn = 0
        for ref, pred in self.pairs:
            wanted, got = set(ref.get("issues") or []), set(pred.get("issues") or [])
            tp, fp, fn = tp + len(wanted & got), fp + len(got - wanted), fn + len(wanted - got)
        return _f1(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)

    def disagreements(self) -> list[tuple[Row, Row, list[str]]]:
        """Matched pairs whose speaker, party, stance or issues differ, with those fields,
        in the order of the documents: where a reader looks to see why a figure is low."""
        checks: dict[str, Callable[[Row, Row], bool]] = {
            "speaker": same_speaker,
            "party": _same("party"),
            "stance": _same("stance"),
            "issues": lambda r, p: set(r.get("issues") or []) == set(p.get("issues") or []),
        }
        found = []
        for ref, pred in self.pairs:
            differ = [name for name, same in checks.items() if not same(ref, pred)]
            if differ:
                found.append((ref, pred, differ))
        return found

    def stance_confusion(self) -> dict[tuple[str, str], int]:
        """(reference stance, output stance) -> number of matched lines."""
        counts: Counter[tuple[str, str]] = Counter()
        for ref, pred in self.pairs:
            # case folded, as the accuracy compares stances
            stances = (str(ref.get("stance") or ""), str(pred.get("stance") or ""))
            counts[(stances[0].lower(), stances[1].lower())] += 1
        return dict(counts)

    def issue_scores(self) -> dict[str, IssueScore]:
        """Per issue code, counted over matched lines like ``issue_f1``."""
        scores: dict[str, IssueScore] = defaultdict(IssueScore)
        for ref, pred in self.pairs:
            wanted, got = set(ref.get("issues") or []), set(pred.get("issues") or [])
            for code in wanted | got:
                score = scores[code]
                score.tp += code in wanted and code in got
                score.fp += code in got and code not in wanted
                score.fn += code in wanted and code not in got
        return dict(sorted(scores.items()))

    def measures(self) -> dict[str, float | int]:
        matched = len(self.pairs)
        precision = matched / self.predicted if self.predicted else 0.0
        recall = matched / self.reference if self.reference else 0.0
        return {
            "docs": self.documents,
            "gold": self.reference,
            "predicted": self.predicted,
            "matched": matched,
            "attribution_precision": round(precision, 3),
            "attribution_recall": round(recall, 3),
            "attribution_f1": round(_f1(precision, recall), 3),
            "speaker_accuracy": round(self.accuracy(same_speaker), 3),
            "party_accuracy": round(self.accuracy(_same("party")), 3),
            "kind_accuracy": round(self.accuracy(_same("kind")), 3),
            "stance_accuracy": round(self.accuracy(_same("stance")), 3),
            "section_accuracy": round(self.accuracy(_same("section")), 3),
            "issue_f1": round(self.issue_f1(), 3),
        }


def confusion_table(counts: dict[tuple[str, str], int], codes: tuple[str, ...]) -> list[str]:
    """Lines of a confusion matrix: one row per reference code, one column per output code.

    Codes outside ``codes`` (a misspelt stance in a reference file) get their own
    row and column after the known ones, so no matched line is left out.
    """
    extra = sorted({c for pair in counts for c in pair} - set(codes))
    labels = [*codes, *extra]
    width = max(len(label) for label in labels) + 1
    lines = [" " * width + "".join(f"{label[:11]:>12}" for label in labels)]
    for gold in labels:
        cells = "".join(f"{counts.get((gold, out), 0):>12}" for out in labels)
        lines.append(f"{gold:<{width}}{cells}")
    return lines


def evaluate(reference: list[Row], predicted: list[Row]) -> Evaluation:
    """Score predicted rows against reference rows; only referenced documents count."""
    ref_by_doc: dict[str, list[Row]] = defaultdict(list)
    pred_by_doc: dict[str, list[Row]] = defaultdict(list)
    for row in reference:
        ref_by_doc[doc_key(row.get("doc"))].append(row)
    for row in predicted:
        pred_by_doc[doc_key(row.get("doc"))].append(row)
    result = Evaluation(len(ref_by_doc), len(reference), 0, [])
    for doc, refs in ref_by_doc.items():
        preds = pred_by_doc.get(doc, [])
        result.predicted += len(preds)
        pairs = match(refs, preds)
        result.pairs += pairs
        matched_refs = {id(r) for r, _ in pairs}
        matched_preds = {id(p) for _, p in pairs}
        result.missed += [r for r in refs if id(r) not in matched_refs]
        result.spurious += [p for p in preds if id(p) not in matched_preds]
    return result


def _same(key: str) -> Callable[[Row, Row], bool]:
    return lambda r, p: str(r.get(key) or "").lower() == str(p.get(key) or "").lower()


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
