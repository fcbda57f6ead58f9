"""Cue verbs and their speakers.

Whether a verb reports a statement actually made (not hypothetical, negated,
conditional or a question), and which token is its speaker. Shared by the
direct, reported and source passes.
"""

from __future__ import annotations

from spacy.tokens import Token

from .mentions import Mentions
from .phrasal import put_to_speaker

SUBJECT_DEPS = ("nsubj",)
NON_FINITE = ("VBG", "VB")  # a gerund or a bare infinitive
# "..., before saying B", "..., though he noted B"
TRAILING_MARKS = {"as", "while", "before", "after", "though", "although", "whereas"}
CLOSING_QUOTES = frozenset(['"', "”", "’"])  # marks between a comma and what follows
TEMPORAL_MARKERS = {"when", "once"}  # in the past they say when, not whether
CLEAR_DEPS = ("ccomp", "oprd", "acomp", "xcomp", "dobj")
CLIMB_DEPS = {"conj", "xcomp", "pcomp", "prep", "acomp"}
PERSON_PRONOUNS = {"he", "she", "they", "him", "her", "them"}
QUOTING = ("quote", "cite")  # "X quoted Y as saying"
# Verbs whose infinitive happened when they did: "continued to insist", "went on to say".
IMPLICATIVE = {"continue", "begin", "start", "proceed", "keep", "manage", "repeat"}
# Pronouns a verb the learned model reads as speech may have as its speaker
# ("it says", "some say", "many of whom say").
LEARNED_PRONOUNS = {"it", "some", "many", "most", "others", "both", "all", "several"}


