"""Server-rendered pages. Every value from documents reaches HTML through Jinja's escaping."""

from __future__ import annotations

import math
import re
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import standing
from ..actors.knowledge import canonical_speaker
from ..documents import undated
from ..records import COUNTED_DOCUMENT, STANCES
from . import overview, queries, render
from .context import ctx, not_found, several_documents
from .labels import document_label, source_name
from .params import PageNumber, check_issue, check_party, filters
from .queries import Filters

DOCUMENT_ID = re.compile(r"[0-9a-f]{1,64}")

router = APIRouter(include_in_schema=False)
PER_PAGE = 50
Name = Annotated[str, Query(min_length=1, max_length=200)]


def page(request: Request, template: str, **values: Any) -> Response:
    """A rendered page; 404 when it is a page of a list past that list's end."""
    past_end = bool((values.get("pager") or {}).get("past_end"))
    response: Response = request.app.state.templates.TemplateResponse(
        request, template, values, status_code=404 if past_end else 200
    )
    return response


def pager(request: Request, number: int, total: int, per_page: int = PER_PAGE) -> dict[str, Any]:
    """Links to the first, previous, next and last pages, keeping the other query parameters."""
    pages = max(1, math.ceil(total / per_page))
    params = {k: v for k, v in request.query_params.items() if k != "page" and v}

    def link(n: int) -> str:
        return f"{request.url.path}?{urlencode({**params, 'page': n})}"

    return {
        "number": number,
        "pages": pages,
        "total": total,
        "first": link(1) if number > 2 else None,
        "prev": link(number - 1) if 1 < number <= pages else None,
        "next": link(number + 1) if number < pages else None,
        "last": link(pages) if number < pages - 1 else None,
        "past_end": number > pages and number > 1,
        "last_page": link(pages),
    }


