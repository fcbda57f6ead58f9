"""Options and helpers shared by several commands."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any, TypeVar
from urllib.parse import urlsplit

import click

from ..database import check_location, damage, is_server_url, unwritable
from ..dates import why_not_a_date
from ..store import Store, StoreError

DEMO_DB = "talkwatch-demo.db"  # where `talkwatch demo` keeps its own database

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "talkwatch.db"


MODEL_SETTINGS = (
    "TALKWATCH_ATTRIBUTION",
    "TALKWATCH_CUE_MODEL",
    "TALKWATCH_STANCE",
    "TALKWATCH_STANCE_MODEL",
)


def check_model_settings() -> None:
    """A bad TALKWATCH_ATTRIBUTION, TALKWATCH_CUE_MODEL or TALKWATCH_STANCE(_MODEL) stops
    the command with a sentence before anything is read or stored.

    With none of them set the shipped models are used and nothing is loaded here: the
    attribution package loads spaCy, which a run with nothing new to analyse never needs.
    """
    if not any(os.environ.get(name) for name in MODEL_SETTINGS):
        return
    from ..attribution import mode_from_environment
    from ..attribution.learned import default_cue_model
    from ..stance_model import default_stance_model

    try:
        if mode_from_environment() != "rules":
            default_cue_model()
        default_stance_model()
    except ValueError as err:  # CueModelError and StanceModelError are ValueErrors too
        raise click.ClickException(str(err)) from None


def db_option(function: F) -> F:
    """--db FILE, defaulting to $TALKWATCH_DB or talkwatch.db in this folder."""
    return click.option(
        "--db",
        "db_path",
        envvar="TALKWATCH_DB",
        default=DEFAULT_DB,
        show_default=True,
        metavar="FILE|URL",
        help="Database file, or a postgresql:// URL for a database server (or set TALKWATCH_DB).",
    )(function)


# --format table|json, for the commands that print a table or its data.
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"], case_sensitive=False),
    default="table",
    show_default=True,
    help="Output format.",
)


def actors_option(function: F) -> F:
    """--actors FILE (repeatable): YAML files of actors added to the shipped knowledge base."""
    return click.option(
        "--actors",
        "actor_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="A YAML file of actors that extends the shipped knowledge base.",
    )(function)


def date_range_options(function: F) -> F:
    """--since and --until, each a date checked as YYYY-MM-DD."""
    since = click.option("--since", callback=_in_order, help="From this date (YYYY-MM-DD).")
    until = click.option("--until", callback=_in_order, help="To this date (YYYY-MM-DD).")
    return since(until(function))


def _in_order(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A --since or --until date, checked against the other one whichever came first."""
    day = iso_date(value)
    other = ctx.params.get("until" if param.name == "since" else "since")
    since, until = (day, other) if param.name == "since" else (other, day)
    if since and until and since > until:
        raise click.BadParameter(
            f"--since {since} is after --until {until}: no date lies between them."
        )
    return day


def given(
    ctx: click.Context, param: click.Parameter, value: str | tuple[str, ...] | None
) -> str | None:
    """A filter or name that, when given, says something: "" would match everything.

    A filter option is declared ``multiple`` so that giving it twice ("--doc a --doc b")
    is refused, not read as its last value alone: each filter takes one value."""
    if isinstance(value, tuple):
        if len(set(value)) > 1:
            given_values = ", ".join(repr(v) for v in value)
            raise click.BadParameter(f"given {len(value)} times ({given_values}); give it once.")
        value = value[0] if value else None
    if value is not None and not value.strip():
        optional = isinstance(param, click.Option)
        raise click.BadParameter("empty; give a value or leave it out." if optional else "empty.")
    return value


EARLIEST_REPORT = date(1900, 1, 1)


def publication_date(value: str | None) -> str | None:
    """A document's date given on the command line: a date, and one a news report can
    have (not "0001-01-01", nor a day still to come)."""
    day = iso_date(value)
    if day is None:
        return None
    latest = date.today() + timedelta(days=2)  # a report from a time zone ahead
    if not EARLIEST_REPORT <= date.fromisoformat(day) <= latest:
        raise click.BadParameter(
            f"'{day}' is no date a report was published on; give one from "
            f"{EARLIEST_REPORT.year} to today."
        )
    return day


def iso_date(value: str | None) -> str | None:
    """Check a date given on the command line (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date: {why_not_a_date(value)}") from None


INGEST_FIRST = "run 'talkwatch ingest' first"


@contextmanager
def open_store(path: str, must_exist: bool = False, first: str = INGEST_FIRST) -> Iterator[Store]:
    """Open the store, turning its errors into one-line messages for users; ``first``
    says what makes a database that ``must_exist``."""
    from pathlib import Path

    try:
        check_location(path)
    except StoreError as err:
        raise click.ClickException(str(err)) from None
    if must_exist and not is_server_url(path) and not Path(path).exists():
        demo = Path(path).with_name(DEMO_DB)
        if demo.exists() and first == INGEST_FIRST:
            # right after the quick start: the demo keeps its own database (with no feeds)
            raise click.ClickException(
                f"{path}: no such database; the demo's is {DEMO_DB} "
                f"(add --db {DEMO_DB}), or {first}."
            )
        raise click.ClickException(f"{path}: no such database; {first}.")
    try:
        store = Store.open(path, create=not must_exist)
    except StoreError as err:
        raise click.ClickException(str(err)) from None
    try:
        yield store
    except store.db.errors as err:
        sentence = damage(store.path, err) or unwritable(store.path, err)
        if sentence is None:
            raise
        raise click.ClickException(sentence) from None
    finally:
        store.close()


def shown_date(value: str | None, earlier: str = "") -> str:
    """A date for a table or a line: never None; "before 2025-03-14" for a position the
    text recalls from before its own date (``Statement.earlier``)."""
    if earlier and value:
        return f"before {value}"
    return value or "undated"


def shown_doc(doc: str, section: str, revised: bool = False) -> str:
    """A statement's document for a table, marked when a reader's comment below the
    article said it, or "revised" when a later version of the article counts instead of
    it (no evidence of a side's position either way). A web address shows the last part
    of its path first ("peskov-truce.html · example.org"): a narrow column cut after the
    host would hide what tells two articles of one site apart."""
    shown = _address(doc) if doc.startswith(("http://", "https://")) else doc
    shown += " · revised" if revised else ""
    return f"{shown} · reader comment" if section == "comments" else shown


def _address(url: str) -> str:
    """ "peskov-truce.html · example.org"; with the query ("article.php?id=2") and, for a
    short last part ("…/peace-talks/amp"), the part before it too."""
    parts = urlsplit(url)
    path = [p for p in parts.path.split("/") if p]
    last = "/".join(path[-2:] if path and len(path[-1]) <= 4 else path[-1:])
    last += f"?{parts.query}" if parts.query else ""
    return f"{last} · {parts.netloc}" if last else parts.netloc


def shortened(text: str, limit: int = 160) -> str:
    """At most ``limit`` characters, cut at a word with an ellipsis, so a reader sees
    that the quote goes on."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def side_options(func: F) -> F:
    """--party and --issue: one side's, or one issue's, only."""
    party = click.option(
        "--party",
        callback=given,
        multiple=True,
        help="Only this party: a code (RUS) or a name (Russia).",
    )
    issue = click.option(
        "--issue", callback=given, multiple=True, help="Only this issue: a code or an alias (nato)."
    )
    return party(issue(func))
