"""--party, --issue and --speaker for every command: codes, names and aliases, or a clear error.

Parties and issues are read as `talkwatch.codes` reads them (codes, names,
aliases: UKR, Ukraine, Kyiv; neutrality, nato), as the web pages do. A value
that is none of these is a usage error listing the values the database has,
and the nearest one; a party that has no statements gets a note saying so. A
--speaker is a name, an alias the knowledge base knows, or any part of a name; one
that matches no statement gets a note naming the nearest speaker.
"""

from __future__ import annotations

import difflib

import click

from ..actors.knowledge import canonical_speaker, fold
from ..codes import issue_code, nearest, party_code, shown_party
from ..conditions import names_a_document
from ..store import Store


def party_filter(store: Store, value: str | None) -> str | None:
    """The party code ``value`` names; a usage error when it names none."""
    if not value:
        return None
    # no side, or none the text gives, is "NONE" as --party takes it and the API lists it
    existing = _existing(
        store, "SELECT DISTINCT CASE WHEN party = '' THEN 'NONE' ELSE party END FROM statements"
    )
    code = next((p for p in existing if p.casefold() == value.casefold()), None)
    code = code or party_code(value)
    if code == "NONE":  # no side, or none the text gives
        return code
    if code is None:
        named = {p: shown_party(p) for p in existing}
        raise _unknown("--party", value, "party", "parties", existing, named)
    if code not in existing:
        listed = _with_statements("parties", existing)
        click.echo(f"No statements for party {code}; {listed}.", err=True)
    return code


def issue_filter(store: Store, value: str | None) -> str | None:
    """The issue code ``value`` names; a usage error when it names none."""
    if not value:
        return None
    code = issue_code(value)
    if code is None:
        existing = _existing(store, "SELECT DISTINCT issue FROM statement_issues")
        raise _unknown("--issue", value, "issue", "issues", existing, {i: i for i in existing})
    return code


def speaker_filter(value: str | None) -> str | None:
    """The canonical name of a speaker the knowledge base knows by this name or alias
    ("Zelenskyy" is Volodymyr Zelensky); the value as given otherwise."""
    return canonical_speaker(value) if value else value


def speaker_note(store: Store, value: str | None, found: int) -> None:
    """When --speaker matched nothing, say so, and name the nearest stored speaker."""
    if not value or found:
        return
    speakers = _existing(store, "SELECT DISTINCT speaker FROM statements WHERE speaker != ''")
    if any(fold(value) in fold(s) for s in speakers):  # the other filters left none of theirs
        click.echo(f"No statements of {value} match the other filters.", err=True)
        return
    by_word = {w: s for s in speakers for w in fold(s).split() if len(w) > 2}
    words = fold(value).split()
    near = difflib.get_close_matches(words[-1], list(by_word), n=1, cutoff=0.7) if words else []
    hint = f" Did you mean {by_word[near[0]]}?" if near else ""
    click.echo(f"No statements for speaker '{value}'.{hint}", err=True)


def doc_filter(store: Store, value: str | None) -> str | None:
    """``--doc`` as given, once a stored document answers to it (a file name, path, URL
    or id, or their start); a usage error naming the nearest stored one otherwise."""
    if not value:
        return value
    if names_a_document(store.db, value):
        return value
    names = _existing(store, "SELECT name FROM documents")
    # names that hold the words given ("kremlin-call" in "2025-05-20_kremlin-call.txt" and
    # its "_updated" copy), else the nearest
    holding = [n for n in names if value.casefold() in n.casefold()]  # sorted, as names are
    near = holding[:3] or difflib.get_close_matches(value, names, n=3, cutoff=0.5)
    more = f" (or {len(holding) - 3} more)" if len(holding) > 3 else ""
    hint = f" Did you mean {' or '.join(dict.fromkeys(near))}{more}?" if near else ""
    if len(set(near)) < len(near):  # one name, two documents: their ids tell them apart
        hint += (
            " Several documents have that name: give the start of one's id ('talkwatch documents')."
        )
    raise click.BadParameter(
        f"no stored document is named '{value}' (a file name, URL or id, or their start).{hint}",
        param_hint="'--doc'",
    )


def _existing(store: Store, sql: str) -> list[str]:
    return sorted(str(value) for (value,) in store.db.execute(sql))


def _with_statements(kinds: str, values: list[str]) -> str:
    """ "the parties with statements are RUS, UKR", or that no statement is stored yet."""
    if not values:
        return "no statement is stored yet"
    return f"the {kinds} with statements are {', '.join(values)}"


def _unknown(
    option: str, value: str, kind: str, kinds: str, existing: list[str], shown: dict[str, str]
) -> click.BadParameter:
    """No such value: the values there are, and the nearest of them if one is near."""
    message = f"{option} '{value}': no such {kind}; {_with_statements(kinds, existing)}."
    near = nearest(value, kind, existing)
    if near:
        message += f" Did you mean {shown.get(near, near)}?"
    return click.BadParameter(message)
