"""Watching feeds: polling, polite fetching, exactly-once ingest, the relevance gate,
bad feeds and articles, alerts and the Atom feed of shifts. Everything is served
by a local HTTP server the test starts (tests/feed_server.py); no internet."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from feed_server import Page, Site, article, rss
from talkwatch import alerts, feedstore, status_alerts
from talkwatch.atom import atom
from talkwatch.cli import cli
from talkwatch.documents import list_documents
from talkwatch.fetch import Fetcher, FetchError
from talkwatch.pipeline import Analyzer
from talkwatch.store import Store
from talkwatch.watch import CycleReport, Watcher
from talkwatch.web.app import create_app

REJECT = [
    "Kremlin spokesman Dmitry Peskov said on Tuesday that Russia rejects the proposed "
    "ceasefire put forward by Washington.",
    '"We reject any ceasefire that lets Kyiv rearm," Peskov told reporters in Moscow.',
]
# what a revised copy of the REJECT article adds (a live story updated at its address)
REVISION = ["Kremlin aide Yuri Ushakov said Moscow demanded guarantees before any truce."]
ACCEPT = [
    "Kremlin spokesman Dmitry Peskov said Russia accepts a thirty-day ceasefire on energy "
    "infrastructure after a call between the two presidents.",
    '"We accept the ceasefire on energy targets," Peskov said after the call.',
]
GUARANTEES = [
    "Ukrainian President Volodymyr Zelensky demanded security guarantees from Western allies "
    "before any agreement with Moscow.",
    '"Without security guarantees there will be no peace," Zelensky told reporters in Kyiv.',
]
FOOTBALL = [
    "Arsenal beat Chelsea 2-1 on Saturday in a tense London derby at the Emirates Stadium.",
    "The manager praised his defence and said the title race was far from over.",
]
JSON_ATOM = "application/atom+xml"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as running:
        yield running


def watcher(store: Store, analyzer: Analyzer, **fetch: float) -> Watcher:
    settings = {"delay": 0.0, "timeout": 5.0, "retries": 0, "backoff": 0.0, **fetch}
    return Watcher(
        store=store,
        load_analyzer=lambda: analyzer,
        fetcher=Fetcher(**settings),  # type: ignore[arg-type]
        retry_base=0.0,
    )


def news_site(site: Site) -> None:
    site.pages["/world/peskov-rejects"] = Page(
        article("Russia rejects truce", REJECT, "2025-03-11")
    )
    site.pages["/2025/03/20/energy-truce"] = Page(article("Russia accepts energy truce", ACCEPT))
    site.pages["/sport/derby"] = Page(article("Arsenal win the derby", FOOTBALL, "2025-03-15"))
    site.pages["/world/empty"] = Page(b"<html><body><nav>Home | World</nav></body></html>")
    site.pages["/mirror/peskov"] = site.pages["/world/peskov-rejects"]  # the same page elsewhere
    site.pages["/feed.xml"] = Page(
        rss(
            "World news",
            [
                {
                    "title": "Russia rejects truce",
                    "link": site.url("/world/peskov-rejects"),
                    "pubDate": "Tue, 11 Mar 2025 09:00:00 GMT",
                },
                {
                    "title": "Russia accepts",
                    "link": site.url("/2025/03/20/energy-truce?utm_source=rss"),
                },
                {"title": "Arsenal win", "link": site.url("/sport/derby")},
                {"title": "Menu", "link": site.url("/world/empty")},
                {"title": "A briefing without a link"},
                {"title": "Removed", "link": site.url("/world/removed")},
            ],
        ),
        "application/rss+xml",
        etag='"v1"',
    )


def test_new_updated_duplicate_and_off_topic_entries(
    database: str, site: Site, analyzer: Analyzer
) -> None:
    news_site(site)
    store = Store.open(database)
    try:
        _, added = feedstore.add_feed(store.db, site.url("/feed.xml"), "world", "")
        assert added
        alerts.start(store.db)
        first = watcher(store, analyzer).cycle()
        assert (first.new_links, first.fetched, first.ingested) == (5, 4, 2)
        assert (first.off_topic, first.no_article, first.failed_articles) == (1, 1, 1)
        assert any("1 entry without a web link skipped" in p for p in first.problems)
        assert any("/world/removed: the server answered 404" in p for p in first.problems)
        assert any("/world/empty: no article text found" in p for p in first.problems)
        dates = {
            row.url.rsplit("/", 1)[-1]: (row.date, row.date_source, row.site, row.feed)
            for row in list_documents(store.db)
        }
        assert dates == {
            "peskov-rejects": ("2025-03-11", "metadata", "127.0.0.1", "world"),
            "energy-truce": ("2025-03-20", "url", "127.0.0.1", "world"),
        }
        (shift,) = alerts.new_shifts(store.db)
        assert (shift.party, shift.issue, shift.before.stance, shift.after.stance) == (
            "RUS", "ceasefire", "reject", "accept",
        )  # fmt: skip
        # of two watchers of one database, the first to claim a shift announces it; a
        # failed post gives it back for the next cycle
        second = Store.open(database)
        try:
            assert alerts.claim(store.db, [shift]) == [shift]
            assert alerts.claim(second.db, alerts.new_shifts(second.db)) == []
            alerts.release(store.db, [shift])
            assert alerts.new_shifts(second.db) == [shift]
        finally:
            second.close()
        alerts.claim(store.db, [shift])
        assert alerts.new_shifts(store.db) == []
        ((recent, announced),) = alerts.recent_shifts(store.db, "rus", "ceasefire")
        assert recent == shift and announced is not None
        assert alerts.recent_shifts(store.db, "UKR") == []
        assert alerts.changed_since(store.db, "2000-01-01T00:00:00+00:00") == ([shift], 2)
        assert alerts.changed_since(store.db, "2999-01-01T00:00:00+00:00") == ([], 0)

        # The feed changes: one entry updated (its article revised), the same article
        # under a tracking link and at a mirror address, a new story; and a second feed
        # links a known one.
        site.pages["/world/peskov-rejects"] = Page(
            article("Russia rejects truce", REJECT + REVISION, "2025-03-11")
        )
        site.pages["/world/guarantees"] = Page(
            article("Zelensky: guarantees first", GUARANTEES, "2025-03-21")
        )
        site.pages["/feed.xml"] = Page(
            rss(
                "World news",
                [
                    {"title": "Zelensky wants guarantees", "link": site.url("/world/guarantees")},
                    {
                        "title": "Russia rejects truce (updated)",
                        "link": site.url("/world/peskov-rejects"),
                        "pubDate": "Tue, 11 Mar 2025 09:00:00 GMT",
                        "updated": "2025-03-11T12:00:00Z",
                    },
                    {
                        "title": "Russia rejects",
                        "link": site.url("/world/peskov-rejects?utm_medium=x#c"),
                    },
                    {"title": "Mirror", "link": site.url("/mirror/peskov")},
                ],
            ),
            "application/rss+xml",
            etag='"v2"',
        )
        site.pages["/other.xml"] = Page(
            rss("Other", [{"title": "Truce", "link": site.url("/2025/03/20/energy-truce")}]),
            "application/rss+xml",
        )
        feedstore.add_feed(store.db, site.url("/other.xml"), "other", "")
        before = len(site.paths())
        second = watcher(store, analyzer).cycle()
        fetched = site.paths()[before:]
        assert sorted(p for p in fetched if not p.endswith((".xml", "robots.txt"))) == [
            "/mirror/peskov", "/world/guarantees", "/world/peskov-rejects", "/world/removed",
        ]  # fmt: skip
        assert (second.new_links, second.ingested, second.duplicates) == (2, 2, 1)
        assert (second.updated, second.seen) == (1, 1)  # the updated entry is fetched again
        # its revised text is stored from its address; the first text stays, as the
        # mirror's copy of it (documents: truce, first text, revision, guarantees)
        ushakov = [st for st in store.statements(speaker="Ushakov")]
        assert [st.doc for st in ushakov] == [site.url("/world/peskov-rejects")]
        assert store.counts()["documents"] == 4
        assert feedstore.totals(store.db) == {
            "ingested": 3, "duplicate": 1, "off-topic": 1, "no-article": 1, "failed": 1,
        }  # fmt: skip
    finally:
        store.close()


def test_an_unchanged_feed_answers_304_and_nothing_is_fetched(
    tmp_path: Path, site: Site, analyzer: Analyzer
) -> None:
    news_site(site)
    with_store = Store.open(str(tmp_path / "t.db"))
    try:
        feedstore.add_feed(with_store.db, site.url("/feed.xml"), "world", "")
        watcher(with_store, analyzer).cycle()
        before = len(site.requests)
        again = watcher(with_store, analyzer).cycle()
        asked = site.requests[before:]
        feed_asks = [r for r in asked if r.path == "/feed.xml"]
        assert [r.headers.get("If-None-Match") for r in feed_asks] == ['"v1"']
        assert again.unchanged == 1 and again.new_links == 0
        # only the article that failed to download is tried again
        assert [r.path for r in asked if r.path not in ("/feed.xml", "/robots.txt")] == [
            "/world/removed"
        ]
    finally:
        with_store.close()


def with_a_broken_feed(tmp_path: Path, site: Site) -> Store:
    """A store watching the news site's feed and one that answers 500."""
    news_site(site)
    site.pages["/broken.xml"] = Page(b"Internal error", "text/plain", status=500)
    store = Store.open(str(tmp_path / "t.db"))
    feedstore.add_feed(store.db, site.url("/broken.xml"), "broken", "")
    feedstore.add_feed(store.db, site.url("/feed.xml"), "world", "")
    return store


