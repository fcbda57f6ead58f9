"""Page latency of the web dashboard on a synthetic 100,000-statement database.

    .venv/bin/python bench/web_latency.py [--statements 100000] [--db FILE|URL] [--runs 40]

Builds the database with Store.add (reused when --db names a database that
has statements; a postgresql:// URL names an empty or filled server
database), serves it with uvicorn on 127.0.0.1 and times each page over
loopback HTTP. Prints median and 95th percentile per page, then the first
overview after one more document arrives; exits 1 if any p95 is over 200 ms.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from synthetic import PER_DOC, build

from talkwatch.database import is_server_url
from talkwatch.store import Store
from talkwatch.web.app import create_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def statements_in(db: str) -> int:
    if not is_server_url(db) and not Path(db).exists():
        return 0
    store = Store.open(db)
    try:
        return store.counts()["statements"]
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--db", help="database file (built if missing)")
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp()) / "bench.db")
    if not statements_in(db):
        started = time.perf_counter()
        build(db, args.statements)
        print(
            f"built {db} with {args.statements} statements in {time.perf_counter() - started:.1f} s"
        )
    store = Store.open(db)
    count = store.counts()["statements"]
    doc_id = store.db.execute("SELECT id FROM documents LIMIT 1 OFFSET 7").fetchone()[0]
    store.close()
    port = free_port()
    app = create_app(db, warm=True)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    pages = [
        "/",
        "/evidence?party=UKR&issue=territory",
        "/timeline",
        "/timeline?party=UKR",
        "/timeline?party=RUS&issue=territory&since=2023-01-01&until=2024-12-31",
        "/timeline?speaker=Speaker%20017",
        "/statements",
        "/statements?issue=sanctions&page=40",
        "/statements/54321",
        "/actors",
        "/actor?name=Speaker%20009",
        "/parties",
        "/parties/UKR",
        "/documents",
        f"/documents/{doc_id}",
        "/search?q=item%20777",
        "/search?q=Talks%20report%203999",
        "/api-reference",
        "/api/statements?party=EU&limit=100",
        "/api/positions",
        "/api/shifts",
        "/api/issues",
    ]
    worst = 0.0
    print(f"{count} statements; {args.runs} requests per page over http://127.0.0.1:{port}")
    print(f"{'page':72} {'median':>8} {'p95':>8}  (ms)")
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        cold = time.perf_counter()
        client.get("/").raise_for_status()
        print(
            f"{'/ first request (waits for the positions)':72} "
            f"{(time.perf_counter() - cold) * 1000:8.1f}"
        )
        if not app.state.ctx.warmed.wait(300) or app.state.ctx.warm_error:
            print(f"the warm-up did not complete: {app.state.ctx.warm_error or 'timed out'}")
            return 1
        print(
            f"{'warm-up complete (the pages below are timed after it)':72} "
            f"{(time.perf_counter() - cold) * 1000:8.1f}"
        )
        for url in pages:
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                client.get(url).raise_for_status()
                times.append((time.perf_counter() - started) * 1000)
            p95 = statistics.quantiles(times, n=20)[-1]
            worst = max(worst, p95)
            print(f"{url:72} {statistics.median(times):8.1f} {p95:8.1f}")
        build(db, PER_DOC, first=10**6)  # one new document, as an ingest would add it
        changed = time.perf_counter()
        client.get("/").raise_for_status()
        print(
            f"{'/ first request after one more document (positions refreshed)':72} "
            f"{(time.perf_counter() - changed) * 1000:8.1f}"
        )
    server.should_exit = True
    print(f"worst p95: {worst:.1f} ms ({'within' if worst < 200 else 'OVER'} the 200 ms budget)")
    return 0 if worst < 200 else 1


if __name__ == "__main__":
    sys.exit(main())
