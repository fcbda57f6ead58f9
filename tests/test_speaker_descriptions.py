"""What the text says of a speaker: unnamed speakers stay unnamed, with the side the words
around them give ("a Kremlin official" is nobody the knowledge base lists, "an aide to
President Zelensky" is not Zelensky, "an adviser to the Ukrainian president" speaks for
Ukraine), and a known person described with a nationality is not given its side."""

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
        # a quantifier alone is nobody named, capitalised or not
        ("Some say the talks in Istanbul are doomed.", ("some", "", "anonymous")),
        ("Others said the summit was a failure.", ("others", "", "anonymous")),
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


@pytest.mark.parametrize(
    "text",
    [
        "Angela Merkel, who met the Russian president many times, said Putin only understood "
        "strength.",
        "Karim Khan, the ICC prosecutor who met a Russian official in The Hague, said the "
        "warrants stood.",
        "Andriy Yermak, who resigned as head of the Ukrainian presidential office in "
        "November, said Kyiv would not give up Donbas.",
    ],
)
def test_a_nationality_in_what_the_text_says_of_a_known_person_is_not_their_side(
    nlp, text: str  # type: ignore[no-untyped-def]
) -> None:
    assert [party for _, party, _ in speakers(nlp, text, day="2026-02-01")] == ["NONE"]


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


def test_the_minister_is_the_holder_of_the_title_the_text_gave_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ukraine's foreign minister held a phone call with his Turkish counterpart on "
        "Tuesday. The minister said Ukraine was ready to agree to a full ceasefire if Russia "
        "reciprocated."
    )
    assert speakers(nlp, text) == [("Andrii Sybiha", "UKR", "named")]
    # a title given without its side: nobody to take it up
    vague = (
        "A foreign minister held a phone call on Tuesday. The minister said the talks "
        "should resume in Istanbul."
    )
    assert [source for _, _, source in speakers(nlp, vague)] == ["anonymous"]
