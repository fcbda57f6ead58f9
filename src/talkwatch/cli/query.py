"""`talkwatch export` and `talkwatch statements`: read what is stored."""

from __future__ import annotations

import sys
from typing import TextIO

import click
from rich.console import Console

from ..export import statement_row, write_csv, write_jsonl
from ..records import SECTIONS, STANCES, Statement, shown_speaker
from ..revisions import superseded
from ..store import Store
from .filters import doc_filter, issue_filter, party_filter, speaker_filter, speaker_note
from .group import cli
from .options import (
    F,
    date_range_options,
    db_option,
    given,
    open_store,
    shortened,
    shown_date,
    shown_doc,
    side_options,
)
from .rows import print_statements


def statement_filters(func: F) -> F:
    """The filters `statements` and `export` share: speaker, document, party, issue,
    stance, section, dates, and only the latest version of each article."""
    for option in reversed(
        [
            click.option(
                "--speaker", callback=given, multiple=True,
                help="Only this speaker (case-insensitive).",
            ),
            click.option(
                "--doc", callback=given, multiple=True,
                help="Only this document: its file name or URL, or the start of its name or id.",
            ),
            side_options,
            click.option(
                "--stance", type=click.Choice(STANCES, case_sensitive=False),
                help="Only this stance.",
            ),
            click.option(
                "--section", type=click.Choice(SECTIONS, case_sensitive=False),
                help="Only the article's statements (body) or its readers' (comments).",
            ),
            date_range_options,
            click.option(
                "--latest", is_flag=True,
                help="Leave out the texts a later version of their article revises.",
            ),
        ]
    ):  # fmt: skip
        func = option(func)
    return func


def selected(store: Store, given: dict[str, str | bool | None]) -> list[Statement]:
    """The stored statements the filters of ``statement_filters`` keep, in stored order."""
    filters = {name: value for name, value in given.items() if not isinstance(value, bool)}
    party, issue = party_filter(store, filters["party"]), issue_filter(store, filters["issue"])
    speaker, doc = speaker_filter(filters["speaker"]), doc_filter(store, filters["doc"])
    found = store.statements(
        speaker=speaker,
        doc=doc,
        party=party,
        issue=issue,
        since=filters["since"],
        until=filters["until"],
    )
    stance, section = filters["stance"], filters["section"]
    if stance:
        found = [st for st in found if st.stance == stance.lower()]
    if section:
        found = [st for st in found if st.section == section.lower()]
    if given.get("latest"):  # the later version counts, as in positions and shifts
        later = superseded(store.db)
        found = [st for st in found if st.doc_id not in later]
    speaker_note(store, speaker, len(found))
    return found


@cli.command(short_help="Export statements with their provenance (JSONL, CSV).")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"], case_sensitive=False),
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
@statement_filters
def export(db_path: str, fmt: str, output: TextIO, **filters: str | bool | None) -> None:
    """Export statements with their provenance (fields of ANNOTATION.md first): every one,
    or those the filters keep (the same filters as `statements`)."""
    with open_store(db_path, must_exist=True) as store:
        later = superseded(store.db)
        # and the later version of its article that counts instead of it, if one does
        rows = [statement_row(st, later.get(st.doc_id, "")) for st in selected(store, filters)]
    output.write("")  # a file named with -o is opened, and so made, even for no statements
    (write_jsonl if fmt.lower() == "jsonl" else write_csv)(rows, output)
    if output is not sys.stdout and getattr(output, "name", "-") not in ("-", "<stdout>"):
        click.echo(f"Wrote {len(rows)} statements to {output.name}.", err=True)


@cli.command()
@db_option
@statement_filters
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Show at most this many.",
)
def statements(db_path: str, limit: int, **filters: str | bool | None) -> None:
    """Show stored statements as a table, oldest first."""
    with open_store(db_path, must_exist=True) as store:
        found = selected(store, filters)
        # oldest first, as in timeline; undated last; the text's order within a day
        found.sort(key=lambda st: (st.date is None, st.date or ""))
        later = superseded(store.db)
    console = Console()
    shown_rows = [
        (
            shown_date(st.date, st.earlier),
            shown_speaker(st.speaker, st.speaker_mention, st.source),
            st.party or "unknown",  # a side the text does not give, as the web shows it
            st.stance,
            ", ".join(st.issues),
            shortened(st.quote, 240),
            shown_doc(st.doc, st.section, st.doc_id in later),
        )
        for st in found[:limit]
    ]
    print_statements(console, shown_rows)
    shown = min(limit, len(found))
    console.print(
        f"{len(found)} statement{'s' * (len(found) != 1)}"
        + (f" (first {shown} shown)" if shown < len(found) else "")
    )
