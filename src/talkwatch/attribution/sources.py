"""Pass 3: source prepositions ("according to X, ...", "per X, ...")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..records import Span
from .run import MIN_INDIRECT_WORDS, Found
from .speakers import Speakers

# Not a text that speaks ("preliminary information indicates ..." is no statement), but
# one whose author does: "according to information obtained by ARD".
AUTHORED = frozenset(["information"])


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
            if head.i in self.used_cues:
                continue  # '"...," the memorandum says, according to state media': the cue's
            label, colon, _ = token.sent.text.partition(":")
            if colon and label.strip().lower() in ("source", "sources"):
                continue  # "Source: TASS and RIA Novosti, citing Peskov": where it came from
            skip = {t.i for t in token.subtree}
            tokens = [t for t in head.subtree if t.i not in skip]
            span = self.span_of_tokens(tokens)
            if span is None or len(self.text[span.start : span.end].split()) < MIN_INDIRECT_WORDS:
                continue
            kind, spans = self.kind_of(span)
            if kind != "direct":
                spans = self.without_source(span, token)
            self.used_quotations.update(self.quoted_in(span))
            yield Found(
                spans,
                kind,
                source,
                "according to" if token.lower_ == "according" else token.lower_,
                token,
            )

    def without_source(self, span: Span, token: Token) -> list[Span]:
        """The words around "according to X" (and any clause about X), without it:
        "Moscow is ready to resume talks" from "..., according to the Kremlin"."""
        if not (span.start <= token.left_edge.idx and token.right_edge.idx < span.end):
            return [span]
        parts = self.around(span, token)
        kept = [p for p in parts if p is not None and len(self.text[p.start : p.end].split()) > 1]
        return kept or [span]

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
        return self.author_of(objects[0]) if objects else None

    def author_of(self, source: Token) -> Token:
        """Who speaks through a text: Reuters in "according to a report from Reuters",
        the ministry in "according to a statement by the ministry"."""
        text = source.lower_ in self.cues.container_nouns or source.lower_ in AUTHORED
        if not text or source.pos_ == "PROPN":
            return source
        # "a report from Reuters", and the agent of a participle: "information obtained
        # by ARD", "a list published by the Swiss hosts"
        agents = [a for p in source.children if p.dep_ == "acl" and p.tag_ == "VBN"
                  for a in p.children if a.dep_ == "agent"]  # fmt: skip
        for prep in [*source.children, *agents]:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by", "in", "of"):
                for author in prep.children:
                    named = (
                        author.pos_ == "PROPN"
                        or author.ent_type_ in ("ORG", "PERSON", "GPE")
                        or author.lemma_.lower() in self.cues.actor_nouns
                        or any(c.ent_type_ in ("NORP", "GPE") for c in author.children)
                    )  # "the Swiss hosts"
                    if author.dep_ == "pobj" and named:
                        return author
        return source
