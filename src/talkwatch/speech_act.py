"""The content clause of a statement, read from the spaCy parse of its sentence.

A stance depends on who is to act and how: "Russia must withdraw" asks it of
Russia, "we are ready to withdraw" offers it, "we will not withdraw" refuses
it, "Russia will not withdraw" describes the other side. ``read_clause`` takes
the parsed tokens of a quote and returns its main-clause predicates, in text
order. Each is a chain of steps down its complements ("is" -> "ready" ->
"send"), each step with its modal auxiliaries and negation, plus the subject
phrase, the voice, and whether the predicate leads the quote (no other verb
before it but its own). It only reads the parse; which steps are modal,
whose side the subject is and what stance follows is ``stance_clause``'s work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .cues import default_cues

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
CHAIN = ("xcomp", "acomp", "ccomp")  # "is ready [acomp] to send [xcomp]"
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
MAX_PREDICATES = 6
MAIN_LINKS = ("conj", "ccomp", "parataxis")
SOMEONE = "someone"  # the unnamed sayer of words reported in the passive
# Modals that with a perfect speak of a past that did not happen ("should have agreed");
# not "will have withdrawn", a future.
COUNTERFACTUAL_MODALS = frozenset(["would", "should", "could", "might", "must", "may", "ought"])
# not "know": "if we knew Moscow would keep its word, we would sign" conditions an offer
BELIEFS = frozenset(["think", "believe", "suspect"])


@dataclass(frozen=True)
class Step:
    """One word of a predicate's chain: "is" -> "ready" -> "send"."""

    lemma: str
    modals: tuple[str, ...]  # modal auxiliaries on it ("will", "must")
    negated: bool
    adjective: bool = False  # "ready", "open": a predicate adjective
    subject: str = ""  # this word's own subject ("the forum" in "we hope the forum will be held")
    progressive: bool = False  # "we are preparing": an act under way
    present: bool = False  # "be" somewhere: "will be in Geneva", "will be there"
    # the whole subject, with what follows its head: "the adviser of the White House, Jake
    # Sullivan"
    subject_phrase: str = ""
    # a modal with "have": "should have agreed", "could not have won": a past that did
    # not happen, which asks, offers and refuses nothing
    counterfactual: bool = False
    word: str = ""  # as written ("prepared"), for reasons a reader can follow
    # who is to do an infinitive the parse hangs on an object: "Beijing" in "would like
    # Beijing to press Moscow"
    controller: str = ""
    object: str = ""  # the lemma of its one direct object: "time" in "will need time"
    # a clause or a complement of what the word is, not an act ("consider the deployment
    # to be a NATO presence", "regard it as hostile")
    complement: bool = False


@dataclass(frozen=True)
class Predicate:
    """One main predicate of a quote's content: its chain, subject and voice."""

    steps: tuple[Step, ...]
    passive: bool
    leads: bool = True  # no verb of the quote comes before it: the main clause
    reported_by: str = ""  # who the quote says said it ("Merz has stated that ..."), if anyone

    @property
    def subject(self) -> str:
        """The subject of the chain's first step that has one, "" when none has."""
        return next((step.subject for step in self.steps if step.subject), "")

    @property
    def subject_phrase(self) -> str:
        """The whole subject phrase of the step ``subject`` comes from."""
        return next((step.subject_phrase for step in self.steps if step.subject), "")


@dataclass(frozen=True)
class Clause:
    predicates: tuple[Predicate, ...] = ()
    # words someone is reported inside the quote to have said, with who said them, as
    # written: ("Merz", "that Germany must prepare for war") in "Merz has stated that
    # Germany must prepare for war"; the stance stage decides whose side that is
    reported: tuple[tuple[str, str], ...] = ()


def read_clause(doc: Doc, spans: Iterable[tuple[int, int]]) -> Clause:
    """The main predicates of the quote covering the character ``spans`` of ``doc``."""
    tokens: list[Token] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens += list(span)
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if _is_head(t, inside)]
    verbs = [t.i for t in tokens if t.pos_ in ("VERB", "AUX")]
    predicates = []
    for head in heads[:MAX_PREDICATES]:
        found = _predicate(head, inside)
        subordinate = {t.i for c in head.children if c.dep_ == "advcl" for t in c.subtree}
        own = {c.i for c in head.children} | subordinate
        leads = not any(i < head.i and i not in own for i in verbs)
        predicates.append(replace(found, leads=leads, reported_by=_reporter(head, inside)))
    reported = (
        (reporter, _words(t for t in c.subtree if t.i in inside))
        for c in tokens
        if (reporter := _reported_within(c, inside))
    )
    return Clause(tuple(predicates), tuple(reported))


