"""Dates of documents and of statements."""

from __future__ import annotations

from talkwatch.dates import date_in_text, document_date, statement_date


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


def test_no_document_date_means_no_statement_date() -> None:
    assert statement_date("He said on 14 March that", None) is None