def test_a_failing_feed_is_reported_retried_later_and_the_others_go_on(
    tmp_path: Path, site: Site, analyzer: Analyzer
) -> None:
    store = with_a_broken_feed(tmp_path, site)
    try:
        report = watcher(store, analyzer, retries=1).cycle()
        assert report.failed_feeds == 1 and report.ingested == 2
        (line,) = [p for p in report.problems if "broken.xml" in p]
        assert "the server answered 500 Internal Server Error after 2 tries" in line
        assert "tried again after" in line
        assert site.paths().count("/broken.xml") == 2  # one retry
        broken = feedstore.find_feed(store.db, "broken")
        assert broken.failures == 1 and "500" in broken.error
        site.pages["/broken.xml"] = Page(rss("Fixed", []), "application/rss+xml")
        later = watcher(store, analyzer).cycle()
        assert later.failed_feeds == 0
        assert feedstore.find_feed(store.db, "broken").failures == 0
    finally:
        store.close()


def test_a_slow_host_times_out_while_the_others_are_fetched(
    tmp_path: Path, site: Site, analyzer: Analyzer
) -> None:
    news_site(site)
    with Site() as slow:
        slow.pages["/story"] = Page(article("Truce talks", GUARANTEES), delay=3.0)
        slow.pages["/feed.xml"] = Page(
            rss("Slow", [{"title": "Talks", "link": slow.url("/story")}]), "application/rss+xml"
        )
        store = Store.open(str(tmp_path / "t.db"))
        try:
            feedstore.add_feed(store.db, slow.url("/feed.xml"), "slow", "")
            feedstore.add_feed(store.db, site.url("/feed.xml"), "world", "")
            started = time.monotonic()
            report = watcher(store, analyzer, timeout=0.5).cycle()
            assert time.monotonic() - started < 15
            assert report.ingested == 2
            (line,) = [p for p in report.problems if "/story" in p]
            assert "no answer within 0.5 s" in line and "tried again next cycle" in line
        finally:
            store.close()