def _is_head(token: Token, inside: set[int]) -> bool:
    """A main-clause predicate of the quote: its head lies outside the quote, or it is
    joined (and, a that-clause, a clause after a colon or comma) to such a predicate."""
    if token.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if token.pos_ == "ADJ" and not any(c.dep_ in SUBJECTS for c in token.children):
        return False
    if _asked_whether(token):
        return False
    if token.head.i not in inside or token.head.i == token.i:
        return True
    if token.dep_ in MAIN_LINKS and any(c.dep_ in SUBJECTS for c in token.children):
        return _is_head(token.head, inside)
    if _what_there_is(token) and token.head.head.i in inside:
        return _is_head(token.head.head, inside)
    return token.dep_ == "conj" and token.pos_ == "VERB" and _is_head(token.head, inside)


def _what_there_is(token: Token) -> bool:
    """The that-clause of what "there is" ("there is an understanding that this meeting
    will take place soon", "there is hope that the talks will resume"): the quote's
    content, as a clause after "it is clear" is."""
    noun = token.head
    return (
        noun.lemma_.lower() in default_cues().shared_views
        and token.dep_ == "acl"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
        and any(c.dep_ in SUBJECTS for c in token.children)
        and noun.dep_ == "attr"
        and any(c.dep_ == "expl" for c in noun.head.children)
        # not what there is none of: "there is no sign that we will withdraw"
        and not any(c.lower_ in ("no", "not", "n't", "never") for c in noun.children)
        and not any(c.dep_ == "neg" for c in noun.head.children)
    )


def _reporter(token: Token, inside: set[int]) -> str:
    """Who is reported inside the quote to have said the clause of ``token``, or of the
    clause it is joined to ("X was told that A, and B")."""
    while token.dep_ == "conj" and token.head.i in inside and token.head.i != token.i:
        token = token.head
    return _reported_within(token, inside)


def _reported_within(token: Token, inside: set[int]) -> str:
    """Who is reported inside the quote to have said the clause ``token`` heads ("Merz"
    in "Merz has stated that Germany must prepare for war", in Lavrov's words), or "".
    Not words before their cue ("X is not acceptable, Ushakov said, BTA reported": the
    cue of the quote's own speaker), nor "I" or "we"."""
    head = token.head
    if token.dep_ != "ccomp" or head.i not in inside or head.i > token.i:
        return ""
    if head.lemma_.lower() not in default_cues().saying_verbs:
        return ""
    if any(c.dep_ == "nsubjpass" for c in head.children):
        return SOMEONE  # "Zelensky had been told that ...": the subject heard it
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in ("i", "we"):
        return ""
    return _phrase(subjects[0], inside, False)


def _asked_whether(token: Token) -> bool:
    """A clause that asks or leaves open whether something happens ("we don't know if
    they will show up", "premature to discuss ... or if Putin might attend"): nobody
    offers or is asked its act. Not a condition ("if Russia withdraws, we will talk")."""
    return any(
        c.dep_ == "mark" and (c.lower_ == "whether" or (c.lower_ == "if" and token.dep_ != "advcl"))
        for c in token.children
    )


def _predicate(head: Token, inside: set[int]) -> Predicate:
    steps: list[Step] = []
    passive = False
    token: Token | None = head
    while token is not None and len(steps) < 6:
        passive = passive or any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        steps.append(_step(token, inside))
        chain = [
            c
            for c in token.children
            if c.dep_ in CHAIN and c.i in inside and c.i > token.i and not _asked_whether(c)
        ]
        if (
            len(chain) > 1
            and chain[0].pos_ == "ADJ"
            and chain[1].dep_ == "xcomp"
            and not _chained(chain[0], inside)
        ):
            # "it is necessary to study": the parse hangs the infinitive on "is", beside
            # the adjective; it continues the adjective's chain
            steps.append(_step(chain[0], inside))
            chain = chain[1:]
        token = chain[0] if chain else None
    return Predicate(tuple(steps), passive)


def _chained(token: Token, inside: set[int]) -> bool:
    return any(c.dep_ in CHAIN and c.i in inside and c.i > token.i for c in token.children)


def _step(token: Token, inside: set[int]) -> Step:
    modals = tuple(c.lemma_.lower() for c in token.children if c.tag_ == "MD")
    progressive = token.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in token.children
    )
    return Step(
        token.lemma_.lower(),
        modals,
        _negated(token),
        token.pos_ == "ADJ",
        _subject(token, inside),
        progressive,
        token.lemma_ == "be" and _somewhere(token),
        _subject(token, inside, whole=True),
        bool(set(modals) & COUNTERFACTUAL_MODALS) and (_perfect(token) or _if_i_thought(token)),
        token.text.lower(),
        _controller(token, inside),
        _sole_object(token),
        _complement(token),
    )


