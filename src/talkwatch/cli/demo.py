"""`talkwatch demo`: ingest the built-in sample corpus and show what it found."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..database import public_location
from ..records import Statement
from ..runner import IngestRun
from .group import cli
from .ingest import load_analyzer
from .options import DEMO_DB, check_model_settings, open_store


def corpus_path() -> Path:
    """The sample corpus shipped inside the package."""
    return Path(str(resources.files("talkwatch").joinpath("data/corpus")))


@cli.command(short_help="Run on the built-in sample corpus and print a report.")
@click.option(
    "--db",
    "db_path",
    default=DEMO_DB,
    show_default=True,
    metavar="FILE",
    help="Where to store the demo's results.",
)
@click.option("--examples", default=6, show_default=True, help="How many statements to show.")
def demo(db_path: str, examples: int) -> None:
    """Run talkwatch on its built-in sample corpus and print a report."""
    check_model_settings()
    console = Console()
    console.print(f"[bold]talkwatch demo[/bold]: the sample corpus in {corpus_path()}")
    where = public_location(db_path)
    with open_store(db_path) as store:
        run = IngestRun(
            store=store,
            load_analyzer=lambda: load_analyzer(()),
            on_error=lambda m: console.print(f"[red]error:[/red] {m}"),
        )
        summary = run.run([str(corpus_path())])
        found = store.statements()
        documents = store.counts()["documents"]
    console.print(summary.line())
    console.print(f"{documents} documents and {len(found)} statements stored in {where}.\n")
    _top(console, "Top speakers", Counter(st.speaker for st in found if st.speaker), found)
    _top(console, "Parties", Counter(st.party or "unknown" for st in found), found)
    _examples(console, found, examples)
    console.print(
        "\nExplore:\n"
        f"  talkwatch statements --db {where} --speaker Peskov\n"
        f"  talkwatch positions --db {where}\n"
        f"  talkwatch serve --db {where}\n"
        f"  talkwatch export --db {where} --format csv -o statements.csv"
    )


def _top(console: Console, title: str, counts: Counter[str], found: list[Statement]) -> None:
    table = Table(title=title, title_justify="left")
    table.add_column("name")
    table.add_column("statements", justify="right")
    for name, n in counts.most_common(8):
        table.add_row(name, str(n))
    console.print(table)


def _examples(console: Console, found: list[Statement], n: int) -> None:
    """A few statements with a demand, offer or rejection, each with its sentence: words
    in quotation marks first, whose speaker the text names beside them."""
    taking = [st for st in found if st.stance not in ("assess", "")] or found
    quoted = [st for st in taking if st.kind in ("direct", "mixed")]
    interesting = quoted if len(quoted) >= n else taking
    step = max(1, len(interesting) // max(1, n))
    console.print("[bold]Example statements[/bold]")
    for st in interesting[::step][:n]:
        issues = f"on {', '.join(st.issues)}" if st.issues else "(no negotiation issue)"
        console.print(
            f"\n[cyan]{st.speaker or '?'}[/cyan] ({st.party or '?'}) {st.stance} {issues}"
            f" [dim]{st.date or ''} {st.doc}[/dim]"
        )
        console.print(f"  “{st.quote}”")
        console.print(f"  [dim]sentence: {st.sentence}[/dim]")
