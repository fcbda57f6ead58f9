"""Bad input: each gets one error line naming it and the reason; the batch goes on."""

from __future__ import annotations

import hashlib
import http.server
import itertools
import os
import socket
import sqlite3
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from talkwatch import parts
from talkwatch.cli import cli
from talkwatch.ingest import InputError, Pending, decode, expand, read
from talkwatch.records import Document, RawInput, Section

GOOD = "Kremlin spokesman Dmitry Peskov said Moscow was ready to discuss a ceasefire.\n"


def raw(data: bytes, name: str = "x.txt") -> RawInput:
    return RawInput(name, name, data)


# -- files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "x.txt: the file is empty."),
        (b" \n\t\n", "x.txt: the file is empty."),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "x.txt: this is a PDF file, not a text document."),
        (b"\x89PNG\r\n\x1a\n", "x.txt: this is a PNG image, not a text document."),
        (b"\xff\xd8\xff\xe0 JFIF", "x.txt: this is a JPEG image, not a text document."),
        (b"GIF89a", "x.txt: this is a GIF image, not a text document."),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "x.txt: this is a WebP image, not a text document."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1", "x.txt: this is an old Office document, not a text"),
        (b"\x1f\x8b\x08\x00", "x.txt: this is a gzip archive, not a text document."),
        (b"abc\x00\x01\x02def", "x.txt: binary data, not a text document."),
        (bytes(range(1, 32)) * 50, "x.txt: binary data, not a text document."),
        # a UTF-32 byte-order mark and 7 bytes: two undecodable characters, no letters
        (b"\xff\xfe\x00\x00garbage", "x.txt: there are no letters or digits in it"),
        (b"* * *\n---\n", "x.txt: there are no letters or digits in it"),
        ("\ufeffab".encode("utf-16-le") + b"\x00\xd8" * 20, "x.txt: it starts with a UTF-16"),
        # a UTF-16 byte-order mark and ten bytes: "Ā", three CJK letters and a NUL (a new user's)
        (b"\xff\xfe\x00\x01binary\x00\x00", "x.txt: binary data, not a text document."),
    ],
)
def test_empty_and_binary_data_is_refused_in_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(raw(data))
    assert str(caught.value).startswith(reason)


def test_a_zip_archive_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("story.txt", GOOD)
    with pytest.raises(InputError, match="this is a zip archive"):
        decode(raw(archive.read_bytes()))


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_legacy_and_unicode_encodings_are_decoded(encoding: str) -> None:
    text = "Le négociateur a déclaré à Genève que la trêve était « possible », a-t-il ajouté."
    if encoding == "cp1252":
        text = text.replace("« possible »", "“possible”")
    assert decode(raw(text.encode(encoding))) == text


def test_invalid_utf8_is_decoded_not_refused() -> None:
    data = b"Peskov said \xff the talks were over, he added. " * 3
    assert "the talks were over" in decode(raw(data))


def test_windows_1252_keeps_quotation_marks_and_dashes_and_warns() -> None:
    text = (
        "Peskov called the \u201cpeace plan\u201d \u2013 in his words \u2013 \u201cpremature\u201d."
    )
    warnings: list[str] = []
    assert decode(raw(text.encode("cp1252"), "wire.txt"), warnings.append) == text
    assert warnings == ["wire.txt: not UTF-8; decoded as Windows-1252, a guess."]
    latin = "Le n\u00e9gociateur a dit \u00ab non \u00bb \u00e0 Gen\u00e8ve."
    warnings.clear()
    assert decode(raw(latin.encode("latin-1") + b"\x81"), warnings.append) == latin + "\x81"
    assert warnings == ["x.txt: not UTF-8; decoded as Latin-1, a guess."]


def test_utf8_with_a_stray_bad_byte_stays_utf8() -> None:
    data = "He said \u201cno\u201d \u2013 twice. ".encode() * 3 + b"\xff"
    warnings: list[str] = []
    decoded = decode(raw(data), warnings.append)
    assert decoded.startswith("He said \u201cno\u201d \u2013 twice.") and decoded.endswith("\ufffd")
    assert warnings == ["x.txt: not valid UTF-8 in 1 place; decoded as UTF-8 with a \ufffd there."]
    assert decode(
        raw("Песков сказал, что переговоры окончены и ничего не согласовано.".encode("cp1251"))
    ) == ("Песков сказал, что переговоры окончены и ничего не согласовано.")


