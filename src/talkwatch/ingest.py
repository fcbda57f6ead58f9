"""Read inputs (files, folders, stdin, URLs) into RawInput records.

Every failure is an ``InputError`` whose message is one sentence naming the
input and the reason, so a batch can report it and go on with the rest.
"""

from __future__ import annotations

import codecs
import errno
import http.client
import os
import sys
import time
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from . import public_urls
from .neterrors import address_problem, why
from .records import RawInput

TEXT_SUFFIXES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a 20 MB document passes 600 MB of memory; 3 MB: 390 MB
URL_TIMEOUT = 20.0  # seconds for a whole page (ingest --timeout)
USER_AGENT = "talkwatch/0.1 (+https://pypi.org/project/talkwatch/)"

_BINARY_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"SQLite format 3": "an SQLite database",
    b"\x7fELF": "a program binary",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\xfd7zXZ": "an xz archive",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"\x00\x00\x01\x00": "an icon image",
    b"OggS": "an Ogg audio or video file",
    b"ID3\x03": "an MP3 audio file",
    b"ID3\x04": "an MP3 audio file",
    b"fLaC": "a FLAC audio file",
    b"\x1aE\xdf\xa3": "a video file",
    b"wOFF": "a web font",
}
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_NOT_TEXT = {"Cc", "Co", "Cn", "Cs"}


class InputError(Exception):
    """An input that cannot be read; the message names it and says why."""


class RefusedURL(InputError):
    """A URL that leads to this machine or a private network, when those are not allowed."""


@dataclass(frozen=True)
class Skipped:
    """Files in a folder that are not read, because their names say they are not text."""

    folder: str
    paths: tuple[str, ...]

    def __str__(self) -> str:
        kinds = ", ".join(TEXT_SUFFIXES)
        if not self.paths:
            return f"{self.folder}: no files to read; from a folder only {kinds} files are read."
        names = [os.path.relpath(p, self.folder) for p in self.paths[:3]]
        more = f" and {len(self.paths) - 3} more" if len(self.paths) > 3 else ""
        files = "file" if len(self.paths) == 1 else "files"
        return (
            f"{self.folder}: skipped {len(self.paths)} {files} ({', '.join(names)}{more}); "
            f"from a folder only {kinds} files are read."
        )


@dataclass(frozen=True)
class Pending:
    """An input found on the command line, not yet read."""

    name: str
    origin: str
    media_type: str
    path: str = ""  # a file's path as given or found in a folder, for messages

    @property
    def label(self) -> str:
        return self.path or self.name


def expand(targets: list[str]) -> Iterator[Pending | InputError | Skipped]:
    """Turn command-line targets into inputs; folders are walked recursively."""
    for target in targets:
        if target == "-":
            yield Pending("<stdin>", "-", "text/plain")
        elif target.lower().startswith(("http://", "https://")):
            scheme, rest = target.split("://", 1)  # "HTTP://..." is fetched as "http://..."
            url = f"{scheme.lower()}://{rest}"
            yield Pending(url, url, "text/html")
        elif "://" in target and not Path(target).exists():
            yield InputError(f"{target}: only http:// and https:// addresses can be fetched.")
        else:
            yield from _expand_path(Path(target))


def _expand_path(path: Path) -> Iterator[Pending | InputError | Skipped]:
    if path.is_symlink() and _loops(path):
        yield InputError(f"{path}: skipped, a symbolic link that loops.")
    elif not path.exists():
        yield InputError(f"{path}: no such file or folder.")
    elif path.is_dir():
        yield from _walk(path)
    elif not path.is_file():
        yield InputError(f"{path}: not a regular file (a device, pipe or socket).")
    else:
        media = TEXT_SUFFIXES.get(path.suffix.lower(), "text/plain")
        yield Pending(path.name, str(path.resolve()), media, str(path))


