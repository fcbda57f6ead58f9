"""A second cue inside reported speech: "said A, adding that B", "said A and warned B".

The second cue reports a point of its own. It is cut out of the first statement
and becomes a statement by the speaker who makes it: the first cue's speaker when
the clause has no named subject of its own, the clause's subject when it has one.
Sentences written in wire-news style.
"""

from __future__ import annotations

import pytest

from talkwatch.attribution import Attributor
from talkwatch.records import Attribution


@pytest.fixture(scope="module")
def attribute(nlp):  # type: ignore[no-untyped-def]
    attributor = Attributor()

    def run(text: str) -> list[tuple[str, str]]:
        found: list[Attribution] = attributor.attribute(nlp(text), [("body", 0, len(text))])
        return [(a.speaker.text, a.quote(text)) for a in found]

    return run


def test_adding_that_is_a_second_statement_by_the_same_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lavrov said Moscow has received no official signals from Washington regarding "
        "these proposals, adding that policy remains under the outgoing administration."
    )
    assert attribute(text) == [
        ("Lavrov", "Moscow has received no official signals from Washington regarding these proposals"),
        ("Lavrov", "policy remains under the outgoing administration"),
    ]


def test_a_participle_after_a_cue_of_its_own_belongs_to_that_cues_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peskov indicated that Moscow was discussing a neutral status for Ukraine, but a "
        "Ukrainian official rejected the model, saying the security model can only be Ukrainian."
    )
    speakers = {quote: speaker for speaker, quote in attribute(text)}
    assert speakers["the security model can only be Ukrainian"] == "a Ukrainian official"


def test_citing_a_reason_stays_inside_the_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Zelensky said negotiating with Putin was futile, citing him as a dishonest actor."
    )
    assert attribute(text) == [
        ("Zelensky", "negotiating with Putin was futile, citing him as a dishonest actor")
    ]


def test_a_conjoined_question_is_its_own_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Putin said there were nuances and specifically asked who would monitor such a "
        "ceasefire along the whole front line."
    )
    assert attribute(text) == [
        ("Putin", "there were nuances"),
        ("Putin", "who would monitor such a ceasefire along the whole front line"),
    ]


def test_a_conjoined_warning_after_he_belongs_to_the_first_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trump said he would order a thorough review of the nation's defences and warned "
        "against hackers from China, Russia and North Korea."
    )
    assert attribute(text) == [
        ("Trump", "he would order a thorough review of the nation's defences"),
        ("Trump", "against hackers from China, Russia and North Korea"),
    ]


def test_a_conjoined_cue_with_a_named_subject_is_that_subjects(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Peskov said Kyiv had rejected the plan and demanded that Russian troops withdraw first."
    assert attribute(text) == [
        ("Peskov", "Kyiv had rejected the plan"),
        ("Kyiv", "Russian troops withdraw first"),
    ]


def test_before_saying_is_a_second_statement_by_the_same_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Putin said his terms were very simple, before saying Ukraine's troops must leave "
        "the four regions."
    )
    assert attribute(text) == [
        ("Putin", "his terms were very simple"),
        ("Putin", "Ukraine's troops must leave the four regions"),
    ]


def test_as_he_claimed_is_a_second_statement_by_the_first_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lavrov said extending the grain deal was becoming complicated as he claimed "
        "it was not being correctly implemented."
    )
    assert attribute(text) == [
        ("Lavrov", "extending the grain deal was becoming complicated"),
        ("Lavrov", "it was not being correctly implemented"),
    ]
