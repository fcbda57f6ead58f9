"""Statements as rows of the ``statements`` table, and back."""

from __future__ import annotations

import json

from .records import Span, Statement

_COLUMNS = (
    'doc_id, quote, quote_spans, start, "end", speaker, party, source, kind, stance, section, '
    "sentence_start, sentence_end, cue, cue_start, cue_end, speaker_mention, speaker_start, "
    "speaker_end, actor_id, issue_evidence, stance_reason, date, earlier, extras"
)
INSERT_STATEMENT = f"INSERT INTO statements ({_COLUMNS}) VALUES ({', '.join(['?'] * 25)})"
# a statement that keeps the id it had in an earlier text of its document (`revisions`)
INSERT_STATEMENT_WITH_ID = (
    f"INSERT INTO statements (id, {_COLUMNS}) VALUES ({', '.join(['?'] * 26)})"
)


def statement_row(st: Statement) -> tuple[object, ...]:
    return (
        st.doc_id,
        st.quote,
        json.dumps([[s.start, s.end] for s in st.quote_spans]),
        st.span.start,
        st.span.end,
        st.speaker,
        st.party,
        st.source,
        st.kind,
        st.stance,
        st.section,
        st.sentence_span.start,
        st.sentence_span.end,
        st.cue,
        st.cue_span.start if st.cue_span else None,
        st.cue_span.end if st.cue_span else None,
        st.speaker_mention,
        st.speaker_span.start if st.speaker_span else None,
        st.speaker_span.end if st.speaker_span else None,
        st.actor_id,
        json.dumps(list(st.issue_evidence), ensure_ascii=False),
        st.stance_reason,
        st.date,
        st.earlier,
        json.dumps(st.extras, ensure_ascii=False),
    )


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end)


def statement_from_row(row: tuple[object, ...]) -> Statement:
    (
        sid, doc_id, name, quote, spans, speaker, party, source, kind, stance, section,
        sentence_start, sentence_end, sentence, cue, cue_start, cue_end, mention,
        speaker_start, speaker_end, actor_id, evidence, reason, date, earlier, extras, issues,
    ) = row  # fmt: skip
    return Statement(
        id=int(sid),  # type: ignore[call-overload]
        doc_id=str(doc_id),
        doc=str(name),
        quote=str(quote),
        quote_spans=tuple(Span(a, b) for a, b in json.loads(str(spans))),
        speaker=str(speaker),
        party=str(party),
        source=str(source),
        kind=str(kind),
        issues=tuple(sorted(str(issues).split())) if issues else (),
        stance=str(stance),
        section=str(section),
        sentence=str(sentence),
        sentence_span=Span(int(sentence_start), int(sentence_end)),  # type: ignore[call-overload]
        cue=str(cue),
        cue_span=_span(cue_start, cue_end),  # type: ignore[arg-type]
        speaker_mention=str(mention),
        speaker_span=_span(speaker_start, speaker_end),  # type: ignore[arg-type]
        actor_id=str(actor_id),
        issue_evidence=tuple(json.loads(str(evidence))),
        stance_reason=str(reason),
        date=str(date) if date else None,
        earlier=str(earlier),
        extras=json.loads(str(extras)),
    )
