"""The store, as an SQLite file and on a PostgreSQL server: round trips, idempotence, one transaction per document, schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from talkwatch.records import Document, Section, Span, Statement
from talkwatch.store import SCHEMA_VERSION, Store, StoreError

TEXT = (
    "Kremlin spokesman Dmitry Peskov said Moscow was ready to discuss a ceasefire.\n\n"
    "“We will not give up an inch,” Zelensky said."
)


def document(text: str = TEXT, name: str = "peskov.txt") -> Document:
    import hashlib

    return Document(
        id=hashlib.sha256(text.encode()).hexdigest(),
        name=name,
        origin=f"/news/{name}",
        text=text,
        original=text,
        sections=(Section("body", 0, len(text)),),
        date="2025-03-14",
    )


def statement(doc: Document, quote: str, speaker: str, issues: tuple[str, ...]) -> Statement:
    start = doc.text.index(quote)
    sentence_start = doc.text.rfind("\n", 0, start) + 1
    sentence_end = doc.text.find("\n", start)
    sentence_end = len(doc.text) if sentence_end < 0 else sentence_end
    return Statement(
        doc_id=doc.id,
        doc=doc.name,
        quote=quote,
        quote_spans=(Span(start, start + len(quote)),),
        speaker=speaker,
        party="RUS" if speaker == "Dmitry Peskov" else "UKR",
        source="named",
        kind="indirect",
        issues=issues,
        stance="offer",
        section="body",
        sentence=doc.text[sentence_start:sentence_end],
        sentence_span=Span(sentence_start, sentence_end),
        cue="say",
        date="2025-03-14",
        issue_evidence=("ceasefire: ceasefire",),
        stance_reason="words 'ready to'",
    )


@pytest.fixture
def store(database: str):  # type: ignore[no-untyped-def]
    opened = Store.open(database)
    yield opened
    opened.close()


def two_statements(doc: Document) -> list[Statement]:
    return [
        statement(doc, "Moscow was ready to discuss a ceasefire", "Dmitry Peskov", ("ceasefire",)),
        statement(doc, "We will not give up an inch,", "Volodymyr Zelensky", ("territory",)),
    ]


def test_statements_round_trip_with_their_sentence(store: Store) -> None:
    doc = document()
    assert store.add(doc, two_statements(doc), "raw1") is True
    first, second = store.statements()
    assert first.quote == "Moscow was ready to discuss a ceasefire"
    assert first.sentence.startswith("Kremlin spokesman Dmitry Peskov said")
    assert first.issues == ("ceasefire",) and first.stance_reason == "words 'ready to'"
    assert first.id is not None and first.doc == "peskov.txt"
    assert doc.text[first.span.start : first.span.end] == first.quote
    assert second.speaker == "Volodymyr Zelensky"


def test_the_same_document_is_stored_once(store: Store) -> None:
    doc = document()
    assert store.add(doc, two_statements(doc), "raw1")
    assert store.add(doc, two_statements(doc), "raw2") is False
    assert store.counts() == {"documents": 1, "statements": 2, "inputs": 2}
    assert store.has_input(doc.origin, "raw2") and store.has_document(doc.id)


def test_filters(store: Store) -> None:
    doc = document()
    store.add(doc, two_statements(doc), "raw1")
    assert [s.speaker for s in store.statements(speaker="peskov")] == ["Dmitry Peskov"]
    assert [s.party for s in store.statements(party="ukr")] == ["UKR"]
    assert [s.quote for s in store.statements(issue="territory")] == [
        "We will not give up an inch,"
    ]
    assert len(store.statements(doc="peskov.txt")) == 2
    assert store.statements(doc="other.txt") == []
    assert len(store.statements(since="2025-03-14", until="2025-03-14")) == 2
    assert store.statements(since="2025-03-15") == []


def test_a_failing_document_leaves_nothing_half_written(store: Store) -> None:
    good = document()
    store.add(good, two_statements(good), "raw1")
    bad = document("Peskov said the talks were over.", "bad.txt")
    broken = statement(bad, "the talks were over", "Dmitry Peskov", ("talks",))
    object.__setattr__(broken, "kind", None)  # violates NOT NULL in the middle of the write
    with pytest.raises(store.db.errors):  # sqlite3.IntegrityError, psycopg's NotNullViolation
        store.add(bad, [broken], "raw-bad")
    assert not store.has_document(bad.id)
    assert store.counts() == {"documents": 1, "statements": 2, "inputs": 1}


def test_documents_and_sections(store: Store) -> None:
    doc = document()
    store.add(doc, two_statements(doc), "raw1")
    (stored,) = store.documents()
    assert stored.statements == 2 and stored.sections == doc.sections
    assert stored.text == TEXT and store.document("nope") is None


def test_reopening_keeps_data_and_schema(tmp_path: Path) -> None:
    path = str(tmp_path / "t.db")
    first = Store.open(path)
    doc = document()
    first.add(doc, two_statements(doc), "raw1")
    first.close()
    again = Store.open(path)
    assert again.schema_version() == SCHEMA_VERSION
    assert len(again.statements()) == 2
    again.close()


def test_newer_schema_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_version (version) VALUES (99)")
    with pytest.raises(StoreError, match="newer talkwatch"):
        Store.open(str(path))


def test_not_a_database_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        Store.open(str(path))
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(str(tmp_path))


def test_names_beyond_ascii_match_exactly_and_ascii_case_is_ignored(store: Store) -> None:
    text = "Maroš Šefčovič said the EU was ready to ease sanctions on the grain trade."
    doc = document(text, "sefcovic.txt")
    said = statement(doc, "the EU was ready to ease sanctions", "Maroš Šefčovič", ("sanctions",))
    store.add(doc, [said], "raw-sefcovic")
    assert [s.speaker for s in store.timeline(speaker="Maroš Šefčovič")] == ["Maroš Šefčovič"]
    # SQLite's NOCASE folds ASCII letters only; the server does the same
    assert len(store.timeline(speaker="maroš Šefčovič")) == 1
    assert len(store.statements(speaker="šefčovič")) == 0
    assert len(store.statements(speaker="Šefčovič")) == 1


def test_a_backslash_in_a_search_is_an_ordinary_character(store: Store) -> None:
    text = r"An official in C:\Kyiv said the talks would resume on Monday."
    doc = document(text, "backslash.txt")
    said = statement(doc, "the talks would resume on Monday", "An official in C:\\Kyiv", ("talks",))
    store.add(doc, [said], "raw-backslash")
    assert len(store.statements(speaker="C:\\Kyiv")) == 1
    assert store.statements(speaker="C:Kyiv") == []
