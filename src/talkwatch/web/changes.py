"""GET /changes: what changed since this browser's last visit.

The time of the last visit is kept in a cookie (nothing is stored on the
server); the page lists the shifts brought by documents stored since then, and
the shifts and positions a watch withdrew since, and sets the cookie to now.
"""

from __future__ import annotations

from datetime import datetime, timezone

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ..alerts import changed_since
from ..retractions import withdrawn_since
from .context import ctx
from .pages import page

router = APIRouter(include_in_schema=False)
COOKIE = "talkwatch_last_visit"
YEAR = 365 * 24 * 3600


def _visit(value: str | None) -> str | None:
    """The cookie's time, if it is one (it comes from the browser)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).astimezone(timezone.utc).isoformat(timespec="seconds")
    except ValueError:
        return None


@router.get("/changes", response_class=HTMLResponse)
def changes_page(request: Request) -> Response:
    since = _visit(request.cookies.get(COOKIE))
    db = ctx(request).store().db
    found, documents = changed_since(db, since or "")
    withdrawn = withdrawn_since(db, since) if since else []
    response = page(
        request, "changes.html", since=since, shifts=found, documents=documents,
        withdrawn=withdrawn,
    )  # fmt: skip
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    response.set_cookie(COOKIE, now, max_age=YEAR, httponly=True, samesite="lax")
    return response
