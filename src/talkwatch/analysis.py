"""Positions over time: what each side holds on each issue, and how it changed.

Everything here is a query over stored statements; nothing re-runs the
pipeline. Only statements of a negotiating side (party other than NONE) with
a position-taking stance (not ``assess``) count towards positions; a conditional
statement counts as a demand on an issue it names only in its condition, and a demand as
conditional on one it names only as coming after it (``stance_on``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from itertools import pairwise

from .issues import TALKS_BY_DEFAULT
from .records import POSITION_SECTION, Statement, has_side

POSITION_STANCES = ("demand", "offer", "accept", "reject", "conditional", "deny")
WALK_BACK_DAYS = 14

# Stances of two sides that fit together (one gives what the other asks) ...
COMPATIBLE = {
    frozenset({"demand", "offer"}),
    frozenset({"demand", "accept"}),
    frozenset({"demand", "conditional"}),
    frozenset({"offer", "accept"}),
    frozenset({"offer", "conditional"}),
    frozenset({"accept", "conditional"}),
    frozenset({"offer"}),
    frozenset({"accept"}),
}
# ... and stances that clash.
CLASHING = {
    frozenset({"demand", "reject"}),
    frozenset({"offer", "reject"}),
    frozenset({"accept", "reject"}),
    frozenset({"conditional", "reject"}),
    frozenset({"demand", "deny"}),
    frozenset({"demand"}),
}
# One side taking back what it gave: a walk-back when it happens quickly. In this
# direction only (a refusal turned into an offer is a concession), and not a demand
# followed by a refusal: stances are read without what they ask or refuse, and asking
# for something is often refusing its opposite ("insists that Ukraine renounce NATO
# membership", then "rejects any path to NATO membership": a shift of wording).
# A refusal turned into giving: a concession, whenever it comes.
CONCEDED = {("reject", "offer"), ("reject", "accept"), ("reject", "conditional")}
# Two stances of one line: the side gives either way, to its own proposal or another's
# ("ready to talk", then "ready to accept the U.S. proposal"): no shift between them.
ONE_LINE = {frozenset({"offer", "accept"})}
WALKED_BACK = {
    ("accept", "reject"),
    ("offer", "reject"),
    ("offer", "deny"),
    ("accept", "deny"),
}


@dataclass(frozen=True)
class Evidence:
    """One statement as evidence for a position."""

    statement_id: int
    date: str | None
    stance: str
    speaker: str
    source: str
    doc: str
    doc_id: str
    quote: str
    speaker_mention: str = ""  # the words the text named the speaker with
    # the words that recall it from before its text ("had demanded"), "" if none: such a
    # statement is history, not the stance of the day
    earlier: str = ""

    @classmethod
    def of(cls, st: Statement) -> Evidence:
        return cls(
            st.id or 0,
            st.date,
            st.stance,
            st.speaker,
            st.source,
            st.doc,
            st.doc_id,
            st.quote,
            st.speaker_mention,
            st.earlier,
        )


@dataclass(frozen=True)
class Position:
    party: str
    issue: str
    history: tuple[Evidence, ...]  # oldest first

    @cached_property
    def in_texts(self) -> tuple[Evidence, ...]:
        """The history without positions recalled from before their texts ("had refused")."""
        return tuple(e for e in self.history if not e.earlier)

    @property
    def taken(self) -> tuple[Evidence, ...]:
        """The positions taken in their texts, or all, when nothing else is known."""
        return self.in_texts or self.history

    @cached_property
    def texts(self) -> tuple[tuple[Evidence, ...], ...]:
        """The positions taken, by document, each document's in order, the documents in
        the order of their last statement (one text's statements can be dated apart:
        "on Monday", "on Thursday", with another text's between them)."""
        by_doc: dict[str, list[Evidence]] = {}
        for evidence in self.taken:
            by_doc.setdefault(evidence.doc_id, []).append(evidence)
        last = {e.doc_id: n for n, e in enumerate(self.taken)}
        return tuple(tuple(by_doc[d]) for d in sorted(by_doc, key=last.__getitem__))

    @property
    def current(self) -> Evidence:
        return stands_for(self.texts[-1])

    @property
    def support(self) -> tuple[Evidence, ...]:
        """The statements behind the current stance since it was last taken up: those
        of that stance in each text, back to the last text that held another."""
        stance = self.current.stance
        run: list[Evidence] = []
        for text in reversed(self.texts):
            if stands_for(text).stance != stance:
                break
            run += [e for e in reversed(text) if e.stance == stance]
        return tuple(reversed(run))

    @property
    def sourcing(self) -> str:
        """`strong` (named, 2+ documents), `named`, `anonymous`, or `single anonymous`."""
        support = self.support
        documents = len({e.doc_id for e in support})
        if any(e.source == "named" for e in support):
            return "strong" if documents >= 2 else "named"
        return "anonymous" if len(support) >= 2 else "single anonymous"


@dataclass(frozen=True)
class Shift:
    party: str
    issue: str
    before: Evidence
    after: Evidence

    @property
    def walk_back(self) -> bool:
        """The side took back an offer or an acceptance within a short window."""
        pair = (self.before.stance, self.after.stance)
        days = _days_between(self.before.date, self.after.date)
        return pair in WALKED_BACK and days is not None and days <= WALK_BACK_DAYS

    @property
    def concession(self) -> bool:
        """The side turned a refusal into an offer, an acceptance or a condition."""
        return (self.before.stance, self.after.stance) in CONCEDED


@dataclass(frozen=True)
class IssueStatus:
    issue: str
    status: str  # converging, contested or open
    positions: tuple[Position, ...]
    statements: int


def _days_between(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((date.fromisoformat(b) - date.fromisoformat(a)).days)


def _order(st: Statement) -> tuple[str, str, int]:
    return (st.date or "", st.doc_id, st.quote_spans[0].start if st.quote_spans else 0)


# Where the condition of a conditional statement begins: "elections could only be held
# once a ceasefire is in place", "we will accept a truce provided sanctions are lifted";
# not "if" that asks whether ("would decide if a ceasefire was possible"), nor "once"
# that counts ("would once again accept").
CONDITION = re.compile(
    r"\b(only (if|when|after|once|on condition|with|under)|unless|provided|providing|as long as|"
    r"on (the )?condition|as soon as|until|in exchange for|in return for|"
    r"(?<!decide )(?<!decides )(?<!decided )(?<!ask )(?<!asks )(?<!asked )(?<!know )"
    r"(?<!see )(?<!wonder )(?<!wondered )(?<!check )(?<!doubt )(?<!whether or )if|"
    r"(?<!would )(?<!will )(?<!could )(?<!can )(?<!did )(?<!at )once(?! again| more| before))\b",
    re.IGNORECASE,
)
# Words that may open a sentence before its condition: "But if Russia agrees, ..."
_OPENERS = frozenset(["but", "and", "so", "yet", "even", "then", "now", "however", "still"])


# What a demand comes before: "Russia must withdraw before any ceasefire is discussed";
# not "until" ("sanctions must stay until Russia agrees to a ceasefire": the ceasefire is
# what is asked), nor "before" that looks back ("as I said before, we demand ...").
FIRST_OF = re.compile(
    r"\b((before|prior to) (?=(any|a|an|the|its|their|our|his|her|this|that|these|those|"
    r"there|talks|negotiations|peace|elections|russia|ukraine|moscow|kyiv|sanctions|a)\b)|"
    r"as a (pre)?condition (for|of|to)\b)",
    re.IGNORECASE,
)


def condition_span(quote: str, marks: re.Pattern[str] = CONDITION) -> tuple[int, int] | None:
    """Where a quote's condition lies: from its mark to the end of the quote, or, for a
    condition that opens the sentence ("But if Russia agrees, we will ..."), to the comma
    that closes it; None when there is no condition, or no telling where it ends."""
    mark = marks.search(quote)
    if mark is None:
        return None
    before = re.findall(r"[a-z']+", quote[: mark.start()].lower())
    if all(word in _OPENERS for word in before):  # the condition comes first
        comma = quote.find(",", mark.end())
        return (mark.start(), comma) if comma > 0 else None
    return mark.start(), len(quote)


def stance_on(quote: str, stance: str, issue: str, evidence: Sequence[str]) -> str:
    """A statement's stance on one of its issues. Mostly its own; but a conditional
    statement is a demand on what it names only in its condition ("Kyiv would accept a
    neutral status if partners gave security guarantees": a demand of guarantees), and a
    demand is conditional on what it names only as coming after it ("Russia must
    withdraw before any ceasefire can be discussed": a ceasefire, once it has)."""
    if in_condition_only(quote, stance, issue, evidence):
        return "demand"
    if stance == "demand" and _named_only_in(quote, issue, evidence, FIRST_OF):
        return "conditional"
    return stance


def in_condition_only(quote: str, stance: str, issue: str, evidence: Sequence[str]) -> bool:
    """Whether a conditional statement names ``issue`` only in its condition: "Kyiv would
    accept a neutral status if partners gave security guarantees" is conditional on
    neutrality, and on security guarantees a demand (what the side asks of the others
    first), not a condition of its own. ``evidence`` is the statement's "issue: words"
    list; an issue whose words are not in the quote (taken from the sentence around it)
    is read as the statement's, as is every issue of a quote that is a condition alone."""
    return stance == "conditional" and _named_only_in(quote, issue, evidence, CONDITION)


def _named_only_in(
    quote: str, issue: str, evidence: Sequence[str], marks: re.Pattern[str]
) -> bool:
    """Whether the issue's words are all in the part of the quote ``marks`` opens, and
    none outside it."""
    span = condition_span(quote, marks)
    lowered = quote.lower()
    if span is None or (span[0] == 0 and span[1] == len(quote)):
        return False
    words = [e.split(": ", 1)[1].lower() for e in evidence if e.startswith(f"{issue}: ")]
    if not words or not all(w in lowered for w in words):
        return False
    inside = lowered[span[0] : span[1]]
    outside = lowered[: span[0]] + " " + lowered[span[1] :]
    return all(w in inside and w not in outside for w in words)


def on_the_issue(stance: str, issue: str, evidence: Sequence[str]) -> bool:
    """Whether a position-taking statement takes a position on this issue. A denial
    takes none on the talks when they are only the article's issue ("These reports are
    false", in an article about the talks) or the setting of what it denies ("a report
    that Kyiv had agreed to a territorial swap at the peace talks": a denial on
    territory)."""
    if stance != "deny" or issue != "talks":
        return True
    others = [e for e in evidence if not e.startswith("talks:")]
    return list(evidence) != [TALKS_BY_DEFAULT] and not others


def takes_position(st: Statement) -> bool:
    """Whether a statement counts towards its side's positions: a side's demand, offer,
    acceptance, refusal, condition or denial, in the article (not a reader's comment)."""
    return has_side(st.party) and st.stance in POSITION_STANCES and st.section == POSITION_SECTION


def positions(statements: Iterable[Statement]) -> list[Position]:
    """Every (party, issue) a side took a position on, with its history in date order.

    Undated statements have no place in that order and are left out.
    """
    grouped: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for st in sorted(statements, key=_order):
        if not takes_position(st) or not st.date:
            continue
        for issue in st.issues:
            if not on_the_issue(st.stance, issue, st.issue_evidence):
                continue
            stance = stance_on(st.quote, st.stance, issue, st.issue_evidence)
            grouped[(st.party, issue)].append(replace(Evidence.of(st), stance=stance))
    return [
        Position(party, issue, tuple(history))
        for (party, issue), history in sorted(grouped.items())
    ]


def stands_for(text: tuple[Evidence, ...]) -> Evidence:
    """What one text says a side holds: its last statement on the record, or its last
    when none is. An anonymous source's account in a text that also quotes the side by
    name ("a Russian source said Moscow could accept guarantees", after the Kremlin's
    refusal) does not overrule it."""
    named = [e for e in text if e.source == "named"]
    return (named or text)[-1]


def shifts(found: list[Position]) -> list[Shift]:
    """Each change of stance by one side on one issue, with both pieces of evidence.

    Stances that differ within one document (a side's negotiator qualifying its
    ministry's line in the same report) are one position put in several ways,
    not a change: a shift compares documents, each by what it holds
    (``stands_for``: its last statement on the record, or its last), as the
    position's current stance is the last document's. An offer and an acceptance
    are one line (``ONE_LINE``): no shift between them. A position
    a text recalls from before its time ("Kyiv had refused to sign") is not
    taken on that text's day, so it makes no shift.
    """
    out: list[Shift] = []
    for position in found:
        held = [stands_for(text) for text in position.texts] if position.in_texts else []
        for before, after in pairwise(held):
            if before.stance != after.stance and {before.stance, after.stance} not in ONE_LINE:
                out.append(Shift(position.party, position.issue, before, after))
    return out


def issue_statuses(found: list[Position], statements: Iterable[Statement]) -> list[IssueStatus]:
    """Converging, contested or open, for every issue anyone took a position on."""
    counts: dict[str, int] = defaultdict(int)
    for st in statements:
        if st.section != POSITION_SECTION:  # a reader's comment is no evidence on the issue
            continue
        for issue in st.issues:
            counts[issue] += 1
    by_issue: dict[str, list[Position]] = defaultdict(list)
    for position in found:
        by_issue[position.issue].append(position)
    return [
        IssueStatus(issue, _status(group), tuple(group), counts[issue])
        for issue, group in sorted(by_issue.items())
    ]


def _status(group: list[Position]) -> str:
    return status_of([position.current.stance for position in group])


def status_of(stances: list[str]) -> str:
    """An issue's status from the current stances of the sides that spoke on it."""
    if len(stances) < 2:
        return "open"
    pairs = [frozenset({a, b}) for i, a in enumerate(stances) for b in stances[i + 1 :]]
    if any(pair in CLASHING for pair in pairs):
        return "contested"
    if any(pair in COMPATIBLE for pair in pairs):
        return "converging"
    return "contested"