def _complement(token: Token) -> bool:
    """Whether the word has an object's complement: what something is judged to be
    ("consider X to be Y", "consider X Y", "regard X as Y"; "consider any such deployment
    unacceptable", whose adjective the parse makes the object). Not a question
    ("would consider whether to send a delegation", "what Russia proposes")."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    as_what = any(g.dep_ == "prep" and g.lower_ == "as" for o in objects for g in o.children)
    return as_what or any(  # "as" on the object: "consider such a deployment as a presence"
        (c.dep_ == "ccomp" and c.lemma_ == "be" and any(g.dep_ in SUBJECTS for g in c.children))
        or c.dep_ == "oprd"
        or (c.dep_ == "prep" and c.lower_ == "as")
        or (c.dep_ == "dobj" and c.pos_ == "ADJ")
        for c in token.children
    )


def _controller(token: Token, inside: set[int]) -> str:
    """The object before an infinitive that has no subject of its own: who is to act."""
    if token.dep_ != "xcomp" or any(c.dep_ in SUBJECTS for c in token.children):
        return ""
    objects = [c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i]
    return _phrase(objects[-1], inside, False) if objects and objects[-1].i in inside else ""


def _subject(token: Token, inside: set[int], whole: bool = False) -> str:
    """The subject's noun phrase up to its head (or ``whole``), conjuncts joined by " and "."""
    for child in token.children:
        if child.dep_ in SUBJECTS and child.i in inside:
            return _phrase(child, inside, whole)
    if token.dep_ == "conj" and token.head.i in inside:
        return _subject(token.head, inside, whole)
    lost = _lost_subject(token, inside)
    if lost is not None:  # "told reporters [Lavrov and Ushakov] would fly": the parse's object
        return _phrase(lost, inside, whole)
    return ""


def _phrase(subject: Token, inside: set[int], whole: bool) -> str:
    """A subject's words: all of them (``whole``), or each conjunct up to its head."""
    if whole:
        return _words(t for t in subject.subtree if t.i in inside).strip(" ,;:-—")
    heads = [subject, *(c for c in subject.conjuncts if c.i in inside)]
    return " and ".join(
        _words(t for t in head.subtree if t.i <= head.i and t.i in inside) for head in heads
    )


def _lost_subject(token: Token, inside: set[int]) -> Token | None:
    """The subject the parse took for the cue's object: a clause of the cue with no subject
    of its own, after an object of the same cue that lies in the reported words (the
    last such object)."""
    if token.dep_ != "ccomp" or token.head.i in inside:
        return None
    objects = [
        c for c in token.head.children if c.dep_ == "dobj" and c.i in inside and c.i < token.i
    ]
    return objects[-1] if objects else None


def _words(tokens: Iterable[Token]) -> str:
    """Tokens as written ("South Africa’s envoy", not "South Africa ’s envoy")."""
    return "".join(t.text_with_ws for t in tokens).strip()


def _sole_object(token: Token) -> str:
    """The lemma of the word's one direct object ("time" in "will need time"; "sanction"
    in "an 18th package of sanctions", a part of them); "" when it has none, several
    ("time and air defence") or "no" one ("has no plan")."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if len(objects) != 1 or any(
        c.dep_ == "conj" or (c.dep_ == "det" and c.lower_ == "no") for c in objects[0].children
    ):
        return ""
    head = objects[0]
    if head.lemma_.lower() in PARTITIVES:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        what = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        head = what if what is not None else head
    return head.lemma_.lower()


# Nouns that name a part or batch of what follows their "of".
PARTITIVES = frozenset(["package", "set", "series", "round", "batch", "list", "raft"])


def _if_i_thought(token: Token) -> bool:
    """A belief supposed in the past tense ("if I thought Putin did not want peace, I
    would not be talking about it"): the main clause says what does not happen."""
    return any(
        c.dep_ == "advcl"
        and c.tag_ == "VBD"
        and c.lemma_.lower() in BELIEFS
        and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
        for c in token.children
    )


def _perfect(token: Token) -> bool:
    """A perfect: "have" as an auxiliary of a past participle ("have invaded")."""
    return token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children
    )


def _somewhere(token: Token) -> bool:
    """Whether "be" places its subject: "in Geneva", "at the talks", "there"."""
    return any(
        (c.dep_ == "prep" and c.lower_ in ("in", "at")) or c.lower_ in ("there", "here")
        for c in token.children
    )


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in token.children if c.i < token.i + 3):
        return True
    if any(  # "would no longer demand", "will no more accept"; not "will no doubt accept"
        c.lower_ in ("longer", "more") and any(n.lower_ == "no" for n in c.children)
        for c in token.children
        if c.i < token.i
    ):
        return True
    return any(
        c.dep_ in SUBJECTS and any(t.lower_ in ("no", "nobody", "nothing") for t in c.subtree)
        for c in token.children
    )
