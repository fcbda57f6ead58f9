"""`talkwatch positions | timeline | shifts | issues`: the negotiation at a glance."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from ..analysis import Position, issue_statuses, positions, shifts
from ..records import Statement
from . import cli
from .options import db_option, open_store

STANCE_STYLE = {
    "demand": "bold red",
    "reject": "red",
    "deny": "magenta",
    "conditional": "yellow",
    "offer": "green",
    "accept": "bold green",
    "assess": "dim",
}
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)


def _stored(db_path: str) -> list[Statement]:
    with open_store(db_path, must_exist=True) as store:
        return store.statements()


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _position_json(p: Position) -> dict[str, Any]:
    return {
        "party": p.party,
        "issue": p.issue,
        "stance": p.current.stance,
        "date": p.current.date,
        "sourcing": p.sourcing,
        "documents": len({e.doc_id for e in p.support}),
        "evidence": [asdict(e) for e in p.support],
    }


@cli.command("positions")
@db_option
@format_option
def positions_command(db_path: str, fmt: str) -> None:
    """Party x issue matrix: each cell the current stance and its date."""
    found = positions(_stored(db_path))
    if fmt == "json":
        _emit_json([_position_json(p) for p in found])
        return
    parties = sorted({p.party for p in found})
    issues = sorted({p.issue for p in found})
    cells = {(p.party, p.issue): p for p in found}
    table = Table(title="Current positions (stance, date; * = anonymous sourcing only)")
    table.add_column("issue")
    for party in parties:
        table.add_column(party)
    for issue in issues:
        row = [issue]
        for party in parties:
            p = cells.get((party, issue))
            if p is None:
                row.append("")
                continue
            mark = "*" if "anonymous" in p.sourcing else ""
            style = STANCE_STYLE.get(p.current.stance, "")
            row.append(f"[{style}]{p.current.stance}{mark}[/{style}]\n{p.current.date or ''}")
        table.add_row(*row)
    Console().print(table)
    if not found:
        click.echo("No positions yet: no statement of a negotiating side takes a stance.")


@cli.command("timeline")
@db_option
@click.option("--party", help="Only this party code.")
@click.option("--issue", help="Only this issue code.")
@format_option
def timeline_command(db_path: str, party: str | None, issue: str | None, fmt: str) -> None:
    """Statements over time, oldest first."""
    found = [
        st
        for st in _stored(db_path)
        if (party is None or st.party.lower() == party.lower())
        and (issue is None or issue in st.issues)
    ]
    found.sort(key=lambda st: (st.date or "", st.doc_id, st.quote_spans[0].start))
    if fmt == "json":
        _emit_json(
            [
                {
                    "id": st.id,
                    "date": st.date,
                    "party": st.party,
                    "speaker": st.speaker,
                    "stance": st.stance,
                    "issues": list(st.issues),
                    "quote": st.quote,
                    "doc": st.doc,
                }
                for st in found
            ]
        )
        return
    table = Table(expand=True)
    for column in ("date", "party", "speaker", "stance", "issues", "quote"):
        table.add_column(column, overflow="fold", ratio=4 if column == "quote" else 1)
    for st in found:
        style = STANCE_STYLE.get(st.stance, "")
        table.add_row(
            st.date or "?",
            st.party,
            st.speaker,
            f"[{style}]{st.stance}[/{style}]",
            ", ".join(st.issues),
            st.quote[:200],
        )
    Console().print(table)


@cli.command("shifts")
@db_option
@format_option
def shifts_command(db_path: str, fmt: str) -> None:
    """Changes of stance by one side on one issue; quick reversals are walk-backs."""
    found = shifts(positions(_stored(db_path)))
    if fmt == "json":
        _emit_json(
            [
                {
                    "party": s.party,
                    "issue": s.issue,
                    "walk_back": s.walk_back,
                    "before": asdict(s.before),
                    "after": asdict(s.after),
                }
                for s in found
            ]
        )
        return
    console = Console()
    for s in found:
        label = "[bold magenta]walk-back[/bold magenta]" if s.walk_back else "shift"
        console.print(
            f"{label} {s.party} on {s.issue}: {s.before.stance} ({s.before.date}) "
            f"-> {s.after.stance} ({s.after.date})"
        )
        console.print(f"  before: {s.before.speaker}: “{s.before.quote[:160]}”")
        console.print(f"  after:  {s.after.speaker}: “{s.after.quote[:160]}”")
    if not found:
        console.print("No shifts: no side has changed its stance on an issue.")


@cli.command("issues")
@db_option
@format_option
def issues_command(db_path: str, fmt: str) -> None:
    """Every issue's status: converging, contested or open, with evidence counts."""
    stored = _stored(db_path)
    statuses = issue_statuses(positions(stored), stored)
    if fmt == "json":
        _emit_json(
            [
                {
                    "issue": s.issue,
                    "status": s.status,
                    "statements": s.statements,
                    "positions": [_position_json(p) for p in s.positions],
                }
                for s in statuses
            ]
        )
        return
    table = Table(title="Issues")
    for column in ("issue", "status", "statements", "positions"):
        table.add_column(column)
    colour = {"converging": "green", "contested": "red", "open": "yellow"}
    for s in statuses:
        sides = ", ".join(f"{p.party} {p.current.stance}" for p in s.positions)
        table.add_row(
            s.issue,
            f"[{colour[s.status]}]{s.status}[/{colour[s.status]}]",
            str(s.statements),
            sides,
        )
    Console().print(table)
