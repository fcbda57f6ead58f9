"""A synthetic database of any size, for the query and page benchmarks.

Documents of 25 statements each by 300 speakers of eight parties, with random
issues, stances and dates over 2022-2025; written with ``Store.add`` as an
ingest would, so every index, position and stale mark is real.
"""

from __future__ import annotations

import hashlib
import random

from talkwatch.records import ISSUES, Document, Section, Span, Statement
from talkwatch.store import Store

PARTIES = ["RUS", "UKR", "USA", "EU", "CHN", "TUR", "GBR", "NONE"]
STANCES = ["demand", "offer", "accept", "reject", "conditional", "deny", "assess"]
PER_DOC = 25


def build(path: str, total: int, first: int = 0) -> None:
    """``total`` statements in documents numbered from ``first`` (distinct for distinct ranges)."""
    rng = random.Random(6 + first)
    speakers = [(f"Speaker {i:03d}", PARTIES[i % len(PARTIES)]) for i in range(300)]
    store = Store.open(path)
    for d in range(first, first + total // PER_DOC):
        day = f"{2022 + d % 4}-{1 + d % 12:02d}-{1 + d % 28:02d}"
        sentences, statements, pos = [], [], 0
        for _ in range(PER_DOC):
            speaker, party = rng.choice(speakers)
            how = rng.choice(["never", "gladly", "only then"])
            quote = f"we will {how} discuss item {rng.randrange(999)}"
            sentence = f"{speaker} said {quote} in talks on {d}."
            start = pos + len(speaker) + 6
            statements.append(
                Statement(
                    doc_id="",
                    doc=f"doc{d}.txt",
                    quote=quote,
                    quote_spans=(Span(start, start + len(quote)),),
                    speaker=speaker,
                    party=party,
                    source=rng.choice(["named", "named", "anonymous"]),
                    kind="indirect",
                    issues=tuple(rng.sample(ISSUES, rng.choice([1, 1, 2]))),
                    stance=rng.choice(STANCES),
                    section="body",
                    sentence=sentence,
                    sentence_span=Span(pos, pos + len(sentence)),
                    cue="say",
                    stance_reason="synthetic",
                    date=day,
                )
            )
            sentences.append(sentence)
            pos += len(sentence) + 2
        text = "\n\n".join(sentences)
        doc_id = hashlib.sha256(text.encode()).hexdigest()
        document = Document(
            doc_id,
            f"doc{d}.txt",
            f"/synthetic/doc{d}.txt",
            text,
            text,
            (Section("body", 0, len(text)),),
            title=f"Talks report {d}",
            date=day,
        )
        fixed = [Statement(**{**st.__dict__, "doc_id": doc_id}) for st in statements]
        store.add(document, fixed, doc_id)
    store.close()
