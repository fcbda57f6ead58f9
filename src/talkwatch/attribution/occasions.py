"""When and where words were said, which are no part of what was said: a date hung on
the reported clause ("said on Tuesday it was ready"), an adverb before its "that"
("said earlier that"), an occasion set off after it ("..., at a meeting with his
Turkish counterpart on November 8"), and what was happening as they were said ("...,
as the Istanbul talks ended with a deal on prisoners")."""

from __future__ import annotations

from spacy.tokens import Token

from .phrasal import OCCASIONS
from .speakers import SUBJECT_DEPS

# The prepositions of an occasion after what was said: not "after", "before" ("Russia
# will withdraw, after talks in Istanbul": when what was said is to happen).
OCCASION_PREPOSITIONS = frozenset(["at", "during", "in", "on", "via"])
# Occasions of speaking that are never what was said to come: "in an interview".
SPEAKING = frozenset(
    ["interview", "briefing", "speech", "address", "statement", "message", "post", "video",
     "letter", "call", "broadcast", "podcast", "tweet"]
)  # fmt: skip


def when_said(clause: Token) -> list[Token]:
    """ "said on Tuesday it was ready": a date the parse hung on the reported clause, before
    its subject, is when it was said."""
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    if not subjects or clause.i < subjects[0].i:
        return []
    return [
        t
        for c in clause.children
        if c.dep_ in ("prep", "npadvmod")
        and c.i < subjects[0].i
        and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        for t in c.subtree
    ]


