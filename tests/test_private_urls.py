"""POST /api/documents refuses URLs that lead to this machine or a private network.

Unless the server was started with --allow-private-urls, every address a host
name resolves to must be a public one, at each redirect too, and the address
actually connected to is checked again. The test server here listens on
loopback, so the tests that fetch from it pass the flag.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from talkwatch import public_urls
from talkwatch.web.app import create_app
from web_helpers import build

AUTH = {"Authorization": "Bearer s3cret"}
STORY = (
    b"<html><body><article><p>Kremlin spokesman Dmitry Peskov said Moscow was ready to "
    b"discuss a ceasefire, and that the talks would go on next week.</p></article></body></html>"
)
hits: list[str] = []


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        hits.append(self.path)
        if self.path == "/away":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.2:{self.server.server_address[1]}/x")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(STORY)))
        self.end_headers()
        self.wfile.write(STORY)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def app(tmp_path: Path, allow_private_urls: bool = False) -> TestClient:
    build(str(tmp_path / "web.db"))
    return TestClient(
        create_app(str(tmp_path / "web.db"), token="s3cret", allow_private_urls=allow_private_urls)
    )


@pytest.mark.parametrize(
    ("url", "host", "address", "kind"),
    [
        ("http://127.0.0.1:{port}/ok", "127.0.0.1", "127.0.0.1", "loopback"),
        ("http://localhost:{port}/ok", "localhost", "127.0.0.1", "loopback"),
        ("http://[::1]:{port}/ok", "::1", "::1", "loopback"),
        ("http://[::ffff:127.0.0.1]:{port}/ok", "::ffff:127.0.0.1", "::ffff:7f00:1", "loopback"),
        ("http://0.0.0.0:{port}/ok", "0.0.0.0", "0.0.0.0", "unspecified"),
        ("http://10.1.2.3/admin", "10.1.2.3", "10.1.2.3", "private"),
        ("https://192.168.0.1/", "192.168.0.1", "192.168.0.1", "private"),
        ("http://169.254.169.254/latest/", "169.254.169.254", "169.254.169.254", "link-local"),
        ("http://[fe80::1]/", "fe80::1", "fe80::1", "link-local"),
        ("http://2130706433:{port}/ok", "2130706433", "127.0.0.1", "loopback"),  # one number
    ],
)
def test_private_addresses_are_refused_before_any_request(
    server: str, tmp_path: Path, url: str, host: str, address: str, kind: str
) -> None:
    url = url.format(port=server.rsplit(":", 1)[1])
    hits.clear()
    answer = app(tmp_path).post("/api/documents", json={"url": url}, headers=AUTH)
    assert answer.status_code == 403, answer.text
    assert answer.json()["detail"] == (
        f"{url}: refused, {host} is a {kind} address ({address}); the server fetches only "
        "public addresses unless started with --allow-private-urls."
    )
    assert hits == []


def test_a_redirect_to_a_private_address_is_refused(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 127.0.0.1 counts as public here, so the first request goes out and its redirect is checked
    kind = public_urls.forbidden_kind
    monkeypatch.setattr(
        public_urls, "forbidden_kind", lambda ip: None if str(ip) == "127.0.0.1" else kind(ip)
    )
    hits.clear()
    answer = app(tmp_path).post("/api/documents", json={"url": server + "/away"}, headers=AUTH)
    assert answer.status_code == 403, answer.text
    port = server.rsplit(":", 1)[1]
    assert answer.json()["detail"] == (
        f"http://127.0.0.2:{port}/x: refused, 127.0.0.2 is a loopback address (127.0.0.2); "
        "the server fetches only public addresses unless started with --allow-private-urls."
    )
    assert hits == ["/away"]


def test_the_flag_allows_private_addresses(server: str, tmp_path: Path) -> None:
    client = app(tmp_path, allow_private_urls=True)
    answer = client.post("/api/documents", json={"url": server + "/ok"}, headers=AUTH)
    assert answer.status_code == 201, answer.text
    assert answer.json()["statements"] >= 1
