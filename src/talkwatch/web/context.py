"""What the routes share, in one module that the routers import and that imports no router.

``app`` builds the application from the routers (``api``, ``pages``, ...); they
reach the shared state through ``ctx(request)``. Nothing imports ``app``.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import HTTPException, Request
from fastapi.templating import Jinja2Templates

from ..pipeline import Analyzer
from ..records import shown_speaker
from ..store import Store
from . import queries
from .labels import plural
from .overview import AnalysisCache
from .render import STANCE_COLOURS, highlight

WEB = resources.files("talkwatch.web")
TEMPLATES = Path(str(WEB / "templates"))
STATIC = Path(str(WEB / "static"))
MAX_BODY = 2 * 1024 * 1024


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
        found: list[dict[str, Any]] = self.analysis.memo(
            store, "actors", lambda _: queries.all_actors(store)
        )
        return found

    def choices(self, store: Store) -> dict[str, list[str]]:
        """Parties and issues for the filter menus, once per state of the database."""
        found: dict[str, list[str]] = self.analysis.memo(
            store, "choices", lambda _: queries.choices(store)
        )
        return found

    def filters(self, store: Store, found: queries.Filters) -> queries.Filters:
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
    found.env.filters["highlight"] = highlight
    found.env.filters["plural"] = plural
    # a side the text does not give, as the command line shows it and --party takes it;
    # its statements have no party page, so its link lists them
    found.env.filters["side"] = lambda party: party or "unknown"
    found.env.filters["who"] = who
    found.env.filters["party_href"] = lambda party: (
        f"/parties/{quote(party)}" if party else "/statements?party=unknown"
    )
    found.env.autoescape = True
    return found


def ctx(request: Request) -> Context:
    context: Context = request.app.state.ctx
    return context


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"{what} not found.")


def several_documents(start: str) -> HTTPException:
    """The start of an id that several documents' ids start with."""
    return HTTPException(
        status_code=404, detail=f"{start} starts the ids of several documents; give more of it."
    )


def who(statement: Any) -> str:
    """A statement's speaker as the terminal shows it (``records.shown_speaker``): an
    unnamed one with the capitals the text gave it ("a Russian source"). ``statement``
    is a row of ``queries`` or an ``analysis.Evidence``."""

    def field(name: str, default: str = "") -> str:
        value = (
            statement.get(name) if isinstance(statement, dict) else getattr(statement, name, None)
        )
        return str(value) if value else default

    return shown_speaker(field("speaker"), field("speaker_mention"), field("source", "named"))
