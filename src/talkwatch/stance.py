"""Stance classification: demand, offer, accept, reject, conditional, deny, assess.

The stance comes from the whole statement, in this order (rules and word
lists in ``data/stance.yaml``):

1. a threat tied to a condition is a demand; a denial of a reported fact
   ("untrue", "does not correspond to reality", "there was no such") a denial;
2. the main predicates of the content clause (``stance_clause``): who is to
   act, seen from the speaker's party, and the modality and negation of the
   act. Another side's will or ability is described, not taken: assess;
3. a condition in the quote ("only if", "provided", "as soon as") on the
   speaker's side's act makes it conditional;
4. the cue's speech-act class: a directive cue (demanded, urged) demands, a
   commissive (offered, proposed) offers, and so on; assertive cues (said,
   told) leave it to the content;
5. the decision of step 2, then word patterns with negation and modality; words of
   giving ("willing to", "open to") in a clause another side leads describe it;
6. assess otherwise;
7. a speaker who is no side (party ``NONE``) offers, accepts, refuses and denies
   nothing: what the rules read so is that speaker's account, an assessment.

With ``TALKWATCH_STANCE=model`` the learned model (``stance_model``), trained on
annotated real articles, then weighs the rules' verdict against the quote's words
and cue and gives the final stance; where it overrules the rules the reason says
so, with the rules' own reason. By default the rules decide alone: out of sample
the model only ties them.

The reason kept with each result names the rule and the words that fired,
or, where the model overrules the rules, the words that weighed most and the
rules' own verdict, so a user can see why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .datafiles import DataFileError, read_mapping
from .records import STANCES
from .speech_act import Clause
from .stance_clause import OTHER, PRESSURE, ClauseRules, Judgement, read_clause_rules
from .stance_model import StanceModel, default_stance_model
from .stance_sides import SELF

CONTENT_ORDER = ("conditional", "deny", "reject", "demand", "accept", "offer")
GIVING = ("offer", "accept")  # the speaker's side gives: another side's giving is described
# Whose readiness the words name: "Putin's readiness to meet", "Kyiv's willingness to"
WHOSE_READINESS = re.compile(
    r"\b([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)['’]s (?:[a-z]+ )?"
    r"(?:readiness|willingness|preparedness|openness)\b"
)
# Cues that demand when what they report is an act asked of someone ("asked Russia to
# start talks", "called the government to withdraw"), and not otherwise ("asked who").
BIDDING = "bidding"
# "Russia to start", "the Ukrainian government to withdraw", "to preserve": the act asked.
ASKED_TO = re.compile(r"^(?:([\w.'-]+(?: [\w.'-]+){0,4}) )?to ([a-z]+)")
ASKED_OF = {"the", "a", "an", "all", "both", "its", "his", "her", "their", "our", "other", "each"}
# What a refusing cue turns down when it is a report, not a proposal: "rejected reports
# that Moscow had agreed to a truce" denies a fact ("rejected suggestions that Kyiv could
# cede land" refuses a term).
REPORTED = re.compile(
    r"^(?:(?:the|a|an|these|those|such|media|western|recent|press|news) )*"
    r"(?:reports?|claims?|allegations?|accusations?|rumou?rs?|speculation)\b"
)
# The speaker's own condition on what a refusing cue refuses ("unless", "only if").
OWN_CONDITION = re.compile(
    r"\b(unless|only (if|when|after|once)|provided that|on (the )?condition)\b", re.IGNORECASE
)
RULE_GROUPS = ("threat", "requirement", "fact_denial", "bare_condition", *CONTENT_ORDER)
# A side's own act named by its noun, which the words report: "Russia's demand that Ukraine
# recognise Crimea", "its proposal to hold talks in Istanbul", "his refusal to meet".
OWNED_ACT = re.compile(
    r"^(?:the )?((?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)['’]s?|its|his|her|our|my) "
    r"(?:[a-z]+ )?(demands?|calls?|insistence|proposals?|offers?|refusal|rejection)"
    r" (?:that|for|to|of)\b"
)
# What an act holds, said of it, is the act: "Ukraine's proposals had included silence
# in the sky and at sea".
CONTAINING = frozenset(["include", "contain", "consist", "comprise", "envisage", "envision",
                        "foresee", "cover", "call"])  # fmt: skip
ACT_NOUNS = {"demand": "demand", "call": "demand", "insistence": "demand", "proposal": "offer",
             "offer": "offer", "refusal": "reject", "rejection": "reject"}  # fmt: skip
# A trade, not a condition: refused, the trade is refused ("will not cede land in exchange for
# peace"), where "unless" or "only if" would make the refusal conditional.
EXCHANGE = re.compile(r"\b(in exchange|in return) for\b", re.IGNORECASE)
QUESTION_ORDER = ("deny", "reject")  # a question demands or offers nothing by its modals


class StanceFileError(DataFileError):
    """A stance rule file cannot be used; the message names the file and problem."""


@dataclass(frozen=True)
class StanceResult:
    stance: str
    reason: str


def no_party(_: str) -> str:
    return ""


@dataclass(frozen=True)
class StanceClassifier:
    content: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    cues: dict[str, str]  # cue lemma -> the stance of its speech-act class
    clause_rules: ClauseRules
    model: StanceModel | None = None

    def classify(
        self,
        quote: str,
        cue: str = "",
        sentence: str = "",
        kind: str = "",
        party: str = "",
        clause: Clause | None = None,
        party_of: Callable[[str], str] = no_party,
    ) -> StanceResult:
        """The stance of ``quote``: the rules' verdict, weighed by the learned model if on."""
        if clause is not None:  # words reported inside the quote: the speaker's side's stay
            clause = self.clause_rules.without_others(clause, party, kind, party_of)
        judged = self.clause_rules.judge(clause, party, kind, party_of) if clause else None
        ruled = self.owned_act(quote, party, kind, party_of, clause) or self.by_rules(
            quote, cue, judged, kind, clause
        )
        if clause is not None and ruled.stance in GIVING and ruled.reason.startswith("words"):
            ruled = self.others_words(ruled, quote, clause, party, kind, party_of)
        ruled = sideless(ruled, party)
        if self.model is None:
            return ruled
        learned = self.model.predict(quote, cue, ruled.stance)
        if learned == ruled.stance:
            return ruled
        words = self.model.evidence(quote, cue, ruled.stance, learned, ruled.stance)
        weighed = f" on the words {', '.join(repr(w) for w in words)}" if words else ""
        return StanceResult(
            learned,
            f"learned from annotated articles{weighed}; "
            f"the rules said {ruled.stance} ({ruled.reason})",
        )

    def by_rules(
        self,
        quote: str,
        cue: str,
        judged: Judgement | None,
        kind: str = "",
        clause: Clause | None = None,
    ) -> StanceResult:
        """The rules' stance of ``quote``, given its cue and its clause's judgement
        (``stance_clause``: who is to act, seen from the speaker's side)."""
        # Quotation marks inside a quote do not break a phrase: were "simply not realistic"
        text = quote.replace("’", "'").replace("“", "").replace("”", "").replace('"', "")
        text = _without(text, [words for _, words in clause.reported] if clause else [])
        cue_stance = self.cues.get(cue.lower())
        denial = self.first_match(text, ("fact_denial",))
        if cue_stance == "reject" and kind != "direct":
            # what a refusing cue reports is what was refused, whatever its own words
            # ("rejecting suggestions that Kyiv could cede land in exchange for peace"),
            # unless it is a report called untrue, or the speaker's own condition follows
            # ("rejected any ceasefire unless Russian troops withdrew")
            if REPORTED.match(text.lower()) or denial:
                why = denial.reason if denial else f"cue verb '{cue}'"
                return StanceResult("deny", f"a report turned down: {why}")
            if not OWN_CONDITION.search(text):
                return StanceResult("reject", f"cue verb '{cue}'")
        threat = self.first_match(text, ("threat",))
        if threat:
            return StanceResult("demand", f"threat with a condition: {threat.reason}")
        if denial:
            return StanceResult("deny", f"a reported fact denied: {denial.reason}")
        if cue_stance == BIDDING:
            asked = ASKED_TO.match(text) if kind != "direct" else None
            if asked and self.names_someone(asked.group(1) or "") and _infinitive(asked, clause):
                return StanceResult("demand", f"an act asked of someone: '{asked.group(0)}'")
            cue_stance = None
        described = judged and judged.main and judged.side == OTHER and judged.stance == "assess"
        bare = self.first_match(text, ("bare_condition",))
        if described and judged and not cue_stance and not bare:
            return StanceResult("assess", judged.reason)
        required = self.first_match(text, ("requirement",))
        if required:  # not another side's, described: "Moscow insists there can be no deal"
            return StanceResult("demand", f"what must come first: {required.reason}")
        conditional = self.first_match(text, ("conditional",))
        # an obligation stays a demand whatever the condition ("Russia must withdraw if it
        # wants peace"); not pressure to be lifted only if ("sanctions should be lifted only
        # if Russia withdraws": a condition on what the speaker's side gives)
        pressure = judged is not None and judged.reason.startswith(PRESSURE)
        if conditional and judged and judged.main and judged.stance == "demand" and not pressure:
            return StanceResult("demand", f"{judged.reason}, whatever the condition")
        refused = judged is not None and judged.main and judged.stance == "reject"
        if conditional and refused and judged and EXCHANGE.search(conditional.reason):
            # "will not cede any territory in exchange for peace": the trade refused
            return StanceResult("reject", f"{judged.reason}, whatever is offered for it")
        if conditional:
            return conditional
        refusing = judged is not None and judged.main and judged.stance == "reject"
        if cue_stance == "demand" and refusing and judged and judged.side == SELF:
            # insisting on the side's own refusal refuses: "insisted that Ukraine would
            # never recognise any occupied territory as Russian"
            return StanceResult("reject", f"{judged.reason}, insisted on")
        if cue_stance:
            return StanceResult(cue_stance, f"cue verb '{cue}'")
        question = text.rstrip(' ,."”').endswith("?")
        if judged and not question:
            return StanceResult(judged.stance, judged.reason)
        found = self.first_match(text, QUESTION_ORDER if question else CONTENT_ORDER)
        return found or StanceResult(
            "assess", "no demand, offer, acceptance or refusal in the words"
        )

    def others_words(
        self,
        ruled: StanceResult,
        quote: str,
        clause: Clause,
        party: str,
        kind: str,
        party_of: Callable[[str], str],
    ) -> StanceResult:
        """Words of giving ("willing to", "open to") whose clause another side leads
        describe that side ("Putin has shown zero indication that he is willing to
        negotiate", said by Washington): an assessment, as the clause rules read another
        side's will; and a named side's "readiness", "willingness" the same."""
        owner = WHOSE_READINESS.search(quote)
        if owner and self.clause_rules.side(owner[1], party, kind, party_of) == OTHER:
            # "Putin's readiness to meet", said by Washington: his, described
            return StanceResult("assess", f"another side's words: {ruled.reason[6:]} (other side)")
        lead = clause.predicates[0] if clause.predicates else None
        if lead is None or not lead.leads or lead.passive:  # "Russia could be invited"
            return ruled
        if self.clause_rules.predicate_side(lead, party, kind, party_of) != OTHER:
            return ruled
        return StanceResult("assess", f"another side's words: {ruled.reason[6:]} (other side)")

    def owned_act(
        self,
        quote: str,
        party: str,
        kind: str,
        party_of: Callable[[str], str],
        clause: Clause | None = None,
    ) -> StanceResult | None:
        """Words that report the speaker's own side's act by its noun: "repeated Russia's
        demand that Ukraine recognise Crimea", said by Moscow, demands; another side's
        act so named is described (left to the other rules), and so is one the words go
        on to say something of ("Ukraine's offer of a truce was no longer on the table"),
        but for what it holds ("Ukraine's proposals included silence in the sky")."""
        named = OWNED_ACT.match(quote.replace("“", "").replace('"', ""))
        if named is None:
            return None
        if clause is not None and any(
            named[2] in p.subject_phrase.lower().split() and p.steps[0].lemma not in CONTAINING
            for p in clause.predicates
        ):
            return None  # the act is the subject of what is said of it, not of what it holds
        owner = named[1].removesuffix("'s").removesuffix("’s").removesuffix("'").removesuffix("’")
        if self.clause_rules.side(owner, party, kind, party_of) != SELF:
            return None
        act = ACT_NOUNS[named[2].removesuffix("s")]  # "demands", "calls": as the one
        return StanceResult(act, f"the side's own act named: '{named[0]}'")

    def names_someone(self, words: str) -> bool:
        """Whether the words before "to" name whom an act is asked of: names, articles
        and agent nouns ("the Ukrainian government"), or nothing ("to preserve ...")."""
        return all(
            w[:1].isupper() or w.lower() in ASKED_OF or self.clause_rules.has("agents", w.lower())
            for w in words.split()
        )

    def first_match(self, text: str, order: Sequence[str]) -> StanceResult | None:
        for stance, patterns in self.content:
            if stance not in order:
                continue
            for pattern in patterns:
                for match in pattern.finditer(text):
                    if stance in HYPOTHETICAL_STANCES and _in_condition(text, match.start()):
                        continue  # "urged sanctions if Moscow rejected a ceasefire"
                    return StanceResult(stance, f"words '{match.group(0)}'")
        return None


