"""An input changed since it was stored: the new text replaces the earlier one."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from feed_server import Page, Site, article
from talkwatch import alerts, feedstore
from talkwatch.cli import cli
from talkwatch.store import Store
from talkwatch.web import queries
from talkwatch.web.app import create_app
from test_documents import run

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


def stored_once(tmp_path: Path, name: str, text: str = FIRST) -> tuple[Path, str, str]:
    """A file ``name`` holding ``text`` ingested into a new database: the file, the
    database and the stored document's id."""
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(article), "--db", db)
    (doc_id,), _ = stored(db)
    return article, db, doc_id


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
    assert line.startswith(
        "Read 1 input: 0 new documents and 1 updated (each in place of its earlier text) with 3 "
        "statements, 0 already stored."
    )
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


def test_a_date_given_at_ingest_stays_for_a_revision_that_gives_none(tmp_path: Path) -> None:
    article = tmp_path / "kremlin.txt"  # no date in its name or text
    undated = FIRST.replace("June 5 (Wire) - ", "")
    article.write_text(undated, encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(article), "--db", db, "--date", "2025-06-05")
    article.write_text(undated + UPDATE, encoding="utf-8")
    assert "without a date" not in run("ingest", str(article), "--db", db)
    listed = json.loads(run("documents", "--db", db, "--format", "json"))
    assert [(d["date"], d["date_source"]) for d in listed] == [("2025-06-05", "given")]
    # a revision that says its own date keeps that one
    article.write_text("Kremlin update, 6 June 2025\n\n" + undated + UPDATE, encoding="utf-8")
    run("ingest", str(article), "--db", db)
    listed = json.loads(run("documents", "--db", db, "--format", "json"))
    assert [(d["date"], d["date_source"]) for d in listed] == [("2025-06-06", "dateline")]


def test_the_same_name_in_another_folder_is_another_document(tmp_path: Path) -> None:
    # two wires' "report.txt" are two articles: only the same file (or address) is updated
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b" / "report.txt").write_text(FIRST + UPDATE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(tmp_path / "a"), "--db", db)
    line = run("ingest", str(tmp_path / "b"), "--db", db)
    assert "updated" not in line and "changed input" not in line
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


OTHER = (
    "Zelensky meets Macron\n\n"
    "PARIS, June 6 (Wire) - Ukrainian President Volodymyr Zelensky met French President "
    "Emmanuel Macron in Paris on Friday.\n\n"
    '"Ukraine needs binding security guarantees," Zelensky told reporters.\n'
)


def test_a_text_posted_again_names_the_document_it_led_to(tmp_path: Path) -> None:
    """Two unrelated texts posted under one name are both kept; posting the first again
    names the first's document, not the name's latest."""
    db = str(tmp_path / "web.db")
    Store.open(db).close()
    client = TestClient(create_app(db, token="s3cret", allow_private_urls=True))
    auth = {"Authorization": "Bearer s3cret"}
    answers = [
        client.post("/api/documents", json={"text": text, "name": "note"}, headers=auth)
        for text in (FIRST, OTHER, FIRST)
    ]
    assert [a.status_code for a in answers] == [201, 201, 200]
    first, other, again = (a.json() for a in answers)
    assert first["document"] != other["document"]
    assert again == {"new": False, "document": first["document"], "statements": 0,
                     "replaced": [], "superseded": [], "superseded_by": None}  # fmt: skip
    # the same for a page whose address served another story in between
    story = Page(article("Kremlin denies report", FIRST.split("\n\n")[1:]))
    with Site({"/story": story}) as site:
        url = {"url": site.url("/story")}
        first = client.post("/api/documents", json=url, headers=auth).json()
        site.pages["/story"] = Page(article("Zelensky meets Macron", OTHER.split("\n\n")[1:]))
        other = client.post("/api/documents", json=url, headers=auth).json()
        site.pages["/story"] = story
        again = client.post("/api/documents", json=url, headers=auth).json()
    assert first["document"] != other["document"] and other["replaced"] == []
    assert again["document"] == first["document"] and not again["new"]


