"""A page or API call given a value it cannot take says so as a reader would: which
parameter, what was given, what to give; not the validator's "Input should be ..."."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from talkwatch.web.app import create_app
from web_helpers import build


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = str(tmp_path_factory.mktemp("bad") / "t.db")
    build(path)
    return TestClient(create_app(path))


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("/statements?page=-1", "page: '-1' is too small: give 1 or more."),
        ("/statements?page=abc", "page: 'abc' is not a whole number."),
    ],
)
def test_a_page_says_what_to_give(client: TestClient, url: str, sentence: str) -> None:
    answer = client.get(url)
    assert answer.status_code == 422
    assert sentence in html.unescape(answer.text)
    assert "Input should" not in answer.text


def test_the_api_says_it_in_the_same_words(client: TestClient) -> None:
    answer = client.get("/api/statements", params={"limit": "100000"})
    assert answer.status_code == 422
    assert answer.json() == {
        "detail": [{"parameter": "limit", "problem": "'100000' is too large: give 500 or less."}]
    }


def test_a_value_too_long_names_the_limit(client: TestClient, tmp_path: Path) -> None:
    answer = client.get("/api/statements", params={"party": "x" * 300})
    assert answer.status_code == 422
    problem = answer.json()["detail"][0]
    assert problem["parameter"] == "party" and problem["problem"].startswith("the value is too long")


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("/evidence", "party: missing: give a value."),
        ("/evidence?party=RUS&issue=", "issue: empty: give a value."),
        ("/statements/99999999999999999999999",
         "statement_id: '99999999999999999999999' is not an id: ids are whole numbers from 1."),
    ],
)  # fmt: skip
def test_missing_empty_and_impossible_values_in_words(
    client: TestClient, url: str, sentence: str
) -> None:
    answer = client.get(url)
    assert answer.status_code == 422
    assert sentence in html.unescape(answer.text)
