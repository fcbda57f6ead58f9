"""Reading feeds (RSS, Atom, news sitemaps), canonical links, and the relevance gate."""

from __future__ import annotations

import pytest

from talkwatch.feeds import canonical_url, read_feed
from talkwatch.relevance import Gate

TALKS = (
    "Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow would not accept a "
    "ceasefire that allowed Ukraine to rearm, as delegations prepared for talks in Riyadh."
)
FOOTBALL = (
    "Arsenal beat Chelsea 2-1 on Saturday in a tense London derby; the manager said the "
    "title race was far from over and praised his defence."
)
WEATHER_IN_KYIV = "Snow is expected in Kyiv on Sunday, with temperatures falling to minus ten."


@pytest.fixture(scope="module")
def gate() -> Gate:
    return Gate.load()


def test_the_gate_wants_an_issue_and_a_side(gate: Gate) -> None:
    verdict = gate.judge(TALKS)
    assert verdict.relevant and "ceasefire" in verdict.reason
    assert not gate.judge(FOOTBALL).relevant
    assert gate.judge(WEATHER_IN_KYIV).reason == "names no issue of the negotiation"


def test_places_of_the_war_alone_are_no_issue(gate: Gate) -> None:
    # the lexicon's place names are the teams' and the forecast's too (data/relevance.yaml)
    derby = "Shakhtar Donetsk beat Dynamo Kyiv 2-1 in the derby on Sunday, the coach said."
    assert gate.judge(derby).reason == "names places of the war, but no issue of the negotiation"
    storm = "A storm reached Crimea and Kherson overnight, Ukraine's weather service said."
    assert not gate.judge(storm).relevant
    # the same places with a thing the talks are about, whatever its capitals
    claim = "Zelensky said Ukraine would never cede Crimea or any other occupied land."
    assert gate.judge(claim).reason == "territory: occupied; ukraine"
    headline = "Kremlin: Ukraine's NATO Membership Is Unacceptable, Dmitry Peskov said"
    assert gate.judge(headline).reason == "neutrality: nato membership; kremlin"


def test_a_feed_filter_replaces_the_gate(gate: Gate) -> None:
    assert gate.judge(FOOTBALL, "Arsenal, Chelsea").relevant
    assert gate.judge(WEATHER_IN_KYIV, "snow").reason == "filter: snow"
    assert not gate.judge(TALKS, "Istanbul").relevant
    assert not gate.judge("The ceasefires were discussed.", "ceasefire").relevant


def test_canonical_urls() -> None:
    assert (
        canonical_url("HTTPS://News.Example:443/a?utm_source=x&b=2&a=1#top")
        == "https://news.example/a?a=1&b=2"
    )
    assert canonical_url("/b/c", "http://news.example:8080/feed") == "http://news.example:8080/b/c"


def test_a_feed_entry_with_a_broken_link_reads_without_failing() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Broken</title><link>http://[::1/talks</link></item>
<item><title>Talks resume</title><link>https://news.example/talks?utm_source=x</link></item>
</channel></rss>"""
    content = read_feed(feed, "https://news.example/rss")
    assert [e.url for e in content.entries] == [
        "http://[::1/talks",  # kept as written: fetching it says why it is no address
        "https://news.example/talks",
    ]


def test_a_news_sitemap_gives_links_titles_and_dates() -> None:
    sitemap = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example/world/istanbul-talks?utm_campaign=x</loc>
    <news:news><news:publication_date>2025-05-16T08:00:00+00:00</news:publication_date>
    <news:title>Delegations meet in Istanbul</news:title></news:news></url>
  <url><loc>not a link</loc></url>
</urlset>"""
    content = read_feed(sitemap, "https://news.example/news-sitemap.xml")
    (entry,) = content.entries
    assert (entry.url, entry.title, entry.date) == (
        "https://news.example/world/istanbul-talks",
        "Delegations meet in Istanbul",
        "2025-05-16",
    )
    assert content.problems == [
        "https://news.example/news-sitemap.xml: 1 sitemap entry without a web address skipped."
    ]
