"""`talkwatch export` and `talkwatch statements`: read what is stored."""

from __future__ import annotations

import sys
from typing import TextIO

import click
from rich.console import Console
from rich.table import Table

from ..export import statement_row, write_csv, write_jsonl
from ..records import shown_speaker
from . import cli
from .filters import issue_filter, party_filter, speaker_note
from .options import db_option, open_store, shortened, shown_date


@cli.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write here instead of standard output.",
)
def export(db_path: str, fmt: str, output: TextIO) -> None:
    """Export every statement with its provenance (fields of ANNOTATION.md first)."""
    with open_store(db_path, must_exist=True) as store:
        rows = [statement_row(st) for st in store.statements()]
    (write_jsonl if fmt == "jsonl" else write_csv)(rows, output)
    if output is not sys.stdout and getattr(output, "name", "-") != "-":
        click.echo(f"Wrote {len(rows)} statements to {output.name}.", err=True)


@cli.command()
@db_option
@click.option("--speaker", help="Only this speaker (case-insensitive).")
@click.option("--doc", help="Only this document (file name or id prefix).")
@click.option("--party", help="Only this party: a code (RUS) or a name (Russia).")
@click.option("--issue", help="Only statements on this issue: a code or an alias (nato).")
@click.option("--limit", default=200, show_default=True, help="Show at most this many.")
def statements(
    db_path: str,
    speaker: str | None,
    doc: str | None,
    party: str | None,
    issue: str | None,
    limit: int,
) -> None:
    """Show stored statements as a table."""
    with open_store(db_path, must_exist=True) as store:
        party, issue = party_filter(store, party), issue_filter(store, issue)
        found = store.statements(speaker=speaker, doc=doc, party=party, issue=issue)
        speaker_note(store, speaker, len(found))
    table = Table(show_lines=False, expand=True)
    for column in ("date", "speaker", "party", "stance", "issues", "quote", "doc"):
        table.add_column(column, overflow="fold", ratio=4 if column == "quote" else 1)
    for st in found[:limit]:
        table.add_row(
            shown_date(st.date),
            shown_speaker(st.speaker, st.speaker_mention, st.source),
            st.party,
            st.stance,
            ", ".join(st.issues),
            shortened(st.quote, 240),
            st.doc,
        )
    console = Console()
    console.print(table)
    shown = min(limit, len(found))
    console.print(
        f"{len(found)} statement{'s' * (len(found) != 1)}"
        + (f" (first {shown} shown)" if shown < len(found) else "")
    )
