"""Pass 1: direct quotations with their cue before, after or inside (split quotes).

A cue after the quotation (`"...," X said`), before it (`X said: "..."`), a
paragraph ending with a colon, and later parts of a quotation split by its cue; and a
block quotation, a paragraph without marks that a short "X said:" paragraph introduces.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..nlp import DATELINE
from ..quotes import Quotation
from ..records import Span
from .run import Found
from .speakers import Speakers, quoting_verb

NAMING_VERBS = {"call", "dub", "label", "term", "brand"}
# The most words an introducing paragraph holds after its cue: "Peskov said:", "The
# governor added:", "Zelensky wrote on Telegram on Sunday evening:".
INTRODUCER_TAIL = 6
MIN_BLOCK_WORDS = 4


class DirectQuotes(Speakers):
    """Direct quotations and their cues."""

    def direct_quotes(self) -> Iterator[Found]:
        for q in self.quotations:
            if q in self.used_quotations or q.words(self.text) < 2:
                continue
            cue = self.cue_after(q) or self.cue_before(q)
            if cue is None:
                continue
            verb, subject = cue
            parts = [q, *self.split_parts(q, verb)]
            self.used_quotations.update(parts)
            self.used_cues.add(verb.i)
            spans = [Span(p.start, p.end) for p in parts]
            frame = self.framing_start(q) if verb.idx > q.start else None
            if verb.idx < q.outer_start:
                frame = self.frame_after_cue(verb, q)
            kind = "direct"
            if frame is not None:
                spans[0], kind = Span(frame, spans[0].end + 1), "mixed"
            named = self.named_after(verb, q) if len(parts) == 1 else None
            if named is not None:
                spans[0], kind = named, "mixed"
            yield Found(spans, kind, subject, verb.lemma_.lower(), verb)

    def named_after(self, verb: Token, q: Quotation) -> Span | None:
        """`called Ukraine's demand to "immediately hand over the memorandum"
        unconstructive`: the quotation is a thing named, and what it was called follows
        it; the speaker's words run from the thing to what it was called."""
        if verb.lemma_.lower() not in NAMING_VERBS or verb.idx > q.outer_start:
            return None
        tail = self.tokens_between(q.outer_end, verb.sent.end_char)
        words = [t for t in tail if not t.is_punct]
        if not 1 <= len(words) <= 3 or words[0].i != tail[0].i:
            return None
        if any(t.pos_ not in ("ADJ", "NOUN", "ADV", "CCONJ") for t in words):
            return None
        thing = self.tokens_between(verb.idx + len(verb.text), q.outer_start)
        if not any(t.pos_ in ("NOUN", "PROPN") for t in thing):
            return None
        return Span(thing[0].idx, words[-1].idx + len(words[-1].text))

    def block_quotations(self) -> Iterator[Found]:
        """`Limbaugh added:` closing a paragraph, then a paragraph without quotation marks:
        a block quotation whose marks the page set as layout (an HTML blockquote) and
        cleaning dropped. The whole next paragraph is what was said, unless it reports
        someone's words itself ("Zelensky, meanwhile, said ...")."""
        starts = self.paragraph_starts
        for n in range(len(starts) - 1):
            cue = self.introducer(starts[n], starts[n + 1] - 2)
            if cue is None:
                continue
            verb, subject = cue
            after = starts[n + 2] - 2 if n + 2 < len(starts) else len(self.text)
            words = self.text[starts[n + 1] : after]
            if len(words.split()) < MIN_BLOCK_WORDS:
                continue
            block_start = starts[n + 1] + len(words) - len(words.lstrip())
            block = Span(block_start, starts[n + 1] + len(words.rstrip()))
            if self.section_at(block.start) != self.section_at(verb.idx):
                continue
            if self.quoted_in(block) or self.reports_someone(block):
                continue  # a quotation (`colon_introducer` reads it) or words of its own
            self.used_cues.add(verb.i)
            yield Found([block], "direct", subject, verb.lemma_.lower(), verb)

    def reports_someone(self, span: Span) -> bool:
        """Whether a verb of speech with a speaker of its own lies in ``span``: a third
        person's ("Zelensky said"), not the speaker's own "as you pointed out"."""
        for token in self.tokens_between(span.start, span.end):
            subject = self.subject_of(token) if self.is_speech_verb(token) else None
            if subject is not None and subject.lower_ not in ("i", "we", "you"):
                return True
        return False

    def introducer(self, start: int, end: int) -> tuple[Token, Token] | None:
        """The cue and speaker of a paragraph's last sentence that ends in a colon and
        reports nothing of its own: "Peskov said:", not "Peskov said three things:"."""
        found = self.closing_colon(end)
        if found is None:
            return None
        verb, subject = found
        if verb.i in self.used_cues or not self.is_speech_verb(verb):
            return None
        if subject is None or subject.i > verb.i or subject.idx < start:
            return None
        tail = [t for t in verb.sent if t.i > verb.i and not t.is_punct]
        objects = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
        if len(tail) > INTRODUCER_TAIL or objects:
            return None
        return verb, subject

    def closing_colon(self, end: int) -> tuple[Token, Token | None] | None:
        """The root of the sentence a colon closes a paragraph with at ``end``, and its
        subject."""
        if not self.text[:end].rstrip().endswith(":"):
            return None
        last = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if last is None:
            return None
        root = last[0].sent.root
        return root, self.subject_of(root)

    def cue_after(self, q: Quotation) -> tuple[Token, Token] | None:
        """`"...," Zakharova said` or `"...," said Peskov`."""
        window = self.window_after(q.outer_end)
        if not window:
            return None
        for verb in window[:8]:
            if not self.is_speech_verb(verb) or verb.i in self.used_cues:
                continue
            subject = self.subject_of(verb)
            if subject is None or subject not in window:
                found = self.speaker_before(window, verb)  # the words between are the name
                if found is not None and self.text[q.end - 1 : q.end] not in ".!?":
                    return verb, found
                continue
            first = next(t for t in window if not t.is_punct)
            quoting = quoting_verb(verb)  # "..., Interfax quoted Lavrov as saying"
            reporter = [c for c in quoting.children if c.dep_ == "nsubj"] if quoting else []
            opening = [*subject.subtree, *(t for c in reporter for t in c.subtree)]
            opens = first.i == verb.i or first in opening or first.dep_ == "advmod"
            if not (opens or self.title_before(window, subject)):  # a title hung elsewhere
                continue
            if self.text[q.end - 1 : q.end] in ".!?" and self.has_own_complement(verb, q):
                continue
            return verb, subject
        return None

    def title_before(self, window: list[Token], subject: Token) -> bool:
        """`"...," presidential chief of staff Andriy Yermak told journalists`: only a title
        (nouns, adjectives, "of") stands between the quotation and the named subject."""
        lead = [t for t in window if t.i < subject.left_edge.i]
        return (
            subject.ent_type_ == "PERSON"
            and 1 <= len(lead) <= 6
            and lead[0].pos_ != "ADP"  # not '"...a threat" against Russia, Lavrov told'
            and all(t.pos_ in ("NOUN", "ADJ", "PROPN", "DET", "ADP") for t in lead)
        )

    def speaker_before(self, window: list[Token], verb: Token) -> Token | None:
        """`"...," Tulsa police Chief Chuck Jordan said`, where the parse gave the cue no
        subject: the name or title alone between the quotation and the cue, by the
        token that heads it."""
        phrase = [t for t in window if t.i < verb.i and not t.is_punct]
        kinds = ("PROPN", "NOUN", "ADJ", "DET")
        named = [t for t in phrase if t.pos_ in kinds or t.ent_type_]  # "Tulsa" tagged a verb
        if not 1 <= len(phrase) <= 8 or len(named) < len(phrase):
            return None
        if phrase[-1].pos_ != "PROPN" and phrase[-1].lower_ not in self.cues.person_nouns:
            return None
        inside = {t.i for t in phrase}
        heads = [t for t in phrase if t.head.i not in inside or t.head.i == t.i]
        # a name that closes the phrase ("Tulsa police Chief Chuck Jordan"), else its head
        # ("a Zelensky aide": the aide)
        closing = phrase[-1].ent_type_ == "PERSON"
        head = phrase[-1] if closing or len(heads) != 1 else heads[0]
        return self.actor_or_none(head, verb)

    def window_after(self, offset: int) -> list[Token]:
        """Tokens after a quotation up to the end of its sentence or the next quotation."""
        limit = min(
            [q.outer_start for q in self.quotations if q.outer_start >= offset]
            + [
                self.paragraph_starts[self.paragraph_of(offset) + 1]
                if self.paragraph_of(offset) + 1 < len(self.paragraph_starts)
                else len(self.text)
            ]
        )
        window: list[Token] = []
        for token in self.tokens_between(offset, limit):
            if token.text in ".!?" and window:
                break
            window.append(token)
            if len(window) > 25:
                break
        return window

    def has_own_complement(self, verb: Token, q: Quotation) -> bool:
        """What the verb after a closed quotation reports itself: a clause, an object or,
        after a quotation inside a sentence of its own, an infinitive (`Yermak said Russia
        was "playing for time." He called on Europe to impose sanctions`; not `"We will
        not give up an inch." Zelensky vowed to fight on`, whose quotation is his)."""
        own = ("ccomp", "dobj", "xcomp") if self.inside_a_sentence(q) else ("ccomp", "dobj")
        return any(
            c.dep_ in own and not (q.outer_start <= c.idx < q.outer_end)
            for c in verb.children
        )

    def inside_a_sentence(self, q: Quotation) -> bool:
        """Whether words of its sentence come before the quotation."""
        first = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if first is None or not len(first):
            return False
        return bool(self.text[first[0].sent.start_char : q.outer_start].strip())

    def cue_before(self, q: Quotation) -> tuple[Token, Token] | None:
        """`X said: "..."`, `X told reporters, "..."`, `X called it "..."`, or a colon paragraph."""
        before = self.text[: q.outer_start].rstrip(" ")
        if before.endswith("\n") or not before:
            return self.colon_introducer(q)
        tokens = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if tokens is None:
            return None
        start = tokens[0].sent.start_char
        preceding = self.tokens_between(start, q.outer_start)[-12:]
        verbs = [t for t in preceding if self.is_speech_verb(t) and t.i not in self.used_cues]
        if not verbs:
            return None
        verb = verbs[-1]
        subject = self.subject_of(verb)
        if subject is None or self.reports_clause_before(verb, q):
            return None
        if self.clause_follows(verb, q):
            return None  # `tells MSNBC's "Morning Joe" that ...`: the clause is what was said
        allowed = {
            t.i
            for c in verb.children
            if c.dep_ in ("dobj", "dative", "npadvmod", "prep", "advmod", "punct", "prt", "oprd")
            for t in c.subtree
        }
        between = [t for t in preceding if t.i > verb.i]
        if all(t.i in allowed or t.is_punct or t.is_space for t in between):
            return verb, subject
        return None

    def clause_follows(self, verb: Token, q: Quotation) -> bool:
        """Whether the cue's own clause comes after the quotation, which is then a title
        or a name in its object (`tells CNN's "Face the Nation" on Sunday that ...`)."""
        if any(c.dep_ == "ccomp" and c.idx >= q.end for c in verb.children):
            return True
        after = self.tokens_between(q.outer_end, q.outer_end + 40)[:5]
        if any(t.lower_ == "that" and t.dep_ == "mark" for t in after):
            return True
        # `... on Sunday that "nobody in Kyiv" will accept it`: a quoted part of a clause
        before = self.tokens_between(verb.idx + len(verb.text), q.outer_start)
        return any(
            t.lower_ == "that" and t.dep_ == "mark" and t.head.right_edge.idx >= q.end
            for t in before
        )

    def frame_after_cue(self, verb: Token, q: Quotation) -> int | None:
        """Where reported words start between a cue and its quotation (`said that X "..."`)."""
        between = [
            t
            for t in self.tokens_between(verb.idx + len(verb.text), q.outer_start)
            if not (t.is_punct or t.is_space)
        ]
        if verb.lemma_.lower() in NAMING_VERBS:
            # `called the proposal a "complete sham"`: from the thing named to its name
            # (not "condemned what he called a 'brazen breach'", whose "what" is the breach)
            named = [
                c
                for c in verb.children
                if c.dep_ == "dobj" and c.idx < q.outer_start and c.tag_ not in ("WP", "WDT")
            ]
            return named[0].left_edge.idx if named and between else None
        if not between:
            return None
        framing = any(t.lower_ in ("that", "as") or t.pos_ in ("VERB", "AUX") for t in between)
        takes_object = verb.lemma_.lower() in self.cues.object_verbs | {"describe"}
        objects = takes_object and any(t.dep_ == "dobj" and t.pos_ != "PRON" for t in between)
        if not (framing or objects):
            return None
        # after "that", and after the hearers before it ("told Trump that ...")
        that = next((n for n, t in enumerate(between) if t.lower_ == "that"), None)
        hearers = that is not None and all(
            t.pos_ in ("PROPN", "PRON", "NOUN", "DET", "ADJ") for t in between[:that]
        )
        if that is not None and hearers and that + 1 < len(between):
            return between[that + 1].idx
        return between[0].idx

    def reports_clause_before(self, verb: Token, q: Quotation) -> bool:
        """The verb's clause starts before the quotation: mixed speech, left to pass 2."""
        return any(
            c.dep_ == "ccomp"
            and min(t.idx for t in c.subtree) < q.outer_start
            and c.idx < q.outer_start
            for c in verb.children
        )

    def colon_introducer(self, q: Quotation) -> tuple[Token, Token] | None:
        """A quotation opening a paragraph after one that ends with a colon."""
        paragraph = self.paragraph_of(q.outer_start)
        if paragraph == 0 or self.paragraph_starts[paragraph] != q.outer_start:
            return None
        found = self.closing_colon(self.paragraph_starts[paragraph] - 2)
        if found is None:
            return None
        root, subject = found
        if subject is None or not (self.is_speech_verb(root) or subject.pos_ in ("PRON", "PROPN")):
            return None
        return root, subject

    def split_parts(self, q: Quotation, verb: Token) -> list[Quotation]:
        """Later parts of a quotation split by its cue: `"A," he says, "B."`."""
        parts: list[Quotation] = []
        current = q
        cue_clause = {t.i for t in verb.subtree}
        if verb.idx > q.outer_end:  # the speaker's words between, wherever the parse hung them
            cue_clause |= {t.i for t in self.tokens_between(q.outer_end, verb.idx)}
        for later in self.quotations:
            if later.start <= current.end or later in self.used_quotations:
                continue
            gap = self.text[current.outer_end : later.outer_start]
            if len(gap.split()) > 40 or ("\n\n" in gap and not self.fills_paragraph(later)):
                break
            gap_tokens = self.tokens_between(current.outer_end, later.outer_start)
            if any(not (t.is_punct or t.is_space or t.i in cue_clause) for t in gap_tokens):
                break
            if any(t.i != verb.i and self.opens_clause(t) for t in gap_tokens):
                break  # `"A," he said, adding that it would take "B"`: B is the adding's
            if self.cue_after(later) is not None:
                break
            parts.append(later)
            current = later
        return parts

    def opens_clause(self, token: Token) -> bool:
        """A second cue or a "that" between two quotations: what follows is its own."""
        modifier = token.dep_ in ("amod", "compound", "nmod")  # "the ruling party"
        cue = self.is_speech_verb(token) and not modifier
        return cue or (token.lower_ == "that" and token.dep_ == "mark")

    def fills_paragraph(self, q: Quotation) -> bool:
        paragraph = self.paragraph_of(q.start)
        starts = self.paragraph_starts
        end = starts[paragraph + 1] - 2 if paragraph + 1 < len(starts) else len(self.text)
        return starts[paragraph] == q.outer_start and q.outer_end >= end - 1

    def framing_start(self, q: Quotation) -> int | None:
        """Where reported words open the sentence before the quotation (mixed speech)."""
        token = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if token is None:
            return None
        paragraph = self.paragraph_starts[self.paragraph_of(q.start)]
        sentence_start = max(token[0].sent.start_char, paragraph)
        # not the article's dateline: "KYIV, July 9 (Reuters) - "We will never ...," he said"
        dateline = DATELINE.match(self.text, paragraph, q.outer_start)
        if dateline:
            sentence_start = max(sentence_start, dateline.end())
        frame = self.text[sentence_start : q.outer_start]
        if len(frame.split()) < 2 or frame.rstrip().endswith((":", ",")):
            return None
        frame_tokens = self.tokens_between(sentence_start, q.outer_start)
        if any(self.is_speech_verb(t) for t in frame_tokens):
            return None
        return sentence_start
