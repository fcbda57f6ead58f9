"""kill -9 in the middle of an ingest; the re-run completes it, each document once.

The ingests analyse in their own process (--jobs 1): worker processes hold no database
connection and would only add spaCy loads to 60 documents. The same script with 1,000
documents and the default workers: python stress/kill_ingest.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stress"))

import kill_ingest


def test_a_killed_ingest_is_completed_by_running_it_again(tmp_path: Path) -> None:
    outcome = kill_ingest.run(tmp_path, documents=60, kill_after=15, timeout=60, jobs=1)
    assert outcome.problems == []
    assert 0 < outcome.stored_at_kill < 60, "the kill came before or after the ingest"
    assert outcome.figures == "60 documents (60 distinct), 120 statements, 60 inputs"
    assert "already stored" in outcome.rerun_output


def test_a_watch_killed_mid_cycle_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    """The same with `talkwatch watch`: python bench/watch.py runs it with 500 articles.

    Two cycles of 20 articles each, more than one parse batch (16): the second cycle,
    after a completed first, stores its documents in two bursts and is killed between
    them; the run again completes it and fetches only what the killed run had not stored.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import sqlite3

    from watch import counts, killed_run, newsroom

    room, _ = newsroom(tmp_path, 40)
    db = str(tmp_path / "watch.db")
    said: list[str] = []
    try:
        stored_at_kill = killed_run(room, db, 40, 2, jobs=1, say=said.append, kill_cycle=2)
    finally:
        room.server.shutdown()
    assert 20 < stored_at_kill < 40, "the kill came outside the second cycle"
    documents, _, ingested = counts(db)
    assert (documents, ingested) == (40, 40)
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(DISTINCT doc_id) FROM articles").fetchone()[0] == 40
        assert c.execute("SELECT count(*) FROM inputs").fetchone()[0] == 40
    # only the articles the killed run had not stored were fetched again
    fetched_again = sum(1 for n in room.article_fetches().values() if n > 1)
    assert fetched_again <= 40 - stored_at_kill
    assert f"fetched {40 - stored_at_kill} articles" in said[-1], said


def test_an_interrupted_ingest_with_workers_says_what_it_stored_and_ends(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to talkwatch alone, as `timeout -s INT` sends it): the workers stop
    after the batch they hold, the process ends and says how to finish."""
    import signal
    import time

    from common import kill_group, start_ingest, stored_documents, verify, write_documents

    docs, db = tmp_path / "docs", tmp_path / "t.db"
    write_documents(docs, range(120))
    first = start_ingest(db, docs, jobs=2)
    started = time.monotonic()
    while stored_documents(db) < 10 and first.poll() is None and time.monotonic() - started < 90:
        time.sleep(0.05)
    first.send_signal(signal.SIGINT)
    try:
        _, err = first.communicate(timeout=60)
    except Exception:
        kill_group(first)
        raise
    assert first.returncode == 130, err.decode()
    said = err.decode().strip().splitlines()[-1]
    assert said.startswith("Interrupted: ") and "run the same command again" in said
    stored = int(said.split()[1])
    assert 10 <= stored < 120 and stored == stored_documents(db)
    second = start_ingest(db, docs, jobs=1)
    out, _ = second.communicate(timeout=120)
    assert f"{stored} already stored" in out.decode()
    assert verify(db).problems(120) == []


def test_ctrl_c_while_the_workers_start_and_again_while_closing_ends_quietly(
    tmp_path: Path,
) -> None:
    """Ctrl-C as a terminal sends it, to the whole process group, as soon as the first
    worker process exists (still starting), and a second one soon after: one line says
    what is stored, no worker prints a traceback, and the exit code is an interrupt's."""
    import contextlib
    import os
    import signal
    import time

    from common import kill_group, start_ingest, stored_documents, write_documents

    docs, db = tmp_path / "docs", tmp_path / "t.db"
    write_documents(docs, range(40))
    ingest = start_ingest(db, docs, jobs=2)
    children = Path(f"/proc/{ingest.pid}/task/{ingest.pid}/children")

    def workers() -> int:  # not the resource tracker spawn also starts
        found = 0
        for pid in children.read_text().split() if children.exists() else []:
            with contextlib.suppress(OSError):
                found += b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
        return found

    started = time.monotonic()
    while ingest.poll() is None and workers() < 2 and time.monotonic() - started < 60:
        time.sleep(0.01)
    if workers() < 2:
        kill_group(ingest)
        pytest.fail("the workers never started: the interrupt would not come while they start")
    os.killpg(ingest.pid, signal.SIGINT)
    time.sleep(0.3)
    if ingest.poll() is None:
        os.killpg(ingest.pid, signal.SIGINT)
    try:
        _, err = ingest.communicate(timeout=60)
    except Exception:
        kill_group(ingest)
        raise
    said = err.decode()
    assert ingest.returncode == 130, said
    assert "Traceback" not in said and "Aborted" not in said, said
    last = said.strip().splitlines()[-1]
    assert last.startswith("Interrupted: ") and int(last.split()[1]) == stored_documents(db)
