"""Positions a text recalls from before its time: marked, kept, but not today's stance."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from talkwatch.analysis import positions, shifts
from talkwatch.cli import cli
from talkwatch.export import statement_row
from talkwatch.pipeline import Analyzer
from talkwatch.records import Document, Section, Statement
from talkwatch.standing import standings, stored_shifts
from talkwatch.store import Store
from talkwatch.web import queries
from talkwatch.web.app import create_app
from test_analysis import st


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


def analyse(analyzer: Analyzer, text: str) -> list[Statement]:
    body = (Section("body", 0, len(text)),)
    doc = Document("d1", "wire.txt", "wire.txt", text, text, body, date="2025-03-12")
    return analyzer.analyse(doc)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "A day earlier, the White House had said there were no plans for a meeting "
            "between the two presidents.",
            "had said",
        ),
        (
            "Russia had demanded that Ukraine withdraw its troops from the four regions.",
            "had demanded",
        ),
        (
            "Zelensky has previously said he would meet Putin only to agree a ceasefire.",
            "previously",
        ),
        (
            "Moscow has in the past insisted that any settlement reflect the new realities.",
            "in the past",
        ),
        (
            "Russia had been demanding that Ukraine withdraw its troops from the four regions.",
            "had been demanding",
        ),
        # a time before the text said in words, of the saying or of the act reported
        ("Ukraine has previously demanded a full ceasefire, Sybiha said.", "previously"),
        ("Russia had earlier rejected any European peacekeepers, Peskov said.", "earlier rejected"),
        (
            "Last week, Kremlin spokesman Dmitry Peskov said Russia accepts a ceasefire.",
            "Last week",
        ),
        ("Peskov said last month that Russia was ready to talk to Washington.", "last month"),
        # the parse hangs it on the reported clause, before that clause's subject
        ("Zelensky said last year he would accept a ceasefire along the line.", "last year"),
        ("Earlier this month, Lavrov said Russia was ready to talk.", "Earlier this month"),
        # a year or month before the text's (of 2025-03-12), of the saying or the act
        ("In 2022, Moscow demanded that Kyiv give up its NATO bid, Lavrov said.", "In 2022"),
        ("Peskov said that in March 2024 Russia had offered a neutrality deal.", "in March 2024"),
        ("Lavrov said in January that Russia was ready to talk to Kyiv.", "in January"),
        ("During 2023, Kyiv refused any talks with Moscow, Yermak said.", "During 2023"),
        ("Back in 2022, Lavrov said Russia was ready to talk to Kyiv.", "Back in 2022"),
        ("Lavrov said back in 2022 that Russia was ready to talk to Kyiv.", "back in 2022"),
        # what is joined and speaks of today belongs to another subject
        (
            "Lavrov said Moscow signed the memorandum in 1994 and Kyiv now wants to rewrite it.",
            "in 1994",
        ),
    ],
)
def test_a_position_taken_before_the_text_is_marked(
    analyzer: Analyzer, text: str, words: str
) -> None:
    (found,) = analyse(analyzer, text)
    assert found.earlier == words
    assert statement_row(found)["earlier"] == words


@pytest.mark.parametrize(
    "text",
    [
        # the reported words' tense is the report's: "Kyiv has refused" told in the past
        "A Ukrainian official said Kyiv had refused to sign anything directly with Russia.",
        "Peskov said earlier on Monday that the Kremlin was ready to talk to Washington.",
        "Russia has long demanded that Ukraine give up its bid to join NATO.",
        "Peskov said once again that Moscow was ready to talk to Washington.",
        "Peskov once again said that Moscow was ready to talk to Washington.",
        "Zelensky said this week that Kyiv was ready to meet Putin in Istanbul.",
        "Zakharova said Moscow rejected the plan drawn up in Paris.",
        "Lavrov told reporters on Tuesday that Moscow would not accept foreign troops.",
        "Peskov said Russia would hold talks with Kyiv next week.",
        # dated by its own sentence, it has its place in the order already
        "On March 3, the Kremlin had said it would not accept European troops in Ukraine.",
        "Earlier on Monday, Peskov had said Moscow was ready to talk to Washington.",
        # a position held since then, a time ahead, the text's own month
        "Russia has demanded since 2022 that Ukraine stay neutral, Peskov said.",
        "Peskov said talks in April would go ahead without preconditions.",
        "Kyiv said it would attend the talks in May 2025.",
        "Lavrov said in March that Russia was ready to talk to Kyiv.",
        "In 2025, Russia will not accept any foreign troops in Ukraine, Lavrov said.",
        # a past year or month on a future, a modal or a passive: ahead, or today's refusal
        "Lavrov said the talks would be held in April.",
        "Zelensky said the agreement will be signed in January.",
        "Peskov said the next round was in April.",
        "In 2024, Russia will not accept any foreign troops, Lavrov said.",
        "Lavrov said Russia would never return to the situation in 2021.",
        # a year that reaches the text's own; a march, not March
        "Russia demanded in 2024 and 2025 that Ukraine withdraw, Peskov said.",
        "Opposition leaders said in a march through Kyiv that Russia must withdraw.",
        # a past act named to ask for something now
        "Rubio said Russia invaded in 2022 and must now withdraw.",
        "Lavrov said Kyiv rejected the Istanbul deal in 2022 and now wants talks.",
    ],
)
def test_todays_statements_are_not_marked(analyzer: Analyzer, text: str) -> None:
    (found,) = analyse(analyzer, text)
    assert found.earlier == ""
    assert statement_row(found)["earlier"] == ""


def recalled(statement: Statement) -> Statement:
    return replace(statement, earlier="had demanded")


# Russia demands in March; an article in April recalls that it "had rejected" talks,
# then a later article has Moscow offering them.
RECORD = [
    st(1, "2025-03-01", "RUS", "demand", ("talks",), "Sergey Lavrov", "d1"),
    recalled(st(2, "2025-04-01", "RUS", "reject", ("talks",), "Dmitry Peskov", "d2")),
    st(3, "2025-04-01", "RUS", "demand", ("talks",), "Dmitry Peskov", "d2"),
    recalled(st(4, "2025-04-01", "RUS", "reject", ("talks",), "Dmitry Peskov", "d2")),
    st(5, "2025-05-01", "RUS", "offer", ("talks",), "Vladimir Putin", "d3"),
    recalled(st(6, "2025-06-01", "RUS", "reject", ("talks",), "Yuri Ushakov", "d4")),
]


def test_a_joined_verb_of_today_that_is_a_statement_of_its_own_leaves_the_mark(
    analyzer: Analyzer,
) -> None:
    text = (
        "Peskov said Russia offered in 2022 to withdraw from the Kyiv region and continues "
        "to seek talks."
    )
    marks = {st.quote: st.earlier for st in analyse(analyzer, text)}
    assert marks["Russia offered in 2022 to withdraw from the Kyiv region"] == "in 2022"


def test_a_recalled_position_makes_no_shift_and_is_not_the_current_stance() -> None:
    (position,) = positions(RECORD)
    assert [e.statement_id for e in position.history] == [1, 2, 3, 4, 5, 6]
    assert position.current.statement_id == 5
    assert [e.statement_id for e in position.support] == [5]
    found = shifts([position])
    assert [(s.before.statement_id, s.after.statement_id) for s in found] == [(3, 5)]


def test_only_recalled_positions_still_say_where_a_side_stood() -> None:
    (position,) = positions([RECORD[1], RECORD[3]])
    assert position.current.stance == "reject"
    assert [e.statement_id for e in position.support] == [2, 4]
    assert position.sourcing == "named"
    assert shifts([position]) == []


def store_record(path: str) -> Store:
    store = Store.open(path)
    for doc_id in ("d1", "d2", "d3", "d4"):
        text = " ".join(f"statement {n}" for n in range(1, 10))
        doc = Document(doc_id, f"{doc_id}.txt", doc_id, text, text, (Section("body", 0, 60),))
        store.add(doc, [replace(s, id=None) for s in RECORD if s.doc_id == doc_id], doc_id)
    return store


def test_stored_positions_read_the_mark_from_the_database(database: str) -> None:
    store = store_record(database)
    try:
        (standing,) = standings(store.db)
        assert standing.stance == "offer"
        stored = stored_shifts(store.db)
        assert [(s.before.stance, s.after.stance, s.after.earlier) for s in stored] == [
            ("demand", "offer", "")
        ]
    finally:
        store.close()


def test_the_dashboard_says_which_statements_are_recalled(tmp_path: Path) -> None:
    path = str(tmp_path / "t.db")
    store_record(path).close()
    client = TestClient(create_app(path))
    page = client.get("/evidence", params={"party": "RUS", "issue": "talks"}).text
    assert page.count('class="recalled"') == 3  # statements 2, 4 and 6 of six
    ids = [item["id"] for item in client.get("/api/statements").json()["items"]]
    pages = [client.get(f"/statements/{sid}").text for sid in ids]
    marked = [p for p in pages if "recalled from before the text (“had demanded”)" in p]
    assert len(pages) == 6 and len(marked) == 3


def ingested(tmp_path: Path, kremlin: str) -> tuple[str, CliRunner]:
    """An article of March 12 in which the Kremlin "had said" something the day before,
    and Sybiha speaks on the day."""
    (tmp_path / "a.txt").write_text(
        f"KYIV, March 12, 2025 - A day earlier, the Kremlin had said {kremlin}.\n\n"
        "Ukrainian Foreign Minister Andrii Sybiha said Kyiv was ready to send a delegation "
        "to Istanbul.\n"
    )
    db = str(tmp_path / "t.db")
    runner = CliRunner(env={"COLUMNS": "200"})
    assert runner.invoke(cli, ["ingest", str(tmp_path), "--db", db, "-q"]).exit_code == 0
    return db, runner


def test_the_terminal_dates_a_recalled_statement_before_its_text(tmp_path: Path) -> None:
    db, runner = ingested(tmp_path, "it was ready to send a delegation to Istanbul")
    for command in (["timeline"], ["statements"]):
        shown = runner.invoke(cli, [*command, "--db", db]).stdout
        kremlin = next(line for line in shown.splitlines() if "Kremlin" in line)
        sybiha = next(line for line in shown.splitlines() if "Sybiha" in line)
        assert "before 2025-03-12" in kremlin and "before" not in sybiha, command
    rows = json.loads(runner.invoke(cli, ["timeline", "--db", db, "--format", "json"]).stdout)
    assert sorted(row["earlier"] for row in rows) == ["", "had said"]
    # said before the text's day, so perhaps before the first day asked for: left out
    since = runner.invoke(cli, ["statements", "--db", db, "--since", "2025-03-12"]).stdout
    until = runner.invoke(cli, ["statements", "--db", db, "--until", "2025-03-12"]).stdout
    assert "Sybiha" in since and "Kremlin" not in since
    assert "Sybiha" in until and "Kremlin" in until
    api = TestClient(create_app(db)).get("/api/statements", params={"since": "2025-03-12"})
    assert [item["speaker"] for item in api.json()["items"]] == ["Andrii Sybiha"]


def test_the_charts_plot_only_positions_taken_in_their_texts(tmp_path: Path) -> None:
    store = store_record(str(tmp_path / "t.db"))
    try:
        lanes = queries.timeline_counts(store, queries.Filters())
        assert sorted((month, stance, n) for _, _, month, stance, n in lanes) == [
            ("2025-03", "demand", 1),
            ("2025-04", "demand", 1),
            ("2025-05", "offer", 1),
        ]
        months = queries.stance_months(store, "RUS")
        assert sum(n for *_, n in months) == 3
    finally:
        store.close()


def test_a_stance_resting_only_on_recalled_words_is_dated_before_its_text(tmp_path: Path) -> None:
    db, runner = ingested(tmp_path, "it would not accept European troops in Ukraine")
    table = runner.invoke(cli, ["positions", "--db", db]).stdout
    row = next(line for line in table.splitlines() if "foreign_forces" in line)
    assert "reject before 2025-03-12" in row
    talks = next(line for line in table.splitlines() if line.startswith("│ talks"))
    assert "offer 2025-03-12" in talks and "before" not in talks
    rows = json.loads(runner.invoke(cli, ["positions", "--db", db, "--format", "json"]).stdout)
    assert {row["issue"]: row["earlier"] for row in rows} == {
        "foreign_forces": "had said",
        "talks": "",
    }
    page = TestClient(create_app(db)).get("/").text
    assert "before 2025-03-12" in page
