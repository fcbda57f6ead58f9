"""A PostgreSQL server for the tests of the database-server store.

In order of preference:
1. the server named by $TALKWATCH_TEST_POSTGRES (a URL whose user may create databases),
   and only that one when it is set;
2. a throwaway server started here from Debian's ``postgresql`` package, in a
   temporary data directory on a free port (as the ``postgres`` user when the
   tests run as root, since PostgreSQL refuses to run as root), in the
   C.UTF-8 locale, whose case folding goes beyond ASCII as most servers' does;
3. the machine's own server on 127.0.0.1:5432.

Each test gets a database of its own, dropped afterwards. Where none answers,
the tests skip and say what was tried; under $TALKWATCH_REQUIRE_SERVICES (CI)
they fail with that sentence instead.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCAL_SERVER = "postgresql://127.0.0.1:5432/postgres"


def server_bin() -> Path | None:
    """The folder of initdb and pg_ctl, if the postgresql package is installed."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(versions[0]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a PostgreSQL server in a temporary folder; yields its admin URL."""
    binaries = server_bin()
    if binaries is None:
        raise RuntimeError("no initdb/pg_ctl (Debian package 'postgresql') on this machine")
    run_as: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="talkwatch-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no 'postgres' user") from None
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    try:
        subprocess.run(
            [*run_as, str(binaries / "initdb"), "-D", str(data), "-A", "trust",
             "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder} "
            "-c fsync=off -c synchronous_commit=off -c max_connections=50"
        )
        subprocess.run(
            [*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-o", options,
             "-l", str(folder / "log"), "-w", "-t", "60", "start"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as err:
        shutil.rmtree(folder, ignore_errors=True)
        detail = getattr(err, "stderr", b"") or b""
        raise RuntimeError(f"could not start one: {err} {detail.decode(errors='replace')}") from err
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True, timeout=60, check=False,
        )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def answers(url: str) -> str | None:
    """None when the server at ``url`` takes a connection, else why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (the 'postgres' extra)"
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as err:
        return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return None


def fresh_database(admin_url: str) -> tuple[str, str]:
    """Create an empty database on the server; returns (its URL, its name)."""
    import psycopg

    name = f"talkwatch_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin_url.rpartition("/")
    return f"{base}/{name}", name


def drop_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
