"""scripts/skip_summary.py: every skip listed with its reason; on CI, unlisted skips fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="4" skipped="2">
<testcase classname="tests.test_store" name="test_add" time="0.1" />
<testcase classname="tests.test_web_e2e" name="test_search" time="0.0">
  <skipped type="pytest.skip" message="no browser tests: no chromium on PATH">tests/conftest.py:48: no browser tests: no chromium on PATH</skipped>
</testcase>
<testcase classname="tests.test_server_store" name="test_check[postgresql]" time="0.0">
  <skipped type="pytest.skip" message="no PostgreSQL server; tried 127.0.0.1:5432">...</skipped>
</testcase>
<testcase classname="tests.test_cli" name="test_demo" time="0.2"><failure message="x">x</failure></testcase>
</testsuite></testsuites>
"""


def summary(tmp_path: Path, ci: str, allowed: str) -> tuple[int, list[str]]:
    (tmp_path / "report.xml").write_text(REPORT)
    (tmp_path / "allow.txt").write_text(allowed)
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "skip_summary.py"), "report.xml", "allow.txt"],
        cwd=tmp_path,
        env={"CI": ci},
        capture_output=True,
        text=True,
    )
    return done.returncode, done.stdout.splitlines()


def test_every_skip_is_one_line_with_its_reason(tmp_path: Path) -> None:
    status, lines = summary(tmp_path, ci="", allowed="")
    assert status == 0  # outside CI the summary only informs
    assert lines == [
        "skip summary: 2 skipped:",
        "  SKIPPED tests/test_web_e2e.py::test_search: no browser tests: no chromium on PATH",
        "  SKIPPED tests/test_server_store.py::test_check[postgresql]: "
        "no PostgreSQL server; tried 127.0.0.1:5432",
    ]


def test_on_ci_a_skip_not_on_the_allow_list_fails(tmp_path: Path) -> None:
    allowed = "# comment\ntests/test_web_e2e.py::* # no display on this runner\n"
    status, lines = summary(tmp_path, ci="true", allowed=allowed)
    assert status == 1
    assert lines[-1] == (
        "  not on the allow-list (allow.txt), so CI fails: "
        "tests/test_server_store.py::test_check[postgresql]"
    )
    assert not any("test_web_e2e" in line and "allow-list" in line for line in lines)
    status, _ = summary(tmp_path, ci="true", allowed=allowed + "tests/test_server_store.py::*\n")
    assert status == 0


def test_a_missing_report_fails(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "skip_summary.py"), "none.xml", "allow.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "pytest wrote no report (none.xml)" in done.stdout
