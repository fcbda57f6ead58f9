"""`talkwatch ingest`: read articles, extract statements, store them."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..actors import ActorFileError, load_knowledge_base
from ..cluster import ClusterError
from ..ingest import DEFAULT_MAX_BYTES, URL_TIMEOUT
from ..parallel import default_jobs
from ..profiling import profile_stages
from ..runner import IngestRun, IngestSummary

if TYPE_CHECKING:
    from ..pipeline import Analyzer
from .group import cli
from .options import actors_option, check_model_settings, db_option, open_store, publication_date


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@actors_option
@click.option(
    "--date",
    "declared_date",
    metavar="YYYY-MM-DD",
    callback=lambda ctx, param, value: publication_date(value),
    help="Date of the documents, when their text does not say.",
)
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES // (1024 * 1024),
    show_default=True,
    metavar="MB",
    help="Refuse inputs larger than this many megabytes.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=URL_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a URL that has not arrived in full by then.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=default_jobs,
    show_default="the number of cores",
    help="Analyse in this many worker processes (large batches only); with --engine dask "
    "and no --address, the number of workers of the local cluster.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"], case_sensitive=False),
    default="local",
    show_default=True,
    help="Where the analysis runs: this machine's processes, or a Dask cluster.",
)
@click.option(
    "--address",
    metavar="HOST:PORT",
    help="With --engine dask: the scheduler of an existing cluster (else one starts here).",
)
@click.option("--profile", is_flag=True, help="Print where the time went, stage by stage.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...],
    db_path: str,
    actor_files: tuple[str, ...],
    declared_date: str | None,
    max_size: int,
    timeout: float,
    jobs: int,
    engine: str,
    address: str | None,
    profile: bool,
    quiet: bool,
) -> None:
    """Ingest files, folders, URLs or - (stdin) into the database.

    Unchanged inputs already stored are skipped. Inputs that cannot be read
    are reported and the rest are still ingested; the exit status is 1 when
    any input failed. With --profile the run uses one process.

    With --engine dask the analysis runs on a Dask cluster: a local one of
    --jobs worker processes, or the existing one at --address. Reading and
    storing stay here; --db may name a PostgreSQL server.
    """
    if address and engine != "dask":
        raise click.UsageError("--address names a Dask scheduler; add --engine dask.")
    if profile and engine != "local":
        raise click.UsageError("--profile measures the local engine; leave out --engine.")
    try:
        knowledge = load_knowledge_base([Path(p) for p in actor_files])  # fail before storing
    except ActorFileError as err:
        raise click.ClickException(str(err)) from None
    check_model_settings()
    for conflict in knowledge.conflicts:
        click.echo(f"warning: {conflict}.", err=True)
    with open_store(db_path) as store:
        run = IngestRun(
            store=store,
            load_analyzer=lambda: load_analyzer(actor_files),
            jobs=1 if profile else jobs,
            actor_files=actor_files,
            engine=engine,
            address=address,
            max_bytes=max_size * 1024 * 1024,
            timeout=timeout,
            date=declared_date,
            on_error=lambda message: click.echo(f"error: {message}", err=True),
            on_warning=lambda message: click.echo(f"warning: {message}", err=True),
        )
        if profile:
            summary, stages = profile_stages(lambda: with_progress(run, list(paths), quiet))
            _print_profile(stages)
        else:
            try:
                summary = with_progress(run, list(paths), quiet)
            except ClusterError as err:
                raise click.ClickException(str(err)) from None
            except KeyboardInterrupt:
                # a second Ctrl-C (or a signal sent to the process and to its group) does
                # not cut short closing the database
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                done = run.summary
                click.echo(
                    f"\nInterrupted: {done.new} new document{'s' * (done.new != 1)} with "
                    f"{done.statements} statement{'s' * (done.statements != 1)} stored before "
                    "the interrupt; run the same command again to read the rest (what is stored is "
                    "skipped).",
                    err=True,
                )
                sys.exit(130)
    click.echo(summary.line())
    if summary.failures:
        sys.exit(1)


def load_analyzer(actor_files: tuple[str, ...]) -> Analyzer:
    from ..pipeline import Analyzer  # imports spaCy: only when a document is new

    return Analyzer.load(actor_files=[Path(p) for p in actor_files])


def progress_bar(label: str, quiet: bool = False) -> Progress:
    """A progress bar on standard error, shown only on an interactive terminal."""
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        disable=quiet or not sys.stderr.isatty(),
    )


def with_progress(run: IngestRun, paths: list[str], quiet: bool) -> IngestSummary:
    """Run the ingest with a progress bar on an interactive terminal."""
    with progress_bar("ingesting", quiet) as progress:
        task = progress.add_task("ingest", total=None)
        run.on_progress = lambda done: progress.advance(task, done)
        return run.run(paths)


def _print_profile(stages: list[tuple[str, float]]) -> None:
    total = sum(seconds for _, seconds in stages) or 1.0
    click.echo("time by stage (own time of each stage's code):", err=True)
    for stage, seconds in stages:
        click.echo(f"  {stage:<34} {seconds:8.2f} s  {100 * seconds / total:5.1f}%", err=True)
