"""Pass 2: reporting verbs with a clausal or object complement.

Indirect and mixed speech, including participles such as "adding ..." or
"saying ...": the clauses, infinitive or substantial object a cue verb reports.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from ..records import Span
from .edges import ClauseEdges, completed
from .occasions import (
    as_it_happened,
    before_that,
    occasion_after,
    that_clause_under_object,
    when_said,
)
from .phrasal import cue_name, dates_the_call, inverted_report, listed_place, of_a_time
from .run import MIN_INDIRECT_WORDS, MIN_LEARNED_WORDS, Found, last_word
from .speakers import SUBJECT_DEPS, made_clear

ASKING = {"ask", "question", "wonder", "inquire", "query"}  # their wh-clause is the content
DECLINING = {"decline", "refuse"}  # with a `silent_acts` infinitive, they report silence
OBJECT_PREPOSITIONS = {"over", "about", "on", "with", "against", "for", "of", "at", "toward"}
# Marks of a condition on what was called for ("called for a truce unless ...").
CONDITION_MARKS = frozenset(["if", "unless", "until", "once", "provided", "providing"])
# Nouns whose object follows "in" ("interest in the plan", "confidence in the talks").
TRUST = frozenset(["interest", "confidence", "faith", "trust", "belief"])


class ReportingVerbs(ClauseEdges):
    """Statements reported by a cue verb."""

    def reporting_verbs(self) -> Iterator[Found]:
        for verb in self.doc:
            if verb.i in self.used_cues or not self.is_reporting(verb):
                continue
            subject = self.subject_of(verb)
            if subject is None:
                continue
            for span in self.contents_of(verb):
                kind, spans = self.kind_of(span)
                if kind != "direct":
                    spans = self.around_cue(spans[0], verb)
                if kind == "direct" and any(
                    q in self.used_quotations for q in self.quoted_in(span)
                ):
                    continue
                self.used_quotations.update(self.quoted_in(span))
                name = cue_name(verb, self.cues.phrasal.get(verb.lemma_.lower(), frozenset()))
                yield Found(spans, kind, subject, name, verb)

    def contents_of(self, verb: Token) -> list[Span]:
        """What the verb reports: clauses, an infinitive, or a substantial object."""
        lemma = verb.lemma_.lower()
        learned = self.learned_cue(verb)
        asks = lemma in ASKING  # "asked what kind of deal", "questioned who would pay"
        # "donations, which he said were accompanied by favors": a relative clause's cue
        # reports the clause its relative pronoun opens
        relative_cue = verb.dep_ == "relcl"
        clauses = [
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            and (asks or relative_cue or not _relative(c))
            and inverted_report(c) is None  # "X reported, citing Y, that Z agreed": X's, not Z's
        ]
        if (inverted := inverted_report(verb)) is not None:
            clauses.append(inverted)  # what the parse hung this cue on is what it reports
            # and what it hung there before its "that" is the report's ("citing people
            # familiar with the matter"): no cue of the reported clause's speaker
            that = min(m.i for m in inverted.children if m.dep_ == "mark")
            self.used_cues.update(t.i for c in inverted.children if c.i < that for t in c.subtree)
        clear = made_clear(verb)
        if clear is not None:  # "made it clear that ...": the clause, wherever the parse hangs it
            clauses = [c for c in clauses if c.i != clear.i] + [
                c for c in clear.children if c.dep_ in ("ccomp", "advcl") and _finite_clause(c)
            ]
        if not clauses and lemma in self.cues.speech_verbs:
            clauses = [c for c in verb.children if _unmarked_clause(c, verb)]
            # and the occasion of speaking: "told AP in an interview that ..."; not
            # "amid concerns that ...", "despite suggestions that ..."
            clauses += [c for child in verb.children for c in that_clause_under_object(child)]
        if lemma in self.cues.infinitive_verbs or lemma in self.cues.reported_only_verbs or learned:
            infinitives = [c for c in verb.children if c.dep_ == "xcomp"]
            unsaid = [c for c in infinitives if self.silent(verb, c)]
            # nor was anything said by whom the unsaid words name ("refused to confirm
            # that Ukraine had accepted the proposal")
            self.used_cues.update(t.i for c in unsaid for t in c.subtree)
            clauses += [c for c in infinitives if c not in unsaid]
        # A clause closed by a colon, semicolon or dash before the cue is the author's
        # when a clause of the cue's own follows it ("... on Friday: Republicans said
        # they ..."; not "..., Ushakov said, BTA reported").
        after = [c for c in clauses if c.i > verb.i]
        own = [c for c in after if _finite_clause(c) and not self.is_cue_with_subject(c)]
        if own and all(_closed(c) for c in clauses if c.i < verb.i):
            clauses = after
        clauses = [c for c in clauses if not self.others_report_before(verb, c)]
        # "citing two sources" set off before the clause's "that" is how this cue's speaker
        # reported it, not a cue of the reported clause's subject
        self.used_cues.update(t.i for c in clauses for t in before_that(c) if t.tag_ == "VBG")
        lost = [t for c in clauses for t in self.lost_words(verb, c)]
        spans = self.clause_spans(clauses, lost) if clauses else []
        spans = self.dashed_speech(verb, self.elliptical_tail(verb, self.after_colon(verb, spans)))
        spans = self.stray_subject(verb, self.present_conjunct(verb, spans))
        if not spans:
            spans = [s for s in [self.object_span(verb)] if s is not None]
        if not spans and verb.dep_ == "parataxis" and lemma in self.cues.speech_verbs:
            spans = [s for s in [self.parenthetical_span(verb)] if s is not None]
        if not spans and lemma in self.cues.speech_verbs:  # "..., Zelensky said" as a conjunct
            spans = [s for s in [self.closing_conjunct_span(verb)] if s is not None]
        if not spans and self.as_reported(verb):  # "As Reuters reported, the talks ..."
            spans = [s for s in [self.parenthetical_span(verb)] if s is not None]
            spans = [] if self.source_line(verb) else spans  # "Source: X, as Y writes"
        least = MIN_LEARNED_WORDS if learned else MIN_INDIRECT_WORDS
        return [s for s in spans if len(self.text[s.start : s.end].split()) >= least]

    def source_line(self, verb: Token) -> bool:
        """A line that opens with a label and says nothing but who it came from
        ("Source: Andrii Yermak, ..., as European Pravda writes"); not "Breaking: As
        Reuters reported, the delegations met ...", which has a verb of its own."""
        sentence = verb.sent
        head, colon, _ = sentence.text.partition(":")
        if not colon or head.strip().lower() not in self.cues.transcript_labels:
            return False
        cue = {t.i for t in verb.subtree}
        return not any(t.pos_ in ("VERB", "AUX") and t.i not in cue for t in sentence)

    def silent(self, verb: Token, infinitive: Token) -> bool:
        """ "declined to comment", "refused to say whether ...", "asked not to be named":
        nothing was said."""
        act = infinitive.lemma_.lower() in self.cues.silent_acts
        unnamed = verb.lemma_.lower() == "ask" and {"neg", "auxpass"} <= {
            c.dep_ for c in infinitive.children
        }
        return act and (verb.lemma_.lower() in DECLINING or unnamed)

    def clause_spans(self, clauses: list[Token], lost: Sequence[Token] = ()) -> list[Span]:
        """Reported clauses as one span, split where `... and that ...` starts a second point;
        ``lost`` are words of theirs the parse hung elsewhere (``lost_words``)."""
        separate = [
            c
            for clause in clauses
            for c in clause.children
            if c.dep_ == "conj"
            and (
                self.second_point(clause, c)
                or self.is_cue_with_subject(c)
                or self.is_conjoined_cue(c)
            )
        ]
        excluded = {t.i for c in separate for t in c.subtree}
        excluded |= {  # the relative pronoun of "which he said were ..."
            c.i
            for clause in clauses
            for c in clause.children
            if clause.head.dep_ == "relcl" and c.dep_ in SUBJECT_DEPS and c.tag_ in ("WDT", "WP")
        }
        excluded |= {  # a report the parse hung on what it reports: from its "that" on
            t.i
            for clause in clauses
            for c in clause.children
            if c.dep_ == "ccomp" and inverted_report(c) is not None  # its head: this clause
            for t in clause.subtree
            if t.i < min(m.i for m in clause.children if m.dep_ == "mark")
        }
        excluded |= {t.i for clause in clauses for t in when_said(clause)}
        excluded |= {t.i for clause in clauses for t in before_that(clause)}
        excluded |= {t.i for clause in clauses for t in occasion_after(clause)}
        excluded |= {t.i for clause in clauses for t in as_it_happened(clause)}
        excluded |= {i for clause in clauses for i in self.asides(clause)}
        excluded |= self.relative_cues(clauses)
        excluded |= {i for clause in clauses for i in self.relay(clause)}
        excluded |= {t.i for clause in clauses for t in _hearers(clause)}
        for cue in (c for clause in clauses for c in self.trailing_cues(clause)):
            head = _head_of_cue_clause(cue)
            excluded |= {t.i for t in head.subtree}
            if head.left_edge.i > 0 and self.doc[head.left_edge.i - 1].is_punct:
                excluded.add(head.left_edge.i - 1)  # the comma before ", adding that"
        excluded |= {
            t.i
            for clause in clauses
            for t in clause.children
            if t.dep_ == "cc" and separate and t.i < separate[0].i
        }
        kept = [t for clause in clauses for t in clause.subtree if t.i not in excluded]
        if kept:  # the clause's own words are there: the lost subject joins them
            kept += [t for t in lost if t.i not in excluded]
        spans = [self.span_of_tokens(completed(kept))]
        spans += [
            self.span_of_tokens(list(c.subtree))
            for c in separate
            if not (self.is_cue_with_subject(c) or self.is_conjoined_cue(c))
        ]
        return [s for s in spans if s is not None]

    def second_point(self, clause: Token, conj: Token) -> bool:
        """`said that A — but that B` opens a separate statement; `and that` does not."""
        marked = any(g.dep_ == "mark" and g.lower_ == "that" for g in conj.children)
        contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in clause.children)
        return marked and contrast

    def trailing_cues(self, clause: Token) -> list[Token]:
        """Cues that end the reported clause and report a point of their own: a participle
        ("said A, adding that B"; "..., before saying B") or a clause with its own subject
        ("... as he claimed B"). `subject_of` finds who makes the point."""
        last = last_word(clause)
        found = []
        for t in clause.subtree:
            if t.i == clause.i or t.right_edge.i < last:
                continue
            shape = self.trailing_shape(t)
            if (
                shape in ("participle", "preposition", "clause")
                and _head_of_cue_clause(t).left_edge.i > clause.i
                and self.reports_a_point(t, objects=shape == "participle")
                and not (shape == "preposition" and self.ahead(t.head.head))
                and self.is_reporting(t)
            ):
                found.append(t)
        return found

    def ahead(self, verb: Token) -> bool:
        """A clause about what will or would happen: "it would consult its allies before
        announcing sanctions" announces nothing yet."""
        return any(
            c.dep_ == "aux" and (c.lower_ in self.cues.hypothetical_modals or c.lemma_ == "will")
            for c in verb.children
        )

    def reports_a_point(self, verb: Token, objects: bool = True) -> bool:
        """A clause ("adding that ...", "urged both sides to agree"), the preposition of
        a phrasal cue ("warned against ...") or, with ``objects`` and for a verb the
        lexicon lists with objects, an object ("stressing the need for ..."); not
        "citing him" nor "calling into question what was agreed"."""
        lemma = verb.lemma_.lower()
        particles = self.cues.phrasal.get(lemma, frozenset())
        return any(
            (c.dep_ == "ccomp" and (lemma in ASKING or not _relative(c)))
            or c.dep_ == "xcomp"  # "urged both sides to agree"
            or (objects and c.dep_ == "dobj" and lemma in self.cues.object_verbs)
            or (c.dep_ == "prep" and c.lower_ in particles)  # "warned against", "called for"
            for c in verb.children
        )

    def is_conjoined_cue(self, token: Token) -> bool:
        """`said he would order a review and warned against hackers`: a cue verb joined to
        the reported clause reports a point of its own, the reporter's (`subject_of`),
        when it reports a clause or a phrasal cue's object; "... and then announced a
        new offensive" stays inside the first, and so does a conjunct in the reported
        clause's tense where the cue's differs ("Police say he posed a threat and refused
        to drop the gun")."""
        clause = token.head
        cue = clause.head if clause.dep_ == "ccomp" else None
        reported_tense = (
            cue is not None
            and token.tag_ != cue.tag_
            and token.tag_ == clause.tag_
            and cue.tag_.startswith("VB")
        )
        return (
            token.dep_ == "conj"
            and not reported_tense
            and not any(c.dep_ in SUBJECT_DEPS for c in token.children)
            and self.reports_a_point(token, objects=False)
            and self.is_reporting(token)
        )

    def is_cue_with_subject(self, token: Token) -> bool:
        """A conjoined clause that pass 2 reports as a statement of its own."""
        return self.is_reporting(token) and any(c.dep_ in SUBJECT_DEPS for c in token.children)

    def withheld(self, obj: Token) -> bool:
        """`offered no further details`, `gave no comment`: what was not said."""
        nothing = any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children)
        lemma = obj.lemma_.lower()
        return nothing and (
            lemma in self.cues.withheld_nouns
            or obj.lower_ in self.cues.container_nouns
            or lemma in self.cues.container_nouns
        )

    def object_span(self, verb: Token) -> Span | None:
        """`rejected calls for a ceasefire`, `voiced frustration over the talks`, `called for X`."""
        lemma = verb.lemma_.lower()
        particles = self.cues.phrasal.get(lemma, frozenset())
        # Objects of listed verbs; of a learned cue only where the object model reads the
        # object as what was said ("stressed the need for talks", not "added a caveat").
        listed = lemma in self.cues.object_verbs | {"call", "describe"}
        has_particle = any(
            c.dep_ in ("prt", "advmod") and c.lower_ in particles for c in verb.children
        )
        tokens: list[Token] = []
        for child in verb.children:
            is_object = (
                child.dep_ in ("dobj", "oprd")
                and not self.withheld(child)
                and (listed or self.learned_object(verb, child))
            )
            is_prep = child.dep_ == "prep" and (
                (child.lower_ in particles and not of_a_time(child))  # not "on Monday"
                or child.lower_ == "as"
                or has_particle
                or (
                    bool(tokens)
                    and child.lower_ in OBJECT_PREPOSITIONS
                    and self.doc[child.i - 1].text != ","  # ", with jabs that ...": the verb's
                )
                or (bool(tokens) and listed_place(child, tokens))
                # "expressed interest Tuesday in China's ideas": what the noun takes
                or (child.lower_ == "in" and any(t.lemma_.lower() in TRUST for t in tokens))
            )
            is_clause = child.dep_ == "advcl" and self.marked_by(child, particles, bool(tokens))
            if is_object or is_prep or is_clause:
                tokens += list(child.subtree)
        if tokens:  # "stressed the need for a settlement rather than freezing the conflict"
            contrast = [c for c in verb.children if c.dep_ == "cc" and c.lower_ == "than"]
            for cc in contrast:
                if cc.i > 0 and self.doc[cc.i - 1].lower_ == "rather":
                    joined = [c for c in verb.children if c.dep_ == "conj" and c.i > cc.i]
                    tokens += [self.doc[cc.i - 1], cc] + [t for c in joined for t in c.subtree]
        inner = self.relative_cues([verb])
        inner |= {  # "rejected any deal that would limit X and demanded Y": a second point
            u.i for t in tokens if self.stray_conjunct(t) == verb for u in t.subtree
        }
        inner |= {t.i for t in tokens if t.dep_ == "cc" and t.i + 1 in inner}
        tokens = [t for t in tokens if t.i not in inner]
        if len(tokens) < MIN_INDIRECT_WORDS:
            return None
        return self.span_of_tokens(tokens)

    def relative_cues(self, heads: list[Token]) -> set[int]:
        """Relative clauses under ``heads`` that report a point of their own ("his
        donations, which he said were accompanied by favors"; "Trump, who says he is
        honored"), with the comma before them: statements of their own, not part of
        the one that contains them."""
        found: set[int] = set()
        for head in heads:
            for t in head.subtree:
                if t.i == head.i or t.dep_ != "relcl" or not self.is_reporting(t):
                    continue
                if not any(c.dep_ == "ccomp" for c in t.children):
                    continue
                found |= {u.i for u in t.subtree}
                if t.left_edge.i > 0 and self.doc[t.left_edge.i - 1].is_punct:
                    found.add(t.left_edge.i - 1)
        return found

    def marked_by(self, clause: Token, particles: frozenset[str], has_object: bool) -> bool:
        """`called for X to do Y` (mark 'for'), or a condition on an object (`if`, `unless`)."""
        marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
        only = any(c.dep_ == "advmod" and c.lower_ == "only" for c in clause.children)
        conditions = CONDITION_MARKS | ({"after", "when"} if only else set())
        condition = bool(marks & conditions) and not dates_the_call(clause)
        return bool(marks & particles) or (has_object and condition)


