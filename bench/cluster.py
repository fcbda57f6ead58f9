"""Scale-out: the Dask engine against the in-process one, and the store's write rate.

    python bench/cluster.py [--documents 600] [--rounds 2] [--server postgresql://HOST/DB]

1. Ingests one corpus (the sample corpus and ../shared/seeds, replicated) end to
   end, each run a fresh process into a fresh SQLite file, at 1 and 2 workers:
   ``--jobs 1`` (in process), ``--jobs 2`` (process pool), ``--engine dask
   --jobs 1`` and ``--engine dask --jobs 2`` (a local Dask cluster). The runs
   alternate within each round, and the best of the rounds counts. Every time
   includes starting up and loading the model, as a user would see it.
   Prints documents per second and the cost per document of Dask against the
   in-process engine at the same worker count (target: under 15% more).
2. Measures how fast the store takes finished documents (``Store.add`` of
   synthetic documents of 25 statements, no analysis) into SQLite and, with
   --server, into a fresh database on that PostgreSQL server; the point where
   the database, not the analysis, becomes the limit.

docs/deployment.md turns these figures into a capacity note.
"""

from __future__ import annotations

import argparse
import multiprocessing
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from corpus import words, write_corpus
from synthetic import PER_DOC, build

from talkwatch.store import Store

ENGINES = {
    ("local", 1): ["--jobs", "1"],
    ("dask", 1): ["--engine", "dask", "--jobs", "1"],
    ("local", 2): ["--jobs", "2"],
    ("dask", 2): ["--engine", "dask", "--jobs", "2"],
}


def ingest_seconds(folder: Path, db: str, options: list[str]) -> float:
    command = [sys.executable, "-m", "talkwatch", "ingest", str(folder), "--db", db, "-q"]
    start = time.perf_counter()
    subprocess.run([*command, *options], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def fresh_server_database(admin: str) -> tuple[str, str]:
    import psycopg

    name = f"talkwatch_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    return f"{admin.rpartition('/')[0]}/{name}", name


def drop_server_database(admin: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def store_rate(location: str, documents: int, writers: int = 1) -> float:
    """Documents per second that ``Store.add`` writes (25 statements each) from ``writers``
    processes at once, each writing its own documents."""
    Store.open(location).close()  # the schema, before the writers race to create it
    start = time.perf_counter()
    with ProcessPoolExecutor(writers, mp_context=multiprocessing.get_context("spawn")) as pool:
        done = [
            pool.submit(build, location, documents * PER_DOC, first=n * documents)
            for n in range(writers)
        ]
        for future in done:
            future.result()
    return writers * documents / (time.perf_counter() - start)


def engines(folder: Path, tmp: Path, rounds: int) -> dict[tuple[str, int], float]:
    best: dict[tuple[str, int], float] = {}
    for round_ in range(rounds):
        for key, options in ENGINES.items():
            db = tmp / f"{key[0]}{key[1]}-{round_}.db"
            seconds = ingest_seconds(folder, str(db), options)
            best[key] = min(seconds, best.get(key, seconds))
            print(f"  round {round_ + 1}: {key[0]:<5} {key[1]} worker(s) {seconds:7.1f} s")
    return best


def report_engines(folder: Path, tmp: Path, documents: int, rounds: int) -> None:
    texts = write_corpus(folder, documents)
    n = len(texts)
    print(f"{n} documents, {words(texts):,} words; best of {rounds} rounds")
    best = engines(folder, tmp, rounds)
    header = ("engine", "workers", "seconds", "docs/s", "ms/doc", "vs local")
    print("\n{:<8}{:>8}{:>9}{:>8}{:>8}{:>10}".format(*header))
    for (engine, workers), seconds in best.items():
        ratio = seconds / best[("local", workers)]
        print(
            f"{engine:<8}{workers:>8}{seconds:>9.1f}{n / seconds:>8.1f}"
            f"{1000 * seconds / n:>8.1f}{ratio - 1:>+10.1%}"
        )
    for workers in (1, 2):
        overhead = best[("dask", workers)] / best[("local", workers)] - 1
        verdict = "PASS" if overhead < 0.15 else "FAIL"
        print(f"dask overhead at {workers} worker(s): {overhead:+.1%} (target < 15%) {verdict}")
    print(f"local 2 workers / 1 worker: {best[('local', 1)] / best[('local', 2)]:.2f}x")
    print(f"dask 2 workers / 1 worker: {best[('dask', 1)] / best[('dask', 2)]:.2f}x")


def report_store(tmp: Path, documents: int, server: str | None) -> None:
    print(f"\nstore write rate, documents of {PER_DOC} statements ({documents} per writer):")
    for writers in (1, 2):
        rate = store_rate(str(tmp / f"store{writers}.db"), documents, writers)
        print(f"  SQLite file, {writers} writer(s): {rate:7.1f} documents/s")
        if server:
            url, name = fresh_server_database(server)
            try:
                rate = store_rate(url, documents, writers)
                print(f"  PostgreSQL,  {writers} writer(s): {rate:7.1f} documents/s")
            finally:
                drop_server_database(server, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--store-documents", type=int, default=400)
    parser.add_argument("--store-only", action="store_true", help="skip the engine runs")
    parser.add_argument("--server", help="admin URL of a PostgreSQL server to measure too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.store_only:
            report_engines(Path(tmp) / "corpus", Path(tmp), args.documents, args.rounds)
        report_store(Path(tmp), args.store_documents, args.server)


if __name__ == "__main__":
    main()
