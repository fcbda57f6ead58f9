"""Parties: an index linked from every page, and a party page that opens with a summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from talkwatch.analysis import Evidence, Shift
from talkwatch.store import Store
from talkwatch.web.app import create_app
from talkwatch.web.stance_chart import stance_charts
from web_helpers import EVIL, _doc, _st, build, web_database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = web_database(request, tmp_path_factory, "parties")
    build(path)
    return TestClient(create_app(path))


def main(page: str) -> str:
    return page.split("<main>", 1)[1]


def test_the_index_lists_each_side_and_every_page_links_to_it(client: TestClient) -> None:
    answer = client.get("/parties")
    assert answer.status_code == 200
    rows = re.findall(
        r'<tr><td><a href="/parties/(\w+)">\w+</a></td>((?:<td[^>]*>[^<]*</td>)+)', answer.text
    )
    cells = {party: re.findall(r">([^<]*)</td>", rest) for party, rest in rows}
    # statements, speakers, positions, shifts, first, last; most quoted first (the reader's
    # comment that Zelensky said "no surrender of territory" is a statement, no position)
    assert list(cells) == ["UKR", "RUS", "USA"]
    assert cells["UKR"] == ["3", "2", "2", "1", "2022-03-01", "2022-03-15"]
    assert cells["RUS"] == ["2", "2", "2", "0", "2022-03-01", "2022-04-01"]
    for url in ("/", "/timeline", "/documents", "/parties/UKR", "/search?q=x"):
        assert '<a href="/parties">Parties</a>' in client.get(url).text, url


def test_a_party_page_opens_with_a_summary_of_its_positions(client: TestClient) -> None:
    page = main(client.get("/parties/UKR").text)
    assert page.index('<section class="party-summary">') < page.index("<svg")
    summary = page.split("</section>", 1)[0]
    assert "3 statements by 2 speakers, 2022-03-01 – 2022-03-15" in summary
    assert "a current stance on 2 issues; 1 shift." in summary
    assert (
        '<span class="badge stance-conditional">conditional</span> on '
        '<a href="/evidence?party=UKR&amp;issue=neutrality">neutrality</a>'
    ) in summary
    assert "Volodymyr Zelensky</a> (2)" in summary
    # the statements wait, folded, under each chart; nothing but the summary is a table
    assert page.count("<table") == page.count("<details>") == 3


def test_each_issue_has_a_stance_chart_drawn_on_the_server(client: TestClient) -> None:
    answer = client.get("/parties/UKR")
    page = answer.text
    charts = re.findall(r'<svg class="stance-chart".*?</svg>', page, re.DOTALL)
    # neutrality and security_guarantees: the reader's comment that Zelensky refused to
    # give up territory draws no chart (the timeline's lanes leave comments out too), and
    # its statement is listed marked as a comment
    assert len(charts) == 2
    assert not any('aria-label="Stance on territory over time"' in c for c in charts)
    assert '<span class="comment-mark"' in page and "no surrender of territory" in page
    neutrality = next(c for c in charts if 'aria-label="Stance on neutrality over time"' in c)
    assert ">reject</text>" in neutrality and ">conditional</text>" in neutrality
    assert (
        '<a href="/statements?party=UKR&amp;issue=neutrality&amp;stance=reject'
        '&amp;since=2022-03-01&amp;until=2022-03-31"><circle class="dot"'
    ) in neutrality
    assert "shift: reject (2022-03-01) → conditional (2022-03-15)" in neutrality
    assert "<script" not in page.lower() and "src=" not in page
    assert "script-src" not in answer.headers["content-security-policy"]


def test_party_pages_escape_what_documents_say(client: TestClient) -> None:
    page = client.get("/parties/RUS").text
    assert EVIL not in page and "<script" not in page.lower() and "<img" not in page.lower()
    assert "Hacker &lt;script&gt;" in page
    assert client.get("/parties/ZZZ").status_code == 404
    assert client.get("/parties/U-K").status_code == 404


def evidence(sid: int, stance: str, day: str) -> Evidence:
    return Evidence(sid, day, stance, "A Speaker", "named", "doc", "d", "words")


def test_charts_share_one_time_axis_and_follow_the_main_stance() -> None:
    counts = [
        ("talks", "2023-01", "demand", 3),
        ("talks", "2023-01", "offer", 1),
        ("talks", "2023-04", "offer", 2),
        ("talks", "2023-04", "assess", 5),
        ("sanctions", "2023-02", "reject", 1),
        ("sanctions", "2023-02", "assess", 2),
        ("sanctions", "undated", "reject", 1),
    ]
    shift = Shift(
        "UKR",
        "talks",
        evidence(1, "demand", "2023-01-20"),
        evidence(2, "offer", "2023-04-02"),
    )
    charts = stance_charts("UKR", counts, lambda issue: [shift] if issue == "talks" else [])
    assert [c.issue for c in charts] == ["talks", "sanctions"]  # most statements first
    talks, sanctions = charts
    assert [r["stance"] for r in talks.rows] == ["demand", "offer"]  # hardest first
    assert (talks.statements, talks.assessments) == (6, 5)
    xs = {d["title"].split(", ")[1].split(":")[0]: d["x"] for d in talks.dots}
    assert xs["2023-01"] < xs["2023-04"]
    # four months (Jan to Apr 2023) share 600 px after the 96 px of stance names
    assert xs == {"2023-01": 171.0, "2023-04": 621.0}
    assert [d["x"] for d in sanctions.dots] == [321.0]  # February, on the same axis
    y = {r["stance"]: r["y"] for r in talks.rows}
    assert talks.line == f"{xs['2023-01']},{y['demand']} {xs['2023-04']},{y['offer']}"
    assert talks.shifts[0]["x"] == xs["2023-04"] and talks.shifts[0]["id"] == 2
    assert stance_charts("UKR", [("talks", "2023-01", "assess", 4)], lambda _: []) == []


def test_a_long_range_is_drawn_in_columns_of_several_months() -> None:
    counts = [("talks", f"{2020 + m // 12}-{m % 12 + 1:02d}", "demand", 1) for m in range(60)]
    (chart,) = stance_charts("RUS", counts, lambda _: [])
    assert len(chart.dots) == 20  # five years in columns of three months
    first = chart.dots[0]
    assert first["href"].endswith("since=2020-01-01&until=2020-03-31")
    assert "2020-01 to 2020-03: 3 × demand" in first["title"]
    assert chart.dots[-1]["href"].endswith("since=2024-10-01&until=2024-12-31")


def test_a_side_the_text_does_not_give_is_unknown_and_draws_no_timeline_lane(
    tmp_path: Path,
) -> None:
    doc = _doc(
        "istanbul.txt",
        "2025-05-15",
        "Talks end in Istanbul",
        [
            '"Tomorrow there will be more talks," a foreign ministry source said.',
            'Dmitry Peskov said Moscow "is ready for the next round of talks".',
        ],
    )
    first, second = doc.text.split("\n\n")
    unknown = _st(doc, first, "Tomorrow there will be more talks,", "a foreign ministry source",
                  "", "assess", ("talks",), source="anonymous")  # fmt: skip
    russian = _st(doc, second, "is ready for the next round of talks", "Dmitry Peskov", "RUS",
                  "offer", ("talks",))  # fmt: skip
    path = str(tmp_path / "unknown.db")
    store = Store.open(path)
    store.add(doc, [unknown, russian], doc.id)
    store.close()
    client = TestClient(create_app(path))
    listing = main(client.get("/statements?issue=talks").text)
    # no party page for it: the link lists its statements
    assert '<a href="/statements?party=unknown">unknown</a>' in listing
    assert 'href="/parties/"' not in listing
    followed = client.get("/statements?party=unknown")
    assert followed.status_code == 200 and "Statements (1)" in followed.text
    assert "a foreign ministry source" in followed.text
    timeline = main(client.get("/timeline?issue=talks").text)
    assert "party=RUS&amp;issue=talks" in timeline
    assert "party=&amp;" not in timeline
