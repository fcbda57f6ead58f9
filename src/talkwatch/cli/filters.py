"""--party, --issue and --speaker for every command: codes, names and aliases, or a clear error.

A party is its code (UKR), or any word of data/nationalities.yaml for it
(Ukraine, Ukrainian, Kyiv); an issue is its code, written with spaces or
hyphens too, or an alias of data/filters.yaml (nato is neutrality). A value
that is none of these is a usage error listing the values the database has,
and the nearest one; a party that has no statements gets a note saying so. A
--speaker that matches no statement gets a note naming the nearest speaker.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from importlib import resources

import click

from ..actors.knowledge import fold
from ..datafiles import read_mapping
from ..records import ISSUES
from ..store import Store

DATA = resources.files("talkwatch").joinpath("data")


@cache
def _party_words() -> dict[str, str]:
    """Folded name or alias -> party code."""
    words: dict[str, str] = {}
    nationalities = read_mapping(DATA.joinpath("nationalities.yaml"), "a mapping of parties")
    for party, names in nationalities.items():
        words[fold(party)] = party
        for name in names or ():
            words.setdefault(fold(str(name)).removesuffix("'s").rstrip("'"), party)
    for party, name in _names().items():
        words.setdefault(fold(name), party)
    return words


@cache
def _names() -> dict[str, str]:
    data = read_mapping(DATA.joinpath("filters.yaml"), "a mapping with issues and names")
    return {str(code): str(name) for code, name in (data.get("names") or {}).items()}


@cache
def _issue_words() -> dict[str, str]:
    """Folded code or alias -> issue code."""
    data = read_mapping(DATA.joinpath("filters.yaml"), "a mapping with issues and names")
    words = {_issue_key(code): code for code in ISSUES}
    for code, aliases in (data.get("issues") or {}).items():
        for alias in aliases or ():
            words.setdefault(_issue_key(str(alias)), str(code))
    return words


def _issue_key(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", fold(text, drop_article=False))


def party_filter(store: Store, value: str | None) -> str | None:
    """The party code ``value`` names; a usage error when it names none."""
    if not value:
        return None
    existing = _existing(store, "SELECT DISTINCT party FROM statements WHERE party != ''")
    code = next((p for p in existing if p.casefold() == value.casefold()), None)
    code = code or _party_words().get(fold(value).removesuffix("'s"))
    if code is None:
        named = {p: f"{p} ({_names()[p]})" if p in _names() else p for p in existing}
        raise _unknown("--party", value, "party", "parties", existing, named)
    if code not in existing:
        click.echo(
            f"No statements for party {code}; the parties with statements are {_listed(existing)}.",
            err=True,
        )
    return code


def issue_filter(store: Store, value: str | None) -> str | None:
    """The issue code ``value`` names; a usage error when it names none."""
    if not value:
        return None
    code = _issue_words().get(_issue_key(value))
    if code is None:
        existing = _existing(store, "SELECT DISTINCT issue FROM statement_issues")
        raise _unknown("--issue", value, "issue", "issues", existing, {i: i for i in existing})
    return code


def speaker_note(store: Store, value: str | None, found: int) -> None:
    """When --speaker matched nothing, say so, and name the nearest stored speaker."""
    if not value or found:
        return
    speakers = _existing(store, "SELECT DISTINCT speaker FROM statements WHERE speaker != ''")
    by_word = {w: s for s in speakers for w in fold(s).split() if len(w) > 2}
    words = fold(value).split()
    near = difflib.get_close_matches(words[-1], list(by_word), n=1, cutoff=0.7) if words else []
    hint = f" Did you mean {by_word[near[0]]}?" if near else ""
    click.echo(f"No statements for speaker '{value}'.{hint}", err=True)


def _existing(store: Store, sql: str) -> list[str]:
    return sorted(str(value) for (value,) in store.db.execute(sql))


def _listed(values: list[str]) -> str:
    return ", ".join(values) if values else "none yet"


def _unknown(
    option: str, value: str, kind: str, kinds: str, existing: list[str], shown: dict[str, str]
) -> click.BadParameter:
    """No such value: the values there are, and the nearest of them if one is near."""
    message = (
        f"{option} '{value}': no such {kind}; the {kinds} with statements are {_listed(existing)}."
    )
    words = _party_words() if kind == "party" else _issue_words()
    candidates = {fold(v): v for v in existing} | {w: c for w, c in words.items() if c in existing}
    near = difflib.get_close_matches(fold(value), list(candidates), n=1, cutoff=0.7)
    if near:
        message += f" Did you mean {shown.get(candidates[near[0]], candidates[near[0]])}?"
    return click.BadParameter(message)
