"""The API reference page: generated from the OpenAPI schema, no script, linked everywhere."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from talkwatch.web.app import create_app
from talkwatch.web.reference import describe, operations
from web_helpers import build


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = str(tmp_path_factory.mktemp("reference") / "web.db")
    build(path)
    return TestClient(create_app(path))


def section(page: str, method: str, path: str) -> str:
    """The part of the page about one operation."""
    start = page.index(
        f'<code class="method {method.lower()}">{method}</code> <code>{path}</code></h2>'
    )
    end = page.find('<section class="operation"', start)
    return page[start : end if end > 0 else len(page)]


def test_every_operation_of_the_schema_is_on_the_page(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    answer = client.get("/api-reference")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    page = answer.text
    wanted = {(m.upper(), p) for p, item in schema["paths"].items() for m in item}
    shown = set(
        re.findall(r'<h2><code class="method \w+">(\w+)</code> <code>([^<]+)</code></h2>', page)
    )
    assert shown == wanted and len(wanted) == 9
    assert "/api-reference" not in schema["paths"]  # the page itself is no API operation


def test_parameters_bodies_and_answers_come_from_the_schema(client: TestClient) -> None:
    page = unescape(client.get("/api-reference").text)
    statements = section(page, "GET", "/api/statements")
    for name in ("party", "issue", "speaker", "stance", "since", "until", "from", "to", "q"):
        assert f"<td><code>{name}</code></td>" in statements, name
    assert "<td>1 to 500; default 50</td><td>Items per page (1-500)</td>" in statements
    assert "<td>The same as since</td>" in statements
    one = section(page, "GET", "/api/documents/{doc_id}")
    assert "<td><code>doc_id</code> <small>required</small></td><td>path</td>" in one
    assert "at most 300 characters</td><td>An id, the start of one, or the document's" in one
    ingest = section(page, "POST", "/api/documents")
    assert "Request body" in ingest and "Exactly one of ``text`` or ``url``." in ingest
    assert "<td><code>media_type</code></td><td>string</td>" in ingest
    assert "matches ^text/(plain|markdown|html)$; default text/plain" in ingest
    for status, about in (
        ("401", "wrong token"),
        ("403", "ingest is off"),
        ("413", "body too large"),
    ):
        assert f"<li><code>{status}</code> {about}</li>" in ingest


def test_the_page_loads_nothing_and_runs_nothing(client: TestClient) -> None:
    answer = client.get("/api-reference")
    page = answer.text.lower()
    assert "<script" not in page and "src=" not in page and "cdn" not in page
    assert all(h.startswith(("/", "#")) for h in re.findall(r'href="([^"]*)"', page))
    assert "script-src" not in answer.headers["content-security-policy"]


@pytest.mark.parametrize(
    "url", ["/", "/statements", "/parties", "/documents/abc", "/api-reference"]
)
def test_every_page_links_to_the_reference(client: TestClient, url: str) -> None:
    assert '<a href="/api-reference">API</a>' in client.get(url).text  # error pages too


def test_describe_puts_a_schema_in_words() -> None:
    optional = {"anyOf": [{"type": "string", "maxLength": 20}, {"type": "null"}]}
    assert describe(optional, {}) == ("string", ["at most 20 characters"])
    assert describe({"type": "integer", "minimum": 1}, {}) == ("integer", ["at least 1"])
    assert describe({"type": "array", "items": {"$ref": "#/components/schemas/X"}}, {"X": {}}) == (
        "list of X",
        [],
    )
    assert describe({"type": "string", "enum": ["a", "b"]}, {}) == ("string", ["one of a, b"])
    schema = {
        "paths": {
            "/api/x": {"get": {"summary": "An x", "responses": {"200": {"description": "ok"}}}}
        }
    }
    assert operations(schema)[0]["anchor"] == "get-api-x"
