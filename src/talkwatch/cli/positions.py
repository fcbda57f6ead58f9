"""`talkwatch positions | timeline | shifts | issues`: the negotiation at a glance."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..analysis import Evidence
from ..documents import undated
from ..records import shown_speaker
from ..revisions import superseded
from ..standing import (
    Standing,
    evidence,
    issue_standings,
    on_issue,
    standings,
    stored_shifts,
)
from .filters import issue_filter, party_filter, speaker_filter, speaker_note
from .group import cli
from .options import (
    F,
    date_range_options,
    db_option,
    format_option,
    given,
    open_store,
    shortened,
    shown_date,
    shown_doc,
    side_options,
)
from .rows import print_statements

STANCE_STYLE = {
    "demand": "bold red",
    "reject": "red",
    "deny": "magenta",
    "conditional": "yellow",
    "offer": "green",
    "accept": "bold green",
    "assess": "dim",
}


def limit_option(default: int) -> Callable[[F], F]:
    return click.option(
        "--limit",
        type=click.IntRange(min=1),
        default=default,
        show_default=True,
        help="Show at most this many, latest.",
    )


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _standing_json(p: Standing, evidence: dict[int, Evidence]) -> dict[str, Any]:
    current = evidence.get(p.statement_id)  # the last of the support
    return {
        "party": p.party,
        "issue": p.issue,
        "stance": p.stance,
        "date": p.date,
        # the current stance rests on statements recalled from before their texts
        "earlier": current.earlier if current else "",
        "sourcing": p.sourcing,
        "documents": p.documents,
        "statements": p.statements,
        # each as evidence on the issue: a condition's issue is a demand (standing.on_issue)
        "evidence": [asdict(on_issue(evidence[i], p.stance)) for i in p.support if i in evidence],
    }


@cli.command("positions", short_help="Party x issue matrix: current stance and its evidence.")
@db_option
@side_options
@format_option
def positions_command(db_path: str, party: str | None, issue: str | None, fmt: str) -> None:
    """Party x issue matrix: each cell the current stance and its date."""
    with open_store(db_path, must_exist=True) as store:
        party, issue = party_filter(store, party), issue_filter(store, issue)
        found = [
            p
            for p in standings(store.db)
            if (party is None or p.party == party) and (issue is None or p.issue == issue)
        ]
        # JSON shows each stance's support (its last is the current statement); the table
        # only the current statements, to mark those recalled from before their texts
        wanted = [i for p in found for i in p.support] if fmt == "json" else []
        support = evidence(store.db, wanted or [p.statement_id for p in found])
        apart = undated(store.db, party, issue)
    if fmt == "json":
        _emit_json([_standing_json(p, support) for p in found])
        return
    # a stance that rests on statements recalled from before their texts ("had demanded")
    recalled = {i: e.earlier for i, e in support.items() if e.earlier}
    if not found:
        filtered = NO_SIDE if party == "NONE" else f"No positions {_of(party, issue)}."
        click.echo(
            filtered
            if party or issue
            else "No positions yet: no dated statement of a negotiating side takes a stance."
        )
        if apart.statements:
            click.echo(apart.note())
        return
    parties = sorted({p.party for p in found})
    issues = sorted({p.issue for p in found})
    cells = {(p.party, p.issue): p for p in found}
    console = Console()
    # One line a row: the date beside the stance when the terminal is wide enough for it.
    widest = {party: max(len(p.stance) + ("anonymous" in p.sourcing) + 11
                         + 7 * (p.statement_id in recalled) for p in found
                         if p.party == party) for party in parties}  # fmt: skip
    issue_width = max(map(len, ["issue", *issues])) + 4
    dated = console.width >= sum(w + 3 for w in widest.values()) + issue_width
    if not dated:  # a stance alone, and never a column narrower than its party's name
        widest = {party: max(len(party), w - 11) for party, w in widest.items()}
    groups = _fitting(parties, widest, console.width - issue_width)
    for number, group in enumerate(groups, 1):
        title = "stance, date" if dated else "stance; --format json or a wider terminal for dates"
        part = f" {number}/{len(groups)}" if len(groups) > 1 else ""
        table = Table(title=f"Current positions{part} ({title}; * = anonymous sourcing only)")
        table.add_column("issue", no_wrap=True)
        for party in group:
            table.add_column(party, no_wrap=True, min_width=widest[party])
        for issue in issues:
            row = [issue]
            for party in group:
                p = cells.get((party, issue))
                if p is None:
                    row.append("")
                    continue
                mark = "*" if "anonymous" in p.sourcing else ""
                style = STANCE_STYLE.get(p.stance, "")
                when = f" {shown_date(p.date, recalled.get(p.statement_id, ''))}" if dated else ""
                row.append(f"[{style}]{p.stance}{mark}[/{style}]{when}")
            table.add_row(*row)
        console.print(table)
    if apart.statements:
        click.echo(apart.note())
    if any(widest[party] + 3 > console.width - issue_width for party in parties):
        click.echo(
            f"(Cells are cut at {console.width} columns: widen the terminal, set COLUMNS, "
            "or use --format json.)"
        )
    elif len(groups) > 1:
        click.echo(
            f"(The parties are shown in {len(groups)} tables to fit {console.width} columns; "
            "--format json has them all.)"
        )


NO_SIDE = "Speakers of no side (NONE) take no positions, so they make no shifts."


def _of(party: str | None, issue: str | None) -> str:
    """ "of UKR on neutrality", "of UKR", "on neutrality"."""
    return " ".join(f"{word} {value}" for word, value in (("of", party), ("on", issue)) if value)


def _fitting(parties: list[str], width: dict[str, int], room: int) -> list[list[str]]:
    """The parties in groups whose columns fit ``room`` characters, in order."""
    groups: list[list[str]] = [[]]
    used = 0
    for party in parties:
        need = width[party] + 3
        if groups[-1] and used + need > room:
            groups.append([])
            used = 0
        groups[-1].append(party)
        used += need
    return groups


@cli.command("timeline")
@db_option
@side_options
@click.option("--speaker", callback=given, multiple=True, help="Only this speaker.")
@date_range_options
@limit_option(500)
@format_option
def timeline_command(
    db_path: str,
    party: str | None,
    issue: str | None,
    speaker: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    fmt: str,
) -> None:
    """Dated statements over time, oldest first."""
    with open_store(db_path, must_exist=True) as store:
        party, issue = party_filter(store, party), issue_filter(store, issue)
        speaker = speaker_filter(speaker)
        found = store.timeline(party, issue, speaker, since, until, limit)
        speaker_note(store, speaker, len(found))
        apart = undated(store.db, party, issue)
        later = superseded(store.db)
    if fmt == "json":
        _emit_json(
            [
                {
                    "id": st.id,
                    "date": st.date,
                    "party": st.party or "NONE",  # as the export writes it
                    "speaker": st.speaker,
                    "stance": st.stance,
                    "issues": list(st.issues),
                    "quote": st.quote,
                    "doc": st.doc,
                    "section": st.section,
                    "earlier": st.earlier,
                    "superseded_by": later.get(st.doc_id, ""),
                }
                for st in found
            ]
        )
        return
    rows = [
        (
            shown_date(st.date, st.earlier),
            shown_speaker(st.speaker, st.speaker_mention, st.source),
            st.party or "unknown",
            st.stance,
            ", ".join(st.issues),
            shortened(st.quote, 200),
            shown_doc(st.doc, st.section, st.doc_id in later),
        )
        for st in found
    ]
    if found:
        print_statements(Console(), rows)
    else:
        click.echo("No dated statements match.")
    if apart.statements:
        click.echo(apart.note())


@cli.command("shifts", short_help="Changes of stance by one side on one issue.")
@db_option
@side_options
@date_range_options
@limit_option(100)
@format_option
def shifts_command(
    db_path: str,
    party: str | None,
    issue: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    fmt: str,
) -> None:
    """Changes of stance by one side on one issue; quick reversals are walk-backs.
    --since and --until keep the shifts whose later statement falls between them."""
    with open_store(db_path, must_exist=True) as store:
        party, issue = party_filter(store, party), issue_filter(store, issue)
        found = stored_shifts(store.db, limit, party, issue, since, until)
        apart = undated(store.db, party, issue)
    if fmt == "json":
        _emit_json(
            [
                {
                    "party": s.party,
                    "issue": s.issue,
                    "walk_back": s.walk_back,
                    "concession": s.concession,
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
        conceded = " \\[concession]" if s.concession else ""  # not markup
        console.print(
            f"{label} {s.party} on {s.issue}: {s.before.stance} ({shown_date(s.before.date)}) "
            f"-> {s.after.stance} ({shown_date(s.after.date)}){conceded}"
        )
        # a grid keeps a wrapped quote under itself, not under the label; Text keeps a
        # quote's "[brackets]" from being read as markup
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for label, ev in (("before:", s.before), ("after:", s.after)):
            who = shown_speaker(ev.speaker, ev.speaker_mention, ev.source)
            grid.add_row(f"  {label}", Text(f"{who}: “{shortened(ev.quote)}”"))
        console.print(grid)
    if not found and party == "NONE":
        click.echo(NO_SIDE)
    elif not found and (since or until):
        between = [f"{word} {day}" for word, day in (("from", since), ("to", until)) if day]
        click.echo(" ".join(["No shifts", _of(party, issue), *between]).replace("  ", " ") + ".")
    elif not found and (party or issue):
        click.echo(NO_SIDE if party == "NONE" else f"No shifts {_of(party, issue)}.")
    elif not found:
        click.echo("No shifts: no side has changed its stance on an issue in dated statements.")
    if apart.statements:
        click.echo(apart.note())


@cli.command("issues", short_help="Each issue's status: converging, contested or open.")
@db_option
@format_option
def issues_command(db_path: str, fmt: str) -> None:
    """Every issue's status: converging, contested or open, with evidence counts.

    Open: fewer than two sides took a position. Contested: two sides' current
    stances clash (a refusal against a demand, offer, acceptance or condition; a
    denial against a demand; two demands). Converging: none clash and two fit
    together, counting a condition set on what another side demands as a fit (a
    conditional acceptance of it).
    """
    with open_store(db_path, must_exist=True) as store:
        statuses = issue_standings(store.db)
        apart = undated(store.db)
        wanted = [i for s in statuses for p in s.positions for i in p.support]
        support = evidence(store.db, wanted) if fmt == "json" else {}
    if fmt == "json":
        _emit_json(
            [
                {
                    "issue": s.issue,
                    "status": s.status,
                    "statements": s.statements,
                    "positions": [_standing_json(p, support) for p in s.positions],
                }
                for s in statuses
            ]
        )
        return
    if not statuses:
        click.echo("No issues yet: no dated statement of a negotiating side names one.")
        if apart.statements:
            click.echo(apart.note())
        return
    table = Table(title="Issues")
    for column in ("issue", "status", "statements", "positions"):
        table.add_column(column)
    colour = {"converging": "green", "contested": "red", "open": "yellow"}
    for s in statuses:
        sides = ", ".join(f"{p.party} {p.stance}" for p in s.positions)
        table.add_row(
            s.issue,
            f"[{colour[s.status]}]{s.status}[/{colour[s.status]}]",
            str(s.statements),
            sides,
        )
    Console().print(table)
    if apart.statements:
        click.echo(apart.note())
