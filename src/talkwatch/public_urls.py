"""Fetch only public addresses: no loopback, private or link-local ones.

A server that fetches URLs for its callers must not become their way into
the machine it runs on or its network (server-side request forgery). Before
each request, and again at each redirect, every address the host name
resolves to must be public; after connecting, so must the address actually
reached (a name may resolve differently the second time).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.request
from typing import Any
from urllib.parse import urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class PrivateAddress(Exception):
    """A URL leads to an address that is not public; the message says which."""


def forbidden_kind(ip: Address) -> str | None:
    """What kind of non-public address this is ("loopback", "private"...), or None."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private or ip.is_reserved or not ip.is_global:
        return "private"
    return None


def _refusal(url: str, host: str, ip: Address, kind: str) -> PrivateAddress:
    return PrivateAddress(
        f"{url}: refused, {host} is a {kind} address ({ip}); the server fetches only "
        "public addresses unless started with --allow-private-urls."
    )


def check_url(url: str) -> None:
    """Raise PrivateAddress unless every address ``url``'s host resolves to is public."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return  # the fetch itself reports an address that is not one
    if parts.scheme not in ("http", "https"):
        raise PrivateAddress(f"{url}: refused, only http and https URLs are fetched.")
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError):
        return  # the fetch itself reports a name that does not resolve
    for *_, sockaddr in found:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        kind = forbidden_kind(ip)
        if kind:
            raise _refusal(url, host, ip, kind)


def _check_peer(connection: http.client.HTTPConnection) -> None:
    if connection.sock is None or getattr(connection, "_tunnel_host", None):
        return  # through a proxy: the proxy is what we reached
    ip = ipaddress.ip_address(str(connection.sock.getpeername()[0]).split("%", 1)[0])
    kind = forbidden_kind(ip)
    if kind:
        connection.close()
        raise _refusal(f"http://{connection.host}", connection.host, ip, kind)


class _HTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _check_peer(self)


class _HTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _check_peer(self)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> Any:
        if req.has_proxy():  # the proxy is what we reach; the URL's host was checked
            return self.do_open(http.client.HTTPConnection, req)
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_HTTPSConnection, req, context=self._context)  # type: ignore[attr-defined]


class _Redirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def public_opener() -> urllib.request.OpenerDirector:
    """An opener whose every connection and redirect goes to public addresses only."""
    return urllib.request.build_opener(_HTTPHandler, _HTTPSHandler, _Redirects)
