"""`talkwatch ingest`: read articles, extract statements, store them."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..actors import ActorFileError, load_knowledge_base
from ..pipeline import Analyzer
from ..runner import IngestRun, IngestSummary
from ..store import Store
from . import cli
from .options import db_option, iso_date, open_store


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A YAML file of actors that extends the shipped knowledge base.",
)
@click.option(
    "--date",
    "declared_date",
    metavar="YYYY-MM-DD",
    callback=lambda ctx, param, value: iso_date(value),
    help="Date of the documents, when their text does not say.",
)
@click.option(
    "--max-size",
    default=20,
    show_default=True,
    metavar="MB",
    help="Refuse inputs larger than this many megabytes.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...],
    db_path: str,
    actor_files: tuple[str, ...],
    declared_date: str | None,
    max_size: int,
    quiet: bool,
) -> None:
    """Ingest files, folders, URLs or - (stdin) into the database.

    Unchanged inputs already stored are skipped. Inputs that cannot be read
    are reported and the rest are still ingested; the exit status is 1 when
    any input failed.
    """
    paths_list = list(paths)
    try:
        knowledge = load_knowledge_base([Path(p) for p in actor_files])  # fail before storing
    except ActorFileError as err:
        raise click.ClickException(str(err)) from None
    for conflict in knowledge.conflicts:
        click.echo(f"warning: {conflict}.", err=True)
    with open_store(db_path) as store:
        summary = run_ingest(store, paths_list, actor_files, declared_date, max_size, quiet)
    click.echo(summary.line())
    if summary.failures:
        sys.exit(1)


def run_ingest(
    store: Store,
    paths: list[str],
    actor_files: tuple[str, ...],
    declared_date: str | None,
    max_size: int,
    quiet: bool,
) -> IngestSummary:
    def report(message: str) -> None:
        click.echo(f"error: {message}", err=True)

    run = IngestRun(
        store=store,
        load_analyzer=lambda: Analyzer.load(actor_files=[Path(p) for p in actor_files]),
        max_bytes=max_size * 1024 * 1024,
        date=declared_date,
        on_error=report,
    )
    show = not quiet and sys.stderr.isatty()
    with Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        disable=not show,
    ) as progress:
        task = progress.add_task("ingest", total=None)
        run.on_progress = lambda done: progress.advance(task, done)
        return run.run(paths)
