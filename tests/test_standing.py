"""Stored positions: the same answers as the in-memory analysis, kept up to date incrementally."""

from __future__ import annotations

from dataclasses import replace

import pytest

from talkwatch.analysis import issue_statuses, positions, shifts
from talkwatch.records import Document, Section, Statement
from talkwatch.standing import issue_standings, standings, stored_shifts
from talkwatch.store import Store
from test_analysis import RECORD, st


def document(doc_id: str) -> Document:
    text = " ".join(f"statement {n}" for n in range(1, 30))
    return Document(doc_id, f"{doc_id}.txt", doc_id, text, text, (Section("body", 0, len(text)),))


def store_all(store: Store, statements: list[Statement]) -> None:
    by_doc: dict[str, list[Statement]] = {}
    for statement in statements:
        by_doc.setdefault(statement.doc_id, []).append(replace(statement, id=None))
    for doc_id, found in by_doc.items():
        store.add(document(doc_id), found, f"raw-{doc_id}")


@pytest.fixture
def store(database: str):  # type: ignore[no-untyped-def]
    opened = Store.open(database)
    store_all(opened, RECORD)
    yield opened
    opened.close()


def summary(store: Store) -> dict[tuple[str, str], tuple[str, str | None, str]]:
    return {(p.party, p.issue): (p.stance, p.date, p.sourcing) for p in standings(store.db)}


def test_stored_positions_match_the_analysis(store: Store) -> None:
    expected = {
        (p.party, p.issue): (p.current.stance, p.current.date, p.sourcing)
        for p in positions(store.statements())
    }
    assert summary(store) == expected
    assert summary(store)[("UKR", "neutrality")] == ("conditional", "2022-03-16", "strong")


def test_stored_shifts_and_statuses_match_the_analysis(store: Store) -> None:
    in_memory = shifts(positions(store.statements()))
    stored = stored_shifts(store.db)
    assert [(s.party, s.issue, s.before.stance, s.after.stance, s.walk_back) for s in stored] == [
        (s.party, s.issue, s.before.stance, s.after.stance, s.walk_back) for s in in_memory
    ]
    statuses = {s.issue: (s.status, s.statements) for s in issue_standings(store.db)}
    stored_statements = store.statements()
    expected = issue_statuses(positions(stored_statements), stored_statements)
    assert statuses == {s.issue: (s.status, s.statements) for s in expected}


def test_a_new_document_updates_only_what_it_touches(store: Store) -> None:
    before = summary(store)
    store_all(store, [st(11, "2022-04-01", "RUS", "offer", ("territory",), "Dmitry Peskov", "d6")])
    stale = store.db.execute("SELECT party, issue FROM stale_positions").fetchall()
    assert stale == [("RUS", "territory")]
    after = summary(store)
    assert after[("RUS", "territory")] == ("offer", "2022-04-01", "named")
    assert {k: v for k, v in after.items() if k != ("RUS", "territory")} == {
        k: v for k, v in before.items() if k != ("RUS", "territory")
    }
    assert ("RUS", "territory", "demand", "offer") in {
        (s.party, s.issue, s.before.stance, s.after.stance) for s in stored_shifts(store.db)
    }


def test_a_readers_comment_is_no_evidence_of_a_sides_position(store: Store) -> None:
    # "Ivan P.: Peskov said it himself, they want everything." below an article: stored
    # and shown as Peskov's, but Russia's line is what the article reports
    before = summary(store)
    comment = st(12, "2022-04-02", "RUS", "offer", ("neutrality",), "Dmitry Peskov", "d7")
    counted = {s.issue: s.statements for s in issue_standings(store.db)}
    store_all(store, [replace(comment, section="comments")])
    assert summary(store) == before
    # nor counted on the issue, in the store and in memory alike
    assert {s.issue: s.statements for s in issue_standings(store.db)} == counted
    stored_statements = store.statements()
    in_memory = issue_statuses(positions(stored_statements), stored_statements)
    assert {s.issue: s.statements for s in in_memory} == counted
    assert summary(store)[("RUS", "neutrality")][0] == "demand"
    assert not [s for s in stored_shifts(store.db) if (s.party, s.issue) == ("RUS", "neutrality")]
    current = {(p.party, p.issue): p.current.stance for p in positions(store.statements())}
    assert current[("RUS", "neutrality")] == "demand"
    assert [s.section for s in store.statements() if s.doc_id == "d7"] == ["comments"]
    # the same words in the article itself are a shift
    store_all(store, [replace(comment, doc_id="d8")])
    assert summary(store)[("RUS", "neutrality")][0] == "offer"


def test_a_change_of_rules_recomputes_every_pair(store: Store) -> None:
    standings(store.db)
    store.db.execute("UPDATE positions SET stance = 'offer'")  # as an older rule left them
    store.db.execute("UPDATE settings SET value = '1' WHERE name = 'rules'")
    assert summary(store)[("RUS", "territory")][0] == "demand"


def test_the_stored_positions_read_an_issue_named_only_in_a_condition_as_a_demand(
    database: str,
) -> None:
    tied = replace(
        st(2, "2026-03-02", "UKR", "conditional", ("ceasefire", "governance"), "Zelensky", "e2"),
        quote="elections could only be held once a full ceasefire was in place",
        issue_evidence=("ceasefire: ceasefire", "governance: elections"),
    )
    accepted = st(1, "2026-02-02", "UKR", "accept", ("ceasefire",), "Volodymyr Zelensky", "e1")
    opened = Store.open(database)
    try:
        store_all(opened, [accepted, tied])
        assert summary(opened) == {
            ("UKR", "ceasefire"): ("demand", "2026-03-02", "named"),
            ("UKR", "governance"): ("conditional", "2026-03-02", "named"),
        }
        moved = [(s.before.stance, s.after.stance) for s in stored_shifts(opened.db)]
        assert moved == [("accept", "demand")]
    finally:
        opened.close()
