"""`feeds add` fetches the address once first: a feed is added with its entries counted;
a web page is refused with the feeds it names; an address the server does not know, or
no feed at all, is refused; one that cannot be reached now is added with a note."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from feed_server import Page, Site, rss
from talkwatch.cli import cli
from talkwatch.feedcheck import feed_links

PAGE = b"""<!DOCTYPE html><html><head><title>World news</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="World" href="/world/rss.xml">
<link rel='alternate' type='application/atom+xml' href='https://feeds.example.org/atom?a=1&amp;b=2'>
</head><body><p>Talks resume in Istanbul.</p></body></html>"""


@pytest.fixture
def site() -> Iterator[Site]:
    feed = rss("World", [{"title": "Talks", "link": "http://example.org/talks"}])
    with Site(
        {
            "/world/rss.xml": Page(feed, "application/rss+xml"),
            "/world/": Page(PAGE),
            "/about": Page(b"<html><body>About us</body></html>"),
            "/data.json": Page(b'{"items": []}', "application/json"),
            "/broken": Page(b"unavailable", "text/plain", status=503),
        }
    ) as running:
        yield running


def add(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["feeds", "add", *args, "--db", str(db)])


def listed(db: Path) -> str:
    return CliRunner().invoke(cli, ["feeds", "list", "--db", str(db)]).stdout


def test_a_feed_is_added_with_its_entries_counted(site: Site, tmp_path: Path) -> None:
    result = add(tmp_path / "t.db", site.url("/world/rss.xml"))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("feed 1; 1 entry now.")


def test_a_web_page_is_refused_with_the_feeds_it_names(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    result = add(db, site.url("/world/"))
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {site.url('/world/')}: a web page, not a feed; it names the feed "
        f"{site.url('/world/rss.xml')} and https://feeds.example.org/atom?a=1&b=2: add that "
        f"one ('talkwatch feeds add {site.url('/world/rss.xml')}')."
    )
    nameless = add(db, site.url("/about"))
    assert nameless.exit_code == 1 and "it names none" in nameless.output
    assert "No feeds yet" in listed(db)


def test_a_mistyped_address_or_no_feed_is_refused(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    typo = add(db, site.url("/world/rs.xml"))
    assert typo.exit_code == 1
    assert "the server answered 404" in typo.output and "check the address" in typo.output
    other = add(db, site.url("/data.json"))
    assert other.exit_code == 1 and "not" in other.output and "--no-check" in other.output
    assert "No feeds yet" in listed(db)


def test_no_check_adds_it_all_the_same(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    result = add(db, site.url("/world/rs.xml"), "--no-check")
    assert result.exit_code == 0 and "Watching" in result.stdout
    assert "entries now" not in result.stdout
    assert "/world/rs.xml" in listed(db)
    assert site.paths().count("/world/rs.xml") == 0  # not fetched


def test_an_address_that_cannot_be_read_now_is_added_with_a_note(
    site: Site, tmp_path: Path
) -> None:
    result = add(tmp_path / "t.db", site.url("/broken"))
    assert result.exit_code == 0, result.output
    assert "Watching" in result.stdout
    assert "cannot be read now (the server answered 503" in result.stderr


def test_the_feeds_a_page_names() -> None:
    page = (
        '<link href="/rss" rel="alternate" type="application/rss+xml">'
        '<link rel="alternate" type="text/html" href="/mobile">'
        '<link rel="alternate" type="application/rss+xml" href="/rss">'
    )
    assert feed_links(page, "https://news.example.org/world/") == [
        "https://news.example.org/rss"
    ]


def test_a_refusal_of_one_request_is_no_wrong_address(site: Site, tmp_path: Path) -> None:
    # 403 or 429: the site refuses this request now, the address may be right
    site.pages["/busy.xml"] = Page(b"slow down", "text/plain", status=429)
    result = add(tmp_path / "t.db", site.url("/busy.xml"))
    assert result.exit_code == 0, result.output
    assert "cannot be read now (the server answered 429" in result.stderr