class Speakers(Mentions):
    """Cue-verb checks and speaker lookups."""

    def is_reporting(self, verb: Token) -> bool:
        """Whether the verb cues what someone said (memoised per document)."""
        found = self.reporting.get(verb.i)
        if found is None:
            found = self.reporting[verb.i] = self._is_reporting(verb)
        return found

    def _is_reporting(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        if not (verb.pos_ == "VERB" or _misread_verb(verb)) or self.in_quotation(verb):
            return False
        if lemma in QUOTING and _as_saying(verb):  # the cue is "saying", the content its own
            return False
        if put_to_speaker(verb):  # "Asked whether Russia would attend, Peskov said"
            return False
        reported = lemma in self.cues.reported_only_verbs and any(
            c.lower_ in self.cues.reporting_adverbs for c in verb.children
        )
        listed = self.lexicon and (
            self.cues.is_cue_verb(lemma) or reported or made_clear(verb) is not None
        )
        if not (listed or self.learned_cue(verb)):
            return False
        return self.is_actual(verb)

    def stray_conjunct(self, verb: Token) -> Token | None:
        """The cue a reporting verb is really joined to where the parse hung it on a
        relative clause in that cue's object, or on the gerund of its phrase: in
        "Zelensky rejected any deal that would limit the army and demanded guarantees",
        "demanded" (past, as "rejected", where "limit" is not) is Zelensky's second
        point, as "called" is the Kremlin's in "the Kremlin accused Kyiv of sabotaging
        the talks and called on Washington to ...". None for any other verb."""
        relative = verb.head
        own = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        if verb.dep_ != "conj" or own:
            return None
        if relative.dep_ == "relcl":
            noun = relative.head
            governor = noun.head.head if noun.dep_ == "pobj" else noun.head
            if noun.dep_ not in ("dobj", "pobj"):
                return None
        elif relative.dep_ == "pcomp" and relative.tag_ in NON_FINITE:
            # "accused Kyiv of sabotaging the talks and called on Washington to ...":
            # a finite verb hung on the gerund of the cue's own phrase
            governor = relative.head.head
        else:
            return None
        if governor.tag_ != verb.tag_:
            return None
        if relative.tag_ == verb.tag_ or not verb.tag_.startswith("VB"):
            return None
        return governor if self.is_reporting(verb) and self.is_reporting(governor) else None

    def is_speech_verb(self, token: Token) -> bool:
        if not (token.pos_ == "VERB" or _misread_verb(token)) or self.in_quotation(token):
            return False
        listed = self.lexicon and token.lemma_.lower() in self.cues.speech_verbs
        return (listed or self.learned_cue(token)) and self.is_actual(token)

    def is_actual(self, verb: Token) -> bool:
        """Said in fact: not hypothetical, conditional, negated, infinitive or a question."""
        children = list(verb.children)
        # "would say"; not a modal of the quotation the parse hung on the cue ('"..., it
        # will at some point, probably sooner rather than later," said James Acton')
        modals = self.cues.hypothetical_modals
        if any(
            c.dep_ == "aux" and c.lower_ in modals and not self.in_quotation(c) for c in children
        ):
            return False
        # "did not say"; not a "not" of the quotation the parse hung on the cue ('"Are we
        # there? Probably not," Ms. Moore said')
        negated = any(c.dep_ == "neg" and not self.in_quotation(c) for c in children)
        # "Neither Peskov nor Lavrov said ...": nobody did
        negated = negated or any(
            c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "neither" for d in c.children)
            for c in children
        )
        if negated and verb.lemma_ in ("say", "tell", "comment"):
            return False
        infinitive = verb.tag_ == "VB" and not any(c.lemma_ == "do" for c in children)
        if infinitive and not self.entailed(verb):
            return False
        misparsed_past = (
            verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.i == verb.head.i + 1
        )
        active = any(c.dep_ == "nsubj" for c in children)  # a past tense tagged participle
        active = active or (verb.dep_ == "conj" and verb.head.tag_ == "VBD")  # "were ... and asked"
        if (
            verb.tag_ == "VBN"
            and not any(c.lemma_ == "have" for c in children)
            and not misparsed_past
            and not active
        ):
            return False
        progressive = verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in children)
        if progressive and not self.learned_cue(verb):  # "is claiming" is said, if learned
            return False
        if self.under_condition(verb) or self.in_authors_frame(verb):
            return False
        sentence = verb.sent.text.rstrip()
        return not sentence.endswith("?") or self.in_quotation(verb)

    def entailed(self, verb: Token) -> bool:
        """An infinitive its governing verb says happened: "went on to explain",
        "continued to insist" (implicative and aspectual verbs, themselves not
        hypothetical, negated or conditional)."""
        head = verb.head
        if verb.dep_ not in ("xcomp", "advcl") or head == verb or head.pos_ != "VERB":
            return False
        lemma = head.lemma_.lower()
        going_on = lemma == "go" and any(
            c.dep_ == "prt" and c.lower_ == "on" for c in head.children
        )
        if lemma not in IMPLICATIVE and not going_on:
            return False
        hedged = any(
            (c.dep_ == "aux" and c.lower_ in self.cues.hypothetical_modals) or c.dep_ == "neg"
            for c in head.children
        )
        return not hedged and head.tag_ != "VB" and not self.under_condition(head)

    def in_authors_frame(self, verb: Token) -> bool:
        """`I think X has accepted ...`: a clause inside the author's own belief."""
        node = verb
        while node.dep_ in ("ccomp", "conj", "xcomp") and node.head != node:
            node = node.head
            if any(c.dep_ == "nsubj" and c.lower_ in ("i", "we", "you") for c in node.children):
                return not self.in_quotation(node)
        return False

    def under_condition(self, verb: Token) -> bool:
        """Inside an if/whether/when clause: the verb reports no actual statement. A
        "when" or "once" clause in the past tells when it was said ("When Clinton noted
        that ..., Trump boasted")."""
        node = verb
        for _ in range(6):
            markers = {
                c.lower_
                for c in node.children
                if c.dep_ in ("mark", "advmod") and c.lower_ in self.cues.conditional_markers
            }
            if node.tag_ == "VBD":
                markers -= TEMPORAL_MARKERS
            if markers:
                return True
            if node.dep_ not in CLIMB_DEPS or node.head == node:
                return False
            node = node.head
        return False

    def stray_subjects(self, verb: Token) -> list[Token]:
        """The reported clause's subject the parse hung on an inverted cue, beside the
        speaker after it, set off by a comma: "The negotiations, said Umerov, were ..."."""
        if verb.dep_ != "parataxis" and not any(
            c.dep_ in SUBJECT_DEPS and c.left_edge.i == verb.i + 1 for c in verb.children
        ):
            return []
        return [c for c in verb.children if c.dep_ in SUBJECT_DEPS and set_off(c, verb)]

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        """The speaker token: the verb's subject, or one inherited by a participle or conjunct."""
        quoted = _quoted_person(verb)
        if quoted is not None:  # "Interfax quoted Lavrov as saying": Lavrov said it
            return self.actor_or_none(quoted, verb)
        # a subject outside the quotation: in `"... Full panic mode," said Leslie Wimes`
        # the parse makes "mode" a second subject
        # and of two subjects before it the nearer: a dateline the parse takes for one
        # ("Jeddah, Saudi Arabia (CNN) — Ukrainian President Volodymyr Zelensky said")
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        # nor a date the parse takes for a second one ("Peskov on Wednesday, Dec 14 responded")
        subjects = [c for c in subjects if c.ent_type_ not in ("DATE", "TIME")] or subjects
        outside = [c for c in subjects if not self.in_quotation(c)]
        before = [c for c in outside if c.i < verb.i]
        after = [c for c in outside if c.left_edge.i == verb.i + 1]
        if after and before and before[-1] in self.stray_subjects(verb):
            # "The problem, say sources in the talks, is that ...", "The negotiations, said
            # Umerov, were ...": the parse gives the inverted aside two subjects; the one
            # right after it speaks (not in "the official said, Gerasimov, ...")
            before = after
        subject = before[-1] if before else next(iter(outside or subjects), None)
        if subject is not None and subject.lower_ not in ("he", "she"):
            return self.actor_or_none(subject, verb)
        # "X said A, adding that B", "X said A and warned B", "X said A as he claimed B"
        governor = self.reporting_governor(verb) or self.stray_conjunct(verb)
        if governor is not None:
            return self.subject_of(governor, depth + 1)
        if subject is not None:
            return self.actor_or_none(subject, verb)
        # "Zelensky, asked if ..., told reporters": the parse hung the cue on "asked"
        asked = verb.dep_ == "ccomp" and put_to_speaker(verb.head)
        if depth < 3 and (verb.dep_ in ("conj", "advcl", "xcomp") or asked) and verb.head != verb:
            return self.subject_of(verb.head, depth + 1)
        if depth < 3 and verb.dep_ == "pcomp":  # "surprised editors by admitting that ..."
            governor = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if governor is None:
                return None
            # "After saying that ..., Peskov was asked about ...": a passive clause's
            # subject is still the one the participle's saying belongs to
            passive = [c for c in governor.children if c.dep_ == "nsubjpass"]
            own = any(c.dep_ in SUBJECT_DEPS for c in governor.children)
            if passive and not own and not self.in_quotation(passive[0]):
                return self.actor_or_none(passive[0], verb)
            return self.subject_of(governor, depth + 1)
        if verb.dep_ == "acl" and verb.head.pos_ == "PROPN":  # a misparsed "X called Y"
            return self.actor_or_none(verb.head, verb)
        # "In a statement posted on Facebook, ... Secretary Rustem Umerov said": the parse
        # hung the name on the phrase before it; the person just before the cue speaks
        name = verb.doc[verb.i - 1]
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]  # not a name inside them
        if (
            verb.i > 0
            and name.ent_type_ == "PERSON"
            and name.pos_ == "PROPN"
            and name.head != verb
            and not any(c.left_edge.i <= name.i <= c.right_edge.i for c in clauses)
        ):
            return self.actor_or_none(name, verb)
        return None

    def trailing_shape(self, verb: Token) -> str | None:
        """How a cue clause hangs off the clause before it: a participle after a comma
        ("..., adding that B"), a participle after a preposition ("before saying B"), a
        clause of its own ("as he claimed B", "while the minister said B") or a conjunct
        ("... and warned B"); None for any other verb."""
        own = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        # the comma before the participle, or before its mark (", while noting that B")
        start = min([verb.i] + [c.i for c in verb.children if c.dep_ == "mark" and c.i < verb.i])
        while start > 0 and verb.doc[start - 1].text in CLOSING_QUOTES:  # ',” while noting'
            start -= 1
        comma = start > 0 and verb.doc[start - 1].text == ","
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and comma and not own:
            return "participle"
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in TRAILING_MARKS:
            return "preposition"
        he = any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("he", "she") for c in verb.children)
        says = verb.lemma_.lower() in self.cues.speech_verbs and any(
            c.dep_ == "ccomp" for c in verb.children
        )
        # "while Kyiv refuses to engage" is the reporter's claim about Kyiv, not Kyiv's
        if verb.dep_ == "advcl" and (he or (own and says)) and marks & TRAILING_MARKS:
            return "clause"
        if verb.dep_ == "conj" and not own:
            return "conjunct"
        return None

    def reporting_governor(self, verb: Token) -> Token | None:
        """The cue whose reported clause a cue clause ends (`trailing_shape`): "said" in
        "said A, adding B", "said A and warned B", "said A, before saying B". The
        reporter makes the second point too, unless a cue of the clause's own comes
        between ("an official rejected it, saying ...": the official)."""
        shape = self.trailing_shape(verb)
        if shape is None:
            return None
        node = verb.head.head if shape == "preposition" else verb.head
        for _ in range(4):
            if self.is_reporting(node):
                return None
            if node.dep_ == "ccomp" and node.head != node:
                return node.head if self.is_reporting(node.head) else None
            if node.dep_ not in ("conj", "xcomp", "advcl", "acomp") or node.head == node:
                return None
            node = node.head
        return None

    def actor_or_none(self, subject: Token, verb: Token) -> Token | None:
        relative = subject.lower_ in ("who", "that", "which") or subject.tag_ in ("WP", "WDT")
        if relative and verb.dep_ == "relcl":
            subject = verb.head  # "Trump, who says he is honored"
        learned_it = subject.lower_ == "it" and self.learned_cue(verb)  # "it says": a report
        # "those close to him", "those who attended": a group the words describe
        described = subject.lower_ in ("those", "these") and any(
            c.dep_ in ("amod", "prep", "relcl", "acl") for c in subject.children
        )
        if described:
            return subject
        excluded = subject.lower_ in self.cues.excluded_subjects and not learned_it
        if excluded or self.in_quotation(subject):
            return None
        if subject.pos_ == "PRON":
            learned = subject.lower_ in LEARNED_PRONOUNS and self.learned_cue(verb)
            return subject if subject.lower_ in PERSON_PRONOUNS or learned else None
        if subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or subject.pos_ == "PROPN":
            return subject
        core = self.core_tokens(subject)
        if any(t.lemma_.lower() in self.cues.actor_nouns or t.ent_type_ for t in core):
            return subject
        if subject.lemma_.lower() in self.cues.container_nouns and self.is_speech_verb(verb):
            return subject  # "the memorandum says", "the statement said": its author speaks
        # A verb the learned model reads as speech vouches for a common-noun speaker
        # ("critics argued", "the campaign said"), as PolNeAR's annotators saw them.
        if subject.pos_ in ("NOUN", "ADJ", "NUM") and self.learned_cue(verb):
            return subject
        return None


