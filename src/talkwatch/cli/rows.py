"""Statements in the terminal: a table where there is room, a block each where not."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

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
        console.print(Padding(Text(f"“{quote}”", style="italic"), (0, 0, 0, 2), expand=False))
        console.print(Padding(Text(doc, style="dim"), (0, 0, 0, 2), expand=False))


def print_statements(console: Console, rows: list[Row]) -> None:
    """(date, speaker, party, stance, issues, quote, document) rows, as the width allows."""
    if console.width < NARROW:
        print_blocks(console, rows)
    else:
        console.print(statements_table(rows))
