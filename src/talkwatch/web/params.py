"""Query parameters shared by pages and API, checked with clear messages.

Empty values (as an HTML form sends for a blank field) mean "no filter".
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from ..records import ISSUES, STANCES
from .queries import Filters

Text = Annotated[str | None, Query(max_length=200)]


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def check_date(name: str, value: str | None, problems: list[str]) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        problems.append(f"{name}: '{value}' is not a date; write it as YYYY-MM-DD.")
        return None


def check_issue(value: str | None, problems: list[str]) -> str | None:
    value = _blank(value)
    if value is not None and value not in ISSUES:
        problems.append(f"issue: '{value}' is not an issue; use one of {', '.join(ISSUES)}.")
    return value


def check_party(value: str | None, problems: list[str]) -> str | None:
    value = _blank(value)
    if value is not None and not (value.isascii() and value.isalpha() and len(value) <= 8):
        problems.append(f"party: '{value}' is not a party code (letters, e.g. UKR, RUS, EU).")
    return value.upper() if value else None


def filters(
    party: Annotated[str | None, Query(max_length=20, description="Party code, e.g. UKR")] = None,
    issue: Annotated[str | None, Query(max_length=40, description="Issue code")] = None,
    speaker: Annotated[str | None, Query(max_length=200, description="Part of a name")] = None,
    stance: Annotated[str | None, Query(max_length=20, description="One stance")] = None,
    doc: Annotated[str | None, Query(max_length=64, description="Document id")] = None,
    since: Annotated[str | None, Query(max_length=20, description="YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(max_length=20, description="YYYY-MM-DD")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in quote, speaker, title")
    ] = None,
) -> Filters:
    problems: list[str] = []
    found = Filters(
        party=check_party(party, problems),
        issue=check_issue(issue, problems),
        speaker=_blank(speaker),
        stance=_blank(stance),
        doc=_blank(doc),
        since=check_date("since", since, problems),
        until=check_date("until", until, problems),
        q=_blank(q),
    )
    if found.stance is not None and found.stance not in STANCES:
        problems.append(
            f"stance: '{found.stance}' is not a stance; use one of {', '.join(STANCES)}."
        )
    if found.since and found.until and found.since > found.until:
        problems.append("since: the date range is empty (since is after until).")
    if problems:
        raise HTTPException(status_code=422, detail=problems)
    return found


Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (1-500)")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip")]
PageNumber = Annotated[int, Query(ge=1, le=1_000_000, alias="page", description="Page, from 1")]