def test_one_request_at_a_time_per_host_with_a_delay(
    tmp_path: Path, site: Site, analyzer: Analyzer
) -> None:
    news_site(site)
    site.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /sport/\n", "text/plain")
    store = Store.open(str(tmp_path / "t.db"))
    try:
        feedstore.add_feed(store.db, site.url("/feed.xml"), "world", "")
        report = watcher(store, analyzer, delay=0.2).cycle()
        times = [r.at for r in site.requests]
        assert all(b - a >= 0.19 for a, b in pairwise(times))
        assert "/sport/derby" not in site.paths()
        assert any(
            "/sport/derby: the site's robots.txt does not allow" in p for p in report.problems
        )
        assert report.no_article == 2  # the empty page, and the one robots.txt keeps out
        assert not [a for a in feedstore.pending_articles(store.db) if "derby" in a.url]
    finally:
        store.close()


def test_malformed_feeds_and_a_page_that_is_not_a_feed(
    tmp_path: Path, site: Site, analyzer: Analyzer
) -> None:
    news_site(site)
    good = rss("Cut", [{"title": "Russia rejects", "link": site.url("/world/peskov-rejects")}])
    broken = good.replace(b"</channel></rss>", b"<item><title>Tom & Jerry</title><link>/s/1</lin")
    site.pages["/cut.xml"] = Page(broken, "application/rss+xml")
    site.pages["/page.html"] = Page(article("Not a feed", FOOTBALL))
    store = Store.open(str(tmp_path / "t.db"))
    try:
        feedstore.add_feed(store.db, site.url("/cut.xml"), "cut", "")
        feedstore.add_feed(store.db, site.url("/page.html"), "page", "")
        report = watcher(store, analyzer).cycle()
        cut = next(p for p in report.problems if "cut.xml" in p)
        assert "the feed is malformed" in cut and "entries that could be read are used" in cut
        (page,) = [p for p in report.problems if "page.html" in p]
        assert "page.html: not an RSS or Atom feed; the feed is tried again after" in page
        assert report.ingested == 1 and report.failed_feeds == 1
    finally:
        store.close()


