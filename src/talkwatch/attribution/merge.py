"""The findings of all passes merged: overlaps dropped, mentions and sentences added.

Pronoun speakers are linked to the person named as the subject of a sentence since the
last statement, else to the most recent speaker before them.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..records import Attribution, Mention, Span
from .gender import feminine, for_pronoun
from .mentions import OWNERS, Mentions, appositive_name
from .run import Found

# Entity types of a sentence subject "he" or "she" can stand for: a person, or a name
# spaCy gave no type ("Zelenskyy"). Not organisations, though the small model tags some
# surnames so ("Lavrov met Rubio"): letting them in gave "he" to "the Kremlin" and
# "NBC News" more often than to the minister.
SUBJECT_PERSON_TYPES = ("PERSON", "")
# Who "they" or "its" can stand for: people, institutions, countries, nationalities.
ENTITY_KINDS = ("PERSON", "ORG", "GPE", "NORP")


# Cues of a report that relays someone else's words ("..., Ukrinform reports", "...,
# the portal adds", "..., the newspaper writes"), and the plain verbs of saying whose
# speaker then owns the statement. Relaying by any cue, or
# inner cues such as "requested" or "accepted", cost precision on every corpus
# (docs/quality.md, eleventh session); "told" is left out, whose addressee the parse
# often puts in the words ("told Putin Russia was ready").
RELAY_CUES = frozenset(["report", "add", "write"])
PLAIN_SAYING = frozenset(
    ["say", "state", "add", "announce", "declare", "claim", "stress", "note", "write", "explain"]
)


def without_relays(found: list[Found], text: str) -> list[Found]:
    """Without what relays a whole attribution: in "Kuleba said X, Ukrinform reports" the
    statement is Kuleba's, whose speaker, cue and words are all that Ukrinform reports. Not
    a report that says more ("the WSJ reported that Witkoff flew to Moscow because Putin
    had said he was ready"): that stays the outlet's."""

    def relays(outer: Found, inner: Found) -> bool:
        start, end = outer.spans[0].start, outer.spans[-1].end
        if inner is outer or inner.cue not in PLAIN_SAYING or inner.subject is None:
            return False
        before = text[start : inner.subject.left_edge.idx].split()
        return (
            before in ([], ["that"])  # the relayed speaker opens what is reported ...
            and inner.spans[0].start >= start
            and 0 <= end - inner.spans[-1].end <= 2  # ... and their words close it
        )

    return [f for f in found if f.cue not in RELAY_CUES or not any(relays(f, g) for g in found)]


def without_overlaps(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for item in found:
        start, end = item.spans[0].start, item.spans[-1].end
        if any(
            k.spans[0].start < end and start < k.spans[-1].end and _overlap(k, start, end) > 0.5
            for k in kept
        ):
            continue
        kept.append(item)
    return kept


def _overlap(kept: Found, start: int, end: int) -> float:
    k_start, k_end = kept.spans[0].start, kept.spans[-1].end
    shared = min(end, k_end) - max(start, k_start)
    return shared / max(1, min(end - start, k_end - k_start))


def finish(
    run: Mentions, found: list[Found], sections: list[tuple[str, int, int]]
) -> list[Attribution]:
    """Give every finding its mention (pronouns linked back) and sentence span."""
    out: list[Attribution] = []
    last: Mention | None = None  # the latest speaker
    # the speakers "he" or "she" can stand for, latest last, each with whether a woman
    people: list[tuple[Mention, bool]] = []
    last_end = 0  # where the latest finding ends
    last_cue: Token | None = None  # and its cue
    sentences = list(run.doc.sents)
    starts = [s.start_char for s in sentences]
    surnames = _surnames(run)
    section = "body"
    for item in found:
        if run.section_at(item.spans[0].start) != section:
            section = run.section_at(item.spans[0].start)
            last, people = None, []  # a commenter's "he" is not the article's last speaker
            last_end = item.spans[0].start
        mention = item.mention or (
            run.mention_of(item.subject) if item.subject is not None else None
        )
        if mention is None:
            continue
        if mention.kind == "pronoun":
            singular = mention.text.lower() in ("he", "she", "him", "her")
            antecedent = _named(last)
            if singular:  # "Zelenskyy reached out to Moscow. He demanded ...": the subject since
                named = _person_in_sentence(run, item, mention, surnames) or _subject_between(
                    run, sentences, starts, last_end, mention.span.start, surnames, last_cue, item
                )
                named, latest = for_pronoun(run.cues, mention.text, named, people)
                antecedent = named or _named(latest)
            owner = mention.text.split()[0].lower()
            if owner in OWNERS:  # "Its statement said": the subject before, or nobody
                antecedent = _subject_before(run, sentences, starts, mention.span.start, owner)
            else:
                antecedent = antecedent or _entity_before(run, mention.span.start, singular)
            mention = replace(mention, antecedent=antecedent)
        if _personal(run, item.subject, mention, surnames):
            people.append((mention, feminine(run.cues, mention)))
        last = mention
        last_cue = item.cue_token
        last_end = max(last_end, item.spans[-1].end, mention.span.end)
        item.mention = mention
        out.append(_attribution(run, item, mention, sections))
    return out


def _surnames(run: Mentions) -> frozenset[str]:
    """The last words of the people the document names: its PERSON entities, and the
    names after a title, which the tagger may read as an organisation ("German
    Chancellor Olaf Scholz")."""
    found = {e[-1].text for e in run.doc.ents if e.label_ == "PERSON"}
    for token in run.doc:
        if token.lower_ not in run.cues.person_nouns:
            continue
        names = []
        for after in run.doc[token.i + 1 : token.i + 4]:
            if after.pos_ != "PROPN" or not after.text[:1].isupper():
                break
            names.append(after)
        if len(names) >= 2:  # a given name and a surname
            found.add(names[-1].text)
    return frozenset(found)


# Heads that name a person in a cue's subject though not always elsewhere ("the source
# of the leak"): "a foreign ministry source said ... he added".
PERSON_SOURCES = frozenset(["source"])
NOT_PEOPLE = ("GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW")


def _personal(
    run: Mentions, subject: Token | None, mention: Mention, surnames: frozenset[str]
) -> bool:
    """Whether "he" or "she" can stand for the mention: a person's name (also a
    surname the tagger reads as an ORG), a pronoun, or a description of a person
    ("the deputy head"), not an institution, "an interview" nor a place."""
    if mention.kind == "pronoun" or subject is None:
        return True
    if subject.ent_type_ == "PERSON" or subject.text in surnames:
        return True
    if mention.kind == "institution":
        return False
    if subject.ent_type_ in NOT_PEOPLE:
        return False
    if mention.kind == "name" and subject.pos_ == "PROPN":
        return True
    if subject.lower_ in PERSON_SOURCES:  # "a foreign ministry source said ... he added"
        return True
    return any(t.lemma_.lower() in run.cues.person_nouns for t in run.core_tokens(subject))


def _subject_before(
    run: Mentions, sentences: list[SpacySpan], starts: list[int], offset: int, owner: str
) -> Mention | None:
    """The institution or country (for "their", also a person) the sentence before
    ``offset``'s sentence has as its only subject: whom "its" or "their" stands for in
    "Russia handed Ukraine a memorandum. Its memorandum calls for ...". Not a subject of
    several ("Zelensky and Macron met. Their statement ..."), nor a place."""
    at = bisect.bisect_right(starts, offset) - 1
    if at < 1 or run.section_at(sentences[at - 1].start_char) != run.section_at(offset):
        return None
    kinds = ENTITY_KINDS if owner == "their" else ("ORG", "GPE", "NORP")
    root = sentences[at - 1].root
    for child in root.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if any(c.dep_ == "conj" for c in child.children):
            return None  # "Witkoff and Putin met": several, whose joint text is neither's
        for ent in run.doc.ents:
            if ent.start <= child.i < ent.end and ent.label_ in kinds:
                kind = "name" if ent.label_ == "PERSON" else "institution"
                return Mention(ent.text, Span(ent.start_char, ent.end_char), kind)
    return None


def _entity_before(run: Mentions, offset: int, singular: bool) -> Mention | None:
    """The person (or, for "they", the group or country) named last before ``offset``
    in the same section: who a reader takes a pronoun for when nobody was quoted yet.
    Not a name that only qualifies a noun ("Putin-Zelensky peace talks", "the Trump
    plan"): "Readers split over Trump's push for Putin-Zelensky talks. He later
    confirmed ..." is Trump."""
    kinds = ("PERSON",) if singular else ENTITY_KINDS
    section = run.section_at(offset)
    for ent in reversed([e for e in run.doc.ents if e.end_char <= offset]):
        if run.section_at(ent.start_char) != section:
            return None
        qualifies = ent.root.dep_ in ("compound", "amod") and ent.root.head.i >= ent.end
        if ent.label_ in kinds and not qualifies and not run.in_quotation(ent[0]):
            kind = "name" if ent.label_ == "PERSON" else "institution"
            return Mention(ent.text, Span(ent.start_char, ent.end_char), kind)
    return None


def _subject_between(
    run: Mentions,
    sentences: list[SpacySpan],
    starts: list[int],
    start: int,
    end: int,
    surnames: frozenset[str] = frozenset(),
    last_cue: Token | None = None,
    item: Found | None = None,
) -> Mention | None:
    """The person named as the subject of the last sentence wholly between ``start``
    and ``end`` (the last finding and the pronoun): the one a reader takes "he" for.
    ``starts`` are the sentences' start offsets, for bisection; ``surnames`` the last
    words of the people the document names; ``last_cue`` the last finding's cue, whose
    conjoined clause may name someone new after it; ``item`` the pronoun's finding,
    whose reported words' own subject is not the speaker ('Macron "continues to talk
    about it. This is dangerous," he added')."""
    content = [(span.start, span.end) for span in item.spans] if item is not None else []
    first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    for sentence in reversed(sentences[first:last]):
        if sentence.end_char > end:
            # the pronoun's own sentence: the subject of a clause a colon closes before the
            # quotation ("Now, the Hungarian prime minister arrives in Moscow: “...,” he
            # says"); not the subject the quotation itself goes on about ('Putin "is not
            # interested in peace," he said')
            subject = next(
                (
                    t
                    for t in sentence
                    if t.dep_ == "nsubj"
                    and t.idx >= start
                    and t.idx + len(t.text) < end
                    and t.pos_ != "PRON"
                    and not run.in_quotation(t)
                    and _colon_before_quotation(run, sentence, t, end)
                ),
                None,
            )
        else:
            # of two subjects the nearer: "chief of staff Andriy Yermak welcomed the plan"
            # parsed with both "chief" and "Yermak" as subjects
            subjects = [t for t in sentence.root.lefts if t.dep_ == "nsubj"]
            subject = subjects[-1] if subjects else None
        if subject is None or run.in_quotation(subject):
            continue
        if any(a <= subject.head.idx < b for a, b in content):
            continue
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if subject.pos_ == "NOUN" and owner is not None and owner.ent_type_ == "PERSON":
            return _name_of(run, owner)  # "Putin's answer was a masterpiece. He said ..."
        named = appositive_name(subject) if subject.ent_type_ != "PERSON" else None
        if named is not None:  # "The chief of staff ..., Andriy Yermak, signaled ..."
            at, to = named[0].idx, named[-1].idx + len(named[-1].text)
            return Mention(run.text[at:to], Span(at, to), "name")
        if _person_description(run, subject):  # "Now, the Hungarian prime minister arrives"
            core = run.core_tokens(subject)
            at, to = core[0].idx, core[-1].idx + len(core[-1].text)
            return Mention(run.text[at:to], Span(at, to), "descriptor")
        if subject.pos_ != "PROPN":
            continue
        if subject.ent_type_ not in SUBJECT_PERSON_TYPES and subject.text not in surnames:
            continue  # the tagger reads a repeated surname as an ORG: "Lavrov made it clear"
        return _name_of(run, subject)
    if last_cue is None:
        return None
    # the last clause joined to the last finding's cue, when a person of its own is its
    # subject: "X wrote that A, but Medvedev went much further. He called ..."; not when
    # it goes on about the speaker ("..., and she was switching off the television")
    joined = [c for c in last_cue.conjuncts if c.i > last_cue.i and c.idx >= start]
    subjects = [t for c in joined for t in c.children if t.dep_ == "nsubj"]
    if not subjects:
        return None
    latest = max(subjects, key=lambda t: t.i)
    person = latest.pos_ == "PROPN" and latest.ent_type_ == "PERSON"
    return _name_of(run, latest) if person else None


def _person_in_sentence(
    run: Mentions, item: Found, pronoun: Mention, surnames: frozenset[str]
) -> Mention | None:
    """The person the pronoun's own sentence names before it as the subject of a
    clause or its owner, the nearest first ("Orban has kept in touch with Putin, and he
    has called for a ceasefire"; "While Kuleba spoke of a summit, he also said";
    "Zelensky's term expired, but he has refused"; not "Putin's spokesman was silent,
    but she said"), else as the owner of what was said on the pronoun's own verb ("In
    Orban's statement, he said"; not "after examining Clinton's leg, she insisted", nor
    "In response to Zelensky's offer, he said"). Not a person inside the reported
    words, inside a quotation, or in a clause someone else reports ("Peskov said
    Zelensky was not ready, and he added")."""
    at = pronoun.span.start
    found = run.doc.char_span(at, pronoun.span.end, alignment_mode="expand")
    if found is None:
        return None
    content = [(span.start, span.end) for span in item.spans]
    people = [
        token
        for token in found[0].sent
        if token.idx < at
        and token.pos_ == "PROPN"
        and (token.ent_type_ == "PERSON" or token.text in surnames)
        and not run.in_quotation(token)
        and not any(a <= token.idx < b for a, b in content)
        # nor in a clause a verb governs ("Peskov thinks Zelensky ..., and he added"); a
        # copula's is the parse's slip ("Sybiha was blunter still: Russia, he wrote, ...")
        and not any(t.dep_ == "ccomp" and t.head.pos_ == "VERB" for t in token.ancestors)
    ]
    verb = found[0].head
    subjects = ("nsubj", "nsubjpass")
    for token in reversed(people):  # "Zelensky's term expired, but he refused": the owner
        owned = token.head  # not "Putin's spokesman was silent, but she said"
        owner = token.dep_ == "poss" and owned.lower_ not in run.cues.person_nouns
        titled = token.dep_ == "appos" and owned.dep_ in subjects  # "Minister Andrii Sybiha"
        if token.dep_ in subjects or titled or (owner and owned.dep_ in subjects):
            return _name_of(run, token)
    for token in reversed(people):
        path = list(token.ancestors)
        said = token.head.lower_ in run.cues.container_nouns  # not "In response to X's offer"
        if token.dep_ == "poss" and said and verb in path:
            between = path[: path.index(verb)]
            if not any(t.pos_ in ("VERB", "AUX") for t in between):
                return _name_of(run, token)
    return None


def _name_of(run: Mentions, subject: Token) -> Mention:
    """The name's run of proper nouns: "Trump's envoy Steve Witkoff"."""
    words = [subject]
    while words[0].i > 0:
        before = run.doc[words[0].i - 1]
        joined = before.text == "-" and not before.whitespace_ and before.i > 0
        if before.pos_ != "PROPN" and not joined:  # "Ban Ki-moon"
            break
        words.insert(0, before)
    while words[0].text == "-":  # "pro-Putin": the name alone
        words.pop(0)
    at, to = words[0].idx, subject.idx + len(subject.text)
    return Mention(run.text[at:to], Span(at, to), "name")


def _colon_before_quotation(run: Mentions, sentence: SpacySpan, subject: Token, end: int) -> bool:
    """Whether a colon ends the subject's clause and a quotation follows it before
    ``end``."""
    for token in sentence:
        if token.i <= subject.i or token.idx >= end:
            continue
        if run.in_quotation(token):
            return False  # a quotation before any colon
        if token.text == ":":
            clause_ends = subject.head.i < token.i and subject.head.right_edge.i <= token.i
            quoted = any(run.in_quotation(u) for u in sentence if token.i < u.i and u.idx < end)
            return clause_ends and quoted
    return False


def _person_description(run: Mentions, subject: Token) -> bool:
    """A definite description of one person ("the Hungarian prime minister"), not a
    group ("the ministers"), an indefinite ("a diplomat") or a thing."""
    return (
        subject.pos_ == "NOUN"
        and subject.tag_ == "NN"
        and subject.lemma_.lower() in run.cues.person_nouns
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    )


def _named(mention: Mention | None) -> Mention | None:
    while mention is not None and mention.kind == "pronoun":
        mention = mention.antecedent
    return mention


def _attribution(
    run: Mentions, item: Found, mention: Mention, sections: list[tuple[str, int, int]]
) -> Attribution:
    first, last = item.spans[0].start, item.spans[-1].end
    if item.cue_token is not None:
        first = min(first, item.cue_token.idx)
        last = max(last, item.cue_token.idx + len(item.cue_token.text))
    start_tokens = run.doc.char_span(first, first + 1, alignment_mode="expand")
    end_tokens = run.doc.char_span(max(first, last - 1), last, alignment_mode="expand")
    sent_start = start_tokens[0].sent.start_char if start_tokens is not None else first
    sent_end = end_tokens[-1].sent.end_char if end_tokens is not None else last
    while sent_end > sent_start and run.text[sent_end - 1].isspace():
        sent_end -= 1
    cue_span = None
    if item.cue_token is not None:
        cue_span = Span(item.cue_token.idx, item.cue_token.idx + len(item.cue_token.text))
    section = "body"
    for name, start, end in sections:
        if start <= item.spans[0].start < end:
            section = name
    return Attribution(
        quote_spans=tuple(item.spans),
        kind=item.kind,
        speaker=mention,
        cue=item.cue,
        cue_span=cue_span,
        sentence_span=Span(sent_start, sent_end),
        section=section,
    )
