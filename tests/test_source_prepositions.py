"""Statements attributed by a source preposition: "according to X", "per X".

What was said is the clause around the preposition, without "according to X"
and without any clause about X; the speaker of "a report from Reuters" is Reuters.
Sentences written in wire-news style.
"""

from __future__ import annotations

import pytest

from talkwatch.attribution import Attributor


@pytest.fixture(scope="module")
def attribute(nlp):  # type: ignore[no-untyped-def]
    attributor = Attributor()

    def run(text: str) -> list[tuple[str, str]]:
        found = attributor.attribute(nlp(text), [("body", 0, len(text))])
        return [(a.speaker.text, a.quote(text)) for a in found]

    return run


def test_according_to_at_the_end_is_not_part_of_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Moscow is ready to resume the talks in Istanbul, according to the Kremlin."
    assert attribute(text) == [("the Kremlin", "Moscow is ready to resume the talks in Istanbul")]


def test_according_to_at_the_start_leaves_the_clause(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "According to the Kremlin, Moscow is ready to resume the talks in Istanbul."
    assert attribute(text) == [("the Kremlin", "Moscow is ready to resume the talks in Istanbul")]


def test_a_report_from_an_outlet_is_the_outlets(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The remarks left European officials in shock, according to a report from Reuters, "
        "which noted that many delegates were worried about American protection."
    )
    assert attribute(text) == [
        ("Reuters", "The remarks left European officials in shock"),
        ("Reuters", "many delegates were worried about American protection"),
    ]


def test_a_statement_by_a_ministry_is_the_ministrys(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to a statement by the Ukrainian foreign ministry, Kyiv will not attend "
        "the talks in Minsk."
    )
    assert attribute(text) == [
        ("the Ukrainian foreign ministry", "Kyiv will not attend the talks in Minsk")
    ]


def test_information_obtained_by_an_outlet_is_the_outlets(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to information obtained by ARD in Brussels, formal talks could take place "
        "as early as July."
    )
    assert attribute(text) == [("ARD", "formal talks could take place as early as July")]


def test_a_list_published_by_hosts_is_the_hosts(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to a list published by the Swiss hosts on Sunday, the declaration was "
        "approved by 80 of the 93 participating states."
    )
    assert attribute(text) == [
        ("the Swiss hosts", "the declaration was approved by 80 of the 93 participating states")
    ]


def test_a_text_by_people_named_by_no_side_stays_the_texts(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "According to a list compiled by volunteers, the talks will resume in Geneva on Monday."
    assert attribute(text) == [("a list", "the talks will resume in Geneva on Monday")]


def test_information_itself_does_not_speak(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Preliminary information indicates that Russian troops are withdrawing from Kherson."
    assert attribute(text) == []
