"""`talkwatch feeds add | list | remove`: the feeds `talkwatch watch` polls."""

from __future__ import annotations

from urllib.parse import urlsplit

import click
from rich.console import Console
from rich.table import Table

from ..feedcheck import Checked, check
from ..feeds import canonical_url
from ..feedstore import FeedNotFound, add_feed, find_feed, list_feeds, remove_feed, totals
from ..fetch import Fetcher
from ..neterrors import address_problem
from ..relevance import filter_words
from .group import cli
from .options import db_option, open_store


@cli.group(short_help="Add, list and remove the feeds that watch polls.")
def feeds() -> None:
    """The RSS or Atom feeds and news sitemaps that 'talkwatch watch' polls."""


@feeds.command("add")
@click.argument("url")
@click.option("--name", help="A short name for the feed (default: its host).")
@click.option(
    "--filter",
    "words",
    metavar="WORDS",
    default="",
    help="Only articles containing one of these words (comma- or space-separated) are "
    "analysed, instead of those the issue lexicon and the actors find relevant.",
)
@click.option(
    "--no-check",
    is_flag=True,
    help="Add it without fetching it first (offline, or a site that refuses one request).",
)
@db_option
def add(url: str, name: str | None, words: str, no_check: bool, db_path: str) -> None:
    """Watch the feed at URL. It is fetched once first: a web page that names its feeds,
    an address the server does not know, or anything else that is no feed is refused
    with what to add instead; one that cannot be reached now is added with a note."""
    problem = address_problem(url)
    if problem:
        raise click.ClickException(f"{url}: not a valid web address: {problem}.")
    parts = urlsplit(url.strip())
    if words and not filter_words(words):
        raise click.ClickException(f"--filter '{words}': no words in it.")
    address = canonical_url(url)
    once = Fetcher(delay=0.0, retries=0, timeout=CHECK_TIMEOUT)  # one request, after robots.txt
    found = None if no_check else check(address, once)
    if found is not None and found.kind in ("page", "missing", "other"):
        raise click.ClickException(refusal(address, found))
    with open_store(db_path) as store:
        feed, added = add_feed(store.db, address, name or parts.hostname or address, words.strip())
    if added:
        what = f" (only articles with: {', '.join(filter_words(words))})" if words else ""
        count = f"{found.entries} entr{'y' if found.entries == 1 else 'ies'}" if found else ""
        now = f"; {count} now" if found and found.kind == "feed" else ""
        click.echo(f"Watching {feed.url} as '{feed.name}', feed {feed.id}{what}{now}.")
        if found and found.kind == "unreachable":
            click.echo(
                f"note: {feed.url} cannot be read now ({found.reason}); 'talkwatch watch' "
                "polls it and says so while it stays so.",
                err=True,
            )
    else:
        click.echo(f"{feed.url}: already watched as '{feed.name}', feed {feed.id}.")


CHECK_TIMEOUT = 15.0


def refusal(url: str, found: Checked) -> str:
    """Why ``url`` is not added, and what to add instead."""
    anyway = "; add it with --no-check to watch it all the same"
    if found.kind == "page" and found.feeds:
        named = " and ".join(found.feeds[:3])
        return (
            f"{url}: a web page, not a feed; it names the feed {named}: add that one "
            f"('talkwatch feeds add {found.feeds[0]}')."
        )
    if found.kind == "page":
        return (
            f"{url}: a web page, not a feed, and it names none; look for the site's RSS or "
            "Atom feed (often /feed, /rss or /atom.xml)."
        )
    if found.kind == "missing":
        return f"{url}: {found.reason}: check the address{anyway}."
    return f"{url}: {found.reason}{anyway}."


@feeds.command("list")
@db_option
def list_command(db_path: str) -> None:
    """The watched feeds, their last poll and their articles."""
    with open_store(db_path) as store:
        found = list_feeds(store.db)
        overall = totals(store.db)
    if not found:
        click.echo("No feeds yet: add one with 'talkwatch feeds add URL'.")
        return
    table = Table()
    for column in ("#", "name", "url", "filter", "last poll", "articles", "problem"):
        table.add_column(column, overflow="fold")
    for feed, counts in found:
        articles = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "none yet"
        problem = f"{feed.error} (failed {feed.failures}x)" if feed.error else ""
        table.add_row(
            str(feed.id),
            feed.name,
            feed.url,
            feed.filter,
            feed.polled_at or "never",
            articles,
            problem,
        )
    Console().print(table)
    off = overall.get("off-topic", 0)
    if off:
        click.echo(f"{off} off-topic article{'s' * (off != 1)} recorded as seen, not analysed.")


@feeds.command("remove")
@click.argument("feed")
@db_option
def remove(feed: str, db_path: str) -> None:
    """Stop watching FEED (its URL, name or number); what it brought stays stored."""
    with open_store(db_path, must_exist=True) as store:
        try:
            found = find_feed(store.db, feed) if feed.strip() else None
            if found is None:
                raise FeedNotFound("no feed given; name one by its URL, name or number.")
            remove_feed(store.db, found)
        except FeedNotFound as err:
            raise click.ClickException(str(err)) from None
    click.echo(f"No longer watching {found.url} ('{found.name}').")
