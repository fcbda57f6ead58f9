"""Network failures in words a reader can act on, not an errno and its C-library text."""

from __future__ import annotations

import socket
import ssl


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
