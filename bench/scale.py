"""Memory and incremental cost at 1,000 and 10,000 documents, and on long documents.

Side by side in one run, each ingest in its own process (--jobs 1, so the peak
is one process's):

1. peak resident memory ingesting 1,000 documents, then 10,000 (target: within 1.2x);
2. adding 10 new documents to the 10,000-document database, against adding the
   same 10 to an empty one (target: about the same: cost follows the 10);
3. re-ingesting the unchanged 10,000 (target: under 5% of the first ingest);
4. one 3 MB document against three 1 MB ones: time (target: within 1.5x, time
   linear in length) and peak memory (target: at most 600 MB).

    python bench/scale.py [--small 1000] [--large 10000] [--long-mb 3]
    python bench/scale.py --only-long        # item 4 alone

The large run takes a while (the parse dominates: about 20 documents a second
on one core of the reference machine).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import source_files, write_corpus


def ingest(folder: Path, db: Path) -> tuple[float, float]:
    """(seconds, peak resident MB) of one `talkwatch ingest` process."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "talkwatch", "ingest", str(folder), "--db", str(db)]
    process = subprocess.Popen([*command, "-q", "--jobs", "1"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"ingest of {folder} failed with status {status}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def long_text(size: int, tag: str) -> str:
    """About ``size`` bytes of news text: the sample corpus, each copy marked apart."""
    sources = [p.read_text(encoding="utf-8").rstrip() for p in source_files()]
    pieces: list[str] = []
    total = n = 0
    while total < size:
        piece = f"{sources[n % len(sources)]}\n\nCopy {tag}-{n}.\n\n"
        pieces.append(piece)
        total += len(piece.encode("utf-8"))
        n += 1
    return "".join(pieces)


def long_documents(megabytes: int, rounds: int = 2) -> None:
    """One document of ``megabytes`` MB against that many 1 MB documents.

    The two ingests alternate for ``rounds`` rounds and the fastest of each
    counts, so a burst of load from elsewhere on the machine does not decide.
    """
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        one, many = root / "one", root / "many"
        one.mkdir()
        many.mkdir()
        (one / "long.txt").write_text(long_text(megabytes * 2**20, "L"), encoding="utf-8")
        for i in range(megabytes):
            (many / f"part{i}.txt").write_text(long_text(2**20, f"P{i}"), encoding="utf-8")
        runs: dict[str, list[tuple[float, float]]] = {"one": [], "many": []}
        for n in range(rounds):
            for name, folder in (("one", one), ("many", many)):
                runs[name].append(ingest(folder, root / f"{name}{n}.db"))
    long_s, long_mb = min(s for s, _ in runs["one"]), max(mb for _, mb in runs["one"])
    parts_s, parts_mb = min(s for s, _ in runs["many"]), max(mb for _, mb in runs["many"])
    print(f"one {megabytes} MB document:    {long_s:8.1f} s, peak {long_mb:6.0f} MB")
    print(f"{megabytes} documents of 1 MB:    {parts_s:8.1f} s, peak {parts_mb:6.0f} MB")
    print(f"time ratio: {long_s / parts_s:.2f}  (target <= 1.50: time linear in length)")
    print(f"peak memory: {max(long_mb, parts_mb):.0f} MB  (target <= 600)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--long-mb", type=int, default=3)
    parser.add_argument("--only-long", action="store_true")
    parser.add_argument("--rounds", type=int, default=2, help="of the long-document runs")
    args = parser.parse_args()
    if args.only_long:
        long_documents(args.long_mb, args.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        small, large, extra = root / "small", root / "large", root / "extra"
        write_corpus(small, args.small)
        write_corpus(large, args.large)
        texts = write_corpus(extra, args.large + 10)
        for path in sorted(extra.iterdir())[: args.large]:
            path.unlink()
        print(f"corpora: {args.small} and {args.large} documents (+10 new: {len(texts[-10:])})")
        small_s, small_mb = ingest(small, root / "small.db")
        large_s, large_mb = ingest(large, root / "large.db")
        added_s, _ = ingest(extra, root / "large.db")
        alone_s, _ = ingest(extra, root / "alone.db")
        again_s, _ = ingest(large, root / "large.db")
    print(f"ingest {args.small:>6} documents: {small_s:8.1f} s, peak {small_mb:6.0f} MB")
    print(f"ingest {args.large:>6} documents: {large_s:8.1f} s, peak {large_mb:6.0f} MB")
    print(f"peak memory {args.large} / {args.small}: {large_mb / small_mb:.2f}  (target <= 1.20)")
    print(f"10 new documents into the {args.large}-document database: {added_s:.2f} s")
    print(f"the same 10 into an empty database:              {alone_s:.2f} s")
    print(f"ratio: {added_s / alone_s:.2f}  (target: about 1, cost follows the new documents)")
    print(f"unchanged re-run / first ingest: {again_s / large_s:.3f}  (target < 0.05)")
    long_documents(args.long_mb, args.rounds)


if __name__ == "__main__":
    main()
