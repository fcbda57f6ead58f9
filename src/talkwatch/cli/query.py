"""`talkwatch export` and `talkwatch statements`: read what is stored."""

from __future__ import annotations

import sys
from typing import TextIO

import click
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..export import statement_row, write_csv, write_jsonl
from ..records import STANCES, shown_speaker
from .filters import doc_filter, issue_filter, party_filter, speaker_filter, speaker_note
from .group import cli
from .options import date_range_options, db_option, open_store, shortened, shown_date


@cli.command(short_help="Export every statement with its provenance (JSONL, CSV).")
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
@click.option(
    "--doc", help="Only this document: its file name or URL, or the start of its name or id."
)
@click.option("--party", help="Only this party: a code (RUS) or a name (Russia).")
@click.option("--issue", help="Only statements on this issue: a code or an alias (nato).")
@click.option(
    "--stance", type=click.Choice(STANCES, case_sensitive=False), help="Only this stance."
)
@date_range_options
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Show at most this many.",
)
def statements(
    db_path: str,
    speaker: str | None,
    doc: str | None,
    party: str | None,
    issue: str | None,
    stance: str | None,
    since: str | None,
    until: str | None,
    limit: int,
) -> None:
    """Show stored statements as a table, oldest first."""
    with open_store(db_path, must_exist=True) as store:
        party, issue = party_filter(store, party), issue_filter(store, issue)
        speaker, doc = speaker_filter(speaker), doc_filter(store, doc)
        found = store.statements(
            speaker=speaker, doc=doc, party=party, issue=issue, since=since, until=until
        )
        if stance:
            found = [st for st in found if st.stance == stance.lower()]
        # oldest first, as in timeline; undated last; the text's order within a day
        found.sort(key=lambda st: (st.date is None, st.date or ""))
        speaker_note(store, speaker, len(found))
    console = Console()
    shown_rows = [
        (
            shown_date(st.date),
            shown_speaker(st.speaker, st.speaker_mention, st.source),
            st.party,
            st.stance,
            ", ".join(st.issues),
            shortened(st.quote, 240),
            st.doc,
        )
        for st in found[:limit]
    ]
    if console.width < NARROW:
        print_blocks(console, shown_rows)
    else:
        console.print(statements_table(shown_rows))
    shown = min(limit, len(found))
    console.print(
        f"{len(found)} statement{'s' * (len(found) != 1)}"
        + (f" (first {shown} shown)" if shown < len(found) else "")
    )


NARROW = 100  # below this many columns a table of seven fields breaks words apart
Row = tuple[str, str, str, str, str, str, str]


def statements_table(rows: list[Row]) -> Table:
    """Short codes never break mid-word ("2022-03-29", "conditional"); names and issue
    lists wrap between words, quotes take the room left; a long file name is cut."""
    table = Table(show_lines=False, expand=True)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("speaker", overflow="fold", ratio=2, min_width=10)
    table.add_column("party", no_wrap=True, min_width=5)
    table.add_column("stance", no_wrap=True, min_width=11)
    table.add_column("issues", overflow="fold", ratio=2, min_width=12)
    table.add_column("quote", overflow="fold", ratio=6)
    table.add_column("doc", overflow="ellipsis", ratio=2, min_width=8)
    for row in rows:
        table.add_row(*row)
    return table


def print_blocks(console: Console, rows: list[Row]) -> None:
    """In a narrow terminal each statement is a block: who, side, stance and issues on
    one line, the quote below it, the document last."""
    for date, speaker, party, stance, issues, quote, doc in rows:
        console.print(
            f"[bold]{escape(speaker)}[/bold] ({party or '?'}) · {stance} · "
            f"{escape(issues) or 'no issue'} · {date}",
            soft_wrap=False,
        )
        console.print(Padding(Text(f"“{quote}”", style="italic"), (0, 0, 0, 2)))
        console.print(Padding(Text(doc, style="dim"), (0, 0, 0, 2)))
