"""`talkwatch documents [set-date ID... DATE]`: the stored documents and their dates."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..actors import ActorFileError, load_knowledge_base
from ..documents import (
    DocumentNotFound,
    dumps,
    find_document,
    list_documents,
    redate,
    remove,
)
from .group import cli
from .ingest import load_analyzer, progress_bar
from .options import (
    actors_option,
    check_model_settings,
    db_option,
    format_option,
    iso_date,
    open_store,
    publication_date,
)
from .rows import NARROW

SOURCE_HELP = (
    "Date sources: given (ingest --date), set (documents set-date), metadata (the page's), "
    "feed (the feed entry), url (the web address), dateline, file name."
)


@cli.group(
    invoke_without_command=True,
    short_help="Stored documents, their dates and where each came from.",
)
@db_option
@click.option("--undated", is_flag=True, help="Only documents without a date.")
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@format_option
@click.pass_context
def documents(ctx: click.Context, db_path: str, undated: bool, limit: int | None, fmt: str) -> None:
    """List stored documents with their dates and where each date came from."""
    ctx.obj = db_path
    if ctx.invoked_subcommand is not None:
        return
    with open_store(db_path, must_exist=True) as store:
        rows = list_documents(store.db, undated_only=undated, limit=limit or -1)
    if fmt == "json":
        click.echo(dumps(rows))
        return
    if not rows:
        click.echo("No undated documents." if undated else "No documents stored yet.")
        return
    columns = (
        "id", "date", "from", "statements", "revised by", "site", "feed", "name or URL", "title"
    )  # fmt: skip
    cells = [
        (
            row.id[:12],
            row.date or "undated",
            row.date_source or ("" if row.date is None else "stored earlier"),
            str(row.statements),
            # a later version of its article: its statements count towards no position
            row.superseded_by[:12],
            row.site,
            row.feed,
            row.url or row.name,
            row.title,
        )
        for row in rows
    ]
    # a column no document fills (the site and feed of local files) is left out; ids,
    # dates and counts never break mid-word
    shown = [i for i, name in enumerate(columns) if i < 4 or any(cell[i] for cell in cells)]
    console = Console()
    if console.width < NARROW:  # a table of six or more columns folds names letter by letter
        for ident, day, source, count, later, site, feed, name, title in cells:
            where = " · ".join(part for part in (site, feed) if part)
            dated = f"{day} ({source})" if source else day
            said = f"{count} statement" + "s" * (count != "1")
            said += f" (revised by {later})" if later else ""
            console.print(Text(f"{ident}  {dated}  {said}"))
            named = Text(name + (f" · {where}" if where else ""))
            console.print(Padding(named, (0, 0, 0, 2), expand=False))
            if title:
                console.print(Padding(Text(title, style="dim"), (0, 0, 0, 2), expand=False))
        console.print(Text(SOURCE_HELP, style="dim"))
    else:
        table = Table(caption=SOURCE_HELP)
        for i in shown:
            short = i < 5  # ids, dates and counts never break mid-word
            table.add_column(columns[i], no_wrap=short, overflow="ellipsis" if short else "fold")
        for cell in cells:
            table.add_row(*(cell[i] for i in shown))
        console.print(table)
    missing = sum(1 for row in rows if row.date is None)
    if missing and not undated:
        console.print(
            Text(
                f"{missing} undated: their statements count towards no position or shift "
                "until dated with 'talkwatch documents set-date ID YYYY-MM-DD'."
            )
        )


@documents.command("set-date")
@click.argument("given", nargs=-1, required=True, metavar="DOCUMENT... DATE")
@click.option("--db", "db_path", metavar="FILE|URL", help="As for 'talkwatch documents'.")
@click.pass_context
def set_date(ctx: click.Context, given: tuple[str, ...], db_path: str | None) -> None:
    """Correct stored documents' DATE (YYYY-MM-DD); each DOCUMENT is its id (or the start
    of it), name or URL. Their statements are re-dated and positions and shifts
    recomputed. A document that cannot be found is named; the others are still dated."""
    *document, day = given
    if not document:  # one word: say which of the two is missing
        missing = "which documents to date" if _is_date(day) else "the date, after the document"
        raise click.UsageError(
            f"{day}: give {missing} (talkwatch documents set-date DOCUMENT... YYYY-MM-DD)."
        )
    checked = publication_date(day)
    assert checked is not None
    db_path = db_path or str(ctx.obj)  # else the group's --db, $TALKWATCH_DB or the default
    failed = []
    with open_store(db_path, must_exist=True) as store:
        for name in document:
            try:
                found = find_document(store.db, name)
                changed = redate(store.db, found.id, checked)
            except DocumentNotFound as err:
                click.echo(f"Error: {err}", err=True)
                failed.append(name)
                continue
            label = found.url or found.name
            if changed:
                click.echo(
                    f"{label}: dated {checked} (was {found.date or 'undated'}); "
                    f"{found.statements} statement{'s' * (found.statements != 1)} re-dated, "
                    "positions and shifts recomputed."
                )
            else:
                click.echo(f"{label}: already dated {checked}; nothing changed.")
    if failed:
        ctx.exit(1)


@documents.command("remove")
@click.argument("document", nargs=-1, required=True, metavar="DOCUMENT...")
@click.option("--db", "db_path", metavar="FILE|URL", help="As for 'talkwatch documents'.")
@click.pass_context
def remove_command(ctx: click.Context, document: tuple[str, ...], db_path: str | None) -> None:
    """Remove stored documents (each named by its id, or six or more of its first
    characters, its file name or URL) with their statements; positions and shifts are
    recomputed. Ingesting a removed document's file or URL again stores it again (a
    watched feed does not fetch its articles twice). A document that cannot be found
    is named; the others are still removed."""
    db_path = db_path or str(ctx.obj)
    failed = []
    with open_store(db_path, must_exist=True) as store:
        for name in document:
            try:
                found = find_document(store.db, name)
                exact = name in (found.name, found.url) or (
                    len(name) >= 6 and found.id.startswith(name)
                )
                if not exact:  # what only starts a name or an id is too easily mistyped
                    raise DocumentNotFound(
                        f"{name}: give the whole file name or URL, or six or more characters "
                        f"of the id, of the document to remove ({found.id[:12]}, {found.name})."
                    )
            except DocumentNotFound as err:
                click.echo(f"Error: {err}", err=True)
                failed.append(name)
                continue
            remove(store.db, found.id)
            click.echo(
                f"{found.url or found.name} ({found.id[:12]}): removed with its "
                f"{found.statements} statement{'s' * (found.statements != 1)}; positions and "
                "shifts recomputed (a watched folder does not read its file again unchanged)."
            )
    if failed:
        ctx.exit(1)


@documents.command("reanalyse")
@click.argument("document", nargs=-1, metavar="[DOCUMENT...]")
@click.option("--db", "db_path", metavar="FILE|URL", help="As for 'talkwatch documents'.")
@actors_option
@click.pass_context
def reanalyse_command(
    ctx: click.Context, document: tuple[str, ...], db_path: str | None, actor_files: tuple[str, ...]
) -> None:
    """Analyse stored documents again (all of them, or those named by id, name or URL)
    with the rules and models installed now, and store what they say now.

    Ingest never parses an unchanged input twice, so statements stored by an older
    talkwatch keep the older reading until this is run. Each document is replaced in
    one transaction; positions and shifts are recomputed, and shifts the new reading
    finds are not announced by 'talkwatch watch' as news.
    """
    from ..reanalysis import reanalyse

    try:
        load_knowledge_base([Path(p) for p in actor_files])  # a bad file: before anything
    except ActorFileError as err:
        raise click.ClickException(str(err)) from None
    check_model_settings()
    db_path = db_path or str(ctx.obj)
    with open_store(db_path, must_exist=True) as store:
        try:
            ids = [find_document(store.db, name).id for name in document] or [
                row.id for row in list_documents(store.db)
            ]
        except DocumentNotFound as err:
            raise click.ClickException(str(err)) from None
        if not ids:
            click.echo("No documents stored yet.")
            return
        analyzer = load_analyzer(actor_files)
        with progress_bar("analysing again") as progress:
            task = progress.add_task("reanalyse", total=len(ids))
            done = reanalyse(store, analyzer, ids, lambda n: progress.advance(task, n))
    click.echo(done.summary())


def _is_date(word: str) -> bool:
    """Whether ``word`` reads as a date (YYYY-MM-DD), not a document's id or name."""
    try:
        iso_date(word)
    except click.BadParameter:
        return False
    return True
