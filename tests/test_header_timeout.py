"""The server closes connections whose request headers do not arrive in time (slowloris)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from talkwatch.web.app import create_app
from talkwatch.web.server import server_config
from web_helpers import build


@pytest.fixture(scope="module")
def address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    import uvicorn

    path = str(tmp_path_factory.mktemp("slow") / "web.db")
    build(path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    running = uvicorn.Server(server_config(create_app(path), "127.0.0.1", port, header_timeout=1))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield "127.0.0.1", port
    running.should_exit = True
    thread.join(timeout=10)


def closed_after(conn: socket.socket, trickle: bytes, limit: float) -> float | None:
    """Send ``trickle`` a byte every 0.2 s; seconds until the server closes, None if it did not."""
    start = time.monotonic()
    conn.settimeout(0.2)
    for byte in trickle:
        if time.monotonic() - start > limit:
            return None
        try:
            conn.sendall(bytes([byte]))
            if conn.recv(65536) == b"":
                return time.monotonic() - start
        except TimeoutError:
            continue
        except OSError:  # reset or broken pipe: closed
            return time.monotonic() - start
    return None


def test_partial_headers_are_cut_off(address: tuple[str, int]) -> None:
    slow = [socket.create_connection(address) for _ in range(20)]
    for conn in slow[1:]:
        conn.sendall(b"GET /api/documents HTTP/1.1\r\nHost: x\r\n")  # and then nothing
    seconds = closed_after(slow[0], b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100, 6)
    assert seconds is not None and seconds < 4
    time.sleep(0.5)
    for conn in slow[1:]:
        conn.settimeout(2)
        assert conn.recv(65536) == b""  # closed too
        conn.close()
    slow[0].close()


def test_a_prompt_client_is_served_and_its_next_slow_request_cut_off(
    address: tuple[str, int],
) -> None:
    with socket.create_connection(address) as conn:
        conn.sendall(b"GET /api/documents HTTP/1.1\r\nHost: x\r\n\r\n")
        conn.settimeout(5)
        assert conn.recv(65536).startswith(b"HTTP/1.1 200")
        # on the same kept-alive connection, a second request that trickles
        seconds = closed_after(conn, b"GET / HTTP/1.1\r\nX-Slow: " + b"a" * 100, 6)
        assert seconds is not None and seconds < 4


def test_serve_on_a_port_in_use_says_so_before_announcing_anything(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from talkwatch.cli import cli

    path = str(tmp_path / "web.db")
    build(path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", path, "--port", str(port)])
    assert result.exit_code == 1
    assert "serving" not in result.stdout
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in result.stderr
