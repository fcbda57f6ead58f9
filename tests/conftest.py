"""Shared fixtures: the parsed pipeline is loaded once per test session."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from talkwatch.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repository; tests that need it skip where it is absent."""
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold").is_dir():
        pytest.skip("../shared (seeds and gold reference articles) is not present beside the repo")
    return SHARED


def skip_service(reason: str) -> None:
    """Skip, or fail where $TALKWATCH_REQUIRE_SERVICES is set (as in CI, which has them)."""
    if os.environ.get("TALKWATCH_REQUIRE_SERVICES"):
        pytest.fail(f"{reason} (and TALKWATCH_REQUIRE_SERVICES is set)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[str]:
    """The admin URL of a PostgreSQL server (see postgres_server.py for which one)."""
    from postgres_server import LOCAL_SERVER, answers, throwaway_server

    tried: list[str] = []
    with ExitStack() as stack:
        url = os.environ.get("TALKWATCH_TEST_POSTGRES")
        if url and (problem := answers(url)):
            tried.append(f"$TALKWATCH_TEST_POSTGRES: {problem}")
            url = None
        if importlib.util.find_spec("psycopg") is None:
            skip_service("no PostgreSQL tests: psycopg is not installed (talkwatch[postgres])")
        if not url:
            try:
                url = stack.enter_context(throwaway_server())
            except RuntimeError as err:
                tried.append(f"a throwaway server: {err}")
        if not url:
            problem = answers(LOCAL_SERVER)
            if problem is None:
                url = LOCAL_SERVER
            else:
                tried.append(f"{LOCAL_SERVER}: {problem}")
        if not url:
            pytest.skip(
                "no PostgreSQL server for the server-store tests; tried " + "; ".join(tried)
            )
        yield url


@pytest.fixture(scope="session")
def new_pg_database(postgres_admin: str) -> Iterator[Callable[[], str]]:
    """Makes empty PostgreSQL databases (URLs); all are dropped at the end of the session."""
    from postgres_server import drop_database, fresh_database

    made: list[str] = []

    def make() -> str:
        url, name = fresh_database(postgres_admin)
        made.append(name)
        return url

    yield make
    for name in made:
        drop_database(postgres_admin, name)


@pytest.fixture
def pg_url(new_pg_database: Callable[[], str]) -> str:
    """An empty PostgreSQL database of this test's own."""
    return new_pg_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store lives: an SQLite file, then a PostgreSQL database (the same tests)."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    url: str = request.getfixturevalue("pg_url")
    return url
