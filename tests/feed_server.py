"""A local web server for the watch tests and bench: feeds and article pages.

``Site`` serves a dict of pages on 127.0.0.1 (a port of its own), in a
thread, and records every request. A page can carry an ETag (a matching
If-None-Match is answered 304), a status, a delay before answering, and
can be swapped while the server runs.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str = ""
    delay: float = 0.0  # seconds before answering


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float


class Site:
    def __init__(self, pages: dict[str, Page] | None = None) -> None:
        self.pages: dict[str, Page] = dict(pages or {})
        self.requests: list[Request] = []
        self.posted: list[bytes] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with site.lock:
                    site.requests.append(
                        Request(self.path, dict(self.headers.items()), time.monotonic())
                    )
                    page = site.pages.get(self.path)
                if page is None:
                    self._answer(404, b"not found", "text/plain", "")
                    return
                if page.delay:
                    time.sleep(page.delay)
                if page.etag and self.headers.get("If-None-Match") == page.etag:
                    self._answer(304, b"", "", page.etag)
                    return
                self._answer(page.status, page.body, page.content_type, page.etag)

            def do_POST(self) -> None:  # a webhook receiver
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                with site.lock:
                    site.requests.append(
                        Request(self.path, dict(self.headers.items()), time.monotonic())
                    )
                    site.posted.append(body)
                    page = site.pages.get(self.path)
                status = page.status if page is not None else 204
                self._answer(status, b"", "", "")

            def _answer(self, status: int, body: bytes, kind: str, etag: str) -> None:
                try:
                    self.send_response(status)
                    if kind:
                        self.send_header("Content-Type", kind)
                    if etag:
                        self.send_header("ETag", etag)
                    self.send_header("Last-Modified", formatdate(usegmt=True))
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout under test)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        with self.lock:
            return [r.path for r in self.requests]

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.server.shutdown()
        self.server.server_close()


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 feed; each item may have title, link, pubDate, guid."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
             f"<title>{title}</title><link>http://example.org/</link>"
             "<description>news</description>"]  # fmt: skip
    for item in items:
        fields = "".join(f"<{key}>{value}</{key}>" for key, value in item.items())
        parts.append(f"<item>{fields}</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def article(title: str, paragraphs: list[str], published: str = "", extra_head: str = "") -> bytes:
    """A news article page as sites publish them: navigation, the article, a footer."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{meta}{extra_head}</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>© Example News</footer></body></html>"
    ).encode()
