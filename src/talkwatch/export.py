"""Export rows: the fields of ANNOTATION.md first, then talkwatch's own.

The first nine keys are the contract that other tools and the evaluation read;
keep their names and meanings stable. Extras follow and may grow.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from .records import Statement

CONTRACT_FIELDS = (
    "doc",
    "quote",
    "speaker",
    "party",
    "kind",
    "issues",
    "stance",
    "source",
    "section",
)
EXTRA_FIELDS = (
    "id",
    "doc_id",
    "date",
    "sentence",
    "start",
    "end",
    "quote_spans",
    "sentence_start",
    "sentence_end",
    "speaker_mention",
    "actor_id",
    "cue",
    "stance_reason",
    "issue_evidence",
    "earlier",
    "superseded_by",
)


def statement_row(st: Statement, superseded_by: str = "") -> dict[str, Any]:
    """One statement as an export row (a plain dict, JSON-ready); ``superseded_by`` is
    the later version of its document's article that counts instead of it, if one does."""
    return {
        "doc": st.doc,
        "quote": st.quote,
        "speaker": st.speaker,
        # the guide's codes: a side the text does not name is NONE ("" inside talkwatch
        # keeps "not known" apart from "no side" for the positions and the stance rules)
        "party": st.party or "NONE",
        "kind": st.kind,
        "issues": list(st.issues),
        "stance": st.stance,
        "source": st.source,
        "section": st.section,
        "id": st.id,
        "doc_id": st.doc_id,
        "date": st.date,
        "sentence": st.sentence,
        "start": st.span.start,
        "end": st.span.end,
        "quote_spans": [[s.start, s.end] for s in st.quote_spans],
        "sentence_start": st.sentence_span.start,
        "sentence_end": st.sentence_span.end,
        "speaker_mention": st.speaker_mention,
        "actor_id": st.actor_id,
        "cue": st.cue,
        "stance_reason": st.stance_reason,
        "issue_evidence": list(st.issue_evidence),
        # a position recalled from before the text ("had demanded"): not a current stance
        "earlier": st.earlier,
        "superseded_by": superseded_by,
    }


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    """CSV with one column per field; lists are joined with ';'."""
    writer = csv.DictWriter(out, fieldnames=[*CONTRACT_FIELDS, *EXTRA_FIELDS])
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(
            "-".join(map(str, item)) if isinstance(item, list) else str(item) for item in value
        )
    return "" if value is None else value
