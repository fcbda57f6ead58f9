"""The JSON API: every endpoint, the token rule for ingest, and bad parameters as 4xx.

Every test runs twice: on an SQLite file and on a PostgreSQL database.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from talkwatch.analysis import issue_statuses, positions
from talkwatch.store import Store
from talkwatch.web.app import create_app
from talkwatch.web.queries import Filters
from web_helpers import build, web_database

TEXT = (
    "KYIV, March 3 (Wire) - Ukrainian President Volodymyr Zelensky said on Thursday that "
    '"Ukraine will not give up any of its territory" in talks with Russia.\n\n'
    'Kremlin spokesman Dmitry Peskov said Moscow "demands the recognition of Crimea as Russian".\n'
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, str]]:
    """The same database as an SQLite file and on a PostgreSQL server."""
    path = web_database(request, tmp_path_factory, "api")
    return path, build(path)


@pytest.fixture(scope="module")
def client(db: tuple[str, dict[str, str]]) -> TestClient:
    return TestClient(create_app(db[0]))


def test_documents_list_and_one(client: TestClient, db: tuple[str, dict[str, str]]) -> None:
    page = client.get("/api/documents").json()
    assert page["total"] == 3
    assert [d["date"] for d in page["items"]] == ["2022-04-01", "2022-03-15", "2022-03-01"]
    assert client.get("/api/documents", params={"q": "Istanbul"}).json()["total"] == 1
    one = client.get(f"/api/documents/{db[1]['istanbul']}").json()
    assert [s["name"] for s in one["sections"]] == ["body", "comments"]
    assert len(one["statements"]) == 3
    assert one["statements"][2]["section"] == "comments"
    # by its file name or path, as --doc takes it
    assert client.get("/api/documents/istanbul.txt").json()["id"] == db[1]["istanbul"]
    assert client.get("/api/documents//tests/istanbul.txt").json()["id"] == db[1]["istanbul"]


def test_statements_filters_and_pages(client: TestClient) -> None:
    everything = client.get("/api/statements").json()
    assert everything["total"] == 6
    assert client.get("/api/statements", params={"party": "ukr"}).json()["total"] == 3
    # names and aliases, as on the command line
    for party in ("Ukraine", "Kyiv", "ukrainian"):
        assert client.get("/api/statements", params={"party": party}).json()["total"] == 3
    by_alias = client.get("/api/statements", params={"issue": "nato"}).json()
    assert by_alias["total"] == 3
    by_issue = client.get("/api/statements", params={"issue": "neutrality"}).json()
    assert {s["speaker"] for s in by_issue["items"]} == {
        "Volodymyr Zelensky",
        "Sergey Lavrov",
        "Mykhailo Podolyak",
    }
    assert client.get("/api/statements", params={"speaker": "Podol"}).json()["total"] == 1
    assert client.get("/api/statements", params={"speaker": "antony blinken"}).json()["total"] == 1
    # a name or alias the knowledge base knows, as --speaker reads it on the command line
    assert client.get("/api/statements", params={"speaker": "Sergei Lavrov"}).json()["total"] == 1
    assert client.get("/api/statements", params={"speaker": "Podoliak"}).json()["total"] == 1
    assert client.get("/api/statements", params={"stance": "offer"}).json()["total"] == 1
    dated = client.get("/api/statements", params={"since": "2022-03-10", "until": "2022-03-31"})
    assert dated.json()["total"] == 3
    assert client.get("/api/statements", params={"q": "sanctions"}).json()["total"] == 1
    first = client.get("/api/statements", params={"limit": 2}).json()
    second = client.get("/api/statements", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert not {s["id"] for s in first["items"]} & {s["id"] for s in second["items"]}


@pytest.mark.parametrize("wildcard", ["%", "_", "Podol%", "e_se", "\\", "__pwned"])
def test_like_wildcards_in_searches_are_literal(client: TestClient, wildcard: str) -> None:
    literal = 1 if wildcard in ("_", "__pwned") else 0  # only the evil page has "__pwned"
    assert client.get("/api/statements", params={"speaker": wildcard}).json()["total"] == literal
    assert client.get("/api/statements", params={"q": wildcard}).json()["total"] == literal
    assert client.get("/api/documents", params={"q": wildcard}).json()["total"] == literal


def test_one_statement(client: TestClient) -> None:
    sid = client.get("/api/statements", params={"speaker": "Lavrov"}).json()["items"][0]["id"]
    st = client.get(f"/api/statements/{sid}").json()
    assert st["stance"] == "demand" and st["party"] == "RUS"
    assert st["issues"] == ["neutrality"]
    assert st["url"] == "https://example.org/kyiv"
    start, end = st["sentence_span"]
    assert end > start and st["quote_spans"][0][0] >= start


def test_actors_positions_shifts_issues(client: TestClient) -> None:
    actors = client.get("/api/actors").json()
    assert actors["items"][0] == {
        **actors["items"][0],
        "speaker": "Volodymyr Zelensky",
        "statements": 2,
    }
    assert client.get("/api/actors", params={"party": "USA"}).json()["total"] == 1
    positions = client.get("/api/positions", params={"party": "UKR", "issue": "neutrality"}).json()
    assert len(positions) == 1 and positions[0]["stance"] == "conditional"
    assert positions[0]["history"] == 2
    shifts = client.get("/api/shifts").json()
    assert shifts["total"] == 1
    assert shifts["items"][0]["before"]["stance"] == "reject"
    assert shifts["items"][0]["after"]["stance"] == "conditional"
    issues = {i["issue"]: i for i in client.get("/api/issues").json()}
    assert issues["neutrality"]["status"] == "converging"  # RUS demand, UKR conditional
    assert issues["neutrality"]["statements"] == 3
    assert issues["talks"]["status"] == "open"


def test_openapi_schema(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/statements",
        "/api/statements/{statement_id}",
        "/api/actors",
        "/api/positions",
        "/api/shifts",
        "/api/issues",
    ):
        assert path in schema["paths"]
    assert "post" in schema["paths"]["/api/documents"]
    assert not any(p.startswith("/timeline") for p in schema["paths"])


@pytest.mark.parametrize(
    "url",
    [
        "/api/statements?limit=0",
        "/api/statements?limit=501",
        "/api/statements?limit=ten",
        "/api/statements?offset=-1",
        "/api/statements?since=2022-13-01",
        "/api/statements?until=yesterday",
        "/api/statements?since=2022-05-01&until=2022-01-01",
        "/api/statements?issue=weather",
        "/api/statements?stance=shrug",
        "/api/statements?party=U%3BKR",
        "/api/statements?speaker=" + "x" * 201,
        "/api/statements/abc",
        "/api/statements/0",
        "/api/positions?issue=weather",
        "/api/shifts?party=1",
        "/api/actors?party=%27%20OR%201",
        # a party that is no party and none stored, as on the command line
        "/api/statements?party=XYZ",
        "/api/positions?party=XYZ",
        "/api/actors?party=XYZ",
        # a NUL byte, which PostgreSQL cannot compare text with
        "/api/statements?speaker=%00",
        "/api/statements?q=a%00b",
        "/api/documents?q=%00",
        # a filter given twice
        "/api/statements?party=UKR&party=RUS",
    ],
)
def test_bad_parameters_are_clear_4xx(client: TestClient, url: str) -> None:
    answer = client.get(url)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"]


def test_missing_things_are_404(client: TestClient) -> None:
    assert client.get("/api/statements/99999").status_code == 404
    missing = client.get("/api/documents/" + "ab" * 32)
    assert missing.status_code == 404
    assert "no stored document has this id, name or URL" in missing.json()["detail"]
    named = client.get("/api/documents/2025-04")  # no such name: said in words
    assert named.status_code == 404
    assert named.json()["detail"] == (
        "2025-04: no stored document has this id, name or URL; see 'talkwatch documents'."
    )
    assert client.get("/api/nothing").status_code == 404


def test_ingest_is_off_without_a_token(client: TestClient) -> None:
    answer = client.post("/api/documents", json={"text": TEXT})
    assert answer.status_code == 403
    assert "--token" in answer.json()["detail"]


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = str(tmp_path_factory.mktemp("ingest") / "web.db")
    build(path)
    return TestClient(create_app(path, token="s3cret", max_body=10_000))


def test_ingest_needs_the_right_token(writer: TestClient) -> None:
    assert writer.post("/api/documents", json={"text": TEXT}).status_code == 401
    wrong = writer.post(
        "/api/documents", json={"text": TEXT}, headers={"Authorization": "Bearer nope"}
    )
    assert wrong.status_code == 401


def test_ingest_refuses_big_and_bad_bodies(writer: TestClient) -> None:
    auth = {"Authorization": "Bearer s3cret"}
    big = writer.post("/api/documents", json={"text": "x" * 20_000}, headers=auth)
    assert big.status_code == 413
    for body in (
        {},
        {"text": "a", "url": "https://example.org"},
        {"url": "file:///etc/passwd"},
        {"text": "a", "date": "someday"},
    ):
        answer = writer.post("/api/documents", json=body, headers=auth)
        assert answer.status_code == 422, (body, answer.text)
    not_json = writer.post("/api/documents", content=b"{oops", headers=auth)
    assert not_json.status_code == 422
    empty = writer.post("/api/documents", json={"text": "   "}, headers=auth)
    assert empty.status_code == 422
    assert empty.json()["detail"] == "posted text: there is no text in it."


def test_ingest_stores_a_text_through_the_pipeline(writer: TestClient) -> None:
    auth = {"X-Talkwatch-Token": "s3cret"}
    body = {"text": TEXT, "name": "wire.txt", "date": "2022-03-03"}
    territory = {"party": "RUS", "issue": "territory"}
    assert writer.get("/api/positions", params=territory).json() == []  # cached: none yet
    answer = writer.post("/api/documents", json=body, headers=auth)
    assert answer.status_code == 201, answer.text
    result = answer.json()
    assert result["new"] is True and result["statements"] >= 2
    found = writer.get("/api/statements", params={"doc": result["document"]}).json()
    speakers = {s["speaker"] for s in found["items"]}
    assert "Volodymyr Zelensky" in speakers and "Dmitry Peskov" in speakers
    assert all(s["date"] == "2022-03-03" for s in found["items"])
    again = writer.post("/api/documents", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["new"] is False
    # the cached positions are refreshed: Peskov's demand is now Russia's position on territory
    (position,) = writer.get("/api/positions", params=territory).json()
    assert (position["stance"], position["date"]) == ("demand", "2022-03-03")
    (evidence,) = position["evidence"]
    assert evidence["speaker"] == "Dmitry Peskov" and evidence["doc_id"] == result["document"]


def test_positions_and_issues_match_the_analysis_of_the_stored_statements(
    client: TestClient, db: tuple[str, dict[str, str]]
) -> None:
    """The dashboard reads stored positions; they must be what the rules give from scratch."""
    store = Store.open(db[0])
    try:
        statements = store.statements()
    finally:
        store.close()
    expected = positions(statements)
    assert len(expected) >= 4
    assert sorted(
        (p["party"], p["issue"], p["stance"], p["date"], p["sourcing"], p["history"],
         [e["statement_id"] for e in p["evidence"]])
        for p in client.get("/api/positions").json()
    ) == sorted(
        (p.party, p.issue, p.current.stance, p.current.date, p.sourcing, len(p.history),
         [e.statement_id for e in p.support])
        for p in expected
    )  # fmt: skip
    assert {i["issue"]: i["status"] for i in client.get("/api/issues").json()} == {
        s.issue: s.status for s in issue_statuses(expected, statements)
    }


def test_a_database_that_cannot_be_opened_is_a_503_in_words(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "t.db"))
    app.state.ctx.db_path = str(tmp_path)  # a folder now: the store cannot open it
    answer = TestClient(app).get("/api/positions")
    assert answer.status_code == 503
    assert answer.json() == {
        "detail": f"The database is not available: {tmp_path}: is a folder, not a database file."
    }


def test_party_none_holds_speakers_of_no_side_and_of_a_side_not_given() -> None:
    # as `--party NONE` on the command line and as the export writes them (docs/contract.md)
    clause, params = Filters(party="NONE").where()
    assert "s.party IN ('', 'NONE')" in clause and params == []
    clause, params = Filters(party="UKR").where()
    assert "s.party = ?" in clause and params == ["UKR"]


def test_an_unknown_party_lists_the_stored_ones(client: TestClient) -> None:
    answer = client.get("/api/statements", params={"party": "XYZ"})
    assert answer.status_code == 422
    (problem,) = answer.json()["detail"]  # the shape every list of problems has
    assert problem["parameter"] == "party"
    assert problem["problem"].startswith("'XYZ' is not a party; parties with statements:")
    assert "RUS" in problem["problem"] and "UKR" in problem["problem"]
    invalid = client.get("/api/statements", params={"limit": "-1"}).json()["detail"]
    assert [sorted(p) for p in invalid] == [["parameter", "problem"]]
    page = client.get("/statements", params={"party": "XYZ"})
    assert page.status_code == 422 and "is not a party" in page.text
    # and, as on the command line, the nearest one when one is close
    (problem,) = client.get("/api/statements", params={"party": "Ukrane"}).json()["detail"]
    assert problem["problem"].endswith("Did you mean UKR (Ukraine)?")
    (problem,) = client.get("/api/statements", params={"issue": "ceasfire"}).json()["detail"]
    assert problem["problem"].endswith("Did you mean ceasefire?")


def test_a_document_by_file_name_or_the_start_of_its_name_or_id(
    client: TestClient, db: tuple[str, dict[str, str]]
) -> None:
    by_id = client.get("/api/statements", params={"doc": db[1]["istanbul"]}).json()["total"]
    assert by_id == 3
    for doc in ("istanbul.txt", "istan", db[1]["istanbul"][:8], "/tests/istanbul.txt"):
        assert client.get("/api/statements", params={"doc": doc}).json()["total"] == by_id, doc
    # a name nothing stored answers to is a problem, as --doc's is on the command line
    missing = client.get("/api/statements", params={"doc": "stanbul"})
    assert missing.status_code == 422
    assert "no stored document is named 'stanbul'" in missing.text


def test_statements_of_the_article_or_of_its_readers(client: TestClient) -> None:
    comments = client.get("/api/statements", params={"section": "comments"}).json()
    assert comments["total"] == 1 and comments["items"][0]["section"] == "comments"
    body = client.get("/api/statements", params={"section": "body"}).json()
    everything = client.get("/api/statements").json()
    assert body["total"] + comments["total"] == everything["total"]
    wrong = client.get("/api/statements", params={"section": "comment"})
    assert wrong.status_code == 422
    (problem,) = wrong.json()["detail"]
    assert problem == {
        "parameter": "section",
        "problem": "'comment' is not a section; use body or comments.",
    }
