"""Pipeline throughput against the parser's own limit, and the gain from --jobs.

Runs, side by side on one corpus (the sample corpus and ../shared/seeds when
present, replicated to N documents):

1. bare spaCy: ``spacy.load(model).pipe(texts)`` in a fresh process (model load included);
2. ``talkwatch ingest --jobs 1`` end to end into a fresh database;
3. ``talkwatch ingest --jobs J`` (default: the number of cores);
4. ``talkwatch ingest`` again on the unchanged corpus (incremental re-run).

Prints words per second and the ratios the project targets: talkwatch / bare
spaCy >= 0.8, jobs J / jobs 1 >= 1.7 on 2 cores, re-run / first run < 5%.

    python bench/throughput.py [--documents 400] [--jobs 2]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import words, write_corpus

from talkwatch.nlp import MODEL_PACKAGE
from talkwatch.parallel import default_jobs

BARE_SPACY = """
import sys, spacy
from pathlib import Path
nlp = spacy.load({model!r})
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).iterdir())]
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def talkwatch(folder: Path, db: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "talkwatch", "ingest", str(folder), "--db", str(db), "-q",
            "--jobs", str(jobs)]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        texts = write_corpus(folder, args.documents)
        n_words = words(texts)
        print(f"corpus: {args.documents} documents, {n_words:,} words")
        bare = timed([sys.executable, "-c", BARE_SPACY.format(model=MODEL_PACKAGE), str(folder)])
        one = timed(talkwatch(folder, Path(tmp) / "one.db", 1))
        many = timed(talkwatch(folder, Path(tmp) / "many.db", args.jobs))
        again = timed(talkwatch(folder, Path(tmp) / "one.db", 1))
    rows = [
        ("bare spaCy pipe (1 process)", bare),
        ("talkwatch ingest --jobs 1", one),
        (f"talkwatch ingest --jobs {args.jobs}", many),
        ("talkwatch ingest, unchanged re-run", again),
    ]
    for name, seconds in rows:
        print(f"{name:<38} {seconds:7.2f} s  {n_words / seconds:9,.0f} words/s")
    print(f"talkwatch / bare spaCy, one process:   {bare / one:.2f}  (target >= 0.80)")
    print(f"--jobs {args.jobs} / --jobs 1:                 {one / many:.2f}  (target >= 1.70)")
    print(f"unchanged re-run / first run:          {again / one:.3f} (target < 0.05)")


if __name__ == "__main__":
    main()
