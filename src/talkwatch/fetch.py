"""Polite HTTP for watching feeds: one request at a time per host, with a delay.

``Fetcher.get`` asks a host at most one thing at a time and waits ``delay``
seconds (or the robots.txt Crawl-delay, if longer) between two requests to
it; it reads robots.txt once per host and refuses what it disallows; it
sends the ETag and Last-Modified of the previous answer (conditional GET),
so an unchanged feed costs a 304 and no body; it gives up on an answer that
has not arrived in full within ``timeout`` seconds, and retries timeouts,
lost connections, 429 and 5xx answers ``retries`` times, waiting
``backoff`` seconds and twice as long each time after.

Every failure is a ``FetchError`` whose message names the URL and the reason.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from .ingest import USER_AGENT
from .neterrors import address_problem, why

DEFAULT_DELAY = 1.0  # seconds between two requests to one host
DEFAULT_TIMEOUT = 20.0  # seconds for a whole answer
DEFAULT_RETRIES = 2
DEFAULT_BACKOFF = 1.0  # seconds before the first retry; doubled after each
MAX_BYTES = 20 * 1024 * 1024
ROBOTS_MAX_AGE = 86_400.0  # seconds a host's robots.txt is trusted before it is read again
MAX_WAIT = 60.0  # never wait longer than this for a host (Crawl-delay, Retry-After)
RETRIED_STATUSES = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A URL that could not be fetched; the message names it and says why."""


class Disallowed(FetchError):
    """The site's robots.txt does not allow the URL: asking again will not help."""


class Refused(FetchError):
    """The server (410 Gone) or the size limit refuses the URL: asking again will not
    help."""


@dataclass(frozen=True)
class Answer:
    """A fetched URL: ``status`` 200 with a body, or 304 (unchanged) without one."""

    url: str  # after redirects
    status: int
    body: bytes
    media_type: str
    etag: str = ""
    modified: str = ""
    truncated: bool = False  # the body was cut at the size limit

    @property
    def unchanged(self) -> bool:
        return self.status == 304


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = 0.0  # monotonic time the last request to it ended
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_read: float = 0.0  # monotonic time it was last read; 0 for never