def safe_url(url: str | None) -> str | None:
    """Only web links become hrefs (never javascript: or data:)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def in_context(store: Any, item: dict[str, Any]) -> list[render.Segment]:
    start, end = item["sentence_span"]
    text, offset = queries.context(store, item["doc_id"], start, end)
    marks = [render.Mark(start, end, "sentence")]
    marks += [render.Mark(a, b, "quote") for a, b in item["quote_spans"]]
    return render.segments(text, offset, marks)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> Response:
    context = ctx(request)
    store = context.store()
    matrix = context.analysis.memo(store, "matrix", overview.matrix)
    return page(
        request,
        "overview.html",
        summary=queries.summary(store),
        matrix=matrix,
        shifts=context.analysis.memo(store, "latest", lambda _: overview.latest_shifts(store, 12)),
        undated=context.analysis.memo(store, "undated", lambda _: undated(store.db).note()),
    )


@router.get("/evidence", response_class=HTMLResponse)
def evidence_page(request: Request, party: Name, issue: Name) -> Response:
    problems: list[str] = []
    party, issue = check_party(party, problems, request) or "", check_issue(issue, problems) or ""
    if problems:
        raise HTTPException(status_code=422, detail=problems)
    context = ctx(request)
    store = context.store()
    stored = context.analysis.get(store).cell(party, issue)
    position = standing.position(store.db, party, issue) if stored else None
    if stored is None or position is None:
        raise not_found(f"A position of {party} on {issue}")
    items = []
    for evidence in reversed(position.support[-20:]):
        item = queries.statement(store, evidence.statement_id)
        if item is not None:
            items.append({**item, "segments": in_context(store, item)})
    history = list(reversed(position.history[-40:]))
    return page(
        request,
        "evidence.html",
        position=position,
        cell=overview.cell(stored),
        items=items,
        history=history,
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request, found: Annotated[Filters, Depends(filters)], page_number: PageNumber = 1
) -> Response:
    context = ctx(request)
    store = context.store()
    found = context.filters(store, found)
    analysis = context.analysis.get(store)
    shifts = [
        s
        for s in analysis.shifts_of(store, found.party, found.issue)
        if (not found.since or (s.after.date or "") >= found.since)
        and (not found.until or (s.after.date or "") <= found.until)
    ][:30]
    if found == Filters(party=found.party, issue=found.issue):  # from the cached aggregate
        every = context.analysis.memo(
            store, "timeline", lambda _: queries.timeline_counts(store, Filters())
        )
        counts = [c for c in every if found.party in (None, c[0]) and found.issue in (None, c[1])]
    else:
        counts = queries.timeline_counts(store, found)
    chart = render.chart(counts, lambda party, issue: analysis.shifts_of(store, party, issue))
    listed = queries.statements(store, found, PER_PAGE, (page_number - 1) * PER_PAGE)
    return page(
        request,
        "timeline.html",
        chart=chart,
        filters=found,
        listed=listed,
        pager=pager(request, page_number, listed.total),
        shifts=overview.shown(store, shifts),
        choices=context.choices(store),
        stances=STANCES,
    )


@router.get("/statements", response_class=HTMLResponse)
def statements_page(
    request: Request, found: Annotated[Filters, Depends(filters)], page_number: PageNumber = 1
) -> Response:
    context = ctx(request)
    store = context.store()
    found = context.filters(store, found)
    listed = queries.statements(store, found, PER_PAGE, (page_number - 1) * PER_PAGE)
    return page(
        request,
        "statements.html",
        filters=found,
        listed=listed,
        pager=pager(request, page_number, listed.total),
        choices=context.choices(store),
        stances=STANCES,
    )


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement_page(
    request: Request, statement_id: Annotated[int, Path(ge=1, le=2**62)]
) -> Response:
    store = ctx(request).store()
    item = queries.statement(store, statement_id)
    document = store.document(item["doc_id"]) if item else None
    if item is None or document is None:
        raise not_found(f"Statement {statement_id}")
    start, end = item["sentence_span"]
    marks = [render.Mark(start, end, "sentence")]
    marks += [render.Mark(a, b, "quote") for a, b in item["quote_spans"]]
    sections = [(s.name, s.start, s.end) for s in document.sections]
    return page(
        request,
        "statement.html",
        st=item,
        document=document,
        label=document_label(document.title, document.text),
        url=safe_url(document.url or document.origin),
        sections=render.section_views(document.text, sections, marks),
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=200)] = None,
    page_number: PageNumber = 1,
) -> Response:
    store = ctx(request).store()
    term = (q or "").strip() or None
    # and the speaker a full name is another spelling of ("Sergei Lavrov": Sergey Lavrov)
    known = canonical_speaker(term) if term and " " in term else None
    found = Filters(q=term, q_speaker=known if known != term else None)
    listed = queries.statements(store, found, PER_PAGE, (page_number - 1) * PER_PAGE)
    docs = queries.documents(store, 20, 0, term) if term else None
    return page(
        request,
        "search.html",
        q=term or "",
        listed=listed if term else None,
        docs=docs,
        pager=pager(request, page_number, listed.total) if term else None,
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, page_number: PageNumber = 1) -> Response:
    context = ctx(request)
    found = queries.actors(context.actors(context.store()), 100, (page_number - 1) * 100)
    return page(
        request, "actors.html", actors=found, pager=pager(request, page_number, found.total, 100)
    )


@router.get("/actor", response_class=HTMLResponse)
def actor_page(request: Request, name: Name) -> Response:
    store = ctx(request).store()
    typed, name = name, canonical_speaker(name)  # "Sergei Lavrov", "Zelenskyy": as stored
    groups = queries.grouped_by_issue(store, "speaker", name)
    if not groups:
        raise not_found(f"Speaker '{typed}'")
    sides = store.db.execute(  # what readers' comments report is counted apart; once
        "SELECT s.party, count(*), min(s.date), max(s.date), "  # what a revision repeats
        "sum(CASE WHEN s.section = 'comments' THEN 1 ELSE 0 END) "
        "FROM statements s JOIN documents d ON d.id = s.doc_id "
        f"WHERE s.speaker = ? COLLATE NOCASE AND {COUNTED_DOCUMENT} "
        "GROUP BY s.party ORDER BY 2 DESC",
        (name,),
    ).fetchall()
    return page(
        request,
        "grouped.html",
        title=name,
        kind="actor",
        groups=groups,
        sides=sides,
        filter_key="speaker",
        filter_value=name,
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=200)] = None,
    page_number: PageNumber = 1,
) -> Response:
    found = queries.documents(ctx(request).store(), PER_PAGE, (page_number - 1) * PER_PAGE, q)
    return page(
        request,
        "documents.html",
        docs=found,
        q=q or "",
        pager=pager(request, page_number, found.total),
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    doc_id: Annotated[str, Path(max_length=200)],
    statement: Annotated[
        int | None, Query(ge=1, description="The statement to scroll to (its link's #hl)")
    ] = None,
) -> Response:
    store = ctx(request).store()
    # an id that cannot be one (a mistyped link) is a page not found, as a name is
    document = store.document(doc_id) if DOCUMENT_ID.fullmatch(doc_id) else None
    if document is None and DOCUMENT_ID.fullmatch(doc_id):
        # the start of an id, as the command line prints it: the one document it names
        starting = queries.documents_starting(store, doc_id)
        if len(starting) == 1:
            focus = f"?statement={statement}#hl" if statement else ""  # the link's anchor too
            return RedirectResponse(f"/documents/{starting[0]}{focus}", status_code=302)
        if starting:
            raise several_documents(doc_id)
    if document is None:
        raise not_found(f"Document {doc_id}")
    found = queries.document_statements(store, doc_id)
    marks = [render.Mark(a, b, "quote", st["id"]) for st in found for a, b in st["quote_spans"]]
    sections = [(s.name, s.start, s.end) for s in document.sections]
    return page(
        request,
        "document.html",
        document=document,
        label=document_label(document.title, document.text),
        source=source_name(document.name),
        statements=found,
        later=queries.superseded_by(store, document.id),
        url=safe_url(document.url or document.origin),
        sections=render.section_views(document.text, sections, marks, statement),
    )
