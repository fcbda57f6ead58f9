"""What `feeds add` finds at an address before it is watched: a feed, a web page that
names its feeds, something else, or nothing reachable now.

A mistyped address or an article's page was accepted silently and failed only at the
next watch ("404", "not a feed"). ``check`` fetches the address once (politely, as a
watch does, without retries) and says which it is; a web page's
``<link rel="alternate" type="application/rss+xml" href="...">`` names the feeds to add
instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from .feeds import MAX_FEED_BYTES, canonical_url, read_feed
from .fetch import Fetcher, FetchError

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")


@dataclass(frozen=True)
class Checked:
    """What the address holds: ``kind`` is feed, page, other, missing (the server
    answered 404 or 410) or unreachable (no answer now, another refusal, or 5xx)."""

    kind: str
    entries: int = 0  # a feed's entries
    feeds: tuple[str, ...] = ()  # the feeds a page names
    reason: str = ""  # why it is not a feed, or cannot be reached


def check(url: str, fetcher: Fetcher) -> Checked:
    try:
        answer = fetcher.get(url, max_bytes=MAX_FEED_BYTES, truncate=True)
    except FetchError as err:
        reason = str(err).removeprefix(f"{url}: ").rstrip(".")
        # the server's answer that there is nothing there (404, 410), as to a mistyped
        # address, is an answer; no connection, a timeout, a refusal of this one request
        # (403, 429) or a server error (5xx) may pass
        answered = reason.startswith(("the server answered 404", "the server answered 410"))
        return Checked("missing" if answered else "unreachable", reason=reason)
    head = answer.body[:4096].lstrip().lower()
    if answer.media_type == "text/html" or head.startswith((b"<!doctype html", b"<html")):
        text = answer.body.decode("utf-8", "replace")
        return Checked("page", feeds=tuple(feed_links(text, answer.url)))
    content = read_feed(answer.body, url, answer.truncated)
    if content.entries or content.total or not content.problems:
        return Checked("feed", entries=len(content.entries))
    return Checked("other", reason=content.problems[0].removeprefix(f"{url}: ").rstrip("."))


def feed_links(page: str, base: str) -> list[str]:
    """The feeds a web page names in its head, as canonical addresses, in order."""
    found: list[str] = []
    for tag in _LINK.findall(page):
        attributes = {
            name.lower(): unescape(value.strip("\"'")) for name, value in _ATTRIBUTE.findall(tag)
        }
        rel = attributes.get("rel", "").lower().split()
        if "alternate" in rel and attributes.get("type", "").lower() in FEED_TYPES:
            href = attributes.get("href", "")
            if href:
                address = canonical_url(href, base)
                if address.startswith(("http://", "https://")) and address not in found:
                    found.append(address)
    return found
