"""Network failures in words a reader can act on, not an errno and its C-library text."""

from __future__ import annotations

import socket
import ssl
from urllib.parse import urlsplit


def why(reason: object) -> str:
    """Why a URL could not be fetched: "the server refused the connection", not
    "[Errno 111] Connection refused"."""
    if isinstance(reason, socket.gaierror):
        return "the host name cannot be found"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return "its TLS certificate cannot be verified"
    if isinstance(reason, ssl.SSLError):
        return "the secure connection failed"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    if isinstance(reason, ConnectionResetError):
        return "the server closed the connection"
    if isinstance(reason, OSError) and reason.strerror:
        text = str(reason.strerror)
        return text[:1].lower() + text[1:]
    return str(reason)


def address_problem(url: str) -> str | None:
    """Why ``url`` cannot be a web address at all, before anything is asked of the
    network ("http://exa mple.com/a", "http://[::1", "http://host:99999"); None when
    it can be one."""
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url.strip()):
        return "it holds a space or a control character"
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as err:
        return "its host is not a valid IPv6 address" if "IPv6" in str(err) else str(err).lower()
    if parts.scheme not in ("http", "https"):
        return "it is not an http:// or https:// address"
    if not parts.hostname:
        return "it names no host"
    return None