def _without(text: str, reported: Sequence[str]) -> str:
    """``text`` without the words others are reported in it to have said."""
    for words in reported:
        words = words.replace("’", "'").replace("“", "").replace("”", "").replace('"', "")
        text = text.replace(words, " … ") if words else text
    return text


# What words say inside an if-clause is supposed, not said: no refusal, acceptance or offer.
HYPOTHETICAL_STANCES = ("reject", "accept", "offer")
_CONDITION = re.compile(r"\b(if|whether)\b[^,.;:?!]*$", re.IGNORECASE)


def _in_condition(text: str, at: int) -> bool:
    """Whether offset ``at`` lies in an if- or whether-clause opened earlier in its clause."""
    return bool(_CONDITION.search(text[max(0, at - 80) : at]))


def sideless(ruled: StanceResult, party: str) -> StanceResult:
    """A speaker who is no side in the talks (``NONE``: an outlet, an analyst, a reader)
    gives, accepts, refuses, conditions and denies nothing: what the rules read so is
    that speaker's account of a side's position ("Bloomberg reported the U.S. is
    prepared to ..."). A demand stays one: an analyst can call on a side to act. A name
    nobody knows, with no official role in the text, has party NONE too: its offer
    would stand for no side in the positions either. Measured: gating this to known
    actors and descriptions lost one statement on the reference articles and one held
    out, and gained two on the development corpus."""
    if party != "NONE" or ruled.stance in ("assess", "demand"):
        return ruled
    return StanceResult(
        "assess",
        f"a speaker with no side describes it (the rules read {ruled.stance}: {ruled.reason})",
    )