def test_a_feed_of_100000_entries_is_read_up_to_the_limit(
    tmp_path: Path, site: Site, analyzer: Analyzer
) -> None:
    items = "".join(
        f"<item><title>Story {n}</title><link>{site.url(f'/s/{n}')}</link></item>"
        for n in range(100_000)
    )
    site.pages["/huge.xml"] = Page(
        f'<rss version="2.0"><channel><title>Huge</title>{items}</channel></rss>'.encode(),
        "application/rss+xml",
    )
    store = Store.open(str(tmp_path / "t.db"))
    try:
        feedstore.add_feed(store.db, site.url("/huge.xml"), "huge", "")
        report = CycleReport()
        started = time.monotonic()
        watcher(store, analyzer).poll(report)
        assert time.monotonic() - started < 10
        (line,) = report.problems
        assert "huge.xml" in line and "only the first 1,000 are read" in line
        assert report.new_links == 1000
    finally:
        store.close()


def test_after_a_crash_between_storing_and_marking_nothing_is_fetched_twice(
    tmp_path: Path, site: Site, analyzer: Analyzer
) -> None:
    news_site(site)
    store = Store.open(str(tmp_path / "t.db"))
    try:
        feedstore.add_feed(store.db, site.url("/feed.xml"), "world", "")
        watcher(store, analyzer).cycle()
        # as a kill -9 right after each document's transaction would leave them
        store.db.execute("UPDATE articles SET status = 'pending' WHERE status = 'ingested'")
        before = len(site.paths())
        report = watcher(store, analyzer).cycle()
        assert "/world/peskov-rejects" not in site.paths()[before:]
        assert report.ingested == 0 and store.counts()["documents"] == 2
        assert feedstore.totals(store.db)["ingested"] == 2
    finally:
        store.close()


def test_watch_prints_and_posts_new_shifts_and_filters_feeds(tmp_path: Path, site: Site) -> None:
    news_site(site)
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    run = runner.invoke(cli, ["feeds", "add", site.url("/feed.xml"), "--name", "world", "--db", db])
    assert "Watching" in run.output and "as 'world'" in run.output
    out = runner.invoke(
        cli,
        ["watch", "--once", "--db", db, "--delay", "0", "--retries", "0", "--jobs", "1",
         "--webhook", site.url("/hook")],
    )  # fmt: skip
    # a refusal turned into an acceptance: a shift, no walk-back (that takes back a giving)
    assert "shift RUS on ceasefire: reject (2025-03-11) -> accept (2025-03-20)" in out.output
    assert "error: " in out.output and "/world/removed" in out.output
    assert out.exit_code == 1, out.output  # one article failed, as ingest says of an input
    (posted,) = site.posted
    (sent,) = json.loads(posted)["shifts"]
    assert (sent["party"], sent["issue"], sent["after"]["stance"]) == ("RUS", "ceasefire", "accept")
    # and the sides' first positions on issues, printed and posted with it
    firsts = json.loads(posted)["positions"]
    assert ("RUS", "ceasefire") in {(p["party"], p["issue"]) for p in firsts}
    assert "position RUS on ceasefire: " in out.output
    # said in March 2025 and found now: marked as old news, in the line and the post
    assert "in " in out.output and "[older news, found now]" in out.output
    assert sent["old_news"] is True
    again = runner.invoke(cli, ["watch", "--once", "--db", db, "--delay", "0", "--jobs", "1"])
    assert "shift RUS" not in again.output and len(site.posted) == 1
    listed = runner.invoke(cli, ["feeds", "list", "--db", db]).output
    assert "world" in listed and "1 off-topic" in listed
    assert runner.invoke(cli, ["feeds", "remove", "world", "--db", db]).exit_code == 0
    gone = runner.invoke(cli, ["feeds", "remove", "world", "--db", db])
    assert gone.exit_code == 1 and "world: no watched feed" in gone.output
    bad = runner.invoke(cli, ["watch", "--once", "--db", db, "--interval", "soon"])
    assert bad.exit_code == 2 and "'soon' is not an interval" in bad.output

    # a webhook that fails: said in one line, and the shifts are sent after the next cycle
    failing = str(tmp_path / "h.db")
    site.pages["/down"] = Page(b"", status=503)
    runner.invoke(cli, ["feeds", "add", site.url("/feed.xml"), "--db", failing])
    hook = ["--webhook", site.url("/down"), "--delay", "0", "--jobs", "1", "--retries", "0"]
    out = runner.invoke(cli, ["watch", "--once", "--db", failing, *hook])
    assert "/down: the webhook answered 503" in out.output and "sent again" in out.output
    del site.pages["/down"]
    out = runner.invoke(cli, ["watch", "--once", "--db", failing, *hook])
    assert "shift RUS on ceasefire" in out.output and len(site.posted) == 3

    # --filter: only articles with the feed's words are analysed
    filtered = str(tmp_path / "f.db")
    runner.invoke(
        cli, ["feeds", "add", site.url("/feed.xml"), "--filter", "Arsenal", "--db", filtered]
    )
    out = runner.invoke(cli, ["watch", "--once", "--db", filtered, "--delay", "0", "--jobs", "1"])
    assert "1 ingested" in out.output and "2 off-topic" in out.output