def test_ingest_of_a_windows_1252_file_warns_and_stores_the_quotes(tmp_path: Path) -> None:
    story = tmp_path / "wire.txt"
    story.write_bytes(
        "Kremlin spokesman Dmitry Peskov said the \u201cpeace plan\u201d was premature.\n".encode(
            "cp1252"
        )
    )
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(cli, ["ingest", str(story), "--db", db, "-q"])
    assert result.exit_code == 0
    assert result.stderr == f"warning: {story}: not UTF-8; decoded as Windows-1252, a guess.\n"
    with sqlite3.connect(db) as stored:
        (text,) = stored.execute("SELECT text FROM documents").fetchone()
    stored.close()
    assert "the \u201cpeace plan\u201d was premature" in text


def test_a_page_of_menus_and_buttons_is_no_article_and_the_rest_is_ingested(
    tmp_path: Path,
) -> None:
    menus = tmp_path / "menus.html"
    menus.write_text(
        '<html><body><nav>Home | World | Share</nav><div class="ad">Buy now</div></body></html>'
    )
    story = tmp_path / "story.html"
    story.write_text(
        "<html><body><article><p>Kremlin spokesman Dmitry Peskov said on Monday that the "
        "talks in Riyadh had been useful for both delegations.</p></article></body></html>"
    )
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(cli, ["ingest", str(menus), str(story), "--db", db, "-q"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {menus}: no article text found on the page, only menus, links or captions.\n"
    )
    with sqlite3.connect(db) as stored:
        assert stored.execute("SELECT name FROM documents").fetchall() == [("story.html",)]
    stored.close()


def test_an_over_limit_file_is_refused_with_how_to_raise_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as out:  # 50 MB, written in chunks
        for _ in range(50):
            out.write((GOOD * 14_000)[: 1024 * 1024].encode())
    pending = Pending("big.txt", str(big), "text/plain")
    with pytest.raises(InputError) as caught:
        read(pending)  # the default limit: 10 MB (peak memory stays under 600 MB)
    assert str(caught.value) == "big.txt: larger than the 10 MB limit (raise it with --max-size)."
    assert len(read(pending, max_bytes=60 * 1024 * 1024).data) == 50 * 1024 * 1024


def test_unreadable_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The system refuses a file and a folder (as it does to a user, though not to root)."""
    (tmp_path / "locked.txt").write_text(GOOD)
    (tmp_path / "open.txt").write_text(GOOD)
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "inside.txt").write_text(GOOD)
    real_open, real_scandir = Path.open, os.scandir

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def refusing_scandir(path: Any = ".") -> Any:
        if Path(path).name == "private":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "open", refusing_open)
    monkeypatch.setattr(os, "scandir", refusing_scandir)
    found = list(expand([str(tmp_path)]))
    pending = {p.name: p for p in found if isinstance(p, Pending)}
    assert sorted(pending) == ["locked.txt", "open.txt"]  # nothing from inside the folder
    (error,) = [str(e) for e in found if isinstance(e, InputError)]
    assert "private: folder cannot be read (Permission denied)." in error
    with pytest.raises(InputError, match="locked.txt: permission denied"):
        read(pending["locked.txt"])
    assert read(pending["open.txt"]).data == GOOD.encode()  # the rest goes through


def test_a_pipe_in_a_folder_is_reported_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (error,) = list(expand([str(tmp_path)]))
    assert isinstance(error, InputError) and "pipe.txt: not a regular file" in str(error)


def test_symlink_loop_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD)
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink(tmp_path / "sub" / "self", tmp_path / "sub" / "self")  # a link to itself
    found = list(expand([str(tmp_path)]))
    assert [p.name for p in found if isinstance(p, Pending)] == ["a.txt"]
    errors = [str(p) for p in found if isinstance(p, InputError)]
    assert any("loop: skipped, a folder link loops back" in e for e in errors)


def test_a_file_symlink_loop_is_one_error_and_the_rest_is_ingested(tmp_path: Path) -> None:
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / "sub" / "good.txt").write_text(GOOD)
    os.symlink("b.txt", news / "sub" / "a.txt")  # a.txt -> b.txt -> a.txt
    os.symlink("a.txt", news / "sub" / "b.txt")
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(cli, ["ingest", str(news), "--db", db, "-q"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {news / 'sub' / 'a.txt'}: skipped, a symbolic link that loops.",
        f"error: {news / 'sub' / 'b.txt'}: skipped, a symbolic link that loops.",
    ]
    assert "1 new document" in result.stdout


def test_an_error_for_a_file_in_a_folder_names_its_path(tmp_path: Path) -> None:
    news = tmp_path / "news"
    (news / "2025" / "march").mkdir(parents=True)
    (news / "2025" / "march" / "empty.txt").write_text("")
    (news / "good.txt").write_text(GOOD)
    result = CliRunner().invoke(cli, ["ingest", str(news), "--db", str(tmp_path / "t.db"), "-q"])
    assert result.stderr.splitlines() == [
        f"error: {news / '2025' / 'march' / 'empty.txt'}: the file is empty."
    ]


def test_files_a_folder_holds_that_are_not_text_are_named_as_skipped(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "good.txt").write_text(GOOD)
    (news / "briefing.pdf").write_bytes(b"%PDF-1.7 ...")
    (news / "notes").write_text("a file with no suffix")
    (news / ".DS_Store").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(cli, ["ingest", str(news), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0
    kinds = ".txt, .text, .md, .markdown, .html, .htm"
    assert result.stderr.splitlines() == [
        f"warning: {news}: skipped 2 files (briefing.pdf, notes); "
        f"from a folder only {kinds} files are read."
    ]
    assert "1 new document" in result.stdout
    for n in range(4):
        (news / "photos").mkdir(exist_ok=True)
        (news / "photos" / f"{n}.jpg").write_bytes(b"\xff\xd8\xff")
    result = CliRunner().invoke(cli, ["ingest", str(news), "--db", str(tmp_path / "t.db")])
    assert result.stderr.splitlines() == [
        f"warning: {news}: skipped 6 files (briefing.pdf, notes, photos/0.jpg and 3 more); "
        f"from a folder only {kinds} files are read."
    ]



def test_a_folder_with_nothing_to_read_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "inbox"
    (empty / "drafts").mkdir(parents=True)
    (empty / ".hidden.txt").write_text(GOOD)
    result = CliRunner().invoke(cli, ["ingest", str(empty), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {empty}: no files to read; from a folder only "
        ".txt, .text, .md, .markdown, .html, .htm files are read."
    ]
    assert "Read 0 inputs" in result.stdout


# -- long text -----------------------------------------------------------------


def test_long_texts_are_cut_into_parts_covering_them() -> None:
    line = "Peskov said the talks were over and nothing was agreed. " * 40_000  # 2.2 MB, one line
    cut = parts.split(line)
    assert len(cut) > 1 and cut[-1].last and not any(p.last for p in cut[:-1])
    assert all(p.end - p.start <= parts.PART_CHARS for p in cut)
    for before, after in itertools.pairwise(cut):
        assert line[before.end : after.start].isspace() and before.end <= after.start
    assert parts.split("short") == [parts.Part(0, 5, True)]
    no_stops = "x" * 12_001
    assert [(p.start, p.end) for p in parts.split(no_stops)] == [
        (0, 5_000),
        (5_000, 10_000),
        (10_000, 12_001),
    ]
    run_on = "and they said " * 1_000  # 14,000 characters without a sentence end
    assert all(p.end - p.start <= parts.SENTENCE_CHARS for p in parts.split(run_on))


def test_parse_batches_are_bounded_in_characters() -> None:
    from talkwatch.pipeline import BATCH_SIZE, PARSE_CHARS, batches

    paragraph = "Peskov said the talks were over and nothing was agreed. " * 30
    long_text = "\n\n".join([paragraph] * 200)  # 340,000 characters: seven parts
    short = [(paragraph, n) for n in range(40)]  # forty short documents
    pieces = [(long_text[p.start : p.end], p) for p in parts.split(long_text)]
    cut = list(batches([*short[:3], *pieces, *short[3:]]))
    assert [piece for batch in cut for piece in batch] == [*short[:3], *pieces, *short[3:]]
    for batch in cut:
        assert len(batch) <= BATCH_SIZE
        assert len(batch) == 1 or sum(len(text) for text, _ in batch) <= PARSE_CHARS
    assert max(len(b) for b in cut) == BATCH_SIZE  # short documents still go together


def test_paragraph_breaks_start_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Talks in Istanbul\n\nPeskov said the talks were over. Lavrov agreed\n\nZelensky did not."
    )
    assert [s.text.strip() for s in nlp(text).sents] == [
        "Talks in Istanbul",
        "Peskov said the talks were over.",
        "Lavrov agreed",
        "Zelensky did not.",
    ]


def test_a_paragraph_never_splits_after_its_first_word_before_a_lower_case_word(
    nlp,
) -> None:  # type: ignore[no-untyped-def]
    # the parse alone takes "Moscow" for a dateline sentence of its own
    text = (
        "Talks in Istanbul\n\nMoscow and Kiev must agree on the memorandum before ceasefire "
        "talks can take place, Dmitry Peskov has said."
    )
    assert [s.text.strip() for s in nlp(text).sents] == [
        "Talks in Istanbul",
        "Moscow and Kiev must agree on the memorandum before ceasefire talks can take place, "
        "Dmitry Peskov has said.",
    ]


def test_a_long_one_line_document_is_analysed_in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    from talkwatch.pipeline import Analyzer

    monkeypatch.setattr("talkwatch.pipeline.split", lambda text: parts.split(text, 3_000))
    sentence = "Kremlin spokesman Dmitry Peskov said Moscow was ready to discuss a ceasefire. "
    text = (sentence * 300).strip()  # one 23,000-character line
    doc = Document(
        hashlib.sha256(text.encode()).hexdigest(),
        "x",
        "x",
        text,
        text,
        (Section("body", 0, len(text)),),
    )
    statements = Analyzer.load().analyse(doc)
    assert len(statements) >= 250
    for st in statements:
        assert (
            st.quote
            == text[st.span.start : st.span.end]
            == "Moscow was ready to discuss a ceasefire"
        )
        assert text[st.sentence_span.start : st.sentence_span.end] == st.sentence
        assert st.speaker == "Dmitry Peskov"


def test_an_html_page_that_is_all_scripts_has_no_article(tmp_path: Path) -> None:
    page = tmp_path / "news" / "scripts.html"
    page.parent.mkdir()
    page.write_text(
        "<html><head><script>var a = 1;</script></head><body>"
        + "<script>console.log('x');</script>" * 50
        + "<noscript>Enable JavaScript.</noscript></body></html>"
    )
    (page.parent / "good.txt").write_text(GOOD)
    result = CliRunner().invoke(cli, ["ingest", str(page.parent), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {page}: no article text found."
    assert "1 new document" in result.stdout


@pytest.mark.parametrize("depth", [300, 5_000])
def test_a_deeply_nested_html_page_keeps_its_text(depth: int, tmp_path: Path) -> None:
    article = (
        "<h1>Talks resume</h1><p>Kremlin spokesman Dmitry Peskov said Moscow was ready to discuss "
        "a ceasefire.</p><p>The talks would continue next week in Istanbul, officials said.</p>"
    )
    page = tmp_path / "nested.html"
    page.write_text(
        "<html><head><title>Talks resume</title><script>var x = '<p>no</p>';</script></head>"
        "<body>"
        + "<div><span>" * (depth // 2)
        + article
        + "</span></div>" * (depth // 2)
        + "<nav><a href='/'>Home</a></nav></body></html>"
    )
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(cli, ["ingest", str(page), "--db", db, "-q"])
    assert result.exit_code == 0, result.stderr
    assert "1 new document with 2 statements" in result.stdout
    with sqlite3.connect(db) as stored:
        (text,) = stored.execute("SELECT text FROM documents").fetchone()
    stored.close()
    assert text == (
        "Talks resume\n\nKremlin spokesman Dmitry Peskov said Moscow was ready to discuss a "
        "ceasefire.\n\nThe talks would continue next week in Istanbul, officials said."
    )


# -- URLs ----------------------------------------------------------------------


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/ok":
            self.reply(200, b"<html><body><p>" + GOOD.encode() + b"</p></body></html>")
        elif self.path == "/missing":
            self.reply(404, b"not here")
        elif self.path == "/broken":
            self.reply(500, b"oops")
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop2" if self.path == "/loop" else "/loop")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(3)
            self.reply(200, b"too late")
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"<p>word</p>")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/pdf":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.end_headers()
            self.wfile.write(b"%PDF-1.7")

    def reply(self, code: int, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (the timeouts) breaks the pipe: expected


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "the server answered 404 Not Found."),
        ("/broken", "the server answered 500 Internal Server Error."),
        ("/loop", "redirects in a loop or too many times."),
        ("/slow", "no answer within 1 second (raise it with --timeout)."),
        ("/trickle", "no answer within 1 second (raise it with --timeout)."),
        ("/pdf", "the server sent application/pdf, not a text page."),
    ],
)
def test_bad_urls_get_one_line_naming_them(server: str, path: str, reason: str) -> None:
    url = server + path
    with pytest.raises(InputError) as caught:
        read(Pending(url, url, "text/html"), timeout=1.0)
    assert str(caught.value) == f"{url}: {reason}"


def test_a_batch_with_bad_urls_still_ingests_the_rest(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = [server + p for p in ("/missing", "/broken", "/loop", "/slow", "/ok")]
    command = ["ingest", *urls, "--db", str(tmp_path / "t.db"), "-q", "--timeout", "1"]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {server}/missing: the server answered 404 Not Found.",
        f"error: {server}/broken: the server answered 500 Internal Server Error.",
        f"error: {server}/loop: redirects in a loop or too many times.",
        f"error: {server}/slow: no answer within 1 second (raise it with --timeout).",
    ]
    assert "1 new document with 1 statement" in result.stdout


def test_a_text_repeated_in_one_batch_is_named_once_stored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD)
    command = ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-q"]
    result = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {tmp_path / 'b.txt'}: the same text as {(tmp_path / 'a.txt').resolve()}, "
        "which is stored; not stored again."
    ]


def test_other_schemes_and_unreachable_hosts_are_named_in_words(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    with socket.socket() as probe:  # a port just free: nothing listens on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = f"http://127.0.0.1:{port}/x"
    upper = refused.replace("http://", "HTTP://")
    targets = ["not-a-url://", "ftp://example.org/a.txt", upper, str(tmp_path / "a.txt")]
    result = CliRunner().invoke(cli, ["ingest", *targets, "--db", str(tmp_path / "t.db"), "-q"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: not-a-url://: only http:// and https:// addresses can be fetched.",
        "error: ftp://example.org/a.txt: only http:// and https:// addresses can be fetched.",
        f"error: {refused}: cannot be fetched: the server refused the connection.",
    ]
    assert "1 new document with 1 statement" in result.stdout


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://exa mple.com/a", "it holds a space or a control character"),
        ("http://[::1", "its host is not a valid IPv6 address"),
        ("http://example.com:99999/a", "port out of range 0-65535"),
    ],
)
def test_a_malformed_address_is_one_line_and_the_batch_goes_on(
    tmp_path: Path, url: str, reason: str
) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    command = ["ingest", url, str(tmp_path / "good.txt"), "--db", str(tmp_path / "t.db"), "-q"]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {url}: not a valid web address: {reason}."]
    assert "1 new document with 1 statement" in result.stdout


def test_a_malformed_feed_address_is_refused_in_words(tmp_path: Path) -> None:
    command = ["feeds", "add", "http://[::1", "--db", str(tmp_path / "t.db")]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: http://[::1: not a valid web address: its host is not a valid IPv6 address."
    )
