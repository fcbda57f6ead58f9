"""Query parameters shared by pages and API, checked with clear messages.

Empty values (as an HTML form sends for a blank field) mean "no filter".
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query, Request

from ..actors.knowledge import canonical_speaker
from ..codes import issue_code, nearest, party_code, shown_party
from ..conditions import names_a_document
from ..dates import why_not_a_date
from ..records import ISSUES, SECTIONS, STANCES
from .context import ctx
from .queries import Filters

Text = Annotated[str | None, Query(max_length=200)]


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _known(speaker: str | None) -> str | None:
    """A speaker as the command line's --speaker reads it: by the knowledge base's name
    for them when it knows the name or alias given ("Zelenskyy")."""
    return canonical_speaker(speaker) if speaker else None


def check_date(name: str, value: str | None, problems: list[str]) -> str | None:
    """An ISO date, or None and a sentence in ``problems`` saying what is wrong with it."""
    value = _blank(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        problems.append(f"{name}: '{value}' is not a date: {why_not_a_date(value)}")
        return None


def _one_of(
    names: tuple[str, str], values: tuple[str | None, str | None], problems: list[str]
) -> str | None:
    """A date given under its name or its alias (from = since, to = until), checked."""
    given = [(n, v) for n, v in zip(names, values, strict=True) if _blank(v) is not None]
    if len(given) > 1:
        problems.append(f"{names[0]}: give {names[0]} or {names[1]}, not both.")
        return None
    return check_date(*given[0], problems) if given else None


def check_issue(value: str | None, problems: list[str]) -> str | None:
    """An issue code, or an alias of one ("nato" is neutrality), as on the command line."""
    value = _blank(value)
    if value is None:
        return None
    code = issue_code(value)
    if code is None:
        near = nearest(value, "issue", list(ISSUES))
        hint = f" Did you mean {near}?" if near else ""
        problems.append(f"issue: '{value}' is not an issue; use one of {', '.join(ISSUES)}.{hint}")
    return code or value


def check_party(
    value: str | None, problems: list[str], request: Request | None = None
) -> str | None:
    """A party code, or a name the command line takes too (Ukraine, Kyiv, Russian).
    Given the ``request``, a value that names no party and none stored is a problem
    that lists the stored ones, as on the command line."""
    value = _blank(value)
    if value is None:
        return None
    code = party_code(value)
    if code is not None:
        return code
    if request is not None:
        listed = [p for p in stored_parties(request) if p]
        if value.upper() not in listed:
            have = ", ".join(listed) if listed else "none yet"
            near = nearest(value, "party", listed)  # as the command line suggests one
            hint = f" Did you mean {shown_party(near)}?" if near else ""
            problems.append(
                f"party: '{value}' is not a party; parties with statements: {have}.{hint}"
            )
        return value.upper()
    if not (value.isascii() and value.isalpha() and len(value) <= 8):
        problems.append(f"party: '{value}' is not a party code (letters, e.g. UKR, RUS, EU).")
    return value.upper()


def check_doc(value: str | None, problems: list[str], request: Request) -> str | None:
    """A document as the command line's --doc takes it; one nothing stored answers to is a
    problem, as it is there."""
    value = _blank(value)
    if value is None:
        return None
    if not names_a_document(ctx(request).store().db, value):
        problems.append(
            f"doc: no stored document is named '{value}' (a file name, URL or id, or their start)."
        )
    return value


def stored_parties(request: Request) -> list[str]:
    """The parties the database has statements for (cached per state of the database)."""
    context = ctx(request)
    return context.choices(context.store())["parties"]


def filters(
    request: Request,
    party: Annotated[str | None, Query(max_length=20, description="Party code, e.g. UKR")] = None,
    issue: Annotated[str | None, Query(max_length=40, description="Issue code")] = None,
    speaker: Annotated[str | None, Query(max_length=200, description="Part of a name")] = None,
    stance: Annotated[str | None, Query(max_length=20, description="One stance")] = None,
    doc: Annotated[
        str | None, Query(max_length=300, description="File name, URL, or start of one or of an id")
    ] = None,
    since: Annotated[str | None, Query(max_length=20, description="YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(max_length=20, description="YYYY-MM-DD")] = None,
    from_: Annotated[
        str | None, Query(alias="from", max_length=20, description="The same as since")
    ] = None,
    to: Annotated[str | None, Query(max_length=20, description="The same as until")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in quote, speaker, title")
    ] = None,
    section: Annotated[
        str | None,
        Query(max_length=20, description="body (the article) or comments (its readers')"),
    ] = None,
) -> Filters:
    problems: list[str] = []
    found = Filters(
        party=check_party(party, problems, request),
        issue=check_issue(issue, problems),
        speaker=_known(_blank(speaker)),
        stance=_blank(stance),
        doc=check_doc(doc, problems, request),
        since=_one_of(("since", "from"), (since, from_), problems),
        until=_one_of(("until", "to"), (until, to), problems),
        q=_blank(q),
        section=_blank(section),
    )
    if found.section is not None and found.section not in SECTIONS:
        problems.append(f"section: '{found.section}' is not a section; use body or comments.")
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