def test_another_article_saved_under_the_same_file_name_is_stored_beside_it(
    tmp_path: Path,
) -> None:
    article, db, earlier = stored_once(tmp_path, "today.txt")
    article.write_text(OTHER, encoding="utf-8")  # a new day's story over yesterday's
    result = CliRunner().invoke(cli, ["ingest", str(article), "--db", db])
    assert "updated" not in result.output
    assert (
        f"today.txt: changed since it was stored, and shares too little with the text "
        f"stored from it before ({earlier[:12]}) to replace it: both are kept "
        f"('talkwatch documents remove {earlier[:12]}' drops the earlier one)."
    ) in result.output
    # an edit of the new story replaces it, and names the first story no more
    article.write_text(OTHER + "\nMacron said Europe was ready to help.\n", encoding="utf-8")
    again = CliRunner().invoke(cli, ["ingest", str(article), "--db", db])
    assert "1 updated" in again.output and "both are kept" not in again.output
    # the user drops the first story, with its statements; ingesting again changes nothing
    line = run("documents", "remove", "--db", db, earlier[:12])
    assert line.startswith(f"today.txt ({earlier[:12]}): removed with its 2 statements;")
    documents, quotes = stored(db)
    assert documents != [earlier] and len(documents) == 1
    assert not any("freeze the front line" in quote for quote in quotes)
    assert "0 new documents" in run("ingest", str(article), "--db", db)
    assert "No problems found" in run("check", "--db", db)


def test_a_text_another_input_led_to_stays_for_that_input(tmp_path: Path) -> None:
    # b.txt is a copy of a.txt as it was; a.txt is then edited: both go in one run
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(FIRST, encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(a), "--db", db)
    b.write_text(FIRST, encoding="utf-8")
    a.write_text(FIRST + UPDATE, encoding="utf-8")
    line = run("ingest", str(b), str(a), "--db", db)
    assert "updated" not in line and "changed input" not in line
    documents, _ = stored(db)
    assert len(documents) == 2  # the earlier text, for b.txt, and a.txt's new one
    assert "No problems found" in run("check", "--db", db)
    assert "0 new documents" in run("ingest", str(b), str(a), "--db", db)


def test_an_edited_file_whose_new_text_is_stored_from_elsewhere_lets_its_old_text_go(
    tmp_path: Path,
) -> None:
    a, c = tmp_path / "a.txt", tmp_path / "c.txt"
    a.write_text(FIRST, encoding="utf-8")
    c.write_text(FIRST + UPDATE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(a), str(c), "--db", db)
    assert len(stored(db)[0]) == 2
    a.write_text(FIRST + UPDATE, encoding="utf-8")  # a.txt now says what c.txt says
    line = run("ingest", str(a), "--db", db)
    assert "1 changed input now the same as a text stored from elsewhere" in line
    documents, quotes = stored(db)
    assert len(documents) == 1 and len(quotes) == len(set(quotes))


