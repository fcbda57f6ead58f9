"""Dates on the dashboard: timeline links name real days, impossible dates are refused in words."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from typing import Any

import pytest
from fastapi.testclient import TestClient

from talkwatch.web.app import create_app
from talkwatch.web.render import month_bounds
from web_helpers import build


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = str(tmp_path_factory.mktemp("dates") / "web.db")
    build(path)
    return TestClient(create_app(path))


def test_month_bounds_end_on_the_last_day_of_the_month() -> None:
    assert month_bounds("2025-06") == ("2025-06-01", "2025-06-30")
    assert month_bounds("2025-02") == ("2025-02-01", "2025-02-28")
    assert month_bounds("2024-02") == ("2024-02-01", "2024-02-29")  # a leap year
    assert month_bounds("2022-12") == ("2022-12-01", "2022-12-31")


def test_every_timeline_dot_links_to_real_dates_that_open(client: TestClient) -> None:
    page = client.get("/timeline").text
    links = [unescape(h) for h in re.findall(r'<a href="(/statements\?[^"]*since=[^"]*)"', page)]
    assert len(links) >= 4
    for link in links:
        since, until = re.search(r"since=([\d-]+)&until=([\d-]+)", link).groups()  # type: ignore[union-attr]
        assert date.fromisoformat(until) >= date.fromisoformat(since)
        assert client.get(link).status_code == 200, link
    assert any(link.endswith("since=2022-04-01&until=2022-04-30") for link in links)  # April


@pytest.mark.parametrize("url", ["/timeline", "/statements", "/api/statements"])
def test_an_impossible_date_is_refused_in_a_sentence(client: TestClient, url: str) -> None:
    def said(answer: Any) -> str:  # a page's words, or the API's parameter and problem
        if not url.startswith("/api/"):
            return unescape(answer.text)
        return " ".join(f"{p['parameter']}: {p['problem']}" for p in answer.json()["detail"])

    answer = client.get(url, params={"from": "2025-13-45"})
    assert answer.status_code == 422
    assert "from: '2025-13-45' is not a date: there is no month 13." in said(answer)
    answer = client.get(url, params={"until": "2025-06-31"})
    assert answer.status_code == 422
    assert "until: '2025-06-31' is not a date: June 2025 has 30 days." in said(answer)
    answer = client.get(url, params={"to": "31.12.2022"})
    assert answer.status_code == 422 and "to: '31.12.2022' is not a date" in said(answer)
    assert "write it as YYYY-MM-DD" in said(answer)


def test_from_and_to_filter_as_since_and_until_do(client: TestClient) -> None:
    by_alias = client.get("/api/statements", params={"from": "2022-03-10", "to": "2022-03-31"})
    by_name = client.get("/api/statements", params={"since": "2022-03-10", "until": "2022-03-31"})
    assert by_alias.status_code == 200 and by_alias.json() == by_name.json()
    assert by_name.json()["total"] == 3
    page = client.get("/timeline", params={"from": "2022-03-10", "to": "2022-03-31"}).text
    listed = page.split("<h2>Statements", 1)[1]  # the shifts above show both sides
    assert "is ready to ease sanctions" in listed and "never accept neutrality" not in listed
    both = client.get("/statements", params={"from": "2022-03-10", "since": "2022-03-01"})
    assert both.status_code == 422 and "give since or from, not both" in unescape(both.text)
