"""--party, --issue and --speaker on the command line take names and aliases, and never fail
silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from talkwatch.cli import cli
from talkwatch.store import Store
from web_helpers import _doc, _st, build


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("filters") / "t.db")
    build(path)  # UKR, RUS and USA; neutrality, security_guarantees, sanctions, territory, talks
    return path


def run(db: str, *args: str) -> Result:
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, [*args, "--db", db])


def speakers(result: Result) -> set[str]:
    names = ("Volodymyr Zelensky", "Sergey Lavrov", "Mykhailo Podolyak", "Antony Blinken")
    return {name for name in names if name in result.stdout}


@pytest.mark.parametrize("party", ["UKR", "ukr", "Ukraine", "ukrainian", "Kyiv"])
def test_a_party_by_code_name_or_alias(db: str, party: str) -> None:
    result = run(db, "statements", "--party", party)
    assert result.exit_code == 0, result.output
    assert "3 statements" in result.stdout
    assert speakers(result) == {"Volodymyr Zelensky", "Mykhailo Podolyak"}


@pytest.mark.parametrize("issue", ["neutrality", "NATO", "nato", "neutral status"])
def test_an_issue_by_code_or_alias(db: str, issue: str) -> None:
    result = run(db, "timeline", "--issue", issue)
    assert result.exit_code == 0, result.output
    assert speakers(result) == {"Volodymyr Zelensky", "Sergey Lavrov", "Mykhailo Podolyak"}
    table = run(db, "statements", "--issue", issue)
    assert "3 statements" in table.stdout


def test_an_issue_written_with_spaces(db: str) -> None:
    result = run(db, "statements", "--issue", "Security guarantees")
    assert result.exit_code == 0 and "1 statement" in result.stdout


def test_an_unknown_party_lists_those_there_are(db: str) -> None:
    result = run(db, "statements", "--party", "Ukrane")
    assert result.exit_code == 2
    assert (
        "--party 'Ukrane': no such party; the parties with statements are RUS, UKR, USA. "
        "Did you mean UKR (Ukraine)?"
    ) in " ".join(result.stderr.split())


def test_an_unknown_issue_suggests_the_nearest(db: str) -> None:
    result = run(db, "timeline", "--issue", "neutrallity")
    assert result.exit_code == 2
    assert (
        "--issue 'neutrallity': no such issue; the issues with statements are neutrality, "
        "sanctions, security_guarantees, talks, territory. Did you mean neutrality?"
    ) in " ".join(result.stderr.split())


def test_a_known_party_without_statements_says_so(db: str) -> None:
    result = run(db, "timeline", "--party", "Poland")
    assert result.exit_code == 0
    assert "No statements for party POL; the parties with statements are RUS, UKR, USA." in (
        " ".join(result.stderr.split())
    )


def test_an_issue_like_none_lists_them_without_a_guess(db: str) -> None:
    result = run(db, "statements", "--issue", "weather")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "--issue 'weather': no such issue; the issues with statements are" in message
    assert "Did you mean" not in message


def test_a_speaker_with_no_statements_is_noted_with_the_nearest_name(db: str) -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        cli, ["statements", "--speaker", "Lavrvo", "--db", db]
    )
    assert result.exit_code == 0
    assert "No statements for speaker 'Lavrvo'. Did you mean Sergey Lavrov?" in result.stderr
    found = run(db, "statements", "--speaker", "Lavrov")
    assert "No statements for speaker" not in found.output and "Sergey Lavrov" in found.stdout


def test_a_speaker_by_an_alias_the_knowledge_base_knows(db: str) -> None:
    result = run(db, "statements", "--speaker", "Zelenskyy")
    assert result.exit_code == 0, result.output
    assert speakers(result) == {"Volodymyr Zelensky"}
    timeline = run(db, "timeline", "--speaker", "Lavrov")
    assert speakers(timeline) == {"Sergey Lavrov"}


def test_a_document_by_the_start_of_its_file_name_and_a_note_for_none(db: str) -> None:
    whole = run(db, "statements", "--doc", "kyiv.txt")
    by_prefix = run(db, "statements", "--doc", "kyiv")
    assert by_prefix.exit_code == 0 and "2 statements" in by_prefix.stdout
    assert speakers(by_prefix) == speakers(whole) == {"Volodymyr Zelensky", "Sergey Lavrov"}
    missing = run(db, "statements", "--doc", "999_nothing")
    assert missing.exit_code == 2 and missing.stdout == ""
    assert "no stored document is named '999_nothing'" in missing.stderr
    near = run(db, "statements", "--doc", "kyev.txt")
    assert near.exit_code == 2 and "Did you mean kyiv.txt?" in near.stderr


def test_a_document_from_a_feed_by_the_start_of_a_part_of_its_address(tmp_path: Path) -> None:
    # a watched feed's article is named by its URL; the start of its last part finds it,
    # as the start of a file name does (a new user's --doc 2025-06-02)
    db = str(tmp_path / "feed.db")
    url = "http://127.0.0.1:8701/news/2025-06-02-talks"
    doc = _doc(url, "2025-06-02", "Talks", ['Peskov said the talks would "continue".'], url=url)
    store = Store.open(db)
    text = doc.text
    store.add(doc, [_st(doc, text, "continue", "Dmitry Peskov", "RUS", "offer", ("talks",))], doc.id)
    store.close()
    found = run(db, "statements", "--doc", "2025-06-02")
    assert found.exit_code == 0 and "1 statement" in found.stdout
    # the table shows the part of the address that tells two articles of a site apart
    assert "2025-06-02-talks" in found.stdout
    assert run(db, "statements", "--doc", "8701/news").exit_code == 2  # not mid-part
    assert run(db, "statements", "--doc", "127.0.0").exit_code == 2  # nor the host


def test_statements_are_listed_oldest_first(tmp_path: Path) -> None:
    db = str(tmp_path / "order.db")
    newer = "Dmitry Peskov said the Kremlin would send a delegation to Istanbul next week.\n"
    older = "Dmitry Peskov said Moscow saw no grounds for talks with Kyiv at the moment.\n"
    runner = CliRunner()
    for text, day in ((newer, "2025-05-14"), (older, "2023-02-24")):
        stored = runner.invoke(cli, ["ingest", "-", "--date", day, "--db", db], input=text)
        assert stored.exit_code == 0, stored.output
    table = run(db, "statements", "--speaker", "Peskov").stdout
    assert table.index("2023-02-24") < table.index("2025-05-14")


def test_statements_by_stance_and_dates_as_timeline_takes_them(db: str) -> None:
    demands = run(db, "statements", "--stance", "demand")
    assert demands.exit_code == 0 and speakers(demands) == {"Sergey Lavrov"}
    later = run(db, "statements", "--since", "2022-03-10", "--until", "2022-03-31")
    assert speakers(later) == {"Mykhailo Podolyak", "Antony Blinken", "Volodymyr Zelensky"}
    assert "3 statements" in later.stdout  # the reader's comment quotes Zelensky
    earlier = run(db, "statements", "--until", "2022-03-01", "--stance", "REJECT")
    assert speakers(earlier) == {"Volodymyr Zelensky"} and "1 statement" in earlier.stdout
    bad = run(db, "statements", "--since", "2022-02-30")
    assert bad.exit_code == 2 and "February 2022 has 28 days" in bad.stderr
    shrug = run(db, "statements", "--stance", "shrug")
    assert shrug.exit_code == 2 and "'shrug' is not one of" in shrug.stderr


def test_a_documents_whole_name_wins_over_names_it_starts(tmp_path: Path) -> None:
    db = str(tmp_path / "doc.db")
    runner = CliRunner()
    texts = {
        "geneva.md": "Dmitry Peskov said the Kremlin would send a delegation to Geneva next week.\n",
        "geneva.md.txt": "Andrii Sybiha said Kyiv saw no grounds for a ceasefire on Russia's terms.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
        assert runner.invoke(cli, ["ingest", str(tmp_path / name), "--db", db]).exit_code == 0
    whole = run(db, "statements", "--doc", "geneva.md")
    assert "1 statement" in whole.stdout and "Peskov" in whole.stdout
    both = run(db, "statements", "--doc", "gen")
    assert "2 statements" in both.stdout


def test_the_timeline_keeps_one_days_statements_in_the_order_they_were_written(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "day.db")
    texts = [
        "Dmitry Peskov said the Kremlin would send a delegation to Istanbul next week.\n\n"
        "Andrii Sybiha said Kyiv saw no grounds for a ceasefire on Russia's terms.\n",
        "Marco Rubio said Washington would keep pressing both sides to meet.\n\n"
        "Kaja Kallas said Europe would keep its sanctions on Russia in place.\n",
    ]
    for n, text in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(text)
        command = ["ingest", str(tmp_path / f"{n}.txt"), "--date", "2025-05-14", "--db", db]
        assert CliRunner().invoke(cli, command).exit_code == 0
    shown = run(db, "timeline").stdout
    order = [shown.index(name) for name in ("Peskov", "Sybiha", "Rubio", "Kallas")]
    assert order == sorted(order)


def test_a_limit_below_one_is_refused_as_timeline_refuses_it(db: str) -> None:
    for command in ("statements", "timeline"):
        result = run(db, command, "--limit", "0")
        assert result.exit_code == 2, command
        assert "0 is not in the range x>=1" in result.stderr, command


def test_a_speaker_of_no_known_side_shows_unknown_as_the_web_shows_it(tmp_path: Path) -> None:
    db = str(tmp_path / "side.db")
    text = "A Western diplomat in Moscow said the talks in Istanbul would resume in June.\n"
    stored = CliRunner().invoke(cli, ["ingest", "-", "--date", "2025-05-20", "--db", db], input=text)
    assert stored.exit_code == 0, stored.output
    for command in ("statements", "timeline"):
        shown = run(db, command, "--party", "NONE")
        assert "│ unknown │" in shown.stdout, command
    exported = CliRunner().invoke(cli, ["export", "--db", db, "--format", "jsonl"])
    assert '"party": "NONE"' in exported.stdout
    dated = run(db, "timeline", "--format", "json")  # machine output writes NONE, as export
    assert '"party": "NONE"' in dated.stdout


def test_a_date_range_that_ends_before_it_starts_is_refused(db: str) -> None:
    for order in (("--since", "2022-06-01", "--until", "2022-01-01"),
                  ("--until", "2022-01-01", "--since", "2022-06-01")):  # fmt: skip
        for command in ("statements", "timeline"):
            result = run(db, command, *order)
            assert result.exit_code == 2, (command, order)
            assert "--since 2022-06-01 is after --until 2022-01-01" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["statements", "--party", ""],
        ["statements", "--issue", " "],
        ["statements", "--speaker", ""],
        ["statements", "--doc", ""],
        ["timeline", "--party", ""],
    ],
)
def test_an_empty_filter_is_refused_not_ignored(db: str, args: list[str]) -> None:
    result = run(db, *args)
    assert result.exit_code == 2
    assert f"Invalid value for '{args[1]}': empty; give a value or leave it out." in result.output
    assert "statements" not in result.stdout  # nothing listed as if unfiltered


def test_an_empty_actor_name_is_refused(db: str) -> None:
    result = run(db, "actors", "show", "")
    assert result.exit_code == 2 and "Invalid value for 'NAME': empty." in result.output


def test_a_party_filter_on_an_empty_database_says_nothing_is_stored(tmp_path: Path) -> None:
    empty = tmp_path / "inbox"
    empty.mkdir()
    db = str(tmp_path / "t.db")
    assert CliRunner().invoke(cli, ["ingest", str(empty), "--db", db]).exit_code == 0
    result = run(db, "statements", "--party", "RUS")
    assert result.exit_code == 0
    assert "No statements for party RUS; no statement is stored yet." in result.stderr


def test_shifts_and_positions_of_one_side_or_on_one_issue(db: str) -> None:
    shifted = run(db, "shifts", "--party", "Ukraine", "--issue", "nato")
    assert shifted.exit_code == 0, shifted.output
    assert "shift UKR on neutrality: reject (2022-03-01) -> conditional (2022-03-15)" in (
        shifted.stdout
    )
    assert run(db, "shifts", "--party", "RUS").stdout.strip() == "No shifts of RUS."
    found = json.loads(run(db, "positions", "--issue", "neutrality", "--format", "json").stdout)
    assert sorted((p["party"], p["issue"]) for p in found) == [
        ("RUS", "neutrality"),
        ("UKR", "neutrality"),
    ]
    assert run(db, "positions", "--party", "USA", "--issue", "territory").stdout.strip() == (
        "No positions of USA on territory."
    )
    none = run(db, "positions", "--party", "NONE").stdout.strip()
    assert none == "Speakers of no side (NONE) take no positions, so they make no shifts."
    unknown = run(db, "shifts", "--party", "Ukrane")
    assert unknown.exit_code == 2 and "Did you mean UKR (Ukraine)?" in unknown.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["statements", "--doc", "kyiv", "--doc", "istanbul"],
        ["timeline", "--party", "UKR", "--party", "RUS"],
        ["shifts", "--issue", "neutrality", "--issue", "sanctions"],
    ],
)
def test_a_filter_given_twice_is_refused_not_read_as_its_last_value(
    db: str, args: list[str]
) -> None:
    result = run(db, *args)
    assert result.exit_code == 2
    assert f"'{args[1]}': given 2 times ('{args[2]}', '{args[4]}'); give it once." in (
        result.stderr
    )
    # the same value twice says nothing else
    again = run(db, *args[:3], *args[1:3])
    assert again.exit_code == 0 and again.stdout == run(db, *args[:3]).stdout


def test_every_document_whose_name_holds_the_words_given_is_suggested(tmp_path: Path) -> None:
    path = str(tmp_path / "t.db")
    store = Store.open(path)
    for name in ("2025-05-20_kremlin-call.txt", "2025-05-20_kremlin-call_updated.txt"):
        doc = _doc(name, "2025-05-20", name, [f"Peskov said talks would go on ({name})."])
        store.add(doc, [], doc.id)
    store.close()
    result = run(path, "statements", "--doc", "kremlin-call")
    assert result.exit_code == 2
    assert (
        "Did you mean 2025-05-20_kremlin-call.txt or 2025-05-20_kremlin-call_updated.txt?"
        in " ".join(result.stderr.split())
    )


def test_statements_of_the_article_or_of_its_readers(db: str) -> None:
    comments = run(db, "statements", "--section", "comments")
    assert comments.exit_code == 0 and comments.stdout.endswith("1 statement\n")
    assert "no surrender of territory" in comments.stdout
    body = run(db, "statements", "--section", "body").stdout.splitlines()[-1]
    everything = run(db, "statements").stdout.splitlines()[-1]
    assert int(body.split()[0]) + 1 == int(everything.split()[0])


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/news/peskov-truce.html", "peskov-truce.html · example.org"),
        ("https://example.org/article.php?id=2", "article.php?id=2 · example.org"),
        ("https://example.org/world/peace-talks/amp", "peace-talks/amp · example.org"),
        ("https://example.org/", "example.org"),
    ],
)
def test_a_web_address_shows_what_tells_two_articles_of_a_site_apart(url: str, shown: str) -> None:
    from talkwatch.cli.options import shown_doc

    assert shown_doc(url, "body") == shown
    assert shown_doc(url, "comments", revised=True) == f"{shown} · revised · reader comment"


def test_a_speaker_whose_statements_the_dates_leave_out_is_no_typo(db: str) -> None:
    result = run(db, "statements", "--speaker", "Zelenskyy", "--since", "2023-01-01")
    assert "No statements of Volodymyr Zelensky match the other filters." in result.stderr
    assert "Did you mean" not in result.stderr


def test_shifts_between_two_dates(db: str) -> None:
    # the shift is made on 2022-03-15, by Podolyak's condition after Zelensky's refusal
    inside = run(db, "shifts", "--since", "2022-03-10", "--until", "2022-03-31")
    assert inside.exit_code == 0, inside.output
    assert "shift UKR on neutrality: reject (2022-03-01) -> conditional (2022-03-15)" in (
        inside.stdout
    )
    before = run(db, "shifts", "--until", "2022-03-10", "--party", "Ukraine")
    assert before.exit_code == 0 and "shift UKR" not in before.stdout
    assert "No shifts of UKR to 2022-03-10." in before.stdout
    as_json = json.loads(run(db, "shifts", "--since", "2022-03-16", "--format", "json").stdout)
    assert as_json == []
    none = run(db, "shifts", "--party", "NONE", "--since", "2022-03-10")
    assert "Speakers of no side (NONE) take no positions" in none.stdout
    wrong = run(db, "shifts", "--since", "2022-31-03")
    assert wrong.exit_code == 2 and "not a date" in wrong.output
