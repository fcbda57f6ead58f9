"""`talkwatch feeds add | list | remove`: the feeds `talkwatch watch` polls."""

from __future__ import annotations

from urllib.parse import urlsplit

import click
from rich.console import Console
from rich.table import Table

from ..feeds import canonical_url
from ..feedstore import FeedNotFound, add_feed, find_feed, list_feeds, remove_feed, totals
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
@db_option
def add(url: str, name: str | None, words: str, db_path: str) -> None:
    """Watch the feed at URL."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise click.ClickException(f"{url}: not a web address (http:// or https://).")
    if words and not filter_words(words):
        raise click.ClickException(f"--filter '{words}': no words in it.")
    address = canonical_url(url)
    with open_store(db_path) as store:
        feed, added = add_feed(store.db, address, name or parts.hostname, words.strip())
    if added:
        what = f" (only articles with: {', '.join(filter_words(words))})" if words else ""
        click.echo(f"Watching {feed.url} as '{feed.name}', feed {feed.id}{what}.")
    else:
        click.echo(f"{feed.url}: already watched as '{feed.name}', feed {feed.id}.")


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
