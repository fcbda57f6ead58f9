"""`talkwatch actors` and `talkwatch actors show NAME`: who speaks, and for whom."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..actors import Actor, ActorFileError, KnowledgeBase, load_knowledge_base
from ..database import is_server_url, public_location
from ..records import shown_speaker
from .group import cli
from .options import db_option, given, open_store, shortened, shown_date


def _knowledge(actor_files: tuple[str, ...]) -> KnowledgeBase:
    try:
        return load_knowledge_base([Path(p) for p in actor_files])
    except ActorFileError as err:
        raise click.ClickException(str(err)) from None


actors_option = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A YAML file of actors that extends the shipped knowledge base.",
)


@cli.group(
    invoke_without_command=True, short_help="Speakers: party, statements, first and last date."
)
@db_option
@click.pass_context
def actors(ctx: click.Context, db_path: str) -> None:
    """Actors quoted in the database: party, statements, first and last dates."""
    if ctx.invoked_subcommand is None:
        _list(db_path)


# A subcommand's --db, else the group's: `talkwatch actors --db FILE show NAME`.
sub_db_option = click.option(
    "--db", "db_path", default=None, metavar="FILE|URL", help="Database file or URL."
)


def _db_of(ctx: click.Context, db_path: str | None) -> str | None:
    if db_path is None and ctx.parent is not None:
        return str(ctx.parent.params["db_path"])
    return db_path


@actors.command("list")
@sub_db_option
@click.pass_context
def list_command(ctx: click.Context, db_path: str | None) -> None:
    """The same table as `talkwatch actors`."""
    _list(_db_of(ctx, db_path) or "")


def _list(db_path: str) -> None:
    with open_store(db_path, must_exist=True) as store:
        rows = store.speakers()
    table = Table(title="Actors")
    for column in ("speaker", "party", "statements", "first", "last", "known"):
        table.add_column(column, justify="right" if column == "statements" else "left")
    for speaker, party, actor_id, count, first, last in rows:
        table.add_row(
            speaker,
            party or "unknown",  # as the statements table shows it
            str(count),
            shown_date(first),
            shown_date(last),
            "yes" if actor_id else "",
        )
    Console().print(table)
    click.echo(f"{len(rows)} actors")


@actors.command("show")
@click.argument("name", callback=given)
@sub_db_option
@actors_option
@click.pass_context
def show(ctx: click.Context, name: str, db_path: str | None, actor_files: tuple[str, ...]) -> None:
    """One actor's aliases, roles and stored statements."""
    db_path = _db_of(ctx, db_path)
    where = public_location(db_path or "")
    found = _knowledge(actor_files).find(name)
    console = Console()
    for actor in found:
        _describe(console, actor)
    if not db_path or not (is_server_url(db_path) or Path(db_path).exists()):
        if not found:
            raise click.ClickException(f"No actor called '{name}' is known.")
        console.print(f"[dim]No database at {where}, so no statements to show.[/dim]")
        return
    with open_store(db_path, must_exist=True) as store:
        names = [a.name for a in found] or [name]
        statements = [st for n in names for st in store.statements(speaker=n)]
    if not found and not statements:
        raise click.ClickException(f"No actor called '{name}' is known or quoted.")
    statements.sort(key=lambda st: (st.date is None, st.date or ""))  # oldest first, as timeline
    table = Table(title=f"Statements ({len(statements)})", expand=True)
    rows = [
        (
            shown_date(st.date, st.earlier),
            shown_speaker(st.speaker, st.speaker_mention, st.source),
            st.stance,
            ", ".join(st.issues),
            ("(reader comment) " if st.section == "comments" else "") + shortened(st.quote, 240),
        )
        for st in statements
    ]
    named = len({row[1] for row in rows}) > 1  # the speaker only when the words differ
    table.add_column("date", no_wrap=True, width=10)  # never "2025-02-" over "18"
    if named:
        table.add_column("speaker", overflow="fold", width=min(18, max(len(r[1]) for r in rows)))
    table.add_column("stance", no_wrap=True, width=11)
    table.add_column("issues", overflow="fold", width=min(20, max([8, *(len(r[3]) for r in rows)])))
    table.add_column("quote", overflow="fold", ratio=1)
    for row in rows:
        table.add_row(*(row if named else row[:1] + row[2:]))
    console.print(table)


def _describe(console: Console, actor: Actor) -> None:
    console.print(f"[bold]{actor.name}[/bold] ({actor.type}, {actor.party})")
    if actor.aliases:
        console.print("  aliases: " + ", ".join(actor.aliases))
    for role in actor.roles:
        start = "" if role.start.startswith("0000") else role.start
        end = "" if role.end.startswith("9999") else role.end
        console.print(f"  {role.party} {', '.join(role.titles)}: {start or '…'} to {end or 'now'}")
    console.print(f"  [dim]from {actor.source_file}[/dim]")
