"""`talkwatch watch`: poll the feeds, ingest what is new and relevant, announce shifts."""

from __future__ import annotations

import re
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import click

from .. import alerts, retractions, status_alerts
from ..actors import ActorFileError, load_knowledge_base
from ..analysis import Shift
from ..documents import gone_from
from ..fetch import DEFAULT_DELAY, DEFAULT_RETRIES, DEFAULT_TIMEOUT, Fetcher
from ..neterrors import address_problem
from ..parallel import default_jobs
from ..relevance import Gate
from ..runner import IngestRun
from ..store import Store, StoreError
from ..watch import RETRY_BASE, Watcher
from .group import cli
from .ingest import load_analyzer
from .options import actors_option, check_model_settings, db_option, open_store

_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def interval_seconds(value: str) -> float:
    """15m, 1h, 90s, 2d or a number of seconds; at least one second."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value.lower())
    if not match or float(match.group(1)) * _UNITS[match.group(2)] < 1:
        raise click.BadParameter(f"'{value}' is not an interval; write it as 90s, 15m, 1h or 1d.")
    return float(match.group(1)) * _UNITS[match.group(2)]


@cli.command(short_help="Poll the feeds and ingest new articles about the talks.")
@db_option
@click.option(
    "--interval",
    default="15m",
    metavar="DURATION",
    show_default=True,
    callback=lambda ctx, param, value: interval_seconds(value),
    help="Time between two cycles (90s, 15m, 1h).",
)
@click.option(
    "--once",
    is_flag=True,
    help="Run one cycle and stop; exit 1 if a feed, an article, a watched folder's file or "
    "the webhook post failed.",
)
@click.option("--webhook", metavar="URL", help="POST new shifts to this URL as JSON.")
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=DEFAULT_DELAY,
    show_default=True,
    metavar="SECONDS",
    help="Wait between two requests to the same host.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Give up on an answer (a feed's, an article's, the webhook's) not in full by then.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0, max=10),
    default=DEFAULT_RETRIES,
    show_default=True,
    help="Retries of a timeout, lost connection or 5xx answer, with doubling waits.",
)
@click.option(
    "--retry-feeds-after",
    type=click.FloatRange(min=0),
    default=RETRY_BASE,
    show_default=True,
    metavar="SECONDS",
    help="Do not poll a failing feed again before this (doubled for each failure in a row).",
)
@click.option(
    "--folder",
    "folders",
    multiple=True,
    type=click.Path(file_okay=False, dir_okay=True),
    metavar="DIR",
    help="Also ingest what is new or changed in this folder each cycle (repeatable).",
)
@actors_option
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=default_jobs,
    show_default="the number of cores",
    help="Analyse in this many worker processes (when a cycle brings many articles).",
)
def watch(
    db_path: str,
    interval: float,
    once: bool,
    webhook: str | None,
    delay: float,
    timeout: float,
    retries: int,
    retry_feeds_after: float,
    folders: tuple[str, ...],
    actor_files: tuple[str, ...],
    jobs: int,
) -> None:
    """Poll the feeds (see 'talkwatch feeds'), ingest new articles about the negotiation,
    and print the shifts they bring. Ctrl-C stops: the downloads under way end within
    --timeout (what is stored stays), and a second Ctrl-C stops at once.

    Each article is fetched and ingested once, also across restarts; articles the
    relevance gate turns away are recorded as seen and counted. Problems are one
    line each on standard error, and the watch goes on.

    With --folder, the files new or changed in a folder (and its subfolders) are
    ingested too, as 'talkwatch ingest DIR' does, without the relevance gate: what is
    put there is meant to be read.
    """
    problem = address_problem(webhook) if webhook else None
    if problem:
        message = f"'{webhook}' is not a valid web address: {problem}."
        raise click.BadParameter(message, param_hint="--webhook")
    try:
        knowledge = load_knowledge_base([Path(p) for p in actor_files])
    except ActorFileError as err:
        raise click.ClickException(str(err)) from None
    check_model_settings()
    for folder in folders:
        if not Path(folder).is_dir():
            raise click.BadParameter(f"'{folder}': no such folder.", param_hint="--folder")
    fetcher = Fetcher(delay=delay, timeout=timeout, retries=retries)
    # feeds are added with 'feeds add', which makes the database: a mistyped one is refused
    # (a watched folder may start one)
    with open_store(
        db_path, must_exist=not folders, first="add a feed with 'talkwatch feeds add'"
    ) as store:
        if not folders and not store.db.execute("SELECT 1 FROM feeds LIMIT 1").fetchone():
            raise click.ClickException(
                "no feeds to watch; add one with 'talkwatch feeds add URL', or watch a "
                "folder with --folder DIR."
            )
        alerts.start(store.db)
        watcher = Watcher(
            store=store,
            load_analyzer=lambda: load_analyzer(actor_files),
            fetcher=fetcher,
            jobs=jobs,
            actor_files=actor_files,
            retry_base=retry_feeds_after,
            on_problem=lambda message: click.echo(f"error: {message}", err=True),
            gate=Gate.load(knowledge),
        )
        failures: tuple[type[BaseException], ...] = (StoreError, *store.db.errors)
        told: set[str] = set()  # a watched folder's problems, each said once
        previous = signal.signal(signal.SIGINT, _stopping(fetcher, timeout))
        try:
            while True:
                started = time.monotonic()
                report = None
                try:
                    report = watcher.cycle()
                    if report.feeds or report.waiting or not folders:  # no feeds: folders only
                        click.echo(f"[{time.strftime('%H:%M:%S')}] {report.line()}")
                    read = read_folders(store, folders, watcher, jobs, actor_files, told)
                    report.failed_articles += read
                    report.failed_articles += not announce(store, webhook, timeout)
                except failures as err:
                    reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err)
                    click.echo(f"error: {store.path}: the cycle stopped ({reason}).", err=True)
                    if once:
                        sys.exit(1)
                    click.echo("error: the next cycle starts where this one stopped.", err=True)
                if once:  # as ingest does: 1 when anything failed, all else kept
                    failed = report.failed_feeds + report.failed_articles if report else 0
                    sys.exit(1 if failed else 0)
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
        except KeyboardInterrupt:
            click.echo("Stopped; the next watch goes on where this one stopped.", err=True)
            sys.exit(130)  # the shell's code for an interrupt, as an interrupted ingest's
        finally:
            signal.signal(signal.SIGINT, previous)


def read_folders(
    store: Store,
    folders: tuple[str, ...],
    watcher: Watcher,
    jobs: int,
    actor_files: tuple[str, ...],
    told: set[str] | None = None,
) -> int:
    """Ingest what is new or changed in the watched folders (what is stored is skipped
    by its bytes, as 'ingest' skips it), one line each; how many inputs failed. A
    problem already in ``told`` (an unreadable file still there) is not said again."""
    failed = 0
    said = told if told is not None else set()

    def once(kind: str, message: str) -> None:
        if message not in said and not (kind == "warning" and "no files to read" in message):
            said.add(message)  # an inbox is often empty: no warning for that
            click.echo(f"{kind}: {message}", err=True)

    for folder in folders:
        run = IngestRun(
            store=store,
            load_analyzer=watcher.analyzer,  # the watch's, loaded once
            jobs=jobs,
            skip_removed=True,  # a file whose document was removed stays removed
            actor_files=actor_files,
            on_error=lambda message: once("error", message),
            on_warning=lambda message: once("warning", message),
        )
        summary = run.run([folder])
        click.echo(f"[{time.strftime('%H:%M:%S')}] {folder}: {summary.line()}")
        failed += len(summary.failures)
        for doc_id, origin in gone_from(store.db, Path(folder)):
            once(
                "warning",
                f"{origin}: gone from the folder; the text read from it stays stored and "
                f"counts ('talkwatch documents remove {doc_id[:12]}' takes it out).",
            )
    return failed


def _stopping(fetcher: Fetcher, timeout: float) -> Callable[[int, FrameType | None], None]:
    """Ctrl-C: say at once that the watch is stopping, make the downloads under way give
    up at their next step (a request in flight ends within --timeout), and stop; a
    second Ctrl-C stops without waiting for them."""

    def stop(_signal: int, _frame: FrameType | None) -> None:
        if not fetcher.stopping.is_set():
            fetcher.stopping.set()
            click.echo(
                f"Stopping: the downloads under way end within {timeout:g} s "
                "(Ctrl-C again to stop at once).",
                err=True,
            )
        raise KeyboardInterrupt

    return stop


def announce(store: Store, webhook: str | None, timeout: float = alerts.WEBHOOK_TIMEOUT) -> bool:
    """Print the announced shifts withdrawn since, the new first positions, shifts and
    issue statuses, post them, and record them as announced; what is claimed is given
    back if the post fails or is interrupted, whenever that comes. False when the post
    failed (a --once watch exits 1 then)."""
    db = store.db
    firsts: list[alerts.NewPosition] = []
    found: list[Shift] = []
    statuses: list[status_alerts.IssueChange] = []
    withdrawn: list[retractions.Withdrawn] = []

    def give_back() -> None:
        alerts.release_positions(db, firsts)
        alerts.release(db, found)
        status_alerts.release(db, statuses)
        retractions.release(db, withdrawn)

    try:
        # not those another watcher announced; a shift withdrawn before the shifts are
        # read, so that one now reading otherwise is announced again as it reads
        withdrawn = retractions.claim(db, retractions.new_withdrawals(db))
        firsts = alerts.claim_positions(db, alerts.new_positions(db))
        found = alerts.claim(db, alerts.new_shifts(db))
        statuses = status_alerts.claim(db, status_alerts.new_changes(db))
        if not (firsts or found or statuses or withdrawn):
            return True
        for gone in withdrawn:
            click.echo(retractions.describe(gone))
        for position in firsts:
            click.echo(alerts.describe_position(position))
        for shift in found:
            click.echo(alerts.describe(shift))
        for change in statuses:
            click.echo(status_alerts.describe(change))
        if webhook:
            alerts.post_webhook(webhook, found, timeout, firsts, statuses, withdrawn)
    except alerts.AlertError as err:
        give_back()
        click.echo(f"error: {err} They are sent again after the next cycle.", err=True)
        return False
    except BaseException:  # Ctrl-C while posting: the next watch announces them
        give_back()
        raise
    return True
