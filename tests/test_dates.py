"""Dates of documents and of statements."""

from __future__ import annotations

import calendar
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from talkwatch.dates import date_in_text, dated, document_date, statement_date
from test_documents import run


def test_document_date_from_dateline_published_line_and_file_name() -> None:
    assert document_date("ISTANBUL, May 16, 2025 — The delegations met.", "a.txt") == "2025-05-16"
    assert document_date("Published 2025-03-11\nRubio said...", "a.txt") == "2025-03-11"
    assert document_date("No date here.", "wire-2023-07-17.txt") == "2023-07-17"
    assert document_date("No date here.", "wire.txt") is None


def test_given_date_wins() -> None:
    assert document_date("KYIV, March 29, 2022 —", "a.txt", known="2022-04-01") == "2022-04-01"


def test_day_first_dates() -> None:
    assert date_in_text("Talks on 14 March 2025 in Jeddah") == "2025-03-14"


def test_statement_dated_by_its_sentence() -> None:
    assert (
        statement_date("Rubio told reporters on 14 March after the G7", "2025-03-16")
        == "2025-03-14"
    )
    assert (
        statement_date("Peskov said on Sunday that talks would go on", "2025-03-19") == "2025-03-16"
    )
    assert statement_date("Peskov said talks would go on", "2025-03-19") == "2025-03-19"
    assert statement_date("Lavrov told reporters yesterday that", "2025-03-01") == "2025-02-28"


def test_statement_date_without_a_year_is_not_in_the_future() -> None:
    assert statement_date("Zelensky said on December 30 that", "2025-01-05") == "2024-12-30"


def test_a_day_soon_after_the_article_is_of_something_to_come_not_when_it_was_said() -> None:
    sentence = "Lavrov said Moscow proposed holding the second round on June 2 in Istanbul."
    assert statement_date(sentence, "2025-05-29") == "2025-05-29"  # not 2024-06-02
    sentence = "On Wednesday Lavrov stated that the round would open on June 2, 2025."
    assert statement_date(sentence, "2025-05-29") == "2025-05-28"  # the Wednesday before


def test_no_document_date_means_no_statement_date() -> None:
    assert statement_date("He said on 14 March that", None) is None


def test_a_document_date_comes_from_the_first_source_that_gives_one() -> None:
    from talkwatch.dates import dated

    text = "KYIV, March 29, 2022 — The delegations met."
    url = "https://news.example/2022/03/30/talks.html"
    assert dated(text, "a.html", None, "2022-03-31", "2022-04-02", url) == ("2022-03-31", "metadata")
    assert dated(text, "a.html", None, None, "2022-04-02", url) == ("2022-04-02", "feed")
    assert dated(text, "a.html", None, None, None, url) == ("2022-03-30", "url")
    assert dated(text, "a.html", None, None, None, "https://news.example/talks") == (
        "2022-03-29",
        "dateline",
    )
    assert dated("No date.", "wire-20230717.txt") == ("2023-07-17", "file name")
    assert dated("No date.", "wire.txt") == (None, "")
    assert dated(text, "a", "2022-01-01", "2022-03-31") == ("2022-01-01", "given")
    # the page extractor's date that is the dateline's is the dateline's
    assert dated(text, "a.html", None, "2022-03-29", None, url) == ("2022-03-29", "dateline")
    # not a date the text names elsewhere
    waiting = "Kyiv has been waiting since March 29, 2022, for an answer."
    assert dated(waiting, "a.html", None, "2022-03-29") == ("2022-03-29", "metadata")