def test_the_atom_feed_of_shifts(tmp_path: Path, site: Site, analyzer: Analyzer) -> None:
    news_site(site)
    db = str(tmp_path / "t.db")
    store = Store.open(db)
    try:
        feedstore.add_feed(store.db, site.url("/feed.xml"), "world", "")
        watcher(store, analyzer).cycle()
    finally:
        store.close()
    client = TestClient(create_app(db, load_analyzer=lambda: analyzer))
    answer = client.get("/feeds/shifts.atom", params={"party": "rus", "issue": "ceasefire"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(JSON_ATOM)
    parsed = feedparser.parse(answer.content)
    assert not parsed.bozo and parsed.version == "atom10"
    (entry,) = parsed.entries
    assert entry.id.endswith("RUS/ceasefire/" + entry.id.rsplit("/", 1)[-1])
    assert "shift RUS on ceasefire" in entry.title
    assert entry.title.endswith("[concession]")  # a refusal turned into an acceptance
    assert {t.term for t in entry.tags} == {"RUS", "ceasefire"}
    before, _, after = entry.summary.partition(" — then ")
    assert "(2025-03-11)" in before and "We reject any ceasefire that lets Kyiv rearm" in before
    assert "(2025-03-20)" in after  # the acceptance of the energy truce, as the page has it
    assert entry.published.startswith("2025-03-20")
    # the entry leads to the statement that shifted, whose page shows its sentence
    assert entry.link.startswith("http://testserver/statements/")
    statement = client.get(entry.link.removeprefix("http://testserver"))
    assert statement.status_code == 200 and "energy" in statement.text
    same = feedparser.parse(client.get("/feeds/shifts.atom?party=RUS").content)
    assert [e.id for e in same.entries] == [entry.id]
    assert feedparser.parse(client.get("/feeds/shifts.atom?party=UKR").content).entries == []
    assert client.get("/feeds/shifts.atom?issue=weather").status_code == 422

    # the dashboard's changes since the last visit (kept in a cookie, to the second)
    time.sleep(1.1)
    first = client.get("/changes")
    assert "first visit" in first.text and "RUS</strong> on <strong>ceasefire" in first.text
    # marked a concession, with what it was before, as the command line shows it
    assert '<span class="concession">concession</span>' in first.text
    assert "before: <a href=" in first.text and "We reject any ceasefire" in first.text
    time.sleep(1.1)  # visits are told apart to the second
    again = client.get("/changes").text
    assert "0 new documents, 0 shifts" in again
    assert "No new shifts since your last visit." in again
    site.pages["/world/rejected-again"] = Page(
        article("Moscow rejects truce again", [*REJECT[:1], "Talks stalled."], "2025-03-25")
    )
    site.pages["/feed.xml"] = Page(
        rss("World news", [{"title": "Again", "link": site.url("/world/rejected-again")}]),
        "application/rss+xml",
    )
    store = Store.open(db)
    try:
        watcher(store, analyzer).cycle()
    finally:
        store.close()
    later = client.get("/changes").text
    assert "1 new document, 1 shift" in later
    assert "accept</span> (2025-03-20) → " in later or "(2025-03-20) →" in later


def test_an_atom_entry_shows_an_unnamed_speaker_as_the_text_wrote_it() -> None:
    from talkwatch.analysis import Evidence, Shift
    from talkwatch.atom import _entry

    before = Evidence(
        1, "2022-03-29", "reject", "a ukrainian official", "anonymous", "a.txt", "a",
        "Kyiv would never join talks", "A Ukrainian official",
    )  # fmt: skip
    after = Evidence(
        2, "2023-05-03", "offer", "Volodymyr Zelensky", "named", "b.txt", "b",
        "Kyiv was ready to talk", "Zelensky",
    )  # fmt: skip
    entry = _entry(Shift("UKR", "talks", before, after), None, "http://x/feeds/shifts.atom")
    assert "a Ukrainian official (2022-03-29)" in entry
    assert "a ukrainian official" not in entry


def test_the_atom_feed_lists_the_newest_shift_first() -> None:
    from talkwatch.analysis import Evidence, Shift

    def said(sid: int, day: str, stance: str) -> Evidence:
        return Evidence(sid, day, stance, "Dmitry Peskov", "named", "a.txt", "a", "words")

    older = Shift("RUS", "talks", said(1, "2025-03-01", "reject"), said(2, "2025-03-10", "offer"))
    newer = Shift("RUS", "talks", said(2, "2025-03-10", "offer"), said(3, "2025-04-02", "reject"))
    body = atom([(newer, None), (older, None)], "http://x/feeds/shifts.atom", "shifts")
    published = [e.published[:10] for e in feedparser.parse(body).entries]
    assert published == ["2025-04-02", "2025-03-10"]


def test_a_shift_said_within_a_week_is_news_and_one_said_before_is_not() -> None:
    from datetime import date

    from talkwatch.analysis import Evidence, Shift

    def said(sid: int, day: str, stance: str) -> Evidence:
        return Evidence(sid, day, stance, "Dmitry Peskov", "named", "a.txt", "a", "words")

    shift = Shift("RUS", "talks", said(1, "2025-03-01", "reject"), said(2, "2025-03-10", "offer"))
    assert not alerts.old_news(shift, date(2025, 3, 14))
    assert "[older news" not in alerts.describe(shift, date(2025, 3, 14))
    assert alerts.old_news(shift, date(2025, 3, 20))
    assert alerts.describe(shift, date(2025, 3, 20)).endswith("[older news, found now]")


def test_an_empty_atom_feed_was_updated_now_not_in_1970() -> None:
    body = atom([], "http://x/feeds/shifts.atom", "talkwatch: shifts")
    parsed = feedparser.parse(body)
    assert not parsed.entries
    assert parsed.feed.updated[:4] >= "2025" and "1970" not in body


@pytest.fixture
def watched(tmp_path: Path, site: Site, analyzer: Analyzer) -> Iterator[Store]:
    """A store that has watched the news site's feed for one cycle."""
    news_site(site)
    store = Store.open(str(tmp_path / "t.db"))
    try:
        feedstore.add_feed(store.db, site.url("/feed.xml"), "world", "")
        watcher(store, analyzer).cycle()
        yield store
    finally:
        store.close()


def updated_entry(site: Site) -> None:
    """The feed now lists its first article alone, marked updated."""
    entry = {
        "title": "Russia rejects truce",
        "link": site.url("/world/peskov-rejects"),
        "updated": "2025-03-11T15:00:00Z",
    }
    site.pages["/feed.xml"] = Page(rss("World news", [entry]), "application/rss+xml")


def test_an_entry_marked_updated_whose_text_is_the_same_stays_ingested(
    watched: Store, site: Site, analyzer: Analyzer
) -> None:
    updated_entry(site)
    again = watcher(watched, analyzer).cycle()
    assert (again.updated, again.fetched, again.seen, again.duplicates) == (1, 1, 0, 0)
    assert feedstore.totals(watched.db)["ingested"] == 2
    assert watched.counts()["documents"] == 2


def test_a_revised_entry_whose_fetch_fails_is_fetched_again_for_its_new_text(
    watched: Store, site: Site, analyzer: Analyzer
) -> None:
    updated_entry(site)
    site.pages["/world/peskov-rejects"] = Page(b"", status=404)
    failed = watcher(watched, analyzer).cycle()
    assert (failed.updated, failed.failed_articles) == (1, 2)  # and /world/removed
    site.pages["/world/peskov-rejects"] = Page(
        article("Russia rejects truce", REJECT + REVISION, "2025-03-11")
    )
    watcher(watched, analyzer).cycle()
    ushakov = watched.statements(speaker="Ushakov")
    assert [st.doc for st in ushakov] == [site.url("/world/peskov-rejects")]


def test_the_webhook_is_given_the_watchs_timeout(
    watched: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from talkwatch.cli.watch import announce

    posted: list[tuple[float, int, int, int]] = []

    def post(
        url: str,
        shifts: list[object],
        timeout: float,
        positions: list[object],
        issues: object,
        withdrawn: object = (),
    ) -> None:
        posted.append((timeout, len(shifts), len(positions), len(issues)))  # type: ignore[arg-type]

    monkeypatch.setattr(alerts, "post_webhook", post)
    announce(watched, "http://127.0.0.1:9/hook", 2.5)
    # one post within --timeout, of the shift the cycle found and the first positions (the
    # watch never started announcing, so nothing was counted before)
    ((timeout, shifts, positions, _),) = posted
    assert (timeout, shifts) == (2.5, 1) and positions >= 1


def test_shifts_a_watch_was_stopped_while_posting_are_announced_by_the_next(
    watched: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from talkwatch.cli.watch import announce

    def waiting() -> tuple[object, ...]:
        db = watched.db
        return alerts.new_shifts(db), alerts.new_positions(db), status_alerts.new_changes(db)

    before = waiting()
    assert before[0] and before[1]

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(alerts, "post_webhook", interrupted)
    with pytest.raises(KeyboardInterrupt):
        announce(watched, "http://127.0.0.1:9/hook", 1.0)
    assert waiting() == before


def test_a_sides_first_position_on_an_issue_is_announced_once(
    watched: Store, site: Site, analyzer: Analyzer
) -> None:
    alerts.start(watched.db)  # what was stored before the first watch is known
    assert alerts.new_positions(watched.db) == []
    # Zelensky's guarantees are Ukraine's first position on them: news, once
    site.pages["/world/guarantees"] = Page(
        article("Zelensky: guarantees first", GUARANTEES, "2025-03-21")
    )
    entry = {"title": "Zelensky wants guarantees", "link": site.url("/world/guarantees")}
    site.pages["/feed.xml"] = Page(rss("World news", [entry]), "application/rss+xml")
    watcher(watched, analyzer).cycle()
    firsts = alerts.new_positions(watched.db)
    assert {(p.party, p.issue) for p in firsts} >= {("UKR", "security_guarantees")}
    line = alerts.describe_position(firsts[0])
    assert line.startswith(f"position {firsts[0].party} on {firsts[0].issue}: ")
    assert alerts.claim_positions(watched.db, firsts) == firsts
    assert alerts.claim_positions(watched.db, firsts) == [] and alerts.new_positions(watched.db) == []


def test_a_first_position_is_announced_with_the_first_stance(database: str) -> None:
    from test_analysis import st
    from test_standing import store_all

    store = Store.open(database)
    try:
        # Russia's first text on the ceasefire refused it; a later one offered it, both new
        store_all(store, [st(1, "2025-11-22", "RUS", "reject", ("ceasefire",), "Peskov", "d1")])
        store_all(store, [st(2, "2025-11-25", "RUS", "offer", ("ceasefire",), "Ushakov", "d2")])
        (first,) = alerts.new_positions(store.db)
        assert (first.evidence.stance, first.evidence.statement_id) == ("reject", 1)
        assert alerts.describe_position(first).startswith(
            "position RUS on ceasefire: reject (2025-11-22), Peskov in d1.txt"
        )
        (shift,) = alerts.new_shifts(store.db)
        assert (shift.before.stance, shift.after.stance) == ("reject", "offer")
    finally:
        store.close()


def test_a_stopping_watch_sends_no_request_and_waits_out_no_backoff() -> None:
    with Site({"/busy": Page(b"busy", status=503)}) as busy:
        fetcher = Fetcher(delay=0.0, timeout=5.0, retries=3, backoff=60.0)
        waits: list[float] = []

        def interrupted_while_waiting(seconds: float) -> None:
            waits.append(seconds)  # Ctrl-C during the first wait before a retry
            fetcher.stopping.set()

        fetcher.sleep = interrupted_while_waiting
        with pytest.raises(FetchError, match="not fetched, as the watch is stopping"):
            fetcher.get(busy.url("/busy"))
        # robots.txt and one try of the page; no retry after the interrupt
        assert [r.path for r in busy.requests] == ["/robots.txt", "/busy"]
        assert waits == [60.0]
        # and once stopping, nothing more is asked of any site
        with pytest.raises(FetchError, match="stopping"):
            fetcher.get(busy.url("/other"))
        assert len(busy.requests) == 2


def test_a_watch_or_a_dashboard_of_a_mistyped_database_is_refused(tmp_path: Path) -> None:
    missing = str(tmp_path / "talkwach.db")
    watched = CliRunner().invoke(cli, ["watch", "--once", "--db", missing])
    assert watched.exit_code == 1
    assert "talkwach.db: no such database; add a feed with 'talkwatch feeds add'." in (
        watched.output
    )
    # in a process of its own, so that a dashboard that did start fails the test, not hangs it
    import subprocess
    import sys

    served = subprocess.run(
        [sys.executable, "-m", "talkwatch", "serve", "--db", missing, "--port", "0"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert served.returncode == 1 and "no such database" in served.stderr
    assert not Path(missing).exists()


def test_a_failing_feed_waiting_for_its_retry_is_named_in_the_summary(
    tmp_path: Path, site: Site, analyzer: Analyzer
) -> None:
    store = with_a_broken_feed(tmp_path, site)
    try:
        patient = replace(watcher(store, analyzer), retry_base=600.0)
        assert patient.cycle().failed_feeds == 1
        later = patient.cycle()
        assert (later.feeds, later.waiting) == (1, 1)
        assert later.line().startswith("Polled 1 feed (1 unchanged, 0 failed): ")
        assert "; 1 failing feed waiting for its retry; fetched " in later.line()
    finally:
        store.close()


def test_an_article_gone_is_given_up_and_one_failing_is_tried_again(
    tmp_path: Path, site: Site, analyzer: Analyzer
) -> None:
    site.pages["/busy"] = Page(b"busy", status=503)
    site.pages["/gone"] = Page(b"gone", status=410)
    site.pages["/huge"] = Page(b"<html><body><p>" + b"word " * 2_200_000 + b"</p></body></html>")
    entries = [
        {"title": "Gone", "link": site.url("/gone")},
        {"title": "Busy", "link": site.url("/busy")},
        {"title": "Huge", "link": site.url("/huge")},  # over the 10 MB limit
    ]
    site.pages["/feed.xml"] = Page(rss("World news", entries), "application/rss+xml")
    store = Store.open(str(tmp_path / "t.db"))
    try:
        feedstore.add_feed(store.db, site.url("/feed.xml"), "world", "")
        first = watcher(store, analyzer).cycle()
        (gone,) = [p for p in first.problems if "/gone" in p]
        assert gone.endswith("the server answered 410 Gone; given up.")
        (huge,) = [p for p in first.problems if "/huge" in p]
        assert huge.endswith("larger than the 10 MB limit; given up.")
        (busy,) = [p for p in first.problems if "/busy" in p]
        assert "tried again next cycle (2 tries left)" in busy
        watcher(store, analyzer).cycle()
        assert [site.paths().count(p) for p in ("/gone", "/huge", "/busy")] == [1, 1, 2]
    finally:
        store.close()


def test_a_stopping_fetcher_wakes_from_its_wait_before_a_retry() -> None:
    import threading

    with Site({"/busy": Page(b"busy", status=503)}) as busy:
        fetcher = Fetcher(delay=0.0, timeout=5.0, retries=3, backoff=60.0)
        threading.Timer(0.3, fetcher.stopping.set).start()  # Ctrl-C during the first wait
        started = time.monotonic()
        with pytest.raises(FetchError, match="stopping"):
            fetcher.get(busy.url("/busy"))
        assert time.monotonic() - started < 30  # not the 60 s the backoff would wait
        assert [r.path for r in busy.requests] == ["/robots.txt", "/busy"]


def test_ctrl_c_during_announcing_gives_back_what_was_claimed(
    watched: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from talkwatch.cli.watch import announce

    waiting = alerts.new_positions(watched.db)
    assert waiting

    def interrupted(_: object) -> list[object]:
        raise KeyboardInterrupt  # after the first positions were claimed

    monkeypatch.setattr(alerts, "new_shifts", interrupted)
    with pytest.raises(KeyboardInterrupt):
        announce(watched, None)
    assert alerts.new_positions(watched.db) == waiting


def test_an_interrupted_watch_says_so_at_once_and_exits_as_interrupted(
    tmp_path: Path, site: Site
) -> None:
    import signal
    import subprocess
    import sys

    site.pages["/slow"] = Page(article("Truce talks", GUARANTEES), delay=6.0)
    entries = [{"title": "Talks", "link": site.url("/slow")}]
    site.pages["/feed.xml"] = Page(rss("World news", entries), "application/rss+xml")
    db = str(tmp_path / "t.db")
    feed = CliRunner().invoke(cli, ["feeds", "add", site.url("/feed.xml"), "--db", db])
    assert feed.exit_code == 0, feed.output
    watching = subprocess.Popen(
        [sys.executable, "-m", "talkwatch", "watch", "--once", "--db", db, "--delay", "0",
         "--timeout", "20"],
        stderr=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        started = time.monotonic()
        while "/slow" not in site.paths() and time.monotonic() - started < 60:
            time.sleep(0.05)
        watching.send_signal(signal.SIGINT)
        _, err = watching.communicate(timeout=60)
    finally:
        watching.kill()
    said = err.decode()
    assert "Stopping: the downloads under way end within 20 s (Ctrl-C again to stop at once)." in said
    assert "Stopped; the next watch goes on where this one stopped." in said
    assert watching.returncode == 130