def test_what_the_new_text_repeats_keeps_its_id_and_its_announced_shift(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    article = tmp_path / "2025-06-05_kremlin.txt"
    earlier = tmp_path / "2025-05-01_kremlin.txt"
    earlier.write_text(
        "Kremlin ready for talks\n\nMOSCOW, May 1 (Wire) - Kremlin spokesman Dmitry Peskov "
        "said Russia was ready to discuss a ceasefire.\n",
        encoding="utf-8",
    )
    article.write_text(
        "Kremlin rejects truce\n\nMOSCOW, June 5 (Wire) - Kremlin spokesman Dmitry Peskov "
        "said Russia rejected any ceasefire.\n",
        encoding="utf-8",
    )
    run("ingest", str(earlier), str(article), "--db", db)
    store = Store.open(db)
    try:
        alerts.start(store.db)  # a watcher has announced every shift stored so far
        assert alerts.new_shifts(store.db) == []
        before = {st.quote: st.id for st in store.statements()}
    finally:
        store.close()
    article.write_text(
        article.read_text(encoding="utf-8") + "\nHe added that the talks would go on.\n",
        encoding="utf-8",
    )
    assert "1 updated" in run("ingest", str(article), "--db", db)
    store = Store.open(db)
    try:
        after = {st.quote: st.id for st in store.statements()}
        assert {q: after[q] for q in before} == before  # the same words, the same ids
        assert alerts.new_shifts(store.db) == []  # nothing announced twice
    finally:
        store.close()


def test_a_position_only_the_earlier_text_held_is_gone_with_it(tmp_path: Path) -> None:
    article = tmp_path / "2025-06-05_kremlin.txt"
    article.write_text(FIRST + UPDATE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(article), "--db", db)
    held = json.loads(run("positions", "--db", db, "--format", "json"))
    assert any(p["issue"] == "security_guarantees" for p in held)  # only the update says it
    article.write_text(FIRST + "\nPeskov did not take questions.\n", encoding="utf-8")
    run("ingest", str(article), "--db", db)
    held = json.loads(run("positions", "--db", db, "--format", "json"))
    assert not any(p["issue"] == "security_guarantees" for p in held)


def test_a_feed_entry_that_led_to_the_earlier_text_leads_to_the_new_one(tmp_path: Path) -> None:
    with Site({"/story": Page(article("Kremlin denies report", FIRST.split("\n\n")[1:]))}) as site:
        db = str(tmp_path / "t.db")
        url = site.url("/story")
        run("ingest", url, "--db", db)
        store = Store.open(db)
        try:
            (first,), _ = stored(db)
            feed, _ = feedstore.add_feed(store.db, site.url("/feed.xml"), "wire", "")
            store.db.execute(
                "INSERT INTO articles (url, feed_id, status, doc_id, seen_at) VALUES (?, ?, ?, ?, ?)",
                (url, feed.id, "ingested", first, "2025-06-05T10:00:00+00:00"),
            )
        finally:
            store.close()
        revised = [*FIRST.split("\n\n")[1:], UPDATE]
        site.pages["/story"] = Page(article("Kremlin denies report", revised))
        run("ingest", url, "--db", db)
        (second,), _ = stored(db)
        store = Store.open(db)
        try:
            row = store.db.execute("SELECT doc_id FROM articles WHERE url = ?", (url,)).fetchone()
        finally:
            store.close()
        assert second != first and row[0] == second


def test_a_new_story_under_yesterdays_title_is_no_revision(tmp_path: Path) -> None:
    # a daily digest saved over yesterday's keeps the title and none of the sentences
    article = tmp_path / "digest.txt"
    db = str(tmp_path / "t.db")
    article.write_text(FIRST.replace("Kremlin denies freeze report", "Peace talks digest"))
    run("ingest", str(article), "--db", db)
    article.write_text(OTHER.replace("Zelensky meets Macron", "Peace talks digest"))
    result = CliRunner().invoke(cli, ["ingest", str(article), "--db", db])
    assert "updated" not in result.output and "both are kept" in result.output
    assert len(stored(db)[0]) == 2


def test_a_repeated_statement_keeps_its_id_only_when_nothing_about_it_changed(
    tmp_path: Path,
) -> None:
    article = tmp_path / "2025-06-05_kremlin.txt"
    db = str(tmp_path / "t.db")
    article.write_text(FIRST, encoding="utf-8")
    run("ingest", str(article), "--db", db)
    before = statement_ids(db)
    # the same words, now said by an unnamed official: another statement, another id
    article.write_text(FIRST.replace("Peskov told reporters", "an official told reporters"))
    run("ingest", str(article), "--db", db)
    store = Store.open(db)
    try:
        quote = "Russia is ready to continue the talks in Istanbul,"
        (again,) = [st for st in store.statements() if st.quote == quote]
    finally:
        store.close()
    assert again.speaker == "an official" and again.id not in before


def test_removing_a_document_takes_a_whole_name_or_six_characters_of_its_id(
    tmp_path: Path,
) -> None:
    _, db, doc_id = stored_once(tmp_path, "c.txt")
    refused = CliRunner().invoke(cli, ["documents", "remove", "--db", db, doc_id[:3]])
    assert refused.exit_code == 1 and "six or more characters" in refused.output
    assert stored(db)[0] == [doc_id]
    assert "removed" in run("documents", "remove", "--db", db, "c.txt")
    assert stored(db)[0] == []


def test_a_revision_dropping_an_early_statement_and_keeping_a_later_one_numbers_the_new_ones_past_it(
    tmp_path: Path, database: str
) -> None:
    """The statement kept takes its old id; the new one takes an id past it (and past the
    dropped one's), not the kept one's again."""
    peskov = '"Russia is ready to continue the talks in Istanbul," Peskov told reporters.\n\n'
    zelensky = '"We will not give up our land," Zelensky said on Thursday.\n\n'
    fidan = '"Turkey is ready to host the next round," Hakan Fidan said.\n'
    article = tmp_path / "2025-06-05_talks.txt"
    article.write_text("Talks in Istanbul\n\n" + peskov + zelensky, encoding="utf-8")
    run("ingest", str(article), "--db", database)
    store = Store.open(database)
    try:
        before = {st.speaker: st.id for st in store.statements()}
    finally:
        store.close()
    assert set(before) == {"Dmitry Peskov", "Volodymyr Zelensky"}

    article.write_text("Talks in Istanbul\n\n" + zelensky + fidan, encoding="utf-8")
    assert "1 updated" in run("ingest", str(article), "--db", database)
    store = Store.open(database)
    try:
        after = {st.speaker: st.id for st in store.statements()}
    finally:
        store.close()
    assert set(after) == {"Volodymyr Zelensky", "Hakan Fidan"}
    assert after["Volodymyr Zelensky"] == before["Volodymyr Zelensky"]
    assert after["Hakan Fidan"] not in before.values()
    assert "No problems found" in run("check", "--db", database)


def positions_of(db: str) -> dict[tuple[str, str], tuple[str, int]]:
    out = run("positions", "--db", db, "--format", "json")
    return {(p["party"], p["issue"]): (p["stance"], p["statements"]) for p in json.loads(out)}


REVISED = FIRST.replace(
    '"Russia is ready to continue the talks in Istanbul," Peskov told reporters.',
    '"Russia will not continue the talks in Istanbul," Peskov told reporters.',
)


def test_a_later_version_saved_under_a_new_name_counts_once(tmp_path: Path) -> None:
    """An updated article saved beside the first under another name (the same title, most
    of its sentences): both are kept, only the later counts towards positions, so no
    statement counts twice and the two versions make no shift."""
    first = tmp_path / "2025-06-05_kremlin.txt"
    first.write_text(FIRST + UPDATE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(first), "--db", db, "--date", "2025-06-05")
    assert positions_of(db)[("RUS", "talks")] == ("offer", 1)
    later = tmp_path / "2025-06-05_kremlin_updated.txt"
    later.write_text(REVISED + UPDATE, encoding="utf-8")
    said = run("ingest", str(later), "--db", db, "--date", "2025-06-05")
    assert f"{later}: another version of 2025-06-05_kremlin.txt" in " ".join(said.split())
    assert "dated no earlier: both are kept" in " ".join(said.split())
    assert len(stored(db)[0]) == 2  # nothing stored is lost
    # the positions are the later text's alone: no statement counted twice
    alone = str(tmp_path / "alone.db")
    run("ingest", str(later), "--db", alone, "--date", "2025-06-05")
    assert positions_of(db) == positions_of(alone)
    assert positions_of(db)[("RUS", "talks")] == ("reject", 1)
    assert json.loads(run("shifts", "--db", db, "--format", "json")) == []
    # the speakers' counts neither (a new user found Medinsky counted 6 times for 4)
    assert run("actors", "--db", db) == run("actors", "--db", alone)
    listed = {d["name"]: d for d in json.loads(run("documents", "--db", db, "--format", "json"))}
    revising = listed["2025-06-05_kremlin_updated.txt"]["id"]
    assert listed["2025-06-05_kremlin.txt"]["superseded_by"] == revising
    assert listed["2025-06-05_kremlin_updated.txt"]["superseded_by"] is None
    # ingesting both again changes nothing
    again = run("ingest", str(first), str(later), "--db", db)
    assert "2 already stored" in again and "later version" not in again
    # removing the later version makes the first count again
    run("documents", "remove", revising[:12], "--db", db)
    assert positions_of(db)[("RUS", "talks")] == ("offer", 1)


def test_a_later_versions_dateline_does_not_redate_what_it_repeats(tmp_path: Path) -> None:
    """An update saved under a new name a day later: what it repeats was said when the
    first version reported it; what it adds, when the update does (a new user's desk)."""
    first = tmp_path / "kremlin.txt"
    first.write_text(FIRST.replace("on Thursday ", ""), encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(first), "--db", db, "--date", "2025-06-05")
    later = tmp_path / "kremlin_updated.txt"
    later.write_text(FIRST.replace("on Thursday ", "") + UPDATE, encoding="utf-8")
    run("ingest", str(later), "--db", db, "--date", "2025-06-06")
    out = tmp_path / "latest.jsonl"
    run("export", "--db", db, "--latest", "-o", str(out))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    dated = {row["quote"][:24]: row["date"] for row in rows}
    assert dated == {
        "a media report that Russ": "2025-06-05",
        "Russia is ready to conti": "2025-06-05",
        "Moscow would not accept ": "2025-06-06",
    }
    # the same when the first version arrives after the update (a reviewer)
    reversed_db = str(tmp_path / "r.db")
    run("ingest", str(later), "--db", reversed_db, "--date", "2025-06-06")
    run("ingest", str(first), "--db", reversed_db, "--date", "2025-06-05")
    run("export", "--db", reversed_db, "--latest", "-o", str(out))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {row["quote"][:24]: row["date"] for row in rows} == dated


def test_another_article_under_the_same_title_is_not_a_later_version(tmp_path: Path) -> None:
    # a daily "Kremlin denies freeze report" digest of other news shares its title only
    first = tmp_path / "a.txt"
    first.write_text(FIRST, encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text(
        "Kremlin denies freeze report\n\nKYIV, June 6 (Wire) - Ukrainian Foreign Minister "
        "Andrii Sybiha said on Friday that Kyiv would not trade territory for a truce.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "t.db")
    run("ingest", str(first), "--db", db, "--date", "2025-06-05")
    said = run("ingest", str(other), "--db", db, "--date", "2025-06-06")
    assert "later version" not in said
    listed = json.loads(run("documents", "--db", db, "--format", "json"))
    assert [d["superseded_by"] for d in listed] == [None, None]


def documents_of(db: str) -> dict[str, str | None]:
    listed = json.loads(run("documents", "--db", db, "--format", "json"))
    return {d["name"]: d["superseded_by"] for d in listed}


def test_an_earlier_version_stored_after_the_later_one_does_not_replace_it(
    tmp_path: Path,
) -> None:
    # read in name order, the update ("kremlin-updated.txt", dated a day later) comes first
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kremlin.txt").write_text(
        FIRST.replace("MOSCOW, June 5", "MOSCOW, June 5, 2025") + UPDATE, encoding="utf-8"
    )
    (tmp_path / "in" / "kremlin-updated.txt").write_text(
        REVISED.replace("MOSCOW, June 5", "MOSCOW, June 6, 2025") + UPDATE, encoding="utf-8"
    )
    db = str(tmp_path / "t.db")
    said = " ".join(run("ingest", str(tmp_path / "in"), "--db", db).split())
    assert "kremlin.txt: another version of kremlin-updated.txt" in said
    assert "which is dated later" in said
    revising = documents_of(db)
    assert revising["kremlin-updated.txt"] is None and revising["kremlin.txt"] is not None
    assert positions_of(db)[("RUS", "talks")][0] == "reject"


def two_versions(
    tmp_path: Path, first_day: str = "2025-06-05", later_day: str = "2025-06-05"
) -> tuple[Path, Path, str, str]:
    """a.txt (Peskov offers to continue the talks) and b.txt (he refuses), ingested in
    that order with those dates: the files, the database and the second ingest's output."""
    first, later = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(FIRST + UPDATE, encoding="utf-8")
    later.write_text(REVISED + UPDATE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(first), "--db", db, "--date", first_day)
    said = run("ingest", str(later), "--db", db, "--date", later_day)
    return first, later, db, said


def test_versions_piped_in_or_sharing_an_input_count_once(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    for text in (FIRST + UPDATE, REVISED + UPDATE):
        result = CliRunner().invoke(
            cli, ["ingest", "-", "--db", db, "--date", "2025-06-05"], input=text
        )
        assert result.exit_code == 0, result.output
    assert json.loads(run("shifts", "--db", db, "--format", "json")) == []
    assert positions_of(db)[("RUS", "talks")] == ("reject", 1)


def test_the_text_an_input_goes_back_to_is_not_revised_by_itself(tmp_path: Path) -> None:
    # a.txt, then b.txt revising it; b.txt then goes back to a.txt's text
    _, later, db, _ = two_versions(tmp_path)
    later.write_text(FIRST + UPDATE, encoding="utf-8")
    run("ingest", str(later), "--db", db, "--date", "2025-06-05")
    assert documents_of(db) == {"a.txt": None}
    assert positions_of(db)[("RUS", "talks")] == ("offer", 1)


def test_the_same_story_told_again_days_later_is_another_article(tmp_path: Path) -> None:
    _, _, db, said = two_versions(tmp_path, later_day="2025-06-12")
    assert "another version" not in said
    assert set(documents_of(db).values()) == {None}
    shifted = json.loads(run("shifts", "--db", db, "--format", "json"))
    assert [(s["issue"], s["before"]["stance"], s["after"]["stance"]) for s in shifted] == [
        ("talks", "offer", "reject")
    ]


def test_the_pages_and_the_api_say_which_version_counts(tmp_path: Path) -> None:
    _, _, db, _ = two_versions(tmp_path)
    ids = {name: doc_id for doc_id, name in _names(db)}
    client = TestClient(create_app(db))
    assert client.get(f"/api/documents/{ids['a.txt']}").json()["superseded_by"] == ids["b.txt"]
    assert client.get(f"/api/documents/{ids['b.txt']}").json()["superseded_by"] is None
    page = client.get(f"/documents/{ids['a.txt']}").text
    assert f'A later version of this article, <a href="/documents/{ids["b.txt"]}">' in page
    listed = client.get("/documents").text
    assert f'revised by <a href="/documents/{ids["b.txt"]}">a later version</a>' in listed
    # the export and the command line say it too
    rows = [json.loads(line) for line in run("export", "--db", db).splitlines()]
    assert {r["doc"]: r["superseded_by"] for r in rows} == {"a.txt": ids["b.txt"], "b.txt": ""}
    assert "a.txt · revised" in run("statements", "--db", db)
    # the timeline's lanes count the later version alone, as the positions do
    store = Store.open(db)
    try:
        lanes = queries.timeline_counts(store, queries.Filters())
    finally:
        store.close()
    assert sum(n for party, *_, n in lanes if party == "RUS") == sum(
        p[1] for p in positions_of(db).values()
    )


def _names(db: str) -> list[tuple[str, str]]:
    store = Store.open(db)
    try:
        return [(d.id, d.name) for d in store.documents()]
    finally:
        store.close()


def original_and_edited_copy(tmp_path: Path) -> str:
    """The same file name in two folders, the original and its edited copy, ingested in
    that order into a new database; its path."""
    db = str(tmp_path / "t.db")
    for folder, text in (("first", FIRST + UPDATE), ("edited", REVISED + UPDATE)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "kremlin.txt").write_text(text, encoding="utf-8")
        run("ingest", str(tmp_path / folder / "kremlin.txt"), "--db", db, "--date", "2025-06-05")
    return db


def test_evaluate_scores_the_later_version_of_an_article_alone(tmp_path: Path) -> None:
    db = original_and_edited_copy(tmp_path)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "doc": "kremlin.txt", "quote": "Russia will not continue the talks in Istanbul,",
        "speaker": "Dmitry Peskov", "party": "RUS", "kind": "direct", "issues": ["talks"],
        "stance": "reject", "source": "named", "section": "body",
    }) + "\n")  # fmt: skip
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--db", db])
    assert result.exit_code == 0, result.output
    stored = len(run("export", "--db", db).splitlines())
    later = [line for line in result.stdout.splitlines() if line.startswith("predicted ")]
    assert later == [f"predicted {stored // 2}"]
    assert f"note: {stored // 2} statement(s) of 1 document(s) a later version revises" in (
        result.stderr
    )


