"""Pass 3: source prepositions ("according to X, ...", "per X, ...")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .run import MIN_INDIRECT_WORDS, Found
from .speakers import Speakers


class SourcePrepositions(Speakers):
    """Statements attributed by a source preposition."""

    def source_prepositions(self) -> Iterator[Found]:
        for token in self.doc:
            source = self.source_of(token)
            if source is None or self.in_quotation(token):
                continue
            head = token.head
            speaker = self.subject_of(head) if self.is_speech_verb(head) else None
            if speaker is not None and (speaker.pos_ in ("PROPN", "PRON") or speaker.ent_type_):
                continue  # "per Rubio, Lavrov said ...": the statement is Lavrov's
            skip = {t.i for t in token.subtree}
            tokens = [t for t in head.subtree if t.i not in skip]
            span = self.span_of_tokens(tokens)
            if span is None or len(self.text[span.start : span.end].split()) < MIN_INDIRECT_WORDS:
                continue
            kind, spans = self.kind_of(span)
            self.used_quotations.update(self.quoted_in(span))
            yield Found(
                spans,
                kind,
                source,
                "according to" if token.lower_ == "according" else token.lower_,
                token,
            )

    def source_of(self, token: Token) -> Token | None:
        lower = token.lower_
        if lower == "according":
            objects = [
                g
                for c in token.children
                if c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        elif lower in ("per", "citing", "quoting") and f"{lower}" in " ".join(
            self.cues.source_prepositions
        ):
            objects = [c for c in token.children if c.dep_ in ("pobj", "dobj")]
            objects = [o for o in objects if o.ent_type_ in ("PERSON", "ORG") or o.pos_ == "PROPN"]
        else:
            return None
        return objects[0] if objects else None
