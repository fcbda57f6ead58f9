"""Property-based API hardening: schemathesis drives every operation of the OpenAPI schema.

Random and boundary values for every path, query parameter and body; the
server must never answer 5xx, and every answer must match the schema's status
codes and content types. POST /api/documents runs with a token so the ingest
path is exercised too (its analyzer is a real one, loaded once).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from talkwatch.web.app import create_app
from web_helpers import build

TOKEN = "fuzz-token"


def app_for(tmp: Path):  # type: ignore[no-untyped-def]
    path = str(tmp / "fuzz.db")
    build(path)
    return create_app(path, token=TOKEN, max_body=20_000)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return app_for(tmp_path_factory.mktemp("fuzz"))


def operations(app):  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_the_schema_lists_every_endpoint(app) -> None:  # type: ignore[no-untyped-def]
    names = {f"{op.method.upper()} {op.path}" for op in operations(app)}
    assert {
        "GET /api/documents",
        "GET /api/documents/{doc_id}",
        "GET /api/statements",
        "GET /api/statements/{statement_id}",
        "GET /api/actors",
        "GET /api/positions",
        "GET /api/shifts",
        "GET /api/issues",
        "POST /api/documents",
    } <= names


def test_no_operation_answers_with_a_server_error(app) -> None:  # type: ignore[no-untyped-def]
    statuses: list[int] = []
    for operation in operations(app):

        @settings(
            max_examples=30,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def survives(case) -> None:  # type: ignore[no-untyped-def]
            headers = {"Authorization": f"Bearer {TOKEN}"} if case.method == "POST" else None
            response = case.call(headers=headers)
            statuses.append(response.status_code)
            assert response.status_code < 500, (case.method, case.path, response.text[:300])

        survives()
    assert len(statuses) > 100  # the operations were really called, with many inputs
    assert {200, 422} <= set(statuses)  # good and bad inputs both came up
