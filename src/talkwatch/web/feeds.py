"""GET /feeds/shifts.atom: the latest shifts as an Atom feed, by party and issue.

A feed reader polling it sees each shift once: an entry's id is the party,
the issue and the statement that changed the stance, the same on every
request; its updated time is when ``watch`` announced it (else its date). A shift
announced and then taken off the record by a revision is an entry of its own, "withdrawn".
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from ..alerts import recent_shifts
from ..atom import atom
from ..retractions import recent
from .params import check_issue, check_party

router = APIRouter(include_in_schema=False)
Code = Annotated[str | None, Query(max_length=200)]
ATOM = "application/atom+xml; charset=utf-8"


@router.get("/feeds/shifts.atom")
def shifts_atom(
    request: Request,
    party: Code = None,
    issue: Code = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    problems: list[str] = []
    party, issue = check_party(party, problems, request), check_issue(issue, problems)
    if problems:
        raise HTTPException(status_code=422, detail=problems)
    store = request.app.state.ctx.store()
    found = recent_shifts(store.db, party, issue, limit)
    withdrawn = recent(store.db, party, issue, limit)
    title = "talkwatch: shifts" + "".join(
        f" {label} {value}" for label, value in (("of", party), ("on", issue)) if value
    )
    return Response(atom(found, str(request.url), title, withdrawn, limit), media_type=ATOM)
