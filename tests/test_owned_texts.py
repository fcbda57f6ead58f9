"""A text a side owns speaks for it ("Its memorandum calls for ..."), and what was
called for keeps its list of places and its condition."""

from __future__ import annotations

from talkwatch.actors import Resolver, load_knowledge_base
from talkwatch.attribution import Attributor


def speakers(nlp, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(quote, speaker, party) of each statement, as a reader of the whole text takes them."""
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    resolver = Resolver(load_knowledge_base(), text, "2025-06-02")
    out = []
    for a in found:
        who = resolver.resolve(a.speaker)
        out.append((a.quote(text), who.speaker, who.party))
    return out


def test_its_memorandum_is_the_side_that_handed_it_over(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia handed Ukraine a memorandum at the talks in Istanbul on Monday. Its memorandum "
        "calls for a complete ceasefire on land, at sea and in the air only after Ukraine "
        "withdraws its troops from four regions."
    )
    assert speakers(nlp, text) == [
        (
            "for a complete ceasefire on land, at sea and in the air only after Ukraine "
            "withdraws its troops from four regions",
            "Russia",
            "RUS",
        )
    ]


def test_its_statement_and_their_letter_are_the_subjects_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kremlin sent its reply to the U.S. proposal on Monday. Its statement said Russia "
        "was ready for a new round of talks in Istanbul.\n\nThe European Union wrote to its "
        "members on Tuesday. Their letter urged member states to keep sanctions on Russia."
    )
    assert [(who, party) for _, who, party in speakers(nlp, text)] == [
        ("Kremlin", "RUS"),
        ("European Union", "EU"),
    ]


def test_a_text_nobody_owns_is_not_given_to_the_subject_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia handed Ukraine a memorandum at the talks in Istanbul on Monday. A joint "
        "statement said both sides had agreed to exchange prisoners."
    )
    assert [who for _, who, _ in speakers(nlp, text)] == ["a joint statement"]


def test_what_was_called_for_keeps_a_condition_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ("Zelensky called for a ceasefire until the talks in Istanbul were over.",
         "for a ceasefire until the talks in Istanbul were over"),
        ("Lavrov called for the lifting of sanctions once a peace deal is signed.",
         "for the lifting of sanctions once a peace deal is signed"),
    ]  # fmt: skip
    for text, quote in cases:
        found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
        assert [a.quote(text) for a in found] == [quote], text


def test_an_aside_after_a_comma_is_still_not_what_was_called_for(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Zelensky called for a ceasefire on land, with a warning that Russia could not be trusted."
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert [a.quote(text) for a in found] == ["for a ceasefire on land"]


def test_its_or_their_with_no_institution_as_the_subject_before_stays_unresolved(nlp) -> None:  # type: ignore[no-untyped-def]
    # a place, several subjects, a person for "its": no owner is guessed (a reviewer)
    cases = [
        "The talks in Istanbul ended without a deal on Monday. Its final communique called "
        "for a new round in June.",
        "Ukrainian and Russian delegations met in Istanbul on Monday. Their statement said "
        "the talks would resume.",
        "Witkoff and Putin met in Moscow on Thursday. Their joint statement said the talks "
        "were useful.",
        "Zelensky met Macron in Paris on Monday. Its statement said the talks were useful.",
    ]
    for text in cases:
        found = speakers(nlp, text)
        assert [party for _, _, party in found] == [""], (text, found)


def test_where_and_when_the_call_was_made_are_not_what_was_called_for(nlp) -> None:  # type: ignore[no-untyped-def]
    # a reviewer's sentences: occasions, named places, times and dated clauses
    cases = [
        ("Lavrov called for talks in Istanbul, in a speech in Moscow and in an interview "
         "with RIA.", "for talks in Istanbul"),
        ("Macron called for a ceasefire, only after Russia had rejected his earlier proposal.",
         "for a ceasefire"),
        ("Zelensky called for a ceasefire once the fighting in Sumy began last week.",
         "for a ceasefire"),
        ("Zelensky called for a ceasefire until Russia attacked Kyiv on Monday.",
         "for a ceasefire"),
    ]  # fmt: skip
    for text, quote in cases:
        found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
        assert [a.quote(text) for a in found][:1] == [quote], text
