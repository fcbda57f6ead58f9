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
