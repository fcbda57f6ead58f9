"""The JSON API under /api/ (schema at /api/openapi.json)."""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..analysis import Shift
from ..documents import DocumentNotFound, find_document
from . import overview, queries
from .context import ctx, not_found, several_documents
from .ingest import IngestRequest, Refused, authorise, ingest, parse
from .overview import StoredPosition
from .params import Limit, Offset, check_issue, check_party, filters
from .queries import Filters

router = APIRouter(prefix="/api", tags=["api"])
DocKey = Annotated[
    str,
    Path(
        min_length=1,
        max_length=300,
        description="An id, the start of one, or the document's file name",
    ),
]
HEX = re.compile(r"[0-9a-f]+")


def _page(page: queries.Page) -> dict[str, Any]:
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": page.items}


def position_json(p: StoredPosition) -> dict[str, Any]:
    return {
        "party": p.party,
        "issue": p.issue,
        "stance": p.current.stance,
        "date": p.current.date,
        "sourcing": p.sourcing,
        "documents": len({e.doc_id for e in p.support}),
        "evidence": [asdict(e) for e in p.support],
        "history": p.statements,
    }


def shift_json(s: Shift) -> dict[str, Any]:
    return {
        "party": s.party,
        "issue": s.issue,
        "walk_back": s.walk_back,
        "concession": s.concession,
        "before": asdict(s.before),
        "after": asdict(s.after),
    }


def side_filter(request: Request, party: str | None, issue: str | None) -> tuple[str | None, ...]:
    problems: list[str] = []
    found = check_party(party, problems, request), check_issue(issue, problems)
    if problems:
        raise Refused(422, problems)
    return found


@router.get("/documents", summary="Stored documents, newest first")
def list_documents(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in the title or the file name")
    ] = None,
) -> dict[str, Any]:
    return _page(queries.documents(ctx(request).store(), limit, offset, q or None))


@router.get("/documents/{doc_id:path}", summary="One document: text, sections and statements")
def get_document(request: Request, doc_id: DocKey) -> dict[str, Any]:
    store = ctx(request).store()
    hexadecimal = HEX.fullmatch(doc_id) is not None
    found = store.document(doc_id) if hexadecimal else None
    if found is None and hexadecimal:  # the start of an id, as the command line takes it
        starting = queries.documents_starting(store, doc_id)
        if len(starting) > 1:
            raise several_documents(doc_id)
        found = store.document(starting[0]) if starting else None
    if found is None:  # a file name, path or URL, as --doc takes it ("abc.txt", "2025")
        try:
            found = store.document(find_document(store.db, doc_id).id)
        except DocumentNotFound as err:
            raise HTTPException(status_code=404, detail=str(err)) from None
    if found is None:
        raise not_found(f"Document {doc_id}")
    doc_id = found.id
    return {
        "id": found.id,
        "name": found.name,
        "title": found.title,
        "author": found.author,
        "date": found.date,
        "url": found.url,
        "origin": found.origin,
        "text": found.text,
        "sections": [asdict(s) for s in found.sections],
        # the later version that revises it, whose statements count instead of its own
        "superseded_by": (queries.superseded_by(store, doc_id) or {}).get("id"),
        "statements": queries.document_statements(store, doc_id),
    }


@router.post(
    "/documents",
    summary="Ingest one text or URL (needs the server's token)",
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": IngestRequest.model_json_schema()}},
        }
    },
    responses={
        401: {"description": "wrong token"},
        403: {"description": "ingest is off"},
        413: {"description": "body too large"},
    },
)
async def post_document(request: Request) -> JSONResponse:
    context = ctx(request)
    authorise(context, dict(request.headers))
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > context.max_body:
        raise Refused(413, f"The request body is larger than the {context.max_body} byte limit.")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > context.max_body:
            break
    wanted = parse(bytes(body), context.max_body)
    result = await run_in_threadpool(ingest, context, wanted)
    return JSONResponse(result, status_code=201 if result["new"] else 200)


@router.get("/statements", summary="Statements, newest first, filtered and paginated")
def list_statements(
    request: Request,
    found: Annotated[Filters, Depends(filters)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    context = ctx(request)
    store = context.store()
    return _page(queries.statements(store, context.filters(store, found), limit, offset))


@router.get("/statements/{statement_id}", summary="One statement with its spans")
def get_statement(
    request: Request, statement_id: Annotated[int, Path(ge=1, le=2**62)]
) -> dict[str, Any]:
    found = queries.statement(ctx(request).store(), statement_id)
    if found is None:
        raise not_found(f"Statement {statement_id}")
    return found


@router.get("/actors", summary="Speakers with their party and statement counts")
def list_actors(
    request: Request,
    party: Annotated[str | None, Query(max_length=20)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Any:
    side, _ = side_filter(request, party, None)
    context = ctx(request)
    return _page(queries.actors(context.actors(context.store()), limit, offset, side))


def _analysis_filtered(request: Request, party: str | None, issue: str | None) -> Any:
    side, topic = side_filter(request, party, issue)
    context = ctx(request)
    store = context.store()
    return context.analysis.get(store), side, topic, store


@router.get("/positions", summary="Current stance of each side on each issue, with evidence")
def list_positions(
    request: Request,
    party: Annotated[str | None, Query(max_length=20)] = None,
    issue: Annotated[str | None, Query(max_length=40)] = None,
) -> Any:
    analysis, side, topic, _ = _analysis_filtered(request, party, issue)
    return [
        position_json(p)
        for p in analysis.positions
        if side in (None, p.party) and topic in (None, p.issue)
    ]


@router.get("/shifts", summary="Changes of stance, newest first; quick reversals are walk-backs")
def list_shifts(
    request: Request,
    party: Annotated[str | None, Query(max_length=20)] = None,
    issue: Annotated[str | None, Query(max_length=40)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    analysis, side, topic, store = _analysis_filtered(request, party, issue)
    found = analysis.shifts_of(store, side, topic)
    page = overview.shown(store, found[offset : offset + limit])
    items = [shift_json(s) for s in page]
    return {"total": len(found), "limit": limit, "offset": offset, "items": items}


@router.get("/issues", summary="Each issue: converging, contested or open")
def list_issues(request: Request) -> list[dict[str, Any]]:
    context = ctx(request)
    analysis = context.analysis.get(context.store())
    return [
        {
            "issue": s.issue,
            "status": s.status,
            "statements": s.statements,
            "positions": [position_json(p) for p in s.positions],
        }
        for s in analysis.statuses
    ]
