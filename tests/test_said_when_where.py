"""Where and when words were said is no part of what was said, and it dates them."""

from __future__ import annotations

import pytest

from talkwatch.attribution import Attributor
from talkwatch.pipeline import Analyzer
from talkwatch.records import Document, Section


@pytest.fixture(scope="module")
def quotes(nlp):  # type: ignore[no-untyped-def]
    attributor = Attributor()

    def run(text: str) -> list[str]:
        return [a.quote(text) for a in attributor.attribute(nlp(text), [("body", 0, len(text))])]

    return run


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Russian Foreign Minister Sergei Lavrov said Moscow was ready to resume talks "
            "with Kyiv, at a meeting with his Turkish counterpart in Moscow on November 8.",
            "Moscow was ready to resume talks with Kyiv",
        ),
        (
            "Volodymyr Zelensky said Kyiv would not give up any territory, in an interview "
            "with CNN.",
            "Kyiv would not give up any territory",
        ),
        (
            "Kremlin spokesman Dmitry Peskov said the memorandum was still being drafted, "
            "during a briefing for journalists.",
            "the memorandum was still being drafted",
        ),
        # how it was reported, set off before "that" (a reviewer's sentences)
        (
            "Reuters reported on Friday, citing two sources briefed on the talks, that "
            "Ukrainian negotiators had rejected the U.S. draft.",
            "Ukrainian negotiators had rejected the U.S. draft",
        ),
        (
            "The Kremlin said on Thursday, responding to the report, that no such agreement "
            "existed.",
            "no such agreement existed",
        ),
        # a name and a date the parse hangs on the clause belong to the occasion
        (
            "Sergei Lavrov said Moscow was ready to resume talks with Kyiv, at a meeting with "
            "his Turkish counterpart Hakan Fidan on November 8.",
            "Moscow was ready to resume talks with Kyiv",
        ),
    ],
)
def test_an_occasion_after_the_reported_words_is_left_out(quotes, text, quote) -> None:  # type: ignore[no-untyped-def]
    assert quotes(text) == [quote]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a time or a place of what is to happen stays: no occasion of speaking
        (
            "Rustem Umerov said the delegations would meet again, in Istanbul.",
            "the delegations would meet again, in Istanbul",
        ),
        (
            "Dmitry Peskov said Russia would present its memorandum, after talks in Istanbul.",
            "Russia would present its memorandum, after talks in Istanbul",
        ),
        # an event that may be what is to come, when the words look ahead (a reviewer's)
        (
            "Zelensky said Kyiv was ready to sign a ceasefire, at talks in Istanbul next week.",
            "Kyiv was ready to sign a ceasefire, at talks in Istanbul next week",
        ),
        (
            "Sybiha said Ukraine would present its peace plan, at a summit in Brussels on "
            "September 3.",
            "Ukraine would present its peace plan, at a summit in Brussels on September 3",
        ),
    ],
)
def test_a_time_or_place_of_what_was_said_stays(quotes, text, quote) -> None:  # type: ignore[no-untyped-def]
    assert quotes(text) == [quote]


def test_what_was_happening_as_words_were_said_is_the_writers(quotes) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kremlin said on Friday that President Vladimir Putin was ready to meet "
        "Volodymyr Zelensky, but only in Moscow, as the Istanbul talks ended with a deal "
        "on prisoners."
    )
    assert quotes(text) == [
        "President Vladimir Putin was ready to meet Volodymyr Zelensky, but only in Moscow"
    ]
    # a reason is the speaker's, also with a verb of events (a reviewer's sentences)
    text = "Peskov said Russia would not attend, as the summit was pointless."
    assert quotes(text) == ["Russia would not attend, as the summit was pointless"]
    text = "Sybiha said Kyiv would not sign, as Russia ended the grain deal in July."
    assert quotes(text) == ["Kyiv would not sign, as Russia ended the grain deal in July"]


def date_of(text: str, day: str) -> str | None:
    """The date of the one statement of ``text`` in an article of ``day``."""
    body = (Section("body", 0, len(text)),)
    doc = Document("d1", "wire.txt", "wire.txt", text, text, body, date=day)
    (statement,) = Analyzer.load().analyse(doc)
    return statement.date


def test_an_event_to_come_does_not_date_the_statement() -> None:
    text = (
        "Peskov said Russia would set out its terms, during a meeting with U.S. envoy Steve "
        "Witkoff on Wednesday."
    )
    assert date_of(text, "2025-08-09") == "2025-08-09"


def test_the_occasion_dates_the_statement() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov said Moscow was ready to resume talks with "
        "Kyiv, at a meeting with his Turkish counterpart in Moscow on November 8."
    )
    assert date_of(text, "2025-11-12") == "2025-11-08"
