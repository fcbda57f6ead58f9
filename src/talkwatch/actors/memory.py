"""What a document's resolver remembers of the speakers it resolved, in text order, and
the lookups later mentions make in it: "he" for the person named last, "the general"
for the one described so before, "another official" of the side of the one before, and
"the MP" for the person named just before when no one was described so."""

from __future__ import annotations

from ..records import Resolution, has_side
from .knowledge import Actor, KnowledgeBase, fold

# Official roles one person holds, which "the ..." uses for the person just named. Not
# "the source", nor a body ("the delegation"); not private roles ("the businessman",
# "the report" of a study). "The official" is an unnamed official described before when
# there is one (``recent``), else, as in wire copy, the state's person named just before
# ("spokesman Dmitry Peskov said ... The official also said"): ``ANY_OFFICIAL``.
ONE_PERSON_ROLES = frozenset(
    ["mp", "lawmaker", "senator", "minister", "diplomat", "ambassador", "envoy", "negotiator",
     "adviser", "advisor", "aide", "general", "commander", "president", "chancellor", "leader",
     "secretary", "representative", "chief", "head", "mediator", "deputy", "spokesman",
     "spokeswoman", "spokesperson"]
)  # fmt: skip

ANY_OFFICIAL = "official"


class SpeakerMemory:
    """The speakers resolved so far in one document, for ``Resolver``."""

    kb: KnowledgeBase
    seen: list[tuple[Resolution, frozenset[str]]]  # in text order, with the words for each

    def last_person(self) -> Resolution | None:
        """The person resolved last in this document: whom "he" stands for when the
        parser took the name for an organisation ("Lavrov said ... He added")."""
        for found, _ in reversed(self.seen):
            actor = self.kb.actors.get(found.actor_id)
            if actor is not None and actor.type == "person":
                return found
        return None

    def recent(self, head: str, party: str | None = None) -> Resolution | None:
        """The latest resolved speaker in this document described by ``head`` (and of
        ``party`` when one is given: "the Swiss president" is the president named before
        only if that one is Swiss)."""
        for found, described in reversed(self.seen):
            if head in described and (party is None or found.party == party):
                return found
        return None

    def serving(self, owner: Actor, head: str, party: str | None) -> Resolution | None:
        """The person named before whom "Putin's adviser" describes: one described by
        ``head`` whose own titles say whom they serve ("Putin's foreign policy adviser";
        "presidential" for a president's). Not "Lavrov's aide" for Ushakov."""
        found = self.recent(head, party)
        actor = self.kb.actors.get(found.actor_id) if found is not None else None
        if found is None or actor is None:
            return None
        titles = " ".join(fold(t) for role in actor.roles for t in role.titles)
        serves = f"{fold(owner.name).split()[-1]}'s" in titles.split()
        president = any("president" in role.titles for role in owner.roles)
        return found if serves or (president and "presidential" in titles.split()) else None

    def recent_anonymous_party(self) -> Resolution | None:
        for found, _ in reversed(self.seen):
            if found.source == "anonymous" and found.party:
                return found
        return None

    def named_just_before(self, head: str, party: str | None) -> Resolution | None:
        """ "said the MP" after a paragraph quoting Anatoliy Burmych of a parliamentary
        faction: a definite role that describes no one named before stands, as for a
        reader, for the person named last, when the knowledge base does not know that one
        (it knows the roles of those it knows) and that one is of ``party`` (if given)."""
        if head not in ONE_PERSON_ROLES and head != ANY_OFFICIAL:
            return None
        if head == ANY_OFFICIAL and any(f.source == "anonymous" for f, _ in self.seen):
            return None  # an unnamed speaker quoted before is whom "the official" names again
        for found, _ in reversed(self.seen):
            actor = self.kb.actors.get(found.actor_id)
            if found.source != "named" or (actor is not None and actor.type != "person"):
                continue
            if head == ANY_OFFICIAL:
                # a state's person, known or not, is an official: "the official" after
                # Peskov is Peskov; after an analyst, no one named
                stated = has_side(found.party)
                return found if stated and party in (None, found.party) else None
            if actor is not None or not _written_as_a_name(found.speaker):
                return None  # a known person's roles are known: "the US envoy" is not Trump
            return found if party is None or found.party == party else None
        return None


def _written_as_a_name(speaker: str) -> bool:
    """An unknown speaker written as a person's name: two to four capitalised words."""
    words = speaker.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
