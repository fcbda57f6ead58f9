"""Statements a text reports from before its own time, read from the parse.

"Russia had demanded that Kyiv withdraw", "a day earlier, the White House had
said", "Zelensky has previously said he would meet Putin": each tells of a
position taken before the article, not one taken in it. Such a
statement is kept and scored like any other, but it does not set a side's
current stance nor make a shift on the day of the article that recalls it
(``analysis``). ``marker`` returns the words that place it earlier, for the
statement's ``earlier`` field, or "" when none do:

- the cue in the past perfect ("had demanded", "had said", "had been demanding");
- the cue with an adverb of an earlier time ("previously", "formerly", "once",
  "in the past") or an earlier period ("last week", "earlier this month");
- the reported act placed earlier in so many words ("Ukraine has previously
  demanded a ceasefire, Sybiha said", "Russia had earlier rejected ...");
- the cue or the reported act placed in a year or month before the text's ("In
  2022, Moscow demanded ...", "said that in March 2022 Russia had offered ..."),
  in the past tense with no modal ("would return to the situation in 2021" is
  today's refusal, "will be signed in April" is ahead); "in March" alone only on
  the saying ("said in January") or a past perfect.

Not the reported words' tense alone: "said Kyiv had refused to sign" is "Kyiv has
refused" told in the past, today's news. Nor "has long demanded" (a position
still held) or "said earlier on Monday" (the same news day). A statement its own
sentence dates ("on March 3, Russia had demanded") has its place in the order
already and is not marked (``pipeline``). Where a side has only recalled
statements on an issue, they still say where it stood.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token

from .dates import MONTHS
from .records import Span

EARLIER_ADVERBS = frozenset({"previously", "formerly", "once"})
PERIODS = frozenset({"week", "month", "year", "spring", "summer", "autumn", "fall", "winter"})


def marker(
    doc: Doc, cue: Span | None, today: str | None = None, quoted: Sequence[Span] = ()
) -> str:
    """The words that place a statement before its text's time (``today``, the text's
    date, when known), "" when none do. ``quoted`` are the statement's own words."""
    verb = _cue_verb(doc, cue)
    if verb is None:
        return ""
    day = _day(today)
    on_cue = _perfect(verb) or _earlier_adverb(verb) or _earlier_period(verb)
    if found := on_cue or _before(verb, day, said=True):
        return found
    # "Ukraine has previously demanded a ceasefire, Sybiha said": the reported act is
    # placed earlier in so many words (not by its tense alone)
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
        dated = "" if _also_now(clause, quoted) else _before(clause, day)
        if found := _earlier_adverb(clause) or _earlier_perfect(clause) or dated:
            return found
        if found := _period_after_cue(verb, clause):
            return found
    return ""


def _also_now(clause: Token, quoted: Sequence[Span]) -> bool:
    """ "Russia invaded in 2022 and must now withdraw": a joined verb of the same subject,
    among the statement's own words, with a modal, in the present or with "now" speaks
    of today, whatever year the first one names (not one that is a statement of its own,
    nor "Moscow signed it in 1994 and Kyiv now wants ...")."""
    for joined in (c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in joined.children)
        if own or not any(s.start <= joined.idx < s.end for s in quoted):
            continue
        words = [c for c in joined.children if c.dep_ in ("aux", "advmod")]
        if joined.tag_ in ("VBZ", "VBP") or any(w.tag_ == "MD" or w.lower_ == "now" for w in words):
            return True
    return False


def _period_after_cue(verb: Token, clause: Token) -> str:
    """ "Zelensky said last year he would accept ...": a period right after the cue,
    before the reported clause's subject, dates the saying, though the parse hangs it
    on the clause."""
    period = _period(clause)
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if period is None or not subjects:
        return ""
    start = period.left_edge.i
    return _words(period) if verb.i < start < subjects[0].left_edge.i else ""


def _day(today: str | None) -> date | None:
    try:
        return date.fromisoformat(today) if today else None
    except ValueError:
        return None


