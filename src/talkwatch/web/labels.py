"""What a document is called on the pages: its title, else its first words (never a hash)."""

from __future__ import annotations

import re

WORDS = 12
CHARS = 80
# A stored file name that says nothing to a reader: a digest or a UUID, perhaps with a suffix.
_HASHLIKE = re.compile(r"(?:[0-9a-f]{12,}|[0-9a-f]{4,}(?:-[0-9a-f]{4,}){3,})", re.IGNORECASE)


def document_label(title: str | None, text: str | None) -> str:
    """The title; else the first words of the first paragraph, with … where it is cut."""
    if title and title.strip():
        return " ".join(title.split())
    paragraph = (text or "").strip().split("\n\n", 1)[0]
    words = paragraph.split()
    if not words:
        return "untitled document"
    shown: list[str] = []
    for word in words[:WORDS]:
        if shown and len(" ".join([*shown, word])) > CHARS:
            break
        shown.append(word)
    return " ".join(shown) + ("…" if len(shown) < len(words) else "")


def source_name(name: str | None) -> str | None:
    """The stored file name, unless it is a digest or a UUID (then None: not worth showing)."""
    if not name:
        return None
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return None if _HASHLIKE.fullmatch(stem) else name


def plural(count: int, noun: str) -> str:
    """"1 statement", "3 statements", "0 documents": a count with its noun."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
