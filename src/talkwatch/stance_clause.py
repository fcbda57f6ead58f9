"""Stance from a quote's main predicates: who is to act, and with what modality.

The guide decides between stances by who gives and who is asked. For each
predicate of the content clause (``speech_act.read_clause``) this module
finds the side of its subject relative to the speaker's party
(``stance_sides``; ``self``:
"we", "Kyiv" said by a Ukrainian, "he" in reported speech; ``other``: a
different party; ``unknown``), walks the modal chain ("is ready to", "will
not", "must", "cannot") to the action verb, and decides:

- an obligation asks something of a side: a demand, unless negated on the
  speaker's own side (a refusal: "we must not give in");
- willingness, intention or ability of the speaker's side is an offer, and
  refused (negated) a rejection; the same words about another side describe
  it: an assessment ("Russia is not ready for peace", said by Kyiv);
- a step toward a settlement the speaker's side will take is an offer
  ("Washington would create a team to work on a settlement"; the list
  `settlement_acts`, beside `commitment`): not any act ("we will destroy any
  troops deployed", "we would seize the assets");
- a denied intention of the speaker's side is a denial ("we do not plan to");
- an agreement or proposal verb in the past or present gives accept or offer
  for the speaker's side, and an assessment for another side;
- talks set to happen, said by a side ("the meeting is planned for tomorrow",
  "we hope the forum will be held"), and an act of the speaker's side under
  way ("we are preparing the memorandum") offer them, as the guide's decision
  rules have it (to attend, keep preparing, host).

For verbs of receiving ("get", "obtain") the subject receives and the other
side gives, so the sides swap. A passive subject is not the doer. The word
lists are in ``data/stance.yaml`` under ``clause``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from .records import has_side
from .speech_act import Clause, Predicate, Step
from .stance_sides import OTHER, SELF, UNKNOWN, Judgement, Sides

WORD_LISTS = (
    "obligation",
    "future",
    "volition",
    "willing",
    "ability",
    "intention",
    "commitment",
    "carry",
    "receive",
    "stative",
    "acceptance",
    "assent",
    "refusal",
    "denial",
    "proposal",
    "directive",
    "silent",
    "agents",
    "first_person",
    "addressee",
    "reported_self",
    "events",
    "scheduling",
    "looking_ahead",
    "would_volition",
    "under_way",
    "averting",
    "settlement_acts",
    "rhetorical",
    "set_to",
    "inquiry",
    "views",
    "judging",
    "willing_to",
    "finished",
    "light_acts",
    "wanting",
    "procedure",
    "own_needs",
    "presenting",
    "plans",
    "pressure",
    "fighting",
)


PRESSURE = "pressure asked for"  # the reason of a passive obligation of sanctions


@dataclass(frozen=True)
class ClauseRules(Sides):
    words: Mapping[str, frozenset[str]]
    blocs: Mapping[str, frozenset[str]]  # a bloc's code -> the parties that belong to it

    def judge(
        self,
        clause: Clause,
        speaker_party: str,
        kind: str,
        party_of: Callable[[str], str],
    ) -> Judgement | None:
        """The first predicate of the clause that decides a stance."""
        other_named = False  # "Putin was lying and his negotiators ...": his is Putin's
        past: Judgement | None = None  # "could have had peace", unless a later part decides
        described: Judgement | None = None  # another side's demand, unless a later part decides
        for predicate in clause.predicates:
            side = self.predicate_side(predicate, speaker_party, kind, party_of, not other_named)
            other_named = other_named or (side == OTHER and predicate.subject[:1].isupper())
            if any(step.counterfactual for step in predicate.steps):
                # "Russia should not have invaded", "Kyiv could have had peace in 2022 but
                # must now accept ...": what might have been asks and offers nothing
                negated = any(step.negated for step in predicate.steps)
                words = (w for s in predicate.steps for w in (*s.modals, s.word or s.lemma))
                chain = _chain(list(words), negated)
                reason = f"what might have been: '{chain}' ({side} side)"
                past = past or Judgement("assess", reason, side, predicate.leads)
                continue
            first = predicate.steps[0]
            leading = predicate is clause.predicates[0] and not first.negated
            if side == OTHER and leading and self.has("directive", first.lemma):
                # "a Ukrainian official said Russia had demanded that Kyiv withdraw": the
                # other side's demand described (not a verb hung on another clause),
                # unless a later part decides ("..., and Ukraine would never accept that")
                reason = f"another side's demand: '{first.lemma}' ({side} side)"
                described = Judgement("assess", reason, side, predicate.leads)
                continue
            found = self.wanted_of_other(predicate, side, speaker_party, kind, party_of)
            found = found or self.judge_predicate(predicate, side)
            if found is None and has_side(speaker_party):
                found = self.scheduled(predicate, side)
            if found is not None:
                return replace(found, main=predicate.leads)
        return described or past

    def scheduled(self, predicate: Predicate, side: str) -> Judgement | None:
        """Talks a side says are set to happen: its commitment to attend them."""
        ahead = False  # a future, a wish or a plan governs the step
        words: list[str] = []
        subject: list[str] = []
        for step in predicate.steps:
            words += [*step.modals, step.word or step.lemma]
            ahead = (
                ahead
                or step.progressive
                or self.has("looking_ahead", step.lemma)
                or any(self.has("future", m) for m in step.modals)
            )
            # a step without a subject of its own has its head's: "talks are slated to resume"
            subject = step.subject.replace("’", "'").split() or subject
            event = bool(subject) and self.is_event(subject[-1].lower())
            if step.negated or (event and side == OTHER):
                return None
            last = step is predicate.steps[-1]  # "expected to end without results" is no plan
            if event and ahead and last and self.has("scheduling", step.lemma):
                chain = " ".join(dict.fromkeys(words))
                return Judgement("offer", f"talks set to happen: '{chain}'", side)
        return None

    def is_event(self, noun: str) -> bool:
        """Talks as an event, in the singular or the plural ("the next rounds")."""
        return self.has("events", noun) or (noun.endswith("s") and self.has("events", noun[:-1]))

    def judge_predicate(self, predicate: Predicate, side: str) -> Judgement | None:
        modality: set[str] = set()
        negated = False
        progressive = False
        words: list[str] = []
        action = ""
        acting = predicate.steps[0]  # the step whose word is the action
        for step in predicate.steps:
            acting = step
            negated = negated or step.negated
            progressive = progressive or step.progressive
            words += [*step.modals, step.word or step.lemma]
            for modal in step.modals:
                modality |= self.classes(modal, last=False)
            action = step.lemma
            last = step is predicate.steps[-1]
            classes = self.classes(step.lemma, last, step.adjective)
            if not last and "would" in step.modals and self.has("would_volition", step.lemma):
                classes |= {"volition"}  # "we would like to": a wish
            modality |= classes
            if not classes and not self.has("carry", step.lemma):
                break
        # "is set to discuss" is a future, not a passive
        set_to = len(predicate.steps) > 1 and self.has("set_to", predicate.steps[0].lemma)
        passive = predicate.passive and not set_to
        if passive:
            side = UNKNOWN
        if modality and (self.has("future", action) or self.has("ability", action)):
            return None  # "whatever it can": the modal's verb is elsewhere
        # "Kyiv must receive guarantees", said by Kyiv: others are to give them; "Kyiv
        # would never get the regions back", said by Moscow: Moscow would not give them.
        # What another side must (not) receive is asked of whoever gives it ("Kyiv should
        # not receive weapons", said by Moscow)
        if self.has("receive", action) and side == SELF:
            side = OTHER
        elif self.has("receive", action) and side == OTHER and "obligation" not in modality:
            side = SELF
        chain = _chain(list(dict.fromkeys(words)), negated)
        if any(self.done(step, predicate.subject) for step in predicate.steps):
            return None  # "the first document would be ready by August": done, not willing
        if action == "make" and self.has("light_acts", acting.object):
            action = acting.object  # "would continue to make efforts for peace": the efforts
        applied = (predicate.subject.split() or [""])[-1].lower()
        if passive and "obligation" in modality and not negated and self.has("pressure", applied):
            # "stronger sanctions need to be imposed on Russia", "sanctions must be lifted":
            # pressure asked for, of whoever applies it
            return Judgement("demand", f"{PRESSURE}: '{chain}'", side)
        # a judgement, not "would consider the proposal as a basis for talks"
        proposal = self.has("finished", acting.object)
        if self.has("judging", action) and acting.complement and not proposal:
            return None  # "Moscow would consider such a deployment to be a NATO presence"
        found = self.decide(modality, negated, action, side, chain, passive)
        present = predicate.steps[-1].present and bool(modality & {"future", "volition"})
        if found is None and present and side == SELF and not negated:
            # "his adviser would be in Geneva", "we will be there": attending
            return Judgement("offer", f"to be there: '{chain}' ({side} side)", side)
        under_way = progressive and not (modality or negated or passive)
        # not pressure prepared: "the EU was preparing an 18th package of sanctions"
        under_way = under_way and not self.has("pressure", predicate.steps[-1].object)
        if found is None and under_way and side == SELF and self.has("under_way", action):
            return Judgement("offer", f"an act under way: '{chain}' ({side} side)", side)
        needed = predicate.steps[-1].object
        if (
            found is None
            and side == SELF
            and not (negated or passive or modality)
            and self.has("presenting", action)
            and self.has("plans", needed)
        ):
            # "the U.S. has issued a very explicit proposal", "we have drafted a
            # memorandum", said by their own: the side puts its plan forward
            return Judgement("offer", f"the side's own {needed}: '{chain}' ({side} side)", side)
        if (
            found is None
            and action == "need"
            and side == SELF
            and not (negated or passive or self.has("own_needs", needed))
        ):
            # "Now we need a full and unconditional ceasefire", "Kyiv needs guarantees":
            # what the speaker's side needs, others are asked to give
            return Judgement("demand", f"a need stated: '{chain}' ({side} side)", side)
        return found

    def done(self, step: Step, subject: str) -> bool:
        """A thing "ready" or "prepared": finished, not a side's willingness."""
        head = ((step.subject or subject).split() or [""])[-1].lower()
        return step.adjective and self.has("willing", step.lemma) and self.has("finished", head)

    def classes(self, word: str, last: bool, adjective: bool = False) -> set[str]:
        groups = ("obligation", "future", "volition", "ability", "intention")
        found = {g for g in groups if self.has(g, word)}
        if not last and self.has("set_to", word):  # "is set to discuss", "is due to meet"
            found |= {"future"}
        if last:  # "we need weapons", "he will seek re-election": no act follows
            found -= {"obligation", "volition", "intention"}
        # "ready for talks" offers them; "glad" only to do something ("glad to host")
        if adjective and self.has("willing", word) and not (last and self.has("willing_to", word)):
            found |= {"volition", "willing"}
        return found

    def decide(
        self,
        modality: set[str],
        negated: bool,
        action: str,
        side: str,
        chain: str,
        passive: bool = False,
    ) -> Judgement | None:
        def said(stance: str, why: str) -> Judgement:
            return Judgement(stance, f"{why}: '{chain}' ({side} side)", side)

        if "obligation" in modality:
            if passive and self.has("procedure", action):
                # "this should be discussed privately": how the talks go, asked of nobody
                return said("assess", "procedure, asked of nobody")
            if passive:
                return None  # "details still need to be worked on": nobody is asked
            if side != OTHER and self.has("inquiry", action):
                # "we need to understand what goals are set": nothing is asked of anyone
                return said("assess", "what the speaker's side needs to find out")
            if self.has("views", action) and not negated:
                # "other nations should feel free to", "Moscow should know that ...": a
                # state or a view, no act asked of anyone
                return said("assess", "a state or a view, not an act")
            if negated:
                return said("reject" if side != OTHER else "demand", "a negated obligation")
            if side == SELF and self.has("assent", action):
                # "it was essential to accept that Ukraine will not join NATO", said by Kyiv
                return said("accept", "the speaker's side bound to accept")
            return said("demand", "an obligation")
        if "intention" in modality and negated:
            return said("deny" if side != OTHER else "assess", "a denied intention")
        if negated and side == SELF and self.has("silent", action):
            # "Moscow would not comment until it had been briefed": procedure, no term refused
            return said("assess", "nothing said yet")
        if negated and self.has("directive", action):
            # "would no longer demand an immediate ceasefire": a demand dropped, not a term
            # refused
            return said("assess", "a demand dropped")
        stative = self.has("stative", action)
        willing = "willing" in modality
        if modality & {"future", "volition"} and self.has("averting", action):
            return None  # "we would like to avoid escalation" gives nothing
        if modality & {"future", "volition"} and self.has("fighting", action):
            # "we are ready to fight for a year, two, three": war, no term of a settlement
            return said("assess", "an act of war, no term")
        if modality & {"future", "volition"} and self.has("rhetorical", action):
            return None  # "I want to emphasise", "we would like to thank": a way of speaking
        if modality & {"future", "volition"}:
            if side == OTHER:
                return said("assess", "another side's will")
            if negated and stative and action != "be":
                return None  # "not ready to predict": no term is refused
            if negated:
                return said("reject", "a refusal") if side == SELF or willing else None
            if stative or not (side == SELF or willing):
                return None
            if self.has("assent", action):
                return said("accept", "readiness to accept")
            if willing or "volition" in modality or self.has("commitment", action):
                return said("offer", "willingness")
            if side == SELF and self.has("settlement_acts", action):
                # "Washington would create a team", "Ramaphosa would leave for Moscow"
                return said("offer", "an act the speaker's side will do")
            return None
        if "ability" in modality:
            if side == SELF and not negated and self.has("assent", action):
                return said("accept", "readiness to accept")
            if side == SELF and not stative:
                return said("reject" if negated else "offer", "what the speaker's side can do")
            return None
        if self.has("denial", action) and not negated:
            return said("assess" if side == OTHER else "deny", "a denial")
        if self.has("refusal", action) and side != UNKNOWN:
            if side == OTHER:
                return said("assess", "another side's refusal")
            return said(
                "accept" if negated else "reject", "a refusal" if not negated else "no objection"
            )
        if side == SELF and self.has("directive", action) and not negated:
            # "Moscow demanded Ukraine's neutrality", said a Russian minister: the side's
            # own demand, reported by one of its own
            return said("demand", "the side's demand")
        if side == SELF and (self.has("acceptance", action) or self.has("proposal", action)):
            if negated:
                return said("reject", "a refusal")
            return said("accept" if self.has("acceptance", action) else "offer", "the act")
        return None


MODALS = frozenset(["will", "would", "shall", "should", "must", "can", "could", "may", "might"])


def _chain(words: list[str], negated: bool) -> str:
    """The words of a predicate as a reason shows them: "should not receive", "not agree",
    "not want impose"."""
    if negated and len(words) > 1 and words[0] in MODALS:
        return " ".join([words[0], "not", *words[1:]])
    return ("not " if negated else "") + " ".join(words)


def read_clause_rules(sections: list[Mapping[str, object]]) -> ClauseRules:
    """Word lists and blocs of the ``clause`` sections of the stance files, merged."""
    words: dict[str, set[str]] = {group: set() for group in WORD_LISTS}
    blocs: dict[str, set[str]] = {}
    for section in sections:
        for group, values in section.items():
            if group == "blocs" and isinstance(values, dict):
                for bloc, members in values.items():
                    blocs.setdefault(str(bloc), set()).update(str(m) for m in members or [])
            elif isinstance(values, list):
                words.setdefault(group, set()).update(str(v).lower() for v in values)
    return ClauseRules(
        {k: frozenset(v) for k, v in words.items()},
        {k: frozenset(v) for k, v in blocs.items()},
    )
