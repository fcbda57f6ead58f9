"""Reading inputs: files, folders, stdin, encodings, bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from talkwatch.ingest import InputError, Pending, decode, expand, read
from talkwatch.records import RawInput


def raw(data: bytes, name: str = "x.txt") -> RawInput:
    return RawInput(name, name, data)


def test_folders_are_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Peskov said so.")
    (tmp_path / "b" / "c.html").write_text("<p>x</p>")
    (tmp_path / "b" / "d.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("no")
    found = list(expand([str(tmp_path)]))
    assert [(p.name, p.media_type) for p in found if isinstance(p, Pending)] == [
        ("a.txt", "text/plain"),
        ("c.html", "text/html"),
    ]


def test_missing_path_is_an_error_naming_it(tmp_path: Path) -> None:
    (error,) = list(expand([str(tmp_path / "nope.txt")]))
    assert isinstance(error, InputError) and "nope.txt: no such file" in str(error)


def test_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("text")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    found = list(expand([str(tmp_path)]))
    assert sum(isinstance(p, Pending) for p in found) == 1
    assert any(isinstance(p, InputError) and "loops back" in str(p) for p in found)


def test_empty_and_binary_inputs_are_refused_with_a_reason() -> None:
    with pytest.raises(InputError, match="empty"):
        decode(raw(b"  \n"))
    with pytest.raises(InputError, match="x.txt: this is a PDF file"):
        decode(raw(b"%PDF-1.7 ..."))
    with pytest.raises(InputError, match="binary data"):
        decode(raw(b"abc\x00\x01\x02def"))


def test_legacy_encodings_are_decoded() -> None:
    text = "Zelensky a déclaré que l’Ukraine ne céderait aucun territoire, a-t-il ajouté."
    assert decode(raw(text.encode("cp1252"))) == text


def test_utf8_with_bom() -> None:
    assert decode(raw("\ufeffPeskov said.".encode())) == "Peskov said."


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    pending = Pending("big.txt", str(big), "text/plain")
    with pytest.raises(InputError, match="big.txt: larger than the 1 MB limit"):
        read(pending, max_bytes=1024 * 1024)
    assert len(read(pending, max_bytes=2 * 1024 * 1024).data) == 1_500_000


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match="locked.txt: permission denied"):
        read(Pending("locked.txt", str(locked), "text/plain"))


def test_unreachable_url_is_an_input_error() -> None:
    pending = Pending("http://127.0.0.1:9/x", "http://127.0.0.1:9/x", "text/html")
    with pytest.raises(InputError, match="127.0.0.1:9/x: cannot be fetched"):
        read(pending)
