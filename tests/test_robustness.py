"""Property-based: random and adversarial text through every stage never breaks.

decode -> clean -> Analyzer.analyse -> export.statement_row -> store -> integrity:
no exception, every span inside the text, every quote equal to the text at its
spans, every row valid against the export contract.
"""

from __future__ import annotations

import json
import re
from functools import cache

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from talkwatch.clean import clean
from talkwatch.export import CONTRACT_FIELDS, statement_row
from talkwatch.ingest import InputError, decode
from talkwatch.integrity import problems
from talkwatch.pipeline import Analyzer
from talkwatch.records import (
    ISSUES,
    KINDS,
    QUOTE_JOINER,
    SECTIONS,
    SOURCES,
    STANCES,
    RawInput,
    Span,
    Statement,
)
from talkwatch.store import Store

PARTY = re.compile(r"([A-Z]{3}|EU|UN|NATO|NONE)?")
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

FRAGMENTS = [
    "Kremlin spokesman Dmitry Peskov said",
    "Zelensky told reporters",
    "according to a senior Ukrainian official,",
    "he added",
    "she said.",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "(",
    ")",
    "—",
    ":",
    ".",
    ",",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "Moscow was ready to discuss a ceasefire",
    "We will never give up our territory",
    "the talks",
    "Москва заявила, что переговоры продолжатся",
    "قال المتحدث إن المحادثات ستستمر",
    "אמר הדובר",
    "\u202e",
    "\u202b",
    "\u200f",
    "😀",
    "👍🏽",
    "🇺🇦",
    "\u200b",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u0301",
    "[1]",
    "¹",
    "<p>",
    "</p>",
    "<script>x()</script>",
    "# ",
    "> ",
    "**",
    "---\n",
    "Share this article",
    "3 comments",
    "Reply",
]

adversarial = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
random_text = st.text(max_size=400)
# up to 2,400 words and 400 quotations, often past parts.SENTENCE_CHARS (where a sentence is
# cut for the parser); more quotations only made examples slower, as the attribution passes
# take time quadratic in the quotations of a paragraph
long_sentence = st.builds(
    lambda words, n: f"Peskov said that {' '.join(words * n)}.",
    st.lists(
        st.sampled_from(["the", "talks", "“would”", "never", "end", "and"]), min_size=1, unique=True
    ),
    st.integers(50, 400),
)
texts = st.one_of(adversarial, random_text, long_sentence)
media_types = st.sampled_from(["text/plain", "text/markdown", "text/html"])


@cache
def analyzer() -> Analyzer:
    return Analyzer.load()


def inside(span: Span | None, text: str) -> bool:
    return span is None or 0 <= span.start <= span.end <= len(text)


def check_statement(st_: Statement, text: str) -> None:
    assert st_.quote_spans, st_
    assert all(inside(span, text) for span in st_.quote_spans), st_
    assert st_.quote == QUOTE_JOINER.join(span.text(text) for span in st_.quote_spans)
    assert inside(st_.sentence_span, text) and st_.sentence == st_.sentence_span.text(text)
    assert inside(st_.cue_span, text) and inside(st_.speaker_span, text)
    row = statement_row(st_)
    assert list(row)[: len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS)
    assert row["kind"] in KINDS and row["stance"] in STANCES and row["source"] in SOURCES
    assert row["section"] in SECTIONS and set(row["issues"]) <= set(ISSUES)
    assert PARTY.fullmatch(row["party"]), row["party"]
    assert isinstance(row["quote"], str) and isinstance(row["speaker"], str)
    json.loads(json.dumps(row, ensure_ascii=False))


@SETTINGS
@given(text=texts, media_type=media_types)
@example(text="\x00", media_type="text/plain")  # SQLite's length() stops at a NUL
@example(text="Peskov said: “" + "x" * 6_000 + "”", media_type="text/plain")
def test_every_stage_survives_adversarial_text(text: str, media_type: str) -> None:
    raw = RawInput("x.txt", "x.txt", text.encode("utf-8", errors="surrogatepass"), media_type)
    try:
        decoded = decode(raw)
    except InputError:
        decoded = text  # refused input stops here in an ingest; the later stages must cope too
    document = clean(raw, decoded)
    assert all(inside(Span(s.start, s.end), document.text) for s in document.sections)
    statements = analyzer().analyse(document)
    for statement in statements:
        check_statement(statement, document.text)
    store = Store.open(":memory:")
    try:
        store.add(document, statements, "raw")
        assert problems(store) == []
        assert len(store.statements()) == len(statements)
    finally:
        store.close()


@settings(max_examples=30, deadline=None)
@given(data=st.binary(max_size=2000))
def test_decode_returns_text_or_one_line_error(data: bytes) -> None:
    try:
        decoded = decode(RawInput("x.bin", "x.bin", data))
    except InputError as err:
        assert str(err).startswith("x.bin: ") and "\n" not in str(err)
    else:
        assert isinstance(decoded, str) and decoded.strip()
