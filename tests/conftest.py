"""Shared fixtures: the parsed pipeline is loaded once per test session."""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from types import ModuleType
from typing import NamedTuple
from urllib.parse import urlsplit

import pytest

# ../shared beside the repository (CI clones it there), or where $TALKWATCH_SHARED says
SHARED = Path(os.environ.get("TALKWATCH_SHARED") or Path(__file__).resolve().parents[2] / "shared")


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from talkwatch.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repository: the reference articles, a PolNeAR sample, the scorers.

    Tests that need it skip where it is absent (a user's clone); on CI (CI=true) they fail.
    """
    needed = ["seeds", "gold", "polnear-dev/seeds", "polnear-dev/gold", "score.py", "polnear.py"]
    missing = [name for name in needed if not (SHARED / name).exists()]
    if missing:
        reason = (
            f"{SHARED} lacks {', '.join(missing)}"
            if SHARED.is_dir()
            else f"no {SHARED} (the shared reference articles and scorers) beside the repository"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}, and CI=true: on CI it must be there", pytrace=False)
        pytest.skip(reason)
    return SHARED


def skip_service(reason: str) -> None:
    """Skip, or fail where $TALKWATCH_REQUIRE_SERVICES is set (as in CI, which has them)."""
    if os.environ.get("TALKWATCH_REQUIRE_SERVICES"):
        pytest.fail(f"{reason} (and TALKWATCH_REQUIRE_SERVICES is set)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, driven through Playwright, for the browser tests."""
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if found is None:
        skip_service(
            "no browser tests: no chromium on PATH nor at /usr/bin/chromium "
            "(apt-get install -y chromium)"
        )
    if importlib.util.find_spec("playwright") is None:
        skip_service("no browser tests: Playwright is not installed (the 'test' extra)")
    return str(found)


@pytest.fixture(scope="session")
def distributed() -> ModuleType:
    """The `distributed` package (the 'cluster' extra), for the tests of the Dask engine."""
    if importlib.util.find_spec("distributed") is None:
        skip_service("no Dask tests: distributed is not installed (the 'cluster' extra)")
    import distributed as package

    return package


class PostgresServer(NamedTuple):
    admin_url: str
    throwaway: bool  # started for this session and deleted with its folder at the end


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[PostgresServer]:
    """A PostgreSQL server the tests may create databases on (see postgres_server.py)."""
    from postgres_server import LOCAL_SERVER, answers, throwaway_server

    if importlib.util.find_spec("psycopg") is None:
        skip_service("no PostgreSQL tests: psycopg is not installed (talkwatch[postgres])")
    named = os.environ.get("TALKWATCH_TEST_POSTGRES")
    if named:  # the server asked for, or none: another one would test something else
        if problem := answers(named):
            where = urlsplit(named)
            skip_service(
                "no PostgreSQL server for the server-store tests: $TALKWATCH_TEST_POSTGRES "
                f"names {where.hostname}:{where.port or 5432}, which does not answer ({problem})"
            )
        yield PostgresServer(named, throwaway=False)
        return
    tried: list[str] = []
    with ExitStack() as stack:
        server: PostgresServer | None = None
        try:
            server = PostgresServer(stack.enter_context(throwaway_server()), throwaway=True)
        except RuntimeError as err:
            tried.append(f"a throwaway server: {err}")
        if server is None:
            problem = answers(LOCAL_SERVER)
            if problem is None:
                server = PostgresServer(LOCAL_SERVER, throwaway=False)
            else:
                tried.append(f"{LOCAL_SERVER}: {problem}")
        if server is None:
            skip_service(
                "no PostgreSQL server for the server-store tests; tried " + "; ".join(tried)
            )
        yield server


@pytest.fixture(scope="session")
def new_pg_database(postgres_admin: PostgresServer) -> Iterator[Callable[[], str]]:
    """Makes empty PostgreSQL databases (URLs), dropped at the end of the session.

    A throwaway server goes with its databases, so nothing is dropped one by one there.
    """
    from postgres_server import drop_database, fresh_database

    made: list[str] = []

    def make() -> str:
        url, name = fresh_database(postgres_admin.admin_url)
        made.append(name)
        return url

    yield make
    if not postgres_admin.throwaway:
        for name in made:
            drop_database(postgres_admin.admin_url, name)


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