def _walk(folder: Path) -> Iterator[Pending | InputError | Skipped]:
    """Supported files under a folder in a stable order; symlink loops are skipped."""
    seen: set[tuple[int, int]] = set()
    unreadable: list[OSError] = []
    skipped: list[str] = []
    found = False
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=unreadable.append):
        yield from (_folder_error(err) for err in unreadable)
        unreadable.clear()
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in seen:
            dirs[:] = []
            yield InputError(f"{root}: skipped, a folder link loops back to a parent folder.")
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            media = TEXT_SUFFIXES.get(path.suffix.lower())
            if not media and not name.startswith("."):
                skipped.append(str(path))  # "report.pdf", "notes": said, not silently dropped
            elif media and not name.startswith("."):
                found = True  # read, or said why not
                if path.is_symlink() and _loops(path):
                    yield InputError(f"{path}: skipped, a symbolic link that loops.")
                elif path.is_file() or not path.exists():  # a missing link target reports itself
                    yield Pending(path.name, str(path.resolve()), media, str(path))
                else:
                    yield InputError(f"{path}: not a regular file (a device, pipe or socket).")
    yield from (_folder_error(err) for err in unreadable)
    if skipped or not found:  # an empty folder is said too: nothing was read from it
        yield Skipped(str(folder), tuple(skipped))


def _loops(path: Path) -> bool:
    """A link that leads back to itself (a -> b -> a): resolving it never ends."""
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python before 3.13 says "Symlink loop"
        return True
    except OSError as err:
        return err.errno == errno.ELOOP
    return False


def _folder_error(err: OSError) -> InputError:
    return InputError(f"{err.filename}: folder cannot be read ({err.strerror or err}).")


def read(
    pending: Pending,
    max_bytes: int = DEFAULT_MAX_BYTES,
    date: str | None = None,
    timeout: float | None = None,
    private_urls: bool = True,
) -> RawInput:
    """Read the bytes of one input; raises InputError.

    ``timeout`` is for URLs, and ``private_urls=False`` refuses URLs that lead
    to loopback, private or link-local addresses (RefusedURL).
    """
    if pending.origin == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        media = sniff_media_type(data, pending.media_type)
    elif pending.origin.startswith(("http://", "https://")):
        data, media = fetch_url(pending.origin, max_bytes, timeout or URL_TIMEOUT, private_urls)
    else:
        data = _read_file(Path(pending.origin), pending.label, max_bytes)
        media = pending.media_type
    _check_size(pending.label, data, max_bytes)
    return RawInput(pending.name, pending.origin, data, media, date, path=pending.path)


