"""Stored documents analysed again with the rules and models installed now.

Ingest is incremental: an unchanged input is never parsed twice, so statements
stored by an older talkwatch keep the older rules' reading. ``reanalyse`` reads
each stored document's cleaned text, sections and date back from the store,
analyses it as ingest would, and replaces its statements in one transaction
per document, so an interrupted run leaves every document either as it was or
wholly new; a document whose statements come out the same keeps its rows, and
so its statements' ids and links. The (party, issue) pairs that the old or the new statements touch
are recomputed at the end. Shifts that appear only because the rules changed
are not news: where ``talkwatch watch`` announces shifts, they are counted as
announced (``alerts.settle``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from .alerts import settle
from .pipeline import Analyzer
from .records import Document, Statement
from .revisions import ids_of, keeping_id, note_gone
from .standing import mark_stale, refresh
from .store import Store


@dataclass
class Reanalysed:
    documents: int = 0
    before: int = 0  # statements stored before
    after: int = 0  # statements stored now
    changed: int = 0  # documents whose statements are not the same as before

    def summary(self) -> str:
        plural = "s" * (self.documents != 1)
        return (
            f"Analysed {self.documents} document{plural} again: {self.after} statement"
            f"{'s' * (self.after != 1)} (were {self.before}); {self.changed} document"
            f"{'s' * (self.changed != 1)} changed; positions and shifts recomputed."
        )


def reanalyse(
    store: Store,
    analyzer: Analyzer,
    doc_ids: Iterable[str],
    on_progress: Callable[[int], None] = lambda done: None,
) -> Reanalysed:
    """Analyse the documents ``doc_ids`` again and store what they say now."""
    result = Reanalysed()
    for document, statements in analyzer.analyse_many(_stored(store, dict.fromkeys(doc_ids))):
        before = store.statements(doc=document.id)
        if _as_stored(before) != _as_stored(statements):  # else the rows (and ids) stay
            _replace(store, document.id, before, statements)
            result.changed += 1
        result.documents += 1
        result.before += len(before)
        result.after += len(statements)
        on_progress(1)
    refresh(store.db)
    settle(store.db)
    return result


def _stored(store: Store, doc_ids: Iterable[str]) -> Iterator[Document]:
    for doc_id in doc_ids:
        stored = store.document(doc_id)
        if stored is None:  # removed meanwhile by another process
            continue
        yield Document(
            id=stored.id,
            name=stored.name,
            origin=stored.origin,
            text=stored.text,
            original=stored.text,  # the analysis reads the cleaned text only
            sections=stored.sections,
            title=stored.title,
            author=stored.author,
            date=stored.date,
            url=stored.url,
        )


def _replace(store: Store, doc_id: str, before: list[Statement], now: list[Statement]) -> None:
    with store.transaction():
        mark_stale(store.db, before)  # a pair the old statements held may now be empty
        ids = ids_of(store.db, [doc_id])  # a statement read the same keeps its id
        now = [keeping_id(st, ids) for st in now]
        # their issues go with them (statement_issues: ON DELETE CASCADE)
        store.db.execute("DELETE FROM statements WHERE doc_id = ?", (doc_id,))
        note_gone(store.db, [st.id for st in before if st.id is not None])
        store.insert_statements(now)
        mark_stale(store.db, now)


def _as_stored(statements: list[Statement]) -> list[Statement]:
    """Statements as the store gives them back: no row id, issues in order."""
    return [replace(st, id=None, issues=tuple(sorted(st.issues))) for st in statements]