def before_that(clause: Token) -> list[Token]:
    """ "said earlier that ...": an adverb the parse hangs on the clause before its "that"
    tells when it was said; a participle set off there, how ("reported on Friday, citing
    two sources briefed on the talks, that ...", "said, responding to the report, that")."""
    marks = [m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"]
    if not marks:
        return []
    aside = [
        c
        for c in clause.children
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.right_edge.i < marks[0].i
    ]
    commas = [c for c in clause.children if aside and c.is_punct and c.i < marks[0].i]
    return [
        t
        for c in clause.children
        if (c.dep_ in ("advmod", "npadvmod") and c.i < marks[0].i) or c in aside or c in commas
        for t in c.subtree
    ]


def occasion_after(clause: Token) -> list[Token]:
    """ "said Kyiv would not give up any territory, in an interview with CNN": a phrase of
    an occasion of speaking that closes the reported clause after a comma, hung on its
    verb, tells where and when it was said, and the comma with it. An event that may be
    what was said to come ("would present its plan, at a summit in Brussels") is the
    occasion only when nothing in the clause looks ahead, or when it is the speaker's own
    ("was ready to resume talks, at a meeting with his Turkish counterpart"). Not a place
    or a time of what was said ("will withdraw, in a week")."""
    end = clause.right_edge.i
    for token in clause.children:
        objects = [o for o in token.children if o.dep_ == "pobj"]
        # what the parse hung on the verb after the phrase is of it: a name ("his Turkish
        # counterpart Hakan Fidan"), a date ("on November 8"), no verb of its own
        after = [c for c in clause.children if c.i > token.i]
        if (
            token.dep_ == "prep"
            and token.lower_ in OCCASION_PREPOSITIONS
            and token.i > clause.i
            and token.doc[token.i - 1].text == ","
            and not any(t.pos_ in ("VERB", "AUX") for c in after for t in c.subtree)
            and any(_spoken_at(o, clause) for o in objects)
        ):
            return list(token.doc[token.i - 1 : end + 1])
    return []


def _spoken_at(noun: Token, clause: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in SPEAKING or (
        lemma == "conference" and any(c.lower_ in ("news", "press") for c in noun.children)
    ):
        return True
    if lemma not in OCCASIONS:
        return False
    own = any(t.lower_ in ("his", "her") and t.dep_ == "poss" for t in noun.subtree)
    return own or not _looks_ahead(clause)


def _looks_ahead(clause: Token) -> bool:
    """A modal, a future or an infinitive in the clause's own chain: "would present", "is
    ready to sign", "will meet"."""
    chain = [clause, *(c for c in clause.children if c.dep_ in ("xcomp", "acomp"))]
    chain += [c for t in chain[1:] for c in t.children if c.dep_ == "xcomp"]
    return any(
        c.dep_ == "aux" and (c.tag_ in ("MD", "TO") or c.lower_ in ("will", "'ll", "shall"))
        for t in chain
        for c in t.children
    )


# Events a writer sets words beside: "..., as the talks ended", "as leaders gathered".
UNDER_WAY = frozenset(
    ["end", "begin", "close", "conclude", "wrap", "meet", "gather", "convene", "resume",
     "arrive", "unfold"]
)  # fmt: skip
# What such an event is of: the talks and who meets at them, not a side ("as Russia ended
# the grain deal" is a reason).
GATHERINGS = frozenset(
    ["talk", "talks", "meeting", "summit", "negotiation", "negotiations", "round",
     "session", "conference", "consultation", "consultations", "leader", "leaders",
     "minister", "ministers", "delegation", "delegations", "envoy", "envoys", "visit"]
)  # fmt: skip


def as_it_happened(clause: Token) -> list[Token]:
    """ "said Putin was ready to meet Zelensky, but only in Moscow, as the Istanbul talks
    ended with a deal on prisoners": an event of the talks in the past set off after the
    reported clause is the writer's scene, not the speaker's words; not a reason ("would
    not attend, as the summit was pointless", "as Russia started this war")."""
    end = clause.right_edge.i
    for c in clause.children:
        if (
            c.dep_ == "advcl"
            and c.i > clause.i
            and c.tag_ == "VBD"
            and c.lemma_.lower() in UNDER_WAY
            and c.right_edge.i == end
            and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
            and any(s.dep_ in SUBJECT_DEPS and s.lower_ in GATHERINGS for s in c.children)
            and c.left_edge.i > 0
            and c.doc[c.left_edge.i - 1].text == ","
        ):
            return [c.doc[c.left_edge.i - 1], *c.subtree]
    return []


# The occasion of speaking, whose noun a that-clause may hang on: "told AP in an
# interview that ...", "said at a briefing that ..."; not "commented on speculation
# that ...", nor "amid concerns that ...".
SPOKEN_IN = frozenset(["in", "at", "during", "via", "through"])
CONTENT_NOUNS = frozenset(
    ["claim", "claims", "demand", "demands", "idea", "notion", "suggestion", "suggestions",
     "proposal", "assertion", "allegation", "allegations", "accusation", "assurance",
     "assurances", "promise", "fact", "view", "argument", "hope", "fear", "warning", "call",
     "report", "reports", "statement", "message", "impression", "belief", "rumour", "rumor",
     "rumours", "rumors", "news", "possibility", "condition", "position", "insistence",
     "conviction", "threat", "speculation", "concern", "concerns", "assessment"]
)  # fmt: skip


def that_clause_under_object(child: Token) -> list[Token]:
    """A "that" clause the parse hangs on the cue's object ("tells CNN's 'State of the
    Union' on Sunday that nobody will accept it", "told AP in an interview that
    ..."): what was said, when it has a subject
    of its own (not a relative clause, "the plan that Kyiv drafted") and the object is
    not a noun whose content it is ("dismissed the claim that ...", `CONTENT_NOUNS`)."""
    if child.dep_ == "prep" and child.lower_ in SPOKEN_IN:  # "told AP in an interview that"
        return [c for o in child.children if o.dep_ == "pobj" for c in that_clause_under_object(o)]
    if child.dep_ not in ("dobj", "dative", "pobj") or child.lower_ in CONTENT_NOUNS:
        return []  # a name or a title, not "the claim that", "its demand that"
    return [
        c
        for c in child.children
        if c.dep_ in ("acl", "relcl")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        and any(
            s.dep_ in ("nsubj", "nsubjpass") and s.tag_ not in ("WDT", "WP") for s in c.children
        )
    ]
