"""Pass 5: interview transcripts, where a paragraph opens with its speaker's name and a colon.

"PENCE: Well, the question really should be ...", "Sergey Lavrov: We have always said
...". Ministries publish their ministers' interviews this way, and papers print debates
and briefings so. A document is read as a transcript only when at least
``MIN_TURNS`` paragraphs open with the same shape: one such line is more often a
headline ("Peskov: talks are possible") or a label ("Photo: ..."). Each turn is one
direct statement of its speaker, the whole paragraph after the colon. Turns of a
generic label ("Question", "Q"; `transcript_labels` in data/cues.yaml) give no
statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..records import Mention, Span
from .run import Found, Run

MIN_TURNS = 2
MAX_NAME_WORDS = 4
# "PENCE:", "Sergey Lavrov:", "Mr. Peskov:", after an optional opening quotation mark.
_TURN = re.compile(
    r"""["“]?(?P<name>(?:[A-Z][\w.'’-]*\.?\s){0,"""
    + str(MAX_NAME_WORDS - 1)
    + r"""}[A-Z][\w.'’-]+):\s+(?P<said>\S)"""
)


class Transcripts(Run):
    """Statements of an interview or debate transcript."""

    def transcript_turns(self) -> Iterator[Found]:
        turns = []
        for start in self.paragraph_starts:
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            match = _TURN.match(self.text, start, end)
            if match is None or self.section_at(start) != "body":
                continue
            name = match.group("name")
            if name.lower().rstrip(".") in self.cues.transcript_labels or not self.is_name(match):
                continue
            turns.append((name, start + match.start("name"), match.start("said"), end))
        if len(turns) < MIN_TURNS:
            return
        for name, at, said, end in turns:
            span = self.trimmed(said, end)
            if span is None:
                continue
            written = name.title() if name.isupper() else name  # "PENCE" is Pence
            mention = Mention(written, Span(at, at + len(name)), "name")
            yield Found([span], "direct", None, "say", None, mention)

    def is_name(self, match: re.Match[str]) -> bool:
        """The label's last word is a proper noun: "Lavrov", "PENCE", not "Quote" or "Details"."""
        tokens = self.tokens_between(match.start("name"), match.end("name"))
        return bool(tokens) and tokens[-1].pos_ == "PROPN"
