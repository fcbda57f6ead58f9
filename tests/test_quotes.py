"""Pairing quotation marks."""

from __future__ import annotations

from talkwatch.quotes import find_quotations


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotations(text)]


def test_curly_quotes_pair() -> None:
    text = "“Some progress has been made,” Zakharova said, calling it “a start”."
    assert contents(text) == ["Some progress has been made,", "a start"]


def test_straight_quotes_pair_by_context() -> None:
    text = 'He said the war was "at a deadlock." Then: "We need something new," he added.'
    assert contents(text) == ["at a deadlock.", "We need something new,"]


def test_multi_paragraph_quotation_is_one() -> None:
    text = "He said:\n\n“First point.\n\n“Second point.”\n\nAfter."
    assert contents(text) == ["First point.\n\n“Second point."]


def test_unclosed_mark_is_dropped() -> None:
    text = "The so-called “special operation went on.\n\nNext paragraph “closed here” ok."
    assert contents(text) == ["closed here"]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert contents("Ukraine's army and Russia's navy") == []


def test_single_curly_quotation_marks_in_the_british_style() -> None:
    text = (
        "Guterres said the deal ‘did not come easy… it has been a long road’, and the "
        "leaders’ summit welcomed it. Putin’s aide said ‘We don’t agree with that.’"
    )
    assert [text[q.start : q.end] for q in find_quotations(text)] == [
        "did not come easy… it has been a long road",
        "We don’t agree with that.",
    ]


def test_single_marks_inside_a_double_quotation_and_lone_terms_are_not_quotations() -> None:
    text = "“He called it ‘no way forward’ twice,” she said of the ‘denazification’ demand."
    assert [text[q.start : q.end] for q in find_quotations(text)] == [
        "He called it ‘no way forward’ twice,"
    ]


def test_a_quotation_inside_a_quotation_leaves_the_outer_one_whole() -> None:
    text = (
        '"Russia will not talk to anyone based on the "formula of peace" proposed by '
        'Zelenskyy, it is obvious that Kyiv is not ready for dialogue," Lavrov was quoted '
        "as saying."
    )
    assert contents(text) == [
        'Russia will not talk to anyone based on the "formula of peace" proposed by '
        "Zelenskyy, it is obvious that Kyiv is not ready for dialogue,"
    ]
    text = "“We reject the “peace formula” entirely,” Peskov said."
    assert contents(text) == ["We reject the “peace formula” entirely,"]
    # a mark left open before another quotation is no quotation around it
    text = '"We are ready, he said. "We will go."'
    assert contents(text) == ["We will go."]


def test_straight_single_marks_quote_whole_sentences_in_copy_that_lost_curly_ones() -> None:
    text = (
        "'Appeasing bullies never works,' one reader warned, while another concluded: "
        "'Both Trump and Putin use war for their own ends.' The leaders' summit in "
        "'90s style, they said, was 'worth the paper it is written on'. I don't agree."
    )
    assert contents(text) == [
        "Appeasing bullies never works,",
        "Both Trump and Putin use war for their own ends.",
    ]
    # a phrase in straight marks is no quotation, and does not swallow the one after it
    text = "Trump praised the 'Big Beautiful Bill' at a rally. Musk said: 'It's a disgrace.'"
    assert contents(text) == ["It's a disgrace."]
    text = "the 'Coalition of the Willing' met in Paris, and the U.S.' envoy left."
    assert contents(text) == []
    # a paragraph that is only a quotation in straight marks is a heading or a pull quote
    assert contents("He spoke for an hour.\n\n'Legend in the Coal Fields.'\n\nThen he left.") == []


def test_a_closing_mark_that_opens_a_sentence_opens_the_quotation() -> None:
    text = (
        "The Kremlin set no deadline. \u201dEveryone wants this done quickly, but the devil is in "
        "the details,\u201d Peskov said.\n\n\u201dWe will draft our own version,\u201d he added."
    )
    assert contents(text) == [
        "Everyone wants this done quickly, but the devil is in the details,",
        "We will draft our own version,",
    ]


def test_a_closing_mark_after_a_comma_still_closes() -> None:
    text = "\u201cThe road leads nowhere, \u201dhe wrote on Telegram."
    assert contents(text) == ["The road leads nowhere, "]


def test_a_closing_mark_after_a_sentence_closes_the_open_quotation() -> None:
    text = "\u201cWe will not give up an inch of our land. \u201dZelensky said."
    assert contents(text) == ["We will not give up an inch of our land. "]
