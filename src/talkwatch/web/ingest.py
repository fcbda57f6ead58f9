"""POST /api/documents: ingest one text or one URL through the real ingest path.

A URL goes through ``IngestRun.prepare`` (read, hash, clean, skip if stored),
posted text through ``IngestRun.prepare_raw`` (the same, for bytes in hand); then the run's
``Analyzer`` and ``Store.add`` (one transaction), as ``talkwatch ingest`` does.
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import Any

from pydantic import BaseModel, Field, ValidationError, model_validator

from ..ingest import InputError, Pending, RefusedURL
from ..records import RawInput
from ..runner import IngestRun
from ..store import Store
from .context import Context


class IngestRequest(BaseModel):
    """Exactly one of ``text`` or ``url``."""

    text: str | None = Field(None, description="The article text (plain text, Markdown or HTML)")
    url: str | None = Field(None, max_length=2000, description="An http(s) URL to fetch")
    name: str | None = Field(None, max_length=200, description="What to call a posted text")
    media_type: str = Field("text/plain", pattern=r"^text/(plain|markdown|html)$")
    date: str | None = Field(None, description="Date of the document, YYYY-MM-DD")

    @model_validator(mode="after")
    def one_source(self) -> IngestRequest:
        if (self.text is None) == (self.url is None):
            raise ValueError("give exactly one of 'text' or 'url'")
        if self.url is not None and not self.url.startswith(("http://", "https://")):
            raise ValueError("'url' must start with http:// or https://")
        if self.date is not None:
            date.fromisoformat(self.date)  # a ValueError is reported as a bad field
        return self


class Refused(Exception):
    def __init__(self, status: int, detail: Any) -> None:
        super().__init__(str(detail))
        self.status = status
        self.detail = detail


def authorise(context: Context, headers: dict[str, str]) -> None:
    """403 when ingest is off (no token configured), 401 without the right token."""
    if context.token is None:
        raise Refused(
            403,
            "Ingest over HTTP is off: start the server with --token "
            "(or TALKWATCH_TOKEN) to enable it.",
        )
    given = headers.get("x-talkwatch-token", "")
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), context.token.encode()):
        raise Refused(401, "Missing or wrong token: send 'Authorization: Bearer <token>'.")


def parse(body: bytes, limit: int) -> IngestRequest:
    if len(body) > limit:
        raise Refused(413, f"The request body is larger than the {limit} byte limit.")
    try:
        return IngestRequest.model_validate_json(body)
    except ValidationError as err:
        problems = [
            {"parameter": ".".join(str(p) for p in e["loc"]) or "body", "problem": e["msg"]}
            for e in err.errors()
        ]
        raise Refused(422, problems) from None


def ingest(context: Context, request: IngestRequest) -> dict[str, Any]:
    """Store one document and its statements; returns what happened."""
    with context.ingest_lock:
        store = Store.open(context.db_path)
        try:
            return _ingest(context, store, request)
        except RefusedURL as err:
            raise Refused(403, str(err)) from None
        except InputError as err:
            raise Refused(422, str(err)) from None
        finally:
            store.close()


def _ingest(context: Context, store: Store, request: IngestRequest) -> dict[str, Any]:
    run = IngestRun(
        store=store,
        load_analyzer=context.analyzer,
        date=request.date,
        private_urls=context.allow_private_urls,
    )
    if request.url is not None:
        prepared = run.prepare(Pending(request.url, request.url, "text/html"))
    else:
        name = request.name or "posted text"
        data = (request.text or "").encode("utf-8")
        raw = RawInput(name, f"api:{name}", data, request.media_type, request.date)
        prepared = run.prepare_raw(raw)
    if prepared is None:  # the text these very bytes led to, not the input's latest
        return {
            "new": False,
            "document": run.already_stored,
            "statements": 0,
            "replaced": [],
            "superseded": [],
            "superseded_by": None,
        }
    statements = run.analyzer().analyse(prepared.document)
    # a page posted again with a changed text: the new text replaces the earlier one
    kept = store.keep(prepared.document, statements, prepared.raw_hash)
    return {
        "new": kept.new,
        "document": prepared.document.id,
        "statements": len(statements),
        "replaced": list(kept.replaced),
        # other versions of its article, kept: those it revises, and the one that revises it
        "superseded": list(kept.superseded),
        "superseded_by": kept.superseded_by,
    }
