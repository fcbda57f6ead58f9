"""One line per skipped test, read from pytest's JUnit XML report (used by scripts/test).

    python scripts/skip_summary.py REPORT.xml ALLOW_LIST

Under CI (the environment variable CI is "true") a skip that no line of
ALLOW_LIST matches fails: the exit status is then 1. A line of the allow-list
is a test id pattern (fnmatch: tests/test_x.py::test_y*), then optionally
" # why"; blank lines and lines starting with "#" are ignored.
"""

from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ET
from fnmatch import fnmatchcase
from pathlib import Path


def skipped(report: Path) -> list[tuple[str, str]]:
    """(test id, reason) of every skipped or xfailed test in a JUnit XML report."""
    found = []
    for case in ET.parse(report).getroot().iter("testcase"):
        skip = case.find("skipped")
        if skip is None:
            continue
        test_id = _test_id(case.get("classname", ""), case.get("name", ""))
        reason = skip.get("message") or (skip.text or "").strip() or "no reason given"
        found.append((test_id, reason.strip()))
    return found


def _test_id(classname: str, name: str) -> str:
    """pytest's id from JUnit's classname (tests.test_x[.TestClass]) and name."""
    if not classname:
        return name
    parts = classname.split(".")
    files = [n for n in range(len(parts), 0, -1) if Path("/".join(parts[:n]) + ".py").is_file()]
    cut = files[0] if files else len(parts)  # a shorter file: a test class follows it
    return "::".join(["/".join(parts[:cut]) + ".py", *parts[cut:], name])


def allowed_patterns(allow_list: Path) -> list[str]:
    if not allow_list.is_file():
        return []
    lines = (line.split(" #", 1)[0].strip() for line in allow_list.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.exit(__doc__)
    report, allow_list = Path(argv[0]), Path(argv[1])
    if not report.is_file():
        print(f"skip summary: pytest wrote no report ({report}); the tests did not run to the end.")
        return 1
    skips = skipped(report)
    print(f"skip summary: {len(skips)} skipped" + (":" if skips else "."))
    for test_id, reason in skips:
        print(f"  SKIPPED {test_id}: {reason}")
    if os.environ.get("CI", "").lower() != "true":
        return 0
    patterns = allowed_patterns(allow_list)
    refused = [t for t, _ in skips if not any(fnmatchcase(t, p) for p in patterns)]
    for test_id in refused:
        print(f"  not on the allow-list ({allow_list}), so CI fails: {test_id}")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