def _read_file(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{name}: permission denied.") from None
    except OSError as err:
        raise InputError(f"{name}: cannot be read ({err.strerror or err}).") from None


def _check_size(name: str, data: bytes, max_bytes: int) -> None:
    if len(data) > max_bytes:
        limit = max_bytes // (1024 * 1024) or 1
        raise InputError(f"{name}: larger than the {limit} MB limit (raise it with --max-size).")


def fetch_url(
    url: str, max_bytes: int, timeout: float = URL_TIMEOUT, private: bool = True
) -> tuple[bytes, str]:
    """GET a page within ``timeout`` seconds in all; returns its bytes and media type.

    With ``private=False`` only public addresses are fetched, redirects included.
    """
    problem = address_problem(url)
    if problem:
        raise InputError(f"{url}: not a valid web address: {problem}.")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        if private:
            opener = urllib.request.build_opener()
        else:
            public_urls.check_url(url)
            opener = public_urls.public_opener()
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if not content_type.startswith("text/") and "xml" not in content_type:
                raise InputError(f"{url}: the server sent {content_type}, not a text page.")
            data = _read_within(response, max_bytes + 1, time.monotonic() + timeout)
    except public_urls.PrivateAddress as err:
        raise RefusedURL(str(err)) from None
    except urllib.error.HTTPError as err:
        if 300 <= err.code < 400:
            raise InputError(f"{url}: redirects in a loop or too many times.") from None
        raise InputError(f"{url}: the server answered {err.code} {err.reason}.") from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise InputError(f"{url}: no answer within {_seconds(timeout)}.") from None
        raise InputError(f"{url}: cannot be fetched: {why(err.reason)}.") from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {_seconds(timeout)}.") from None
    except OSError as err:
        raise InputError(f"{url}: cannot be fetched: {why(err)}.") from None
    except (http.client.HTTPException, ValueError):  # a status line or header not HTTP's
        broken = "the server's answer is not valid HTTP"
        raise InputError(f"{url}: cannot be fetched: {broken}.") from None
    media = "text/plain" if content_type == "text/plain" else "text/html"
    return data, media


def _seconds(timeout: float) -> str:
    return f"{timeout:g} second{'s' * (timeout != 1)} (raise it with --timeout)"


def _read_within(response: object, limit: int, deadline: float) -> bytes:
    """Read up to ``limit`` bytes, giving up at ``deadline`` (a server may trickle)."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read1(min(65536, limit - size))  # type: ignore[attr-defined]
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def sniff_media_type(data: bytes, default: str) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "text/html"
    return default


def decode(raw: RawInput, warn: Callable[[str], None] = lambda message: None) -> str:
    """Bytes to text: UTF-8 first, then a legacy encoding; binaries refused.

    When the bytes are not valid UTF-8 the encoding is a guess, and ``warn``
    gets one line naming the input and the guess.
    """
    data = raw.data
    if not data.strip():
        raise InputError(_empty(raw))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoded = data.decode(encoding, errors="replace")
            if "\x00" in decoded:  # no text in UTF-16 or UTF-32 holds a NUL: a mark on binary
                raise InputError(f"{raw.label}: binary data, not a text document.")
            text = _checked(raw, decoded)
            if _undecoded(text):
                raise InputError(
                    f"{raw.label}: it starts with a {encoding.upper()} byte-order mark, "
                    f"but most of it is not {encoding.upper()} text."
                )
            return text
    refuse_binary(raw.label, data)
    try:
        return _checked(raw, data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    text, guess = _legacy(data)
    warn(f"{raw.label}: {guess}")
    return _checked(raw, text)


def _legacy(data: bytes) -> tuple[str, str]:
    """Text that is not valid UTF-8, and a phrase saying how it was decoded.

    Mostly UTF-8 with a few bad bytes stays UTF-8. Text in another alphabet
    (Cyrillic, Greek...) is left to charset detection. Text in the Latin
    alphabet is Windows-1252 when its bytes 0x80-0x9F are all Windows-1252
    characters (curly quotes, dashes, the euro sign: in Latin-1 they would be
    control characters), else Latin-1.
    """
    as_utf8 = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for c in as_utf8 if "\udc80" <= c <= "\udcff")
    good = sum(1 for c in as_utf8 if c > "\x7f" and not "\udc80" <= c <= "\udcff")
    if good > bad:
        text = data.decode("utf-8-sig", errors="replace")
        places = f"{bad} place{'s' * (bad != 1)}"
        return text, f"not valid UTF-8 in {places}; decoded as UTF-8 with a \ufffd there."
    best = from_bytes(data).best()
    if best is not None and _foreign_alphabet(str(best)):
        return str(best), f"not UTF-8; decoded as {best.encoding}, a guess."
    try:
        return data.decode("cp1252"), "not UTF-8; decoded as Windows-1252, a guess."
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8; decoded as Latin-1, a guess."


def _foreign_alphabet(text: str) -> bool:
    """Most non-ASCII letters are outside the Latin alphabet."""
    letters = [c for c in text[:65536] if c > "\x7f" and c.isalpha()]
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return len(letters) > 2 * latin


def refuse_binary(name: str, data: bytes) -> None:
    """Raise InputError for a known binary format or data with NUL bytes."""
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"{name}: this is {what}, not a text document.")
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        raise InputError(f"{name}: this is {_RIFF_KINDS[data[8:12]]}, not a text document.")
    if data.startswith(b"BZh") and data[4:10] == b"1AY&SY":
        raise InputError(f"{name}: this is a bzip2 archive, not a text document.")
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: binary data, not a text document.")


def _empty(raw: RawInput) -> str:
    """An input with no text in it, in the words for what it is."""
    if raw.origin.startswith(("http://", "https://")):
        return f"{raw.label}: the page is empty."
    if raw.origin == "-" or raw.origin.startswith("api:"):
        return f"{raw.label}: there is no text in it."
    return f"{raw.label}: the file is empty."


def _undecoded(text: str) -> bool:
    """More than a quarter of the text's visible characters could not be decoded."""
    visible = [c for c in text[:65536] if not c.isspace()]
    return sum(1 for c in visible if c == "\ufffd") * 4 > len(visible)


def _checked(raw: RawInput, text: str) -> str:
    """Text that is mostly control characters is binary data decoded by accident."""
    name = raw.label
    sample = text[:65536]
    control = sum(1 for c in sample if unicodedata.category(c) in _NOT_TEXT and c not in "\t\n\r\f")
    if control > max(2, len(sample) // 50):
        raise InputError(f"{name}: binary data, not a text document.")
    if not text.strip():
        raise InputError(_empty(raw))
    if not any(c.isalnum() for c in sample):
        raise InputError(f"{name}: there are no letters or digits in it, so no text to read.")
    # A stray NUL past the binary check: no text needs one and PostgreSQL cannot store it.
    return text.replace("\x00", "\ufffd")
