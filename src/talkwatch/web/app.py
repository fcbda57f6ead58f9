"""The FastAPI application: ``create_app(db_path, token=None)``.

Each worker thread keeps one read connection to the store (SQLite in WAL
mode, so reads go on while an ingest writes). Errors are answered as JSON
under /api/ and as an HTML page elsewhere; bad parameters are 4xx, never 500.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..database import damage, public_location
from ..pipeline import Analyzer
from ..store import Store, StoreError
from . import api, changes, feeds, overview, pages, parties, queries, reference
from .context import MAX_BODY, STATIC, Context, templates
from .ingest import Refused

SECURITY_HEADERS = {
    # No script runs on these pages; nothing loads from elsewhere.
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def create_app(
    db_path: str,
    token: str | None = None,
    load_analyzer: Callable[[], Analyzer] | None = None,
    max_body: int = MAX_BODY,
    warm: bool = False,
    allow_private_urls: bool = False,
) -> FastAPI:
    """The dashboard and API over the database at ``db_path``.

    ``token`` enables POST /api/documents for callers that present it; ``warm``
    computes positions and aggregates in the background right away, so that
    the first visitor does not wait for them. URLs posted for ingest must lead
    to public addresses unless ``allow_private_urls``.
    """
    Store.open(db_path).close()  # create or migrate it now, and fail early
    app = FastAPI(
        title="talkwatch",
        summary="Who demands what in peace talks: statements, positions and shifts.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN; the schema is enough
        redoc_url=None,
    )
    app.state.ctx = Context(
        db_path, token, load_analyzer or Analyzer.load, max_body, allow_private_urls
    )
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(parties.router)
    app.include_router(reference.router)
    app.include_router(feeds.router)
    app.include_router(changes.router)
    if warm:
        threading.Thread(target=warm_up, args=(app.state.ctx,), daemon=True).start()

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        problems = parameter_problems(request)
        if problems:
            response = error_response(request, 422, problems)
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, exc.detail)

    @app.exception_handler(StoreError)
    async def database_unavailable(request: Request, error: StoreError) -> Response:
        return error_response(request, 503, f"The database is not available: {error}")

    @app.exception_handler(sqlite3.DatabaseError)
    async def database_damaged(request: Request, error: sqlite3.DatabaseError) -> Response:
        sentence = damage(public_location(db_path), error)
        if sentence is None:
            raise error
        return error_response(request, 503, sentence)

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        return error_response(request, exc.status, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]), "problem": in_words(e)}
            for e in exc.errors()
        ]
        return error_response(request, 422, problems)

    return app


def warm_up(context: Context) -> None:
    """Fill the caches in the background; ``warmed`` is set when done, ``warm_error`` if not."""
    try:
        store = Store.open(context.db_path)
        try:
            analysis = context.analysis.get(store)
            context.analysis.memo(store, "matrix", overview.matrix)
            context.analysis.memo(
                store, "timeline", lambda _: queries.timeline_counts(store, queries.Filters())
            )
            context.analysis.memo(store, "actors", lambda _: queries.all_actors(store))
            for row in parties.party_rows(context, store)[: parties.WARM]:
                if row["party"]:  # the most quoted sides' pages
                    parties.party_view(context, store, row["party"])
            analysis.shifts_of(store, "", "")  # reads the shifts, indexes them by party and issue
        finally:
            store.close()
    except Exception as err:  # the pages still work; they fill the caches themselves
        context.warm_error = f"{type(err).__name__}: {err}"
    finally:
        context.warmed.set()


def parameter_problems(request: Request) -> list[str]:
    """What no page or API call can take: a NUL byte (PostgreSQL cannot compare text
    with one, and no name holds one), or a parameter given twice (every filter takes
    one value; the last one was used without a word)."""
    items = request.query_params.multi_items()
    nul = [name for name, value in items if "\x00" in value]
    problems = [f"{name}: the value holds a NUL character (%00)." for name in nul]
    if "\x00" in request.url.path:
        problems.append("path: it holds a NUL character (%00).")
    names = [name for name, _ in items]
    repeated = [name for name in dict.fromkeys(names) if names.count(name) > 1]
    problems += [f"{name}: given {names.count(name)} times; give one value." for name in repeated]
    return problems


def error_response(request: Request, status: int, detail: Any) -> Response:
    if request.url.path.startswith("/api/"):
        if isinstance(detail, list):  # one shape for every list: parameter and problem
            detail = [_problem(item) for item in detail]
        return JSONResponse({"detail": detail}, status_code=status)
    if isinstance(detail, list):
        lines = [
            f"{d['parameter']}: {d['problem']}" if isinstance(d, dict) else str(d) for d in detail
        ]
    else:
        lines = [str(detail)]
    page = request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "lines": lines}, status_code=status
    )
    return HTMLResponse(page.body, status_code=status, headers={"Cache-Control": "no-store"})


def _problem(item: Any) -> Any:
    """A problem sentence ("party: 'XYZ' is not a party; ...") as the validation errors
    give theirs: {"parameter": "party", "problem": "'XYZ' is not a party; ..."}."""
    if not isinstance(item, str):
        return item
    name, colon, problem = item.partition(": ")
    if not colon or " " in name:
        return {"parameter": "", "problem": item}
    return {"parameter": name, "problem": problem}


def in_words(error: dict[str, Any]) -> str:
    """A validation error as a reader would put it: "'-1' is not a page number: give 1 or
    more", not "Input should be greater than or equal to 1"."""
    given, bounds = error.get("input"), error.get("ctx") or {}
    shown = f"'{given}'" if isinstance(given, str) else "the value"
    kind = error.get("type", "")
    where = error.get("loc", ("",))[0]
    if where == "path" and kind in ("greater_than_equal", "less_than_equal", "int_parsing"):
        return f"{shown} is not an id: ids are whole numbers from 1."  # as no link has it
    if kind == "missing":
        return "missing: give a value."
    if kind == "string_too_short":
        return "empty: give a value."
    if kind == "greater_than_equal":
        return f"{shown} is too small: give {bounds.get('ge')} or more."
    if kind == "less_than_equal":
        return f"{shown} is too large: give {bounds.get('le')} or less."
    if kind == "int_parsing":
        return f"{shown} is not a whole number."
    if kind == "string_too_long":
        return f"the value is too long: at most {bounds.get('max_length')} characters."
    message = str(error.get("msg", "not a value this page takes"))
    return message[:1].lower() + message[1:] + "."
