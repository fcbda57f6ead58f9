"""A condition's issue is a demand wherever positions are shown: the command line, its
JSON, the API, the dashboard's cells and evidence, the shifts (a new user found the
dashboard saying "conditional" where the command line said "demand")."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from talkwatch.cli import cli
from talkwatch.web.app import create_app

ACCEPTED = (
    "Kyiv accepts truce\n\nKYIV, Feb 2, 2026 - Zelensky said Ukraine accepted the U.S. "
    "proposal for a ceasefire.\n"
)
TIED = (
    "Elections\n\nKYIV, March 2, 2026 - Zelensky said elections could only be held once a "
    "full ceasefire was in place.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("tied")
    (folder / "accepted.txt").write_text(ACCEPTED, encoding="utf-8")
    (folder / "tied.txt").write_text(TIED, encoding="utf-8")
    path = str(folder / "t.db")
    done = CliRunner().invoke(cli, ["ingest", str(folder), "--db", path, "-q"])
    assert done.exit_code == 0, done.output
    return path


def test_the_command_line_and_its_json(db: str) -> None:
    listed = CliRunner().invoke(cli, ["statements", "--db", db]).stdout
    assert "conditional · ceasefire, governance" in listed  # the statement's own stance
    found = json.loads(
        CliRunner().invoke(cli, ["positions", "--db", db, "--format", "json"]).stdout
    )
    cells = {(p["party"], p["issue"]): p for p in found}
    assert cells[("UKR", "ceasefire")]["stance"] == "demand"
    assert [e["stance"] for e in cells[("UKR", "ceasefire")]["evidence"]] == ["demand"]
    assert cells[("UKR", "governance")]["stance"] == "conditional"
    shifted = CliRunner().invoke(cli, ["shifts", "--db", db]).stdout
    assert "shift UKR on ceasefire: accept (2026-02-02) -> demand (2026-03-02)" in shifted


def test_the_api_and_the_dashboard_say_the_same(db: str, tmp_path: Path) -> None:
    client = TestClient(create_app(db))
    answer = client.get("/api/positions").json()
    rows = answer["items"] if isinstance(answer, dict) else answer
    cells = {(p["party"], p["issue"]): p for p in rows}
    assert cells[("UKR", "ceasefire")]["stance"] == "demand"
    page = html.unescape(client.get("/evidence?party=UKR&issue=ceasefire").text)
    assert "UKR</a> on ceasefire: " in page and "demand" in page.split("</h1>", 1)[0]
    assert "A demand on ceasefire: the statement names it only in its condition" in page
    overview = client.get("/").text
    assert 'data-party="UKR" data-issue="ceasefire"' in overview
    cell = overview.split('data-party="UKR" data-issue="ceasefire"', 1)[1][:400]
    assert "demand" in cell and "conditional" not in cell
