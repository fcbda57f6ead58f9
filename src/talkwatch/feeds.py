"""Feeds: read RSS, Atom and news sitemaps into entries with canonical links.

``read_feed`` turns the bytes of a feed into ``Entry`` records and a list of
problems (one sentence each, naming the feed): a document that is not a
feed, a malformed feed (what could be read of it is kept), entries without
a link, more entries than ``MAX_ENTRIES``. ``canonical_url`` gives one
spelling of a web address, so that the same article linked from two feeds,
or with tracking parameters, is fetched once.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from datetime import date
from time import struct_time
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from .neterrors import address_problem

MAX_ENTRIES = 1000  # read from one feed per poll; the rest are reported
MAX_FEED_BYTES = 4 * 1024 * 1024  # a longer feed is read up to here
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|ref|ref_src"
    r"|smid|taid|at_medium|at_campaign|__twitter_impression)$",
    re.IGNORECASE,
)
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class Entry:
    """One article a feed links to."""

    url: str  # canonical
    title: str = ""
    date: str | None = None  # the entry's published (else updated) date, ISO
    updated: str = ""  # the entry's updated time as given, to tell an updated entry


@dataclass
class FeedContent:
    title: str = ""
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    total: int = 0  # entries in the feed, read or not


def canonical_url(url: str, base: str = "") -> str:
    """One spelling per address: lower-case scheme and host, no default port, no
    fragment, no tracking parameters, parameters sorted, no empty path."""
    try:
        url = urljoin(base, url.strip()) if base else url.strip()
    except ValueError:  # "http://[::1/a": no address to join
        return url.strip()
    if address_problem(url):  # a broken link stays as written; fetching it says why
        return url
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.port and not (
        (scheme == "http" and parts.port == 80) or (scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(key)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


_ITEM = re.compile(rb"<(?:item|entry)[\s>]", re.IGNORECASE)
_URL = re.compile(rb"<url[\s>]", re.IGNORECASE)


def read_feed(data: bytes, url: str, truncated: bool = False) -> FeedContent:
    """The entries of an RSS or Atom feed or a (news) sitemap, newest first as given.

    A feed of more than ``MAX_ENTRIES`` entries is cut before it is parsed
    (parsing is the slow part), and said so in one line.
    """
    head = data[:2048].lstrip().lower()
    sitemap = b"<urlset" in head or b"<sitemapindex" in head
    starts = [m.start() for m in (_URL if sitemap else _ITEM).finditer(data)]
    cut = len(starts) > MAX_ENTRIES
    if cut:
        data = data[: starts[MAX_ENTRIES]]
    if sitemap:
        content = _read_sitemap(data, url, cut or truncated)
    else:
        content = _read_syndication(data, url, cut or truncated)
    if cut or truncated:
        more = "+" if truncated else ""
        size = f" in its first {MAX_FEED_BYTES // (1024 * 1024)} MB" if truncated else ""
        content.problems.insert(
            0,
            f"{url}: {len(starts):,}{more} entries{size}; only the first "
            f"{min(MAX_ENTRIES, len(starts)):,} are read.",
        )
    return content


def _read_syndication(data: bytes, url: str, cut: bool) -> FeedContent:
    import feedparser  # imported here: only watching needs it

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    content = FeedContent(title=str(parsed.feed.get("title", "") or ""))
    if not parsed.get("version") and not parsed.entries:
        reason = _bozo_reason(parsed)
        what = f"not a feed ({reason})" if reason else "not an RSS or Atom feed"
        content.problems.append(f"{url}: {what}.")
        return content
    if parsed.get("bozo") and parsed.entries and not cut:  # a cut feed ends abruptly
        reason = _bozo_reason(parsed)
        content.problems.append(
            f"{url}: the feed is malformed ({reason}); the {len(parsed.entries)} entries "
            "that could be read are used."
        )
    content.total = len(parsed.entries)
    no_link = 0
    for item in parsed.entries:
        link = str(item.get("link") or "")
        if not link:
            links = [str(x.get("href", "")) for x in item.get("links", []) if x.get("href")]
            link = links[0] if links else ""
        if not link.startswith(("http://", "https://", "/")):
            no_link += 1
            continue
        content.entries.append(
            Entry(
                url=canonical_url(link, url),
                title=str(item.get("title", "") or ""),
                date=_iso(item.get("published_parsed") or item.get("updated_parsed")),
                updated=str(dict.get(item, "updated") or ""),  # as given, no fallback
            )
        )
    if no_link:
        titles = [
            str(i.get("title", "") or "untitled") for i in parsed.entries if not i.get("link")
        ]
        example = f" (first: '{titles[0][:60]}')" if titles else ""
        content.problems.append(
            f"{url}: {no_link} entr{'ies' if no_link != 1 else 'y'} without a web link "
            f"skipped{example}."
        )
    return content


def _read_sitemap(data: bytes, url: str, cut: bool) -> FeedContent:
    content = FeedContent()
    if cut:  # close what was cut off, so the entries before it can be read
        data = data[: data.rfind(b"</url>") + len(b"</url>")] + b"</urlset>"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as err:
        content.problems.append(f"{url}: the sitemap is malformed ({err}).")
        return content
    if root.tag.endswith("sitemapindex"):
        content.problems.append(
            f"{url}: a sitemap index, not a news sitemap; add the news sitemaps it lists instead."
        )
        return content
    for node in root.iter(f"{_SITEMAP_NS}url"):
        content.total += 1
        loc = (node.findtext(f"{_SITEMAP_NS}loc") or "").strip()
        if not loc.startswith(("http://", "https://")):
            continue
        published = node.findtext(f"{_NEWS_NS}news/{_NEWS_NS}publication_date") or node.findtext(
            f"{_SITEMAP_NS}lastmod"
        )
        title = node.findtext(f"{_NEWS_NS}news/{_NEWS_NS}title") or ""
        content.entries.append(
            Entry(canonical_url(loc, url), title.strip(), _iso_text(published), published or "")
        )
    missing = content.total - len(content.entries)
    if missing:
        entries = "entries" if missing != 1 else "entry"
        content.problems.append(
            f"{url}: {missing} sitemap {entries} without a web address skipped."
        )
    return content


def _bozo_reason(parsed: object) -> str:
    error = getattr(parsed, "get", lambda key, default=None: default)("bozo_exception")
    if error is None:
        return ""
    text = str(getattr(error, "getMessage", lambda: error)()).strip()
    return text.splitlines()[0][:120] if text else type(error).__name__


def _iso(value: object) -> str | None:
    if isinstance(value, struct_time):
        try:
            return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    return None


def _iso_text(value: str | None) -> str | None:
    match = re.match(r"\s*(\d{4}-\d\d-\d\d)", value or "")
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None
