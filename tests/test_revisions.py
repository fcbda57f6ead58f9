"""An input changed since it was stored: the new text replaces the earlier one."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from feed_server import Page, Site, article
from talkwatch.cli import cli
from talkwatch.store import Store
from talkwatch.web.app import create_app

FIRST = (
    "Kremlin denies freeze report\n\n"
    "MOSCOW, June 5 (Wire) - Kremlin spokesman Dmitry Peskov on Thursday denied a media "
    "report that Russia was preparing to freeze the front line.\n\n"
    '"Russia is ready to continue the talks in Istanbul," Peskov told reporters.\n'
)
UPDATE = (
    "\nPeskov later said that Moscow would not accept any ceasefire without guarantees "
    "that Ukraine stays out of NATO.\n"
)


def run(*args: str) -> str:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def stored(db: str) -> tuple[list[str], list[str]]:
    store = Store.open(db)
    try:
        return [d.id for d in store.documents()], [s.quote for s in store.statements()]
    finally:
        store.close()


def statement_ids(db: str) -> set[int]:
    store = Store.open(db)
    try:
        return {st.id for st in store.statements() if st.id is not None}
    finally:
        store.close()


def test_a_file_edited_in_place_replaces_its_earlier_text(tmp_path: Path, database: str) -> None:
    article = tmp_path / "2025-06-05_kremlin.txt"
    article.write_text(FIRST, encoding="utf-8")
    db = database
    run("ingest", str(article), "--db", db)
    (first,), before = stored(db)
    assert "Russia is ready to continue the talks in Istanbul," in before

    article.write_text(FIRST + UPDATE, encoding="utf-8")
    line = run("ingest", str(article), "--db", db)
    assert "1 new document" in line and "1 changed input stored in place of its earlier text" in line
    (second,), after = stored(db)
    assert second != first
    assert len(after) == len(before) + 1  # each statement once, and the new one
    assert any("would not accept any ceasefire" in quote for quote in after)
    assert "No problems found" in run("check", "--db", db)

    # Russia's positions rest on the new text alone; ingesting it again is a no-op
    positions = json.loads(run("positions", "--db", db, "--format", "json"))
    assert positions and all(p["documents"] == 1 for p in positions)
    evidence = {e["statement_id"] for p in positions for e in p["evidence"]}
    assert evidence <= statement_ids(db)
    assert "0 new documents" in run("ingest", str(article), "--db", db)
    assert stored(db)[0] == [second]


def test_a_date_the_user_set_on_the_earlier_text_is_kept(tmp_path: Path) -> None:
    article = tmp_path / "kremlin.txt"  # no date in its name or text
    article.write_text(FIRST.replace("June 5 (Wire) - ", ""), encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(article), "--db", db)
    (first,), _ = stored(db)
    run("documents", "set-date", "--db", db, first[:12], "2025-06-04")
    article.write_text(FIRST.replace("June 5 (Wire) - ", "") + UPDATE, encoding="utf-8")
    run("ingest", str(article), "--db", db)
    listed = json.loads(run("documents", "--db", db, "--format", "json"))
    assert [(d["date"], d["date_source"]) for d in listed] == [("2025-06-04", "set")]


def test_the_same_name_in_another_folder_is_another_document(tmp_path: Path) -> None:
    # two wires' "report.txt" are two articles: only the same file (or address) is updated
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b" / "report.txt").write_text(FIRST + UPDATE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(tmp_path / "a"), "--db", db)
    line = run("ingest", str(tmp_path / "b"), "--db", db)
    assert "in place of" not in line
    assert len(stored(db)[0]) == 2


def test_a_page_posted_again_after_an_update_replaces_its_earlier_text(tmp_path: Path) -> None:
    paragraphs = FIRST.split("\n\n")[1:]
    with Site({"/story": Page(article("Kremlin denies report", paragraphs))}) as site:
        db = str(tmp_path / "web.db")
        Store.open(db).close()
        client = TestClient(create_app(db, token="s3cret", allow_private_urls=True))
        auth = {"Authorization": "Bearer s3cret"}
        first = client.post("/api/documents", json={"url": site.url("/story")}, headers=auth)
        assert first.status_code == 201, first.text
        site.pages["/story"] = Page(article("Kremlin denies report", [*paragraphs, UPDATE]))
        again = client.post("/api/documents", json={"url": site.url("/story")}, headers=auth)
        assert again.status_code == 201, again.text
        assert again.json()["replaced"] == [first.json()["document"]]
        assert stored(db)[0] == [again.json()["document"]]
