"""What the text says of a speaker: unnamed speakers stay unnamed, with the side the words
around them give ("a Kremlin official" is nobody the knowledge base lists, "an aide to
President Zelensky" is not Zelensky, "an adviser to the Ukrainian president" speaks for
Ukraine), and a post the text gives a known person counts where the knowledge base has
none on the day."""

from __future__ import annotations

import pytest

from talkwatch.actors import Resolver, load_knowledge_base
from talkwatch.actors.shapes import SERVING as RESOLVER_SERVING
from talkwatch.attribution import Attributor
from talkwatch.attribution.mentions import SERVING


def speakers(nlp, text: str, day: str = "2025-06-02") -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    resolver = Resolver(load_knowledge_base(), text, day)
    return [
        (who.speaker, who.party, who.source)
        for who in (resolver.resolve(a.speaker) for a in found)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Kremlin official, speaking on condition of anonymity, said Russia would not "
            "withdraw from Zaporizhzhia.",
            ("a kremlin official", "RUS", "anonymous"),
        ),
        (
            "A former senior Kremlin official said Putin was unlikely to agree to a deal.",
            ("a former senior kremlin official", "RUS", "anonymous"),
        ),
        (
            "An adviser to the Ukrainian president said Kyiv would accept a ceasefire along "
            "the current line.",
            ("an adviser to the ukrainian president", "UKR", "anonymous"),
        ),
        (
            "An aide to President Zelensky said the delegation would travel to Istanbul.",
            ("an aide to president zelensky", "UKR", "anonymous"),
        ),
    ],
)
def test_an_unnamed_speaker_keeps_its_description_and_side(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text) == [expected]


def test_a_definite_title_is_still_its_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Kremlin spokesman said Russia would not withdraw from Zaporizhzhia."
    assert speakers(nlp, text) == [("Dmitry Peskov", "RUS", "named")]


def test_an_envoy_to_a_country_is_not_that_countrys(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A Western envoy to Moscow said the talks would resume in Istanbul."
    assert [party for _, party, _ in speakers(nlp, text)] != ["RUS"]


def test_a_post_the_text_gives_counts_when_the_knowledge_base_has_ended_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # Yermak's post ends in the knowledge base on 2025-11-28
    text = (
        "Andriy Yermak, head of the Ukrainian presidential office, said Kyiv would send its "
        "delegation to Istanbul."
    )
    assert speakers(nlp, text, day="2026-02-16") == [("Andriy Yermak", "UKR", "named")]
    bare = "Andriy Yermak said Kyiv would send its delegation to Istanbul."
    assert speakers(nlp, bare, day="2026-02-16") == [("Andriy Yermak", "NONE", "named")]


def test_an_outlet_described_with_a_nationality_still_speaks_for_no_side(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The remarks by U.S. officials at the conference left European ministers in shock, "
        "according to a report from Reuters, which noted that many European delegates were "
        "worried about American military protection."
    )
    found = speakers(nlp, text)
    assert found and all(who == "Reuters" and party == "NONE" for who, party, _ in found)


def test_the_resolver_and_the_mentions_serve_the_same_heads() -> None:
    assert SERVING == RESOLVER_SERVING