def _infinitive(asked: re.Match[str], clause: Clause | None) -> bool:
    """Whether the word after "to" is the verb of the quote's main predicate, read from
    the parse ("Russia to start talks"), not a preposition's object ("the delegation to
    the talks would be led ..."). Without a parse, the words decide."""
    if clause is None or not clause.predicates:
        return clause is None
    first = clause.predicates[0]
    return first.leads and not first.steps[0].modals and first.steps[0].lemma == asked.group(2)


def read_rules(source: Any) -> dict[str, Any]:
    try:
        data = read_mapping(source, "a stance file maps 'content' and 'cues' to stances")
    except DataFileError as err:
        raise StanceFileError(str(err)) from None
    if not isinstance(data.get("clause") or {}, dict):
        raise StanceFileError(f"{source}: 'clause' maps word groups to lists of words.")
    for section in ("content", "cues"):
        for stance in data.get(section) or {}:
            if stance not in STANCES and stance not in RULE_GROUPS and stance != BIDDING:
                raise StanceFileError(f"{source}: '{stance}' under {section} is not a stance code.")
    return data


def load_stance_classifier(extra: Sequence[Path] = ()) -> StanceClassifier:
    content: dict[str, list[re.Pattern[str]]] = {group: [] for group in RULE_GROUPS}
    cues: dict[str, str] = {}
    clause_sections = []
    shipped = resources.files("talkwatch").joinpath("data/stance.yaml")
    for source in [shipped, *extra]:
        rules = read_rules(source)
        for stance, patterns in (rules.get("content") or {}).items():
            for pattern in patterns:
                try:
                    content.setdefault(stance, []).append(re.compile(pattern, re.IGNORECASE))
                except re.error as err:
                    raise StanceFileError(f"{source}: bad pattern '{pattern}' ({err}).") from None
        for stance, lemmas in (rules.get("cues") or {}).items():
            cues.update({str(lemma).lower(): stance for lemma in lemmas})
        clause_sections.append(rules.get("clause") or {})
    ordered = tuple((group, tuple(content[group])) for group in RULE_GROUPS)
    return StanceClassifier(
        ordered, cues, read_clause_rules(clause_sections), default_stance_model()
    )


@cache
def default_stance_classifier() -> StanceClassifier:
    return load_stance_classifier()
