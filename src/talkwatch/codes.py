"""Party and issue names as users type them, and the codes they stand for.

A party is its code (UKR), or any word of data/nationalities.yaml for it
(Ukraine, Ukrainian, Kyiv) or its name in data/filters.yaml; an issue is its
code, written with spaces or hyphens too, or an alias of data/filters.yaml
(nato is neutrality). The command line and the web pages read filters the same
way through these functions.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from importlib import resources

from .actors.knowledge import fold
from .datafiles import read_mapping
from .records import ISSUES

DATA = resources.files("talkwatch").joinpath("data")


@cache
def party_words() -> dict[str, str]:
    """Folded name or alias -> party code."""
    words: dict[str, str] = {}
    nationalities = read_mapping(DATA.joinpath("nationalities.yaml"), "a mapping of parties")
    for party, names in nationalities.items():
        words[fold(party)] = party
        for name in names or ():
            words.setdefault(fold(str(name)).removesuffix("'s").rstrip("'"), party)
    for party, name in party_names().items():
        words.setdefault(fold(name), party)
    return words


@cache
def party_names() -> dict[str, str]:
    """Party code -> its name ("UKR" -> "Ukraine")."""
    data = read_mapping(DATA.joinpath("filters.yaml"), "a mapping with issues and names")
    return {str(code): str(name) for code, name in (data.get("names") or {}).items()}


@cache
def issue_words() -> dict[str, str]:
    """Folded code or alias -> issue code."""
    data = read_mapping(DATA.joinpath("filters.yaml"), "a mapping with issues and names")
    words = {issue_key(code): code for code in ISSUES}
    for code, aliases in (data.get("issues") or {}).items():
        for alias in aliases or ():
            words.setdefault(issue_key(str(alias)), str(code))
    return words


def issue_key(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", fold(text, drop_article=False))


def party_code(value: str) -> str | None:
    """The party code a name or alias stands for ("Kyiv" -> "UKR"); "none" and "unknown"
    are NONE (no side, or none the text gives); None when it names no party."""
    if value.casefold() in ("none", "unknown"):
        return "NONE"
    return party_words().get(fold(value).removesuffix("'s"))


def issue_code(value: str) -> str | None:
    """The issue code a code or alias stands for ("nato" -> "neutrality"), or None."""
    return issue_words().get(issue_key(value))


def nearest(value: str, kind: str, existing: list[str]) -> str | None:
    """The stored ``kind`` ("party" or "issue") code nearest a value that names none, by
    the codes and the names and aliases that stand for them ("Ukrane" -> UKR,
    "ceasfire" -> ceasefire), or None when none is near."""
    words = party_words() if kind == "party" else issue_words()
    candidates = {fold(v): v for v in existing} | {w: c for w, c in words.items() if c in existing}
    near = difflib.get_close_matches(fold(value), list(candidates), n=1, cutoff=0.7)
    return candidates[near[0]] if near else None


def shown_party(code: str) -> str:
    """A party code with its name, for a suggestion: "UKR (Ukraine)"."""
    name = party_names().get(code)
    return f"{code} ({name})" if name else code
