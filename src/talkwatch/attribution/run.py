"""The state shared by the attribution passes over one document.

`Run` holds the parse, its quotations and paragraph starts, and the lookups
every pass uses: which quotation an offset falls in, the tokens between two
offsets, and a reported span trimmed and classed as direct, mixed or indirect.
`Found` is an attribution under construction.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..cues import Cues
from ..nlp import DATELINE
from ..quotes import Quotation, find_quotations
from ..records import Mention, Span
from .learned import CueModel

TRIM_LEFT = " \n,;:—–-"
TRIM_RIGHT = " \n,;:—–-"
MIN_INDIRECT_WORDS = 3
NAME_ENTITIES = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC")
MIN_LEARNED_WORDS = 2  # "promised a veto": the model vouches for short contents


# Every paragraph break, overlapping ones too ("\n\n\n" breaks twice), as positions.
PARAGRAPH_BREAKS = re.compile(r"(?=\n\n)")


@dataclass
class Found:
    """An attribution under construction, with the token that cued it."""

    spans: list[Span]
    kind: str
    subject: Token | None
    cue: str
    cue_token: Token | None
    mention: Mention | None = None


class Run:
    """State for one document: its parse, quotations and paragraph starts."""

    def __init__(
        self, cues: Cues, doc: Doc, model: CueModel | None = None, lexicon: bool = True
    ) -> None:
        self.cues = cues
        self.model = model  # the learned cue model; None for the rules alone
        self.lexicon = lexicon  # whether the cue lexicon decides cue verbs too
        self.learned: dict[int, bool] = {}
        self.reporting: dict[int, bool] = {}  # is_reporting, memoised: asked many times a verb
        self.sections: list[tuple[str, int, int]] = []  # (name, start, end), set per document
        self.doc = doc
        self.text = doc.text
        self.quotations = find_quotations(self.text)  # in order, not overlapping
        self.quotation_starts = [q.outer_start for q in self.quotations]
        self.token_starts = [token.idx for token in doc]
        self.used_quotations: set[Quotation] = set()
        self.used_cues: set[int] = set()
        self.paragraph_starts = [0] + [m.start() + 2 for m in PARAGRAPH_BREAKS.finditer(self.text)]

    # -- shared helpers ---------------------------------------------------

    def section_at(self, offset: int) -> str:
        """`body` or `comments`: the section an offset falls in."""
        for name, start, end in self.sections:
            if start <= offset < end:
                return name
        return "body"

    def in_a_section(self, offset: int) -> bool:
        return any(start <= offset < end for _, start, end in self.sections)

    def paragraph_of(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, offset) - 1

    def quotation_at(self, offset: int) -> Quotation | None:
        """The quotation whose marks enclose ``offset`` (by bisection: asked for every verb)."""
        i = bisect.bisect_right(self.quotation_starts, offset) - 1
        if i >= 0 and offset < self.quotations[i].outer_end:
            return self.quotations[i]
        return None

    def in_quotation(self, token: Token) -> bool:
        return self.quotation_at(token.idx) is not None

    def learned_cue(self, token: Token) -> bool:
        """Whether the learned model reads this verb as a cue of speech (memoised)."""
        if self.model is None:
            return False
        if token.i not in self.learned:
            self.learned[token.i] = self.model.is_cue(token, self.in_quotation)
        return self.learned[token.i]

    def learned_object(self, verb: Token, obj: Token) -> bool:
        """Whether the learned models read ``obj`` as the content of the cue ``verb``."""
        if self.model is None or self.model.objects is None or obj.dep_ != "dobj":
            return False
        if not self.learned_cue(verb):  # memoised: asked first, it spares the checks below
            return False
        if obj.lower_ in self.cues.container_nouns and not any(
            c.dep_ in ("ccomp", "acl") for c in obj.children
        ):
            return False
        # "did not mention Kushner": nothing was said; "blasted Kyiv and Ukraine's cities",
        # "endorses Trump": a name is whom it was about, not what was said.
        if any(c.dep_ == "neg" for c in verb.children):
            return False
        if all(
            t.pos_ in ("PROPN", "DET", "CCONJ", "PUNCT", "PART") or t.ent_type_ in NAME_ENTITIES
            for t in obj.subtree
        ):
            return False
        return self.model.objects.is_content(verb, obj)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens that start in [start, end), found by bisection (documents can be long)."""
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_left(self.token_starts, end)
        return list(self.doc[first:last])

    def trimmed(self, start: int, end: int) -> Span | None:
        """The span without surrounding punctuation and a leading 'that'."""
        while start < end and self.text[start] in TRIM_LEFT:
            start += 1
        # the article's dateline, not what was said; the span may start inside it where
        # the parse split "MOSCOW, Nov. 20, 2026 — ..." after the place
        line = self.text.rfind("\n", 0, start) + 1
        dateline = DATELINE.match(self.text, line, end)
        if dateline and line <= start < dateline.end():
            start = dateline.end()
        if self.text[start:end].lower().startswith(("that ", "that,")):
            start += 5  # "say that, in addition to Scott, he would ..."
            while start < end and self.text[start] in TRIM_LEFT:
                start += 1
        while end > start and self.text[end - 1] in TRIM_RIGHT:
            end -= 1
        if end > start and self.text[end - 1] == ".":
            end -= 1
        return Span(start, end) if end > start else None

    def span_of_tokens(self, tokens: list[Token]) -> Span | None:
        if not tokens:
            return None
        tokens = sorted(tokens, key=lambda t: t.i)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        q = self.quotation_at(end)
        if q is None and end > start:
            q = self.quotation_at(end - 1)
        if q is not None and q.start < end <= q.end and not self.text[end : q.end].strip(".,;:!? "):
            end = q.outer_end  # keep the closing mark of a quotation that ends the clause
        return self.trimmed(start, end)

    def around(self, span: Span, token: Token) -> tuple[Span | None, Span | None]:
        """The parts of ``span`` before and after ``token``'s subtree, trimmed: what a
        cue or a source phrase in the middle of reported words leaves of them."""
        left, right = token.left_edge, token.right_edge
        before = self.trimmed(span.start, left.idx)
        return before, self.trimmed(right.idx + len(right.text), span.end)

    def quoted_in(self, span: Span) -> list[Quotation]:
        return [q for q in self.quotations if q.start < span.end and span.start < q.end]

    def kind_of(self, span: Span) -> tuple[str, list[Span]]:
        quoted = self.quoted_in(span)
        for q in quoted:
            if q.outer_start <= span.start and span.end <= q.outer_end:
                return "direct", [Span(q.start, q.end)]
        return ("mixed" if quoted else "indirect"), [span]


def last_word(token: Token) -> int:
    """The index of the last token of ``token``'s subtree that is not punctuation."""
    last = token.right_edge.i
    while last > token.i and token.doc[last].is_punct:
        last -= 1
    return last