def test_latest_leaves_the_revised_text_out_of_statements_and_export(tmp_path: Path) -> None:
    db = original_and_edited_copy(tmp_path)
    every = run("export", "--db", db).splitlines()
    latest = run("export", "--db", db, "--latest").splitlines()
    assert len(latest) == len(every) // 2
    assert all(json.loads(line)["superseded_by"] == "" for line in latest)
    shown = run("statements", "--db", db, "--latest")
    assert "revised" not in shown and f"{len(latest)} statement" in shown


def test_evaluate_says_nothing_of_revised_articles_the_reference_leaves_out(
    tmp_path: Path,
) -> None:
    for folder, text in (("first", FIRST + UPDATE), ("edited", REVISED + UPDATE)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "kremlin.txt").write_text(text, encoding="utf-8")
    (tmp_path / "other.txt").write_text(
        "Kyiv ready to talk\n\nZelensky said Ukraine was ready to talk.\n", encoding="utf-8"
    )
    db = str(tmp_path / "t.db")
    for path in ("first/kremlin.txt", "edited/kremlin.txt", "other.txt"):
        run("ingest", str(tmp_path / path), "--db", db, "--date", "2025-06-05")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "doc": "other.txt", "quote": "Ukraine was ready to talk", "speaker":
        "Volodymyr Zelensky", "party": "UKR", "kind": "indirect", "issues": ["talks"],
        "stance": "offer", "source": "named", "section": "body",
    }) + "\n")  # fmt: skip
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--db", db])
    assert result.exit_code == 0, result.output
    assert "attribution_f1 1.0" in result.stdout
    assert "later version" not in result.stderr


def test_a_version_between_two_others_leaves_the_latest_counting(tmp_path: Path) -> None:
    # June 3 and June 7 are too far apart to be versions of each other; June 5 is one of
    # both, stored last: the June 7 text counts, and the June 5 text says so of itself only
    texts = {"a.txt": ("2025-06-03", FIRST), "c.txt": ("2025-06-07", REVISED),
             "b.txt": ("2025-06-05", FIRST + UPDATE)}  # fmt: skip
    db = str(tmp_path / "t.db")
    said = ""
    for name, (day, text) in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        said = run("ingest", str(tmp_path / name), "--db", db, "--date", day)
    ids = {name: doc_id for doc_id, name in _names(db)}
    assert documents_of(db) == {"a.txt": ids["c.txt"], "b.txt": ids["c.txt"], "c.txt": None}
    assert "another version of c.txt" in " ".join(said.split())
    assert "another version of a.txt" not in said
