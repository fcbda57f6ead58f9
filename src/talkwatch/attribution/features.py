"""Features of a candidate cue verb, shared by the learned model and its training script.

Every feature is a string read off the spaCy parse that the pipeline makes
anyway (lemma, tag, dependency arcs, entity types, nearby quotation marks),
so the learned cue model adds no second encoder. `scripts/train_attribution.py`
computes the same features on PolNeAR's training split.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

QUOTE_MARKS = frozenset('"“”„«»')
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
COMPLEMENTS = ("ccomp", "xcomp", "dobj", "prep", "advcl", "parataxis", "dative", "agent")


def is_candidate(token: Token) -> bool:
    """Verbs (and the auxiliaries spaCy tags as heads) can cue an attribution."""
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT")


def cue_features(token: Token, quoted: Callable[[Token], bool]) -> list[str]:
    """The feature strings of one candidate cue verb."""
    lemma = token.lemma_.lower()
    children = list(token.children)
    deps = {c.dep_ for c in children}
    subject = next((c for c in children if c.dep_ in SUBJECTS), None)
    feats = [
        "bias",
        f"lemma={lemma}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lemma_tag={lemma}|{token.tag_}",
        f"lemma_dep={lemma}|{token.dep_}",
        # A root's own lemma: spaCy tokens are never identical objects, so the "ROOT"
        # branch never runs. The shipped weights were learned so; fix it only with a
        # retrained model (scripts/train_attribution.py).
        f"head={token.head.lemma_.lower() if token.head is not token else 'ROOT'}",
        f"head_pos={token.head.pos_}",
        f"quoted={quoted(token)}",
    ]
    for dep in COMPLEMENTS:
        if dep in deps:
            feats += [f"has={dep}", f"lemma_has={lemma}|{dep}"]
    for c in children:
        if c.dep_ == "prep":
            feats.append(f"prep={lemma}|{c.lower_}")
        elif c.dep_ in ("aux", "auxpass"):
            feats.append(f"aux={c.lower_}")
        elif c.dep_ == "neg":
            feats.append("neg")
        elif c.dep_ in ("prt", "advmod"):
            feats.append(f"mod={lemma}|{c.lower_}")
        elif c.dep_ == "ccomp":
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), "-")
            feats.append(f"ccomp_mark={mark}")
    if subject is None:
        feats.append("subj=none")
    else:
        kind = subject.ent_type_ or subject.pos_
        feats += [
            f"subj_kind={kind}",
            f"subj_lemma={subject.lemma_.lower()}",
            f"lemma_subj={lemma}|{kind}",
            f"subj_dep={subject.dep_}",
            f"subj_quoted={quoted(subject)}",
        ]
    feats += _neighbours(token, quoted)
    if token.sent.text.rstrip().endswith("?"):
        feats.append("question")
    return feats


def lexical_features(token: Token, quoted: Callable[[Token], bool]) -> list[str]:
    """The baseline design: the word, its tag and its neighbours, no dependency arcs."""
    lemma = token.lemma_.lower()
    doc = token.doc
    feats = ["bias", f"lemma={lemma}", f"tag={token.tag_}", f"lemma_tag={lemma}|{token.tag_}"]
    for offset in (-2, -1, 1, 2):
        at = token.i + offset
        word = doc[at].lower_ if 0 <= at < len(doc) else "<s>"
        feats += [f"w{offset}={word}", f"lemma_w{offset}={lemma}|{word}"]
    return [*feats, f"quoted={quoted(token)}", *_quote_near(token, quoted)]


def object_features(verb: Token, obj: Token) -> list[str]:
    """The feature strings of a cue verb's direct object: is it what was said?

    "stressed the need for talks" reports a statement; "added a caveat" or
    "published an article" names a thing. Read off the same parse.
    """
    lemma = verb.lemma_.lower()
    head = obj.lemma_.lower()
    kind = obj.ent_type_ or obj.pos_
    subtree = list(obj.subtree)
    size = len(subtree)
    feats = [
        "bias",
        f"verb={lemma}",
        f"obj={head}",
        f"obj_kind={kind}",
        f"verb_kind={lemma}|{kind}",
        f"verb_obj={lemma}|{head}",
        f"obj_tag={obj.tag_}",
        f"size={min(size, 8) if size < 8 else ('8-15' if size < 16 else '16+')}",
        f"first={subtree[0].lower_ if subtree[0].pos_ in ('DET', 'PRON') else subtree[0].pos_}",
        f"verb_tag={verb.tag_}",
    ]
    feats += [f"obj_has={c.dep_}" for c in obj.children]
    feats += [f"obj_prep={head}|{c.lower_}" for c in obj.children if c.dep_ == "prep"]
    if any(t.pos_ in ("VERB", "AUX") for t in subtree if t.i != obj.i):
        feats.append("clause_inside")
    feats += [f"verb_has={c.dep_}" for c in verb.children if c.dep_ not in ("dobj", "punct")]
    return feats


FEATURE_SETS: dict[str, Callable[[Token, Callable[[Token], bool]], list[str]]] = {
    "parse": cue_features,
    "lexical": lexical_features,
}


def _neighbours(token: Token, quoted: Callable[[Token], bool]) -> list[str]:
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return [
        f"prev={before.lower_ if before is not None else '<s>'}",
        f"next={after.lower_ if after is not None else '</s>'}",
        *_quote_near(token, quoted),
    ]


def _quote_near(token: Token, quoted: Callable[[Token], bool]) -> list[str]:
    """`quote_near` when a quotation mark or quoted word is within three tokens."""
    window = token.doc[max(0, token.i - 3) : token.i + 4]
    near = any(t.text in QUOTE_MARKS or quoted(t) for t in window if t.i != token.i)
    return ["quote_near"] if near else []
