"""Run the app under uvicorn, closing connections whose headers come too slowly.

uvicorn has a keep-alive timeout for idle connections but none for a request
in progress: a client that sends a few header bytes now and then keeps its
connection open for ever, and a few hundred of them hold the server
("slowloris"). Here each connection must finish its request line and headers
within ``header_timeout`` seconds of opening, or of the previous response,
or it is closed.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0  # seconds for a request line and its headers


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's headers."""

    header_timeout = HEADER_TIMEOUT
    _header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()  # the next request on this connection gets its own deadline

    def _arm(self) -> None:
        self._disarm()
        if not self.transport.is_closing():
            self._header_deadline = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _too_slow(self) -> None:
        self._header_deadline = None
        waiting = self.conn.their_state in (h11.IDLE, h11.DONE) and (
            self.cycle is None or self.cycle.response_complete
        )
        if waiting and not self.transport.is_closing():  # headers not (all) in yet
            self.transport.close()


def server_config(
    app: Any, host: str, port: int, header_timeout: float = HEADER_TIMEOUT
) -> uvicorn.Config:
    """The uvicorn configuration ``talkwatch serve`` runs with."""
    protocol = type(
        "HeaderTimeoutProtocol", (HeaderTimeoutProtocol,), {"header_timeout": header_timeout}
    )
    return uvicorn.Config(app, host=host, port=port, http=protocol, log_level="warning")


def run(app: Any, host: str, port: int, header_timeout: float = HEADER_TIMEOUT) -> None:
    uvicorn.Server(server_config(app, host, port, header_timeout)).run()


def port_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (in use, no such address), or None.
    Every address the host resolves to is tried, as the server binds them all."""
    shown = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if not host:
        return None  # all interfaces: the server says so itself if it cannot
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        return f"cannot listen on {host}: {err.strerror}."
    for family, kind, proto, _, address in infos:
        try:
            with socket.socket(family, kind, proto) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                probe.bind(address)
        except OSError as err:
            return f"cannot listen on {shown}: {err.strerror or err}; choose another --port."
    return None
