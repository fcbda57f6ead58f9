"""WHERE clauses for the filters statements take (party, speaker, document, issue,
dates), shared by the store's queries, the command line and the web pages."""

from __future__ import annotations

from . import database
from .records import NO_SIDE_SQL


def party_condition(party: str) -> tuple[str, list[object]]:
    """The WHERE clause for one party; NONE also holds speakers whose side the text does
    not give, which the export writes as NONE too (docs/contract.md)."""
    if party.upper() == "NONE":
        return f"s.party IN {NO_SIDE_SQL}", []
    return "s.party = ? COLLATE NOCASE", [party]


def documents_named(doc: str) -> tuple[str, list[object]]:
    """A subquery for the ids of the document whose file name, path or URL ``doc`` is;
    else of every document whose id or name starts with it, or whose URL has a part of
    its path (not its host) that starts with it (``--doc 2025-06-02`` for
    https://example.org/news/2025-06-02-talks)
    (``--doc``, the web's ``doc``, ``documents set-date``)."""
    like = database.LIKE_TEXT
    start = database.like_pattern(doc, anywhere=False)
    segment = "%://%/" + start  # a part of the path, not the host ("www")
    exact = "name = ? OR origin = ? OR url = ?"
    return (
        f"SELECT id FROM documents WHERE {exact} "
        f"OR (NOT EXISTS (SELECT 1 FROM documents WHERE {exact}) "
        f"AND (id {like} OR name {like} OR (url != '' AND url {like})))",
        [doc, doc, doc, doc, doc, doc, start, start, segment],
    )


def names_a_document(db: database.Database, doc: str) -> bool:
    """Whether a stored document answers to ``doc`` as ``documents_named`` reads it."""
    ids, params = documents_named(doc)
    return db.execute(f"SELECT 1 FROM ({ids}) AS named LIMIT 1", params).fetchone() is not None


def document_condition(doc: str) -> tuple[str, list[object]]:
    """The WHERE clause for the statements of the documents ``doc`` names."""
    ids, params = documents_named(doc)
    return f"s.doc_id IN ({ids})", params


def speaker_condition(speaker: str) -> tuple[str, list[object]]:
    """The WHERE clause for any part of a speaker's name or of the words naming them."""
    like = database.LIKE_TEXT
    return f"(s.speaker {like} OR s.speaker_mention {like})", [database.like_pattern(speaker)] * 2


# From a day on: a statement recalled from before its text (talkwatch.earlier) was made
# before its text's date, so perhaps before the day; it is left out.
SINCE = "(s.date >= ? AND s.earlier = '')"


def shared_filters(
    party: str | None,
    issue: str | None,
    since: str | None,
    until: str | None,
    speaker: str | None = None,
) -> tuple[list[str], list[object]]:
    """WHERE clauses and parameters for the filters every statement query offers."""
    where: list[str] = []
    params: list[object] = []
    conditions = [party_condition(party)] if party else []
    conditions += [speaker_condition(speaker)] if speaker else []
    for clause, values in conditions:
        where.append(clause)
        params += values
    for clause, value in (
        # issue codes are lower case; comparing as stored keeps the index usable
        (
            "s.id IN (SELECT statement_id FROM statement_issues WHERE issue = ?)",
            (issue or "").lower(),
        ),
        (SINCE, since),
        ("s.date <= ?", until),
    ):
        if value:
            where.append(clause)
            params.append(value)
    return where, params


def side_and_issue(
    party: str | None, issue: str | None, table: str = ""
) -> tuple[list[str], list[object]]:
    """WHERE tests, and their parameters, for one party's rows (any case) and one issue's,
    of ``table`` (an alias, "h") when given: the Atom feed's shifts and withdrawals."""
    column = f"{table}." if table else ""
    tests: list[str] = []
    params: list[object] = []
    if party:
        tests.append(f"{column}party = ? COLLATE NOCASE")
        params.append(party)
    if issue:
        tests.append(f"{column}issue = ?")
        params.append(issue.lower())
    return tests, params
