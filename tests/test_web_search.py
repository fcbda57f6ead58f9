"""Search marks what matched (escaped first) and every list pages, also past its end."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from talkwatch.store import Store
from talkwatch.web.app import create_app
from talkwatch.web.render import highlight
from web_helpers import EVIL, _doc, _st, build, web_database

BULLETINS = 25  # documents, three statements each: 75 statements about a truce


def bulletins(path: str) -> None:
    store = Store.open(path)
    for n in range(1, BULLETINS + 1):
        lines = [
            f'Envoy Number{n} said the truce "must hold on day {n}" at the front.',
            f'Minister Number{n} said the Truce "is fragile, week {n}" after shelling.',
            f'Mayor Number{n} said a truce "would let {n} convoys pass" through the town.',
        ]
        doc = _doc(f"bulletin-{n}.txt", f"2023-05-{n:02d}", f"Truce bulletin {n}", lines)
        said = [
            _st(
                doc,
                line,
                re.search(r'"([^"]+)"', line).group(1),
                line.split(" said")[0],  # type: ignore[union-attr]
                "UKR",
                "assess",
                ("ceasefire",),
            )
            for line in lines
        ]
        store.add(doc, said, doc.id)
    store.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = web_database(request, tmp_path_factory, "search")
    build(path)
    bulletins(path)
    return TestClient(create_app(path))


def test_highlight_escapes_every_piece_and_marks_the_matches() -> None:
    assert highlight("Sanctions, and more sanctions", "SANCTIONS") == (
        '<mark class="hit">Sanctions</mark>, and more <mark class="hit">sanctions</mark>'
    )
    assert highlight("<b>ready</b>", "ready") == '&lt;b&gt;<mark class="hit">ready</mark>&lt;/b&gt;'
    assert highlight("Kyiv & Moscow", "amp") == "Kyiv &amp; Moscow"  # no mark inside &amp;
    assert highlight('a "quote"', "quot") == 'a &#34;<mark class="hit">quot</mark>e&#34;'
    assert highlight(EVIL, "<script>").startswith('<mark class="hit">&lt;script&gt;</mark>window')
    assert highlight("nothing here", "") == "nothing here"
    assert highlight(None, "x") == ""


def test_search_marks_the_term_in_quotes_speakers_and_titles(client: TestClient) -> None:
    page = client.get("/search", params={"q": "sanctions"}).text
    assert 'is ready to ease <mark class="hit">sanctions</mark>' in page
    truce = client.get("/search", params={"q": "truce"}).text
    assert '<mark class="hit">Truce</mark> bulletin 25' in truce  # a document title
    # the count says a title's match brings in its document's statements
    assert "and every statement of a document whose title does" in unescape(truce)
    evil = client.get("/search", params={"q": "<script>"}).text
    assert '<mark class="hit">&lt;script&gt;</mark>window.__pwned = 1' in evil
    assert "<script" not in evil.lower() and "<img" not in evil.lower()


def test_search_pages_its_statements_and_leads_to_all_documents(client: TestClient) -> None:
    first = client.get("/search", params={"q": "number"}).text
    assert "Statements (75)" in unescape(first) and "page 1 of 2" in first
    assert 'href="/search?q=number&amp;page=2"' in first
    second = client.get("/search", params={"q": "number", "page": 2}).text
    assert "page 2 of 2" in second and second.count('class="quote"') == 25
    truce = client.get("/search", params={"q": "truce"}).text
    assert "Documents (25)" in truce and 'href="/documents?q=truce"' in truce
    assert "all 25 documents" in truce


@pytest.mark.parametrize(
    ("url", "last"),
    [
        ("/statements?page=999", "/statements?page=2"),
        ("/statements?issue=ceasefire&page=999", "/statements?issue=ceasefire&amp;page=2"),
        ("/search?q=number&page=7", "/search?q=number&amp;page=2"),
        ("/timeline?party=UKR&page=40", "/timeline?party=UKR&amp;page=2"),
        ("/documents?page=3", "/documents?page=1"),
    ],
)
def test_a_page_past_the_end_says_so_and_links_to_the_last(
    client: TestClient, url: str, last: str
) -> None:
    answer = client.get(url)
    assert answer.status_code == 404
    assert "No statements match" not in answer.text
    number = re.search(r"page=(\d+)", url).group(1)  # type: ignore[union-attr]
    assert f"Page {number} is past the end" in answer.text
    assert f'href="{last}"' in answer.text and ">last page<" in answer.text


def test_an_empty_selection_still_says_nothing_matches(client: TestClient) -> None:
    answer = client.get("/statements", params={"speaker": "Nobody Atall"})
    assert answer.status_code == 200 and "No statements match" in answer.text
    assert "past the end" not in answer.text