def made_clear(verb: Token) -> Token | None:
    """ "clear" in "X made (it) clear that ...", a way of saying it; None otherwise."""
    if verb.lemma_.lower() != "make":
        return None
    return next((c for c in verb.children if c.lower_ == "clear" and c.dep_ in CLEAR_DEPS), None)


def quoting_verb(verb: Token) -> Token | None:
    """ "quoted" in "X quoted Y as saying" or "Y was quoted as saying", from "quoted" or
    from "saying"; None for any other verb."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        verb = verb.head.head
    return verb if verb.lemma_.lower() in QUOTING and _as_saying(verb) else None


def _quoted_person(verb: Token) -> Token | None:
    """Y in "X quoted Y as saying", "X cited Y as saying" or "Y was quoted as saying"."""
    quoting = quoting_verb(verb)
    if quoting is None:
        return None
    return next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _as_saying(verb: Token) -> bool:
    """Whether the verb goes on "as saying", "as telling" (a participle after "as")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
        for c in verb.children
    )


def _misread_verb(token: Token) -> bool:
    """A verb the tagger read as a plural noun, with a subject and a clause of its own:
    "But Trump claims that he should be the exception"."""
    return (
        token.tag_ == "NNS"
        and token.dep_ in ("ROOT", "conj")
        and any(c.dep_ == "nsubj" for c in token.children)
        and any(c.dep_ == "ccomp" for c in token.children)
    )


def set_off(subject: Token, verb: Token) -> bool:
    """A subject before the verb with a comma between them: the clause's own subject the
    parse hung on an aside ("The problem, say sources, ..."), not "police have said"."""
    words = [t.i for t in subject.subtree if not t.is_punct]
    last = max(words, default=subject.i)
    return subject.i < verb.i and any(t.text == "," for t in verb.doc[last + 1 : verb.i])
