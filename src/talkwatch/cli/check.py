"""`talkwatch check`: verify the database's schema, links and spans."""

from __future__ import annotations

import sys

import click

from ..database import public_location, recovery
from ..integrity import problems
from .group import cli
from .options import db_option, open_store


@cli.command(short_help="Check the database: schema, keys, spans of quotes.")
@db_option
def check(db_path: str) -> None:
    """Check the database: schema version, foreign keys, SQLite integrity, spans.

    Exits 0 when nothing is wrong and 1 after listing the problems found.
    """
    where = public_location(db_path)
    with open_store(db_path, must_exist=True) as store:
        found = problems(store)
        counts = store.counts()
    if found:
        click.echo(f"{len(found)} problem{'s' * (len(found) != 1)} in {where}:")
        for problem in found:
            click.echo(f"- {problem}")
        if any(p.startswith("SQLite integrity check") for p in found):
            click.echo(f"The file is damaged: {recovery(where)}.")
        sys.exit(1)
    documents, statements = counts["documents"], counts["statements"]
    click.echo(
        f"No problems found in {where}: {documents} document{'s' * (documents != 1)}, "
        f"{statements} statement{'s' * (statements != 1)}."
    )
