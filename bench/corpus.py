"""Benchmark corpora: the built-in sample corpus (and ../shared/seeds) replicated.

Every copy gets a distinct closing line, so each is a new document to
talkwatch (a different content hash) while the language stays the same.
"""

from __future__ import annotations

from pathlib import Path

from talkwatch.cli.demo import corpus_path

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def source_files() -> list[Path]:
    files = sorted(p for p in corpus_path().iterdir() if p.suffix in (".txt", ".md"))
    if SHARED_SEEDS.is_dir():
        files += sorted(SHARED_SEEDS.glob("*.txt"))
    return files


def write_corpus(folder: Path, documents: int) -> list[str]:
    """Write ``documents`` files into ``folder``; return their texts."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [p.read_text(encoding="utf-8") for p in source_files()]
    texts = []
    for n in range(documents):
        text = f"{sources[n % len(sources)].rstrip()}\n\nBenchmark copy {n}.\n"
        (folder / f"doc{n:06d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)