@dataclass
class Fetcher:
    """Shared by the threads of a watch; per-host state lives as long as it does."""

    delay: float = DEFAULT_DELAY
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    backoff: float = DEFAULT_BACKOFF
    user_agent: str = USER_AGENT
    # how to wait between requests; by default until the wait is over or ``stopping`` is set
    sleep: Callable[[float], object] | None = None
    requests: int = 0  # requests sent (robots.txt included), for reports and benches
    # set when the watch stops (Ctrl-C): no new request, no more waiting; a request under
    # way ends within ``timeout``
    stopping: threading.Event = field(default_factory=threading.Event)
    _hosts: dict[str, _Host] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def get(
        self, url: str, etag: str = "", modified: str = "", max_bytes: int = MAX_BYTES,
        truncate: bool = False,
    ) -> Answer:  # fmt: skip
        """GET ``url`` politely; raises FetchError.

        Past ``max_bytes`` the answer is refused, or with ``truncate`` cut there.
        """
        problem = address_problem(url)
        if problem:
            raise FetchError(f"{url}: not a valid web address: {problem}.")
        parts = urlsplit(url)
        host = self._host(parts.netloc.lower())
        with host.lock:
            if not self._allowed(parts.scheme, parts.netloc.lower(), host, url):
                raise Disallowed(f"{url}: the site's robots.txt does not allow fetching it.")
            headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
            return self._with_retries(url, headers, host, max_bytes, truncate)

    def _host(self, netloc: str) -> _Host:
        with self._guard:
            return self._hosts.setdefault(netloc, _Host())

    def _wait_turn(self, host: _Host) -> None:
        pause = self.delay
        if host.robots is not None:
            crawl_delay = host.robots.crawl_delay(self.user_agent)
            if crawl_delay:
                pause = max(pause, min(float(crawl_delay), MAX_WAIT))
        remaining = host.last + pause - time.monotonic()
        if host.last and remaining > 0:
            self._pause(remaining)

    def _pause(self, seconds: float) -> None:
        (self.sleep or self.stopping.wait)(seconds)

    def _allowed(self, scheme: str, netloc: str, host: _Host, url: str) -> bool:
        """Read robots.txt the first time a host is asked; a missing one allows all."""
        if not host.robots_read or time.monotonic() - host.robots_read > ROBOTS_MAX_AGE:
            host.robots_read = time.monotonic()
            host.robots = None
            robots_url = f"{scheme}://{netloc}/robots.txt"
            headers = {"User-Agent": self.user_agent}
            try:
                answer = self._with_retries(robots_url, headers, host, 512 * 1024, True, 0)
            except FetchError:
                answer = None  # no robots.txt (or none answering): nothing is forbidden
            if answer is not None and answer.status == 200:
                parser = urllib.robotparser.RobotFileParser(robots_url)
                parser.parse(answer.body.decode("utf-8", errors="replace").splitlines())
                host.robots = parser
        return host.robots is None or host.robots.can_fetch(self.user_agent, url)

    def _with_retries(
        self, url: str, headers: dict[str, str], host: _Host, max_bytes: int, truncate: bool,
        retries: int | None = None,
    ) -> Answer:  # fmt: skip
        retries = self.retries if retries is None else retries
        attempt = 0
        while True:
            self._wait_turn(host)
            if self.stopping.is_set():
                raise FetchError(f"{url}: not fetched, as the watch is stopping.")
            try:
                return self._once(url, headers, max_bytes, truncate)
            except _Retry as retry:
                attempt += 1
                if attempt > retries:
                    tries = f" after {attempt} tries" if attempt > 1 else ""
                    raise FetchError(f"{url}: {retry.reason}{tries}.") from None
                wait = self.backoff * 2 ** (attempt - 1)
                self._pause(min(max(wait, retry.after), MAX_WAIT))
            finally:
                host.last = time.monotonic()

    def _once(self, url: str, headers: dict[str, str], max_bytes: int, truncate: bool) -> Answer:
        self.requests += 1
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                deadline = time.monotonic() + self.timeout
                body, cut = _read_within(response, max_bytes, deadline, self.timeout, url)
                if cut and not truncate:
                    limit = max(1, max_bytes // (1024 * 1024))
                    raise Refused(f"{url}: larger than the {limit} MB limit.")
                return Answer(
                    response.geturl(),
                    response.status,
                    body,
                    response.headers.get_content_type(),
                    response.headers.get("ETag", ""),
                    response.headers.get("Last-Modified", ""),
                    cut,
                )
        except urllib.error.HTTPError as err:
            if err.code == 304:
                return Answer(url, 304, b"", "", err.headers.get("ETag", ""), "")
            reason = f"the server answered {err.code} {err.reason}"
            if err.code in RETRIED_STATUSES:
                raise _Retry(reason, _retry_after(err.headers.get("Retry-After"))) from None
            if err.code == 410:  # gone for good; a 404 can be a page not yet (re)published
                raise Refused(f"{url}: {reason}.") from None
            raise FetchError(f"{url}: {reason}.") from None
        except urllib.error.URLError as err:
            if isinstance(err.reason, TimeoutError):
                raise _Retry(f"no answer within {self.timeout:g} s") from None
            raise _Retry(f"cannot be reached: {why(err.reason)}") from None
        except TimeoutError:
            raise _Retry(f"no answer within {self.timeout:g} s") from None
        except (OSError, ValueError) as err:  # a connection dropped mid-answer, a bad header
            raise _Retry(f"the connection failed: {why(err)}") from None
        except http.client.HTTPException:  # a status line or header not HTTP's
            raise FetchError(f"{url}: the server's answer is not valid HTTP.") from None


class _Retry(Exception):
    def __init__(self, reason: str, after: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.after = after


def _retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (a number or an HTTP date)."""
    if not value:
        return 0.0
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0


def _read_within(
    response: object, limit: int, deadline: float, timeout: float, url: str
) -> tuple[bytes, bool]:
    """Up to ``limit`` bytes before ``deadline`` (a host may trickle); and whether cut."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        if time.monotonic() > deadline:
            raise _Retry(f"no complete answer within {timeout:g} s")
        chunk = response.read1(min(65536, limit + 1 - size))  # type: ignore[attr-defined]
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)[:limit], True
