"""Pass 5: interview transcripts, where a paragraph opens with its speaker's name and a colon.

"PENCE: Well, the question really should be ...", "Sergey Lavrov: We have always said
...". Ministries publish their ministers' interviews this way, and papers print debates
and briefings so. A document is read as a transcript only when at least
``MIN_TURNS`` paragraphs open with the same shape: one such line is more often a
headline ("Peskov: talks are possible") or a label ("Photo: ..."). Each turn is one
direct statement of its speaker, the whole paragraph after the colon. Questions
("Q:", "Question:", and a briefing's questioners, "CCTV:", "Reuters:", whose every turn
is a question) count as turns but give no statement; answers ("A:", "Answer:")
are the interviewee's, the person the text names most before its first turn. Turns of
another generic label ("Photo"; `transcript_labels` in data/cues.yaml) give none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..records import Mention, Span
from .run import Found, Run

MIN_TURNS = 2
# Labels of an interviewer's questions and of the interviewee's answers (both also among
# the generic labels of data/cues.yaml, which give no statement by themselves).
QUESTION_LABELS = frozenset(["q", "question"])
ANSWER_LABELS = frozenset(["a", "answer"])
MAX_NAME_WORDS = 4
# "PENCE:", "Sergey Lavrov:", "Mr. Peskov:", "Q:", after an optional opening quotation mark.
_TURN = re.compile(
    r"""["“]?(?P<name>(?:[A-Z][\w.'’-]*\.?\s){0,"""
    + str(MAX_NAME_WORDS - 1)
    + r"""}[A-Z][\w.'’-]*):\s+(?P<said>\S)"""
)


class Transcripts(Run):
    """Statements of an interview or debate transcript."""

    def transcript_turns(self) -> Iterator[Found]:
        turns: list[tuple[str, int, int, int]] = []  # (name, where it is, said from, to)
        asked: list[tuple[int, int]] = []  # turns of a question label ("Q:", "Question:")
        for start in self.paragraph_starts:
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            match = _TURN.match(self.text, start, end)
            if match is None or self.section_at(start) != "body":
                continue
            name = match.group("name")
            label = name.lower().rstrip(".")
            if label in QUESTION_LABELS:
                asked.append((start, end))
            elif label in ANSWER_LABELS:
                turns.append(("", start + match.start("name"), match.start("said"), end))
            elif label not in self.cues.transcript_labels and self.is_name(match):
                turns.append((name, start + match.start("name"), match.start("said"), end))
        if len(turns) + len(asked) < MIN_TURNS or not turns:
            return
        askers = self.askers(turns)
        asked += [(at, end) for name, at, _, end in turns if name in askers]
        turns = [turn for turn in turns if turn[0] not in askers]
        answers = [at for name, at, *_ in turns if not name]
        interviewee = self.interviewee(answers[0], asked) if answers else None
        for name, at, said, end in turns:
            span = self.trimmed(said, end)
            if span is None:
                continue
            if not name:  # "A:": the answer of the person the text introduced
                if interviewee is None:
                    continue
                mention = interviewee
            else:
                written = name.title() if name.isupper() else name  # "PENCE" is Pence
                mention = Mention(written, Span(at, at + len(name)), "name")
            yield Found([span], "direct", None, "say", None, mention)

    def askers(self, turns: list[tuple[str, int, int, int]]) -> set[str]:
        """The labels of a briefing's questioners ("CCTV: ... Will China attend?",
        "Reuters: ... What is your response?"): every turn of theirs ends in a question
        mark, and another label answers. Their questions are no statements, as "Q:" gives
        none; what a question reports someone said is found as elsewhere."""
        asking: dict[str, bool] = {}
        for name, _, said, end in turns:
            if name:
                question = self.text[said:end].rstrip(" \"”’").endswith("?")
                asking[name] = asking.get(name, True) and question
        found = {name for name, question in asking.items() if question}
        return found if len(found) < len(asking) else set()

    def interviewee(self, first_answer: int, asked: list[tuple[int, int]]) -> Mention | None:
        """Whom the answers ("A:") of an interview are: of the people the text names before
        its first answer, not in a question, the one most often the subject of a
        sentence ("Zelensky spoke to the paper about Putin's demands. Q: ... A: ..."), then
        the one named most, then the one named last; None when it names nobody."""
        people = [
            e for e in self.doc.ents
            if e.label_ == "PERSON" and e.end_char <= first_answer
            and not self.in_quotation(e[0])
            and not any(at <= e.start_char < end for at, end in asked)
        ]  # fmt: skip
        if not people:
            return None
        # who the text is about saying something, before who is named most: the subject
        # of a sentence's main verb ("Zelensky gave an interview ... about Putin's demands")
        leading = Counter(e[-1].lower_ for e in people if e.root.dep_ == "nsubj"
                          and e.root.head.dep_ == "ROOT")  # fmt: skip
        surnames = Counter(e[-1].lower_ for e in people)
        best = max(
            reversed(people), key=lambda e: (leading[e[-1].lower_], surnames[e[-1].lower_])
        )
        full = max((e for e in people if e[-1].lower_ == best[-1].lower_), key=len)
        return Mention(full.text, Span(full.start_char, full.end_char), "name")

    def is_name(self, match: re.Match[str]) -> bool:
        """The label's last word is a proper noun, or a name in capitals: "Lavrov", "PENCE",
        not "Quote" or "Details"."""
        tokens = self.tokens_between(match.start("name"), match.end("name"))
        if not tokens:
            return False
        last = tokens[-1]
        if last.pos_ == "PROPN":
            return True
        # "ZELENSKY:", which the tagger may read as anything: a person the text names so
        # elsewhere (not a place, "KYIV:")
        return last.text.isupper() and any(
            e.label_ == "PERSON" and e[-1].lower_ == last.lower_ for e in self.doc.ents
        )