def _hearers(clause: Token) -> list[Token]:
    """ "told reporters Kyiv would not cede territory": the hearers the parse joined to
    the reported clause's named subject, right after the cue."""
    return [
        t
        for subject in clause.children
        if subject.dep_ in SUBJECT_DEPS and subject.pos_ == "PROPN"
        for t in subject.lefts
        if t.dep_ == "compound" and t.tag_ == "NNS" and t.i == clause.head.i + 1
    ]


def _head_of_cue_clause(verb: Token) -> Token:
    """The token whose subtree is the cue's clause: the preposition of `before saying`."""
    return verb.head if verb.dep_ == "pcomp" else verb


def _relative(clause: Token) -> bool:
    """A clause whose subject is a relative pronoun is a misparsed relative clause."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.tag_ in ("WDT", "WP") for c in subjects):
        return True
    # "said that Kyiv needs to accept ...": a "that" tagged as a pronoun before a clause
    # with a subject of its own is the complementiser
    complementiser = clause.left_edge.lower_ == "that" and bool(subjects)
    return clause.left_edge.tag_ in ("WDT", "WP") and not complementiser


def _unmarked_clause(clause: Token, verb: Token) -> bool:
    """A finite clause after the cue that the parse hangs as an adverbial although no
    conjunction opens it: what was said ("said after the convention he would not
    accept it"), not "said, as he left, ..."."""
    return (
        clause.dep_ == "advcl"
        and clause.i > verb.i
        and not any(c.dep_ == "mark" for c in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        and clause.tag_ in ("VBD", "VBZ", "VBP", "VB")
    )


# Nouns whose "that" clause is their own content: "dismissed the claim that ...",
# "repeated its demand that ...": the clause belongs to the noun, not to the cue.


def _finite_clause(clause: Token) -> bool:
    """A clause with its own subject or a "that": not a participle ("quoted by TASS")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
        or (c.dep_ == "mark" and c.lower_ == "that")
        for c in clause.children
    )


def _closed(clause: Token) -> bool:
    """Whether a colon, semicolon or dash ends the clause: what follows starts anew."""
    doc, last = clause.doc, clause.right_edge.i
    ends = [doc[i].text for i in (last, last + 1) if i < len(doc)]
    return any(text in (":", ";", "—", "–", "--") for text in ends)