def _before(verb: Token, today: date | None, said: bool = False) -> str:
    """ "in 2022", "in March 2022", "during 2023": a year or month before ``today``'s,
    on a verb in the past tense with no modal and not in the passive ("demanded in
    2022"; not "would return to the situation in 2021", "will be signed in April").
    A month alone ("in January") only on the saying itself (``said``) or a past
    perfect ("had offered in January"): "the talks were in April" may be ahead. Not
    "since 2022": a position held since then."""
    if today is None or not _past_act(verb):
        return ""
    # "in 2022", or "back in 2022" (the parse hangs "in" on "back")
    heads = [verb, *(c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "back")]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
        if prep.lower_ not in ("in", "during"):
            continue
        named = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if named is None:
            continue
        years = [y for t in (named, *named.conjuncts) if (y := _year(t))]
        month = _month(named)
        if month is not None:
            years = [y for c in named.children if (y := _year(c))]
        if month is None:
            earlier = bool(years) and max(years) < today.year
        elif years:
            earlier = (max(years), month) < (today.year, today.month)
        else:
            earlier = (said or bool(_perfect(verb))) and month != today.month
        if earlier:
            start = prep.head if prep.head.i != verb.i else prep
            return prep.doc[start.i : prep.right_edge.i + 1].text
    return ""


def _past_act(verb: Token) -> bool:
    """A verb in the past tense, not in the passive and with no modal (a modal is what
    the tagger calls one, as ``speech_act`` reads them)."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    return not any(c.dep_ == "auxpass" or c.tag_ == "MD" for c in verb.children)


def _month(token: Token) -> int | None:
    """The month a capitalised name with no determiner names ("March", not "a march")."""
    if not token.text[:1].isupper() or any(c.dep_ == "det" for c in token.children):
        return None
    return MONTHS.get(token.lower_.rstrip("."))


def _year(token: Token) -> int | None:
    text = token.text
    if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20"):
        return int(text)
    return None


def _earlier_perfect(verb: Token) -> str:
    """ "had earlier rejected": a past perfect that says "earlier" too."""
    said = any(c.dep_ == "advmod" and c.lower_ == "earlier" for c in verb.children)
    return f"earlier {verb.text}" if said and _perfect(verb) else ""


def _earlier_period(verb: Token) -> str:
    """ "last week", "last month", "earlier this year": a period before the text's."""
    period = _period(verb)
    return _words(period) if period is not None else ""


def _period(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ != "npadvmod" or child.lower_ not in PERIODS:
            continue
        words = {c.lower_ for c in child.children}
        if "last" in words or ("earlier" in words and "this" in words):
            return child
    return None


def _words(token: Token) -> str:
    return " ".join(t.text for t in token.subtree)


def _cue_verb(doc: Doc, cue: Span | None) -> Token | None:
    if cue is None:
        return None
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None:
        return None
    return next((t for t in span if t.pos_ in ("VERB", "AUX")), None)


def _perfect(verb: Token) -> str:
    """ "had demanded", "had been demanding": the auxiliary "had" (not "has", "have")
    with a past participle, or with "been" and a present participle."""
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    had = next((c for c in auxiliaries if c.lower_ in ("had", "'d")), None)
    if had is None:
        return ""
    if verb.tag_ == "VBN":
        return f"{had.text} {verb.text}"
    if verb.tag_ == "VBG" and any(c.lower_ == "been" for c in auxiliaries):
        return f"{had.text} been {verb.text}"
    return ""


def _earlier_adverb(verb: Token) -> str:
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in EARLIER_ADVERBS:
            following = child.nbor(1).lower_ if child.i + 1 < len(child.doc) else ""
            if following not in ("again", "more"):  # "once again": said anew
                return child.text
        if child.dep_ == "prep" and child.lower_ == "in":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and objects[0].lower_ == "past":
                return "in the past"
    return ""
