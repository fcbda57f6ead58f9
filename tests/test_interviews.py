"""Interviews printed as questions and answers: "A:" is the interviewee's, "Q:" nobody's
statement, and a speaker's name in capitals is a name."""

from __future__ import annotations

from talkwatch.attribution import Attributor

INTRO = (
    "Zelensky: we will never recognise the occupied territories\n\n"
    "Ukrainian President Volodymyr Zelensky spoke to reporters in Kyiv on Tuesday about the "
    "talks in Istanbul.\n\n"
)
ANSWERS = (
    "Q: Will Ukraine recognise Crimea as Russian, as Vladimir Putin demands?\n\n"
    "A: We will never recognise the occupied territories as Russian. This is our red line.\n\n"
    "Q: Are you ready to meet Putin?\n\n"
    "A: I am ready to meet him, but only after a ceasefire.\n"
)


def turns(nlp, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    return [(a.kind, a.speaker.text, a.quote(text)) for a in found]


def test_answers_are_the_interviewees_and_questions_no_ones(nlp) -> None:  # type: ignore[no-untyped-def]
    found = turns(nlp, INTRO + ANSWERS)
    assert found[-2:] == [
        ("direct", "Volodymyr Zelensky",
         "We will never recognise the occupied territories as Russian. This is our red line"),
        ("direct", "Volodymyr Zelensky", "I am ready to meet him, but only after a ceasefire"),
    ]  # fmt: skip
    assert not any("Putin" in speaker for _, speaker, _ in found)  # named in a question


def test_answers_with_nobody_introduced_are_nobodys(nlp) -> None:  # type: ignore[no-untyped-def]
    assert turns(nlp, "The talks\n\n" + ANSWERS) == []


def test_a_name_in_capitals_the_text_gives_answers_a_question(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Interview\n\nPresident Volodymyr Zelensky answered our questions in Kyiv.\n\n"
        "Q: Will you go to Istanbul?\n\n"
        "ZELENSKY: We are ready to send a delegation to Istanbul next week.\n"
    )
    assert turns(nlp, text) == [
        ("direct", "Zelensky", "We are ready to send a delegation to Istanbul next week")
    ]


def test_a_place_in_capitals_is_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Talks\n\nQ: What happened overnight?\n\n"
        "KYIV: Air raid sirens sounded across the capital for three hours.\n"
    )
    assert turns(nlp, text) == []


def test_the_interviewee_is_who_the_text_has_speak_not_who_they_speak_of(nlp) -> None:  # type: ignore[no-untyped-def]
    # Putin is named as often, and last; Zelensky gives the interview (a reviewer)
    text = (
        "Zelensky interview\n\nKYIV, May 6, 2025 - Ukrainian President Volodymyr Zelensky "
        "gave an interview to the newspaper about the demands of Vladimir Putin. Zelensky "
        "said that Putin wanted the whole of Donbas and that Putin could not be trusted.\n\n"
        "Q: Are you ready for a ceasefire?\n\n"
        "A: We are ready for a full ceasefire from tomorrow, if Russia is ready too.\n"
    )
    answers = [(who, quote) for kind, who, quote in turns(nlp, text) if quote.startswith("We")]
    assert answers == [
        ("Volodymyr Zelensky", "We are ready for a full ceasefire from tomorrow, if Russia is "
         "ready too")
    ]  # fmt: skip


BRIEFING = (
    "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference\n\n"
    "CCTV: The peace conference on Ukraine will be held in Switzerland this month. "
    "Will China attend?\n\n"
    "Mao Ning: China has always held that a peace conference should be endorsed by both "
    "Russia and Ukraine.\n\n"
    "Reuters: The Swiss foreign ministry said on Monday that China had been invited. "
    "What is your response?\n\n"
    "Mao Ning: China will continue to promote peace talks in its own way.\n"
)


def test_a_briefings_questioners_give_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    assert turns(nlp, BRIEFING) == [
        ("direct", "Mao Ning",
         "China has always held that a peace conference should be endorsed by both Russia "
         "and Ukraine"),
        # what a question reports someone said is still found
        ("indirect", "The Swiss foreign ministry", "China had been invited"),
        ("direct", "Mao Ning", "China will continue to promote peace talks in its own way"),
    ]  # fmt: skip


def test_a_speaker_who_asks_once_and_answers_too_is_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Debate\n\nSergey Lavrov: Why should we trust them after Minsk?\n\n"
        "Sergey Lavrov: Russia will not accept a ceasefire that lets Kyiv rearm.\n\n"
        "Andrii Sybiha: Ukraine is ready for a full ceasefire today.\n"
    )
    found = [speaker for _, speaker, _ in turns(nlp, text)]
    assert found == ["Sergey Lavrov", "Sergey Lavrov", "Andrii Sybiha"]
