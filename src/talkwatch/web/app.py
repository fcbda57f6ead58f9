"""The FastAPI application: ``create_app(db_path, token=None)``.

Each worker thread keeps one read connection to the store (SQLite in WAL
mode, so reads go on while an ingest writes). Errors are answered as JSON
under /api/ and as an HTML page elsewhere; bad parameters are 4xx, never 500.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..database import damage, public_location
from ..pipeline import Analyzer
from ..store import Store, StoreError
from .overview import AnalysisCache
from .render import STANCE_COLOURS

WEB = resources.files("talkwatch.web")
TEMPLATES = Path(str(WEB / "templates"))
STATIC = Path(str(WEB / "static"))
MAX_BODY = 2 * 1024 * 1024
SECURITY_HEADERS = {
    # No script runs on these pages; nothing loads from elsewhere.
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class Context:
    """What the routes share: the database path, a connection per thread, caches."""

    def __init__(
        self,
        db_path: str,
        token: str | None,
        load_analyzer: Callable[[], Analyzer],
        max_body: int,
        allow_private_urls: bool = False,
    ) -> None:
        self.db_path = db_path
        self.allow_private_urls = allow_private_urls  # POST /api/documents may fetch them
        self.token = token or None
        self.load_analyzer = load_analyzer
        self.max_body = max_body
        self.analysis = AnalysisCache()
        self.ingest_lock = threading.Lock()
        self.warmed = threading.Event()  # set when warm_up has finished
        self.warm_error: str | None = None  # why it failed, if it did
        self._local = threading.local()
        self._analyzer: Analyzer | None = None

    def store(self) -> Store:
        """This thread's connection, opened again if a database server dropped it."""
        store = getattr(self._local, "store", None)
        if store is not None and not store.db.alive():
            store.close()
            store = None
        if store is None:
            store = self._local.store = Store.open(self.db_path)
        return store

    def actors(self, store: Store) -> list[dict[str, Any]]:
        from .queries import all_actors

        found: list[dict[str, Any]] = self.analysis.memo(
            store, "actors", lambda _: all_actors(store)
        )
        return found

    def choices(self, store: Store) -> dict[str, list[str]]:
        """Parties and issues for the filter menus, once per state of the database."""
        from .queries import choices

        found: dict[str, list[str]] = self.analysis.memo(store, "choices", lambda _: choices(store))
        return found

    def filters(self, store: Store, found: Any) -> Any:
        """A speaker filter that names a stored speaker in full matches that speaker only."""
        if found.speaker:
            names = self.analysis.memo(
                store, "speakers", lambda _: {a["speaker"].lower() for a in self.actors(store)}
            )
            if found.speaker.lower() in names:
                return dataclasses.replace(found, exact_speaker=True)
        return found

    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = self.load_analyzer()
        return self._analyzer


def templates() -> Jinja2Templates:
    found = Jinja2Templates(directory=str(TEMPLATES))
    found.env.globals["stance_colours"] = STANCE_COLOURS
    found.env.autoescape = True
    return found


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
    from . import api, pages
    from .ingest import Refused

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
    if warm:
        threading.Thread(target=warm_up, args=(app.state.ctx,), daemon=True).start()

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
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
            {"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]), "problem": e["msg"]}
            for e in exc.errors()
        ]
        return error_response(request, 422, problems)

    return app


def warm_up(context: Context) -> None:
    """Fill the caches in the background; ``warmed`` is set when done, ``warm_error`` if not."""
    from . import overview, queries

    try:
        store = Store.open(context.db_path)
        try:
            analysis = context.analysis.get(store)
            context.analysis.memo(store, "matrix", overview.matrix)
            context.analysis.memo(
                store, "timeline", lambda _: queries.timeline_counts(store, queries.Filters())
            )
            context.analysis.memo(store, "actors", lambda _: queries.all_actors(store))
            analysis.shifts_of(store, "", "")  # reads the shifts, indexes them by party and issue
        finally:
            store.close()
    except Exception as err:  # the pages still work; they fill the caches themselves
        context.warm_error = f"{type(err).__name__}: {err}"
    finally:
        context.warmed.set()


def error_response(request: Request, status: int, detail: Any) -> Response:
    if request.url.path.startswith("/api/"):
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


def ctx(request: Request) -> Context:
    context: Context = request.app.state.ctx
    return context


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"{what} not found.")
