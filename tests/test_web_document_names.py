"""Documents are named by their title or their first words, never by a hash file name."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from talkwatch.store import Store
from talkwatch.web.app import create_app
from talkwatch.web.labels import document_label, source_name
from web_helpers import _doc, _st, build, web_database

HASH_NAME = "3fa9c1d2e4b5a69788776655443322110fedcba9.html"
LEAD = "GENEVA — Envoys from both sides met behind closed doors on Monday for a third round"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The usual three documents and one without title or date, stored under a hash name."""
    path = web_database(request, tmp_path_factory, "names")
    build(path)
    doc = _doc(
        HASH_NAME,
        None,  # type: ignore[arg-type]
        "",
        [
            f"{LEAD} of talks about <b>prisoner</b> exchanges.",
            'Rustem Umerov said Kyiv "wants all for all" in the next exchange.',
        ],
    )
    said = _st(
        doc,
        doc.text.split("\n\n")[1],
        "wants all for all",
        "Rustem Umerov",
        "UKR",
        "demand",
        ("humanitarian",),
    )
    store = Store.open(path)
    store.add(doc, [said], doc.id)
    store.close()
    return path


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


def visible(page: str) -> str:
    """The text a reader sees (no tags, entities decoded)."""
    return unescape(re.sub(r"<[^>]+>", " ", page))


def test_a_label_is_the_title_or_the_first_words() -> None:
    assert document_label("Kyiv rejects neutrality", "ignored") == "Kyiv rejects neutrality"
    assert (
        document_label(
            "  ",
            "KYIV, March 3 (Wire) - Ukrainian President Volodymyr Zelensky said "
            "on Thursday that the talks would go on.",
        )
        == "KYIV, March 3 (Wire) - Ukrainian President Volodymyr Zelensky said on Thursday…"
    )
    assert document_label("", "Short note.\n\nSecond paragraph") == "Short note."
    assert document_label("", "   ") == "untitled document"
    assert source_name(HASH_NAME) is None and source_name("2f1e-4b7a-9c3d-aa01.txt") is None
    assert source_name("001_istanbul-communique.txt") == "001_istanbul-communique.txt"


@pytest.mark.parametrize("url", ["/documents", "/statements", "/search?q=all%20for%20all", "/"])
def test_lists_show_first_words_and_undated_not_the_hash(client: TestClient, url: str) -> None:
    page = client.get(url).text
    assert HASH_NAME not in page
    if url != "/":
        text = visible(page)
        assert "GENEVA — Envoys from both sides met behind closed doors on Monday…" in text
        assert "undated" in text and ">?<" not in page
        assert "Kyiv rejects neutrality demand" in text or url.startswith("/search")


def test_document_and_statement_pages_name_the_document(client: TestClient) -> None:
    doc_id = client.get("/api/documents", params={"limit": 10}).json()["items"][-1]["id"]
    page = client.get(f"/documents/{doc_id}").text
    assert HASH_NAME not in page
    assert "<h1>GENEVA — Envoys from both sides met behind closed doors on Monday…</h1>" in page
    assert "undated" in visible(page)
    assert "&lt;b&gt;prisoner&lt;/b&gt;" in page and "<b>" not in page  # still escaped
    sid = client.get("/api/statements", params={"speaker": "Umerov"}).json()["items"][0]["id"]
    statement = client.get(f"/statements/{sid}").text
    assert HASH_NAME not in statement and "GENEVA — Envoys from both" in visible(statement)


def test_the_api_gives_the_label_beside_the_name(client: TestClient) -> None:
    items = client.get("/api/documents").json()["items"]
    hashed = next(d for d in items if d["name"] == HASH_NAME)
    assert hashed["label"].startswith("GENEVA — Envoys") and hashed["date"] is None
    titled = next(d for d in items if d["name"] == "kyiv.txt")
    assert titled["label"] == "Kyiv rejects neutrality demand"
