"""The talkwatch command line: one module per group of commands."""

from __future__ import annotations

from . import (  # the command modules register their commands with the group
    actors,
    check,
    demo,
    documents,
    evaluate,
    feeds,
    ingest,
    positions,
    query,
    serve,
    watch,
)
from .group import cli

__all__ = [
    "actors",
    "check",
    "cli",
    "demo",
    "documents",
    "evaluate",
    "feeds",
    "ingest",
    "positions",
    "query",
    "serve",
    "watch",
]
