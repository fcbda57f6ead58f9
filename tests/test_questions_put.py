"""A question a journalist puts to a speaker is no statement of the speaker's; the answer
is, and a speaker's own question stays theirs."""

from __future__ import annotations

import pytest

from talkwatch.attribution import Attributor


def found(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    out = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    return [(a.quote(text), a.speaker.text) for a in out]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Asked whether Russia would attend the Istanbul talks, Peskov said: "No, we will '
            'not be there."',
            [("No, we will not be there.", "Peskov")],
        ),
        (
            "When asked whether Moscow would accept the plan, Lavrov said it needed more work.",
            [("it needed more work", "Lavrov")],
        ),
        (
            'Mr Zelensky, asked if he was aware of the plan mentioned by Macron, told reporters '
            'in London: "I am aware of everything."',
            [("I am aware of everything.", "Mr Zelensky")],
        ),
        (
            '"We are ready to talk," Zelensky said, asked whether Kyiv would attend.',
            [("We are ready to talk,", "Zelensky")],
        ),
        ("Peskov was asked whether Russia would attend the talks in Istanbul.", []),
    ],
)
def test_the_question_put_is_not_the_speakers_words(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert found(nlp, text) == expected


def test_a_speakers_own_question_is_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Zelensky asked whether the West would send more air defence to Kyiv."
    assert found(nlp, text) == [("whether the West would send more air defence to Kyiv", "Zelensky")]
    # set off by commas, but no answer follows: still the speaker's question (a reviewer)
    text = "Zelensky, speaking in London, asked whether Europe was ready to defend itself."
    assert found(nlp, text) == [("whether Europe was ready to defend itself", "Zelensky")]
