"""The talkwatch command line: one module per group of commands."""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="talkwatch")
def cli() -> None:
    """Turn news about peace talks into an evidence-linked record of who demands what."""


from . import (  # noqa: E402  (registers commands)
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