def test_an_html_page_dated_only_by_its_dateline_says_so(tmp_path: Path) -> None:
    page = tmp_path / "analysis.html"
    page.write_text(
        "<html><head><title>No neutrality without guarantees</title></head><body><article>"
        "<h1>No neutrality without guarantees</h1><p>KYIV, November 22, 2026 (Talk News) — "
        "Ukraine will not give up its ambition to join NATO unless it gets binding security "
        "guarantees, Foreign Minister Andrii Sybiha said on Saturday.</p><p>Russian Foreign "
        "Ministry spokeswoman Maria Zakharova dismissed the remarks on Telegram.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    db = str(tmp_path / "t.db")
    run("ingest", str(page), "--db", db)
    listed = json.loads(run("documents", "--db", db, "--format", "json"))
    assert [(d["date"], d["date_source"]) for d in listed] == [("2026-11-22", "dateline")]


def test_dates_in_web_addresses() -> None:
    from talkwatch.dates import date_in_url

    assert date_in_url("https://x.example/world/2025/3/14/peace-talks") == "2025-03-14"
    assert date_in_url("https://x.example/news/20250314-talks.html") == "2025-03-14"
    assert date_in_url("https://x.example/2025-02-30-not-a-day") is None
    assert date_in_url("https://2025-03-14.example/talks?id=20250101") is None


def test_a_day_inside_the_reported_words_is_not_when_they_were_said() -> None:
    sentence = "Rubio said he would meet Sybiha in Istanbul on Friday."
    said = (sentence.index("he would"), sentence.index("."))
    # a Thursday's article: the Friday is the meeting's, not the day Rubio spoke
    assert statement_date(sentence, "2025-05-15", [said]) == "2025-05-15"
    spoken = "Putin said on Monday that the talks were useful."
    words = (spoken.index("the talks"), spoken.index("."))
    assert statement_date(spoken, "2025-05-15", [words]) == "2025-05-12"


@pytest.mark.parametrize(
    ("sentence", "said_on"),
    [
        # the wire's "said Thursday", "told reporters Thursday", without "on" (a Saturday)
        ("Peskov said Thursday that the talks were useful.", "2025-04-24"),
        ("Peskov told reporters Thursday the talks were useful.", "2025-04-24"),
        # not a day something is due by or starts, nor a day named elsewhere (a reviewer's)
        ("By Thursday, Peskov said, the talks would be over.", "2025-04-26"),
        ("Speaking ahead of the Thursday summit, Peskov said the talks were useful.", "2025-04-26"),
        ("Ahead of talks set to begin Thursday, Peskov said the talks were useful.", "2025-04-26"),
        ("In a Thursday interview, Peskov said the talks were useful.", "2025-04-26"),
        ("Peskov said next Thursday the talks would be useful.", "2025-04-26"),
        ("Peskov said from Thursday the talks would be useful.", "2025-04-26"),
        ("Commenting on Thursday's meeting, Peskov said the talks were useful.", "2025-04-26"),
    ],
)
def test_a_weekday_without_on_dates_only_next_to_the_saying(sentence: str, said_on: str) -> None:
    words = (sentence.index("the talks"), sentence.index("."))
    assert statement_date(sentence, "2025-04-26", [words]) == said_on


@pytest.mark.parametrize(
    "name",
    [
        "2025-12-22_washexam-witkoff-miami.txt",
        "wire_2025-12-22.txt",
        "2025_12_22_kyiv.txt",
        "2025.12.22 Kyiv talks.md",
        "x-2025-12-22.txt",
        "20251222.txt",
    ],
)
def test_a_date_in_a_file_name_with_any_one_separator(name: str) -> None:
    assert dated("No date here.", name) == ("2025-12-22", "file name")


@pytest.mark.parametrize("name", ["2025-13-40.txt", "12025-12-22.txt", "2025-12_22.txt", "v2.txt"])
def test_no_date_from_a_file_name_that_holds_none(name: str) -> None:
    assert dated("No date here.", name) == (None, "")


def test_a_date_to_come_is_no_publication_date() -> None:
    # "talks are set for December 30" in a dateline's place, a file named for a plan:
    # not when the report came out, as --date and set-date refuse such a day
    ahead = (date.today() + timedelta(days=30)).isoformat()
    year, month, day = (int(p) for p in ahead.split("-"))
    named = f"{calendar.month_name[month]} {day}, {year}"
    assert dated(f"KYIV, {named} — Talks resume.", "note.txt") == (None, "")
    assert dated("Talks resume.", f"{ahead}_talks.txt") == (None, "")
    assert dated("Talks resume.", "x.html", metadata=ahead) == (None, "")
    # a dateline to come gives way to the file name's day
    assert dated(f"KYIV, {named} — Talks resume.", "2025-06-02_talks.txt") == (
        "2025-06-02",
        "file name",
    )
    # what the user gives is the user's (checked where it is given)
    assert dated("Talks resume.", "x.txt", given=ahead) == (ahead, "given")
