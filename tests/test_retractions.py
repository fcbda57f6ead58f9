"""An announced shift that a revision takes off the record, or makes read otherwise, is
announced as withdrawn, once; one that reads otherwise is then announced as it reads
(talkwatch.retractions)."""

from __future__ import annotations

import pytest

from talkwatch import alerts, retractions
from talkwatch.atom import atom
from talkwatch.documents import remove
from talkwatch.standing import mark_document_stale
from talkwatch.store import Store
from test_analysis import RECORD, st
from test_standing import store_all

REFUSED = st(20, "2022-04-01", "RUS", "reject", ("ceasefire",), "Dmitry Peskov", "d20")
ACCEPTED = st(21, "2022-04-05", "RUS", "accept", ("ceasefire",), "Sergey Lavrov", "d21")


@pytest.fixture
def store(database: str):  # type: ignore[no-untyped-def]
    opened = Store.open(database)
    store_all(opened, RECORD)
    alerts.start(opened.db)  # what the record holds is known
    store_all(opened, [REFUSED, ACCEPTED])
    announced = alerts.claim(opened.db, alerts.new_shifts(opened.db))
    assert [alerts.describe(s).split(" (", 1)[0] for s in announced] == [
        "shift RUS on ceasefire: reject"
    ]
    yield opened
    opened.close()


def lines(found: list[retractions.Withdrawn]) -> list[str]:
    return [retractions.describe(w) for w in found]


def test_nothing_is_withdrawn_while_the_record_holds(store: Store) -> None:
    assert retractions.new_withdrawals(store.db) == []


def test_a_shift_whose_text_is_removed_is_withdrawn_once(store: Store) -> None:
    remove(store.db, "d21")
    found = retractions.new_withdrawals(store.db)
    assert lines(found) == [
        "withdrawn: shift RUS on ceasefire: reject -> accept (2022-04-05); its statement is "
        "no longer on the record (revised or removed)"
    ]
    claimed = retractions.claim(store.db, found)
    assert len(claimed) == 1 and claimed[0].withdrawn_at
    assert retractions.claim(store.db, found) == []  # a second watcher announces none
    assert retractions.new_withdrawals(store.db) == []
    assert alerts.new_shifts(store.db) == []
    logged = retractions.recent(store.db, "rus", "ceasefire")
    assert [(w.before, w.after, w.now_reads) for w in logged] == [("reject", "accept", None)]
    assert retractions.as_json(logged[0])["now"] is None


def test_a_shift_that_reads_otherwise_is_withdrawn_then_announced_as_it_reads(
    store: Store,
) -> None:
    # the article is revised in place: Lavrov's words now set a condition
    after = store.db.execute("SELECT id FROM statements WHERE doc_id = 'd21'").fetchone()[0]
    store.db.execute("UPDATE statements SET stance = 'conditional' WHERE id = ?", (after,))
    mark_document_stale(store.db, "d21")
    found = retractions.claim(store.db, retractions.new_withdrawals(store.db))
    assert lines(found) == [
        "withdrawn: shift RUS on ceasefire: reject -> accept (2022-04-05); its statement now "
        "reads reject -> conditional"
    ]
    corrected = alerts.claim(store.db, alerts.new_shifts(store.db))
    assert [(s.before.stance, s.after.stance) for s in corrected] == [("reject", "conditional")]
    assert retractions.new_withdrawals(store.db) == []  # the corrected one holds


def test_a_failed_post_gives_the_withdrawal_back(store: Store) -> None:
    remove(store.db, "d21")
    claimed = retractions.claim(store.db, retractions.new_withdrawals(store.db))
    retractions.release(store.db, claimed)
    assert retractions.recent(store.db) == []
    assert len(retractions.new_withdrawals(store.db)) == 1


def test_a_new_analysis_of_the_documents_withdraws_nothing(store: Store) -> None:
    remove(store.db, "d21")
    alerts.settle(store.db)  # as after 'documents reanalyse': a correction, not news
    assert retractions.new_withdrawals(store.db) == []


def test_the_atom_feed_has_an_entry_for_the_withdrawal(store: Store) -> None:
    remove(store.db, "d21")
    retractions.claim(store.db, retractions.new_withdrawals(store.db))
    feed = atom(
        alerts.recent_shifts(store.db, "RUS", "ceasefire"),
        "http://localhost/feeds/shifts.atom?party=RUS",
        "talkwatch: shifts of RUS",
        retractions.recent(store.db, "RUS"),
    )
    assert feed.count("<entry>") == 1
    assert "tag:talkwatch,2025:withdrawn/RUS/ceasefire/" in feed
    assert "<title>withdrawn: shift RUS on ceasefire: reject -&gt; accept (2022-04-05)" in feed


def test_watch_prints_the_withdrawal_once_then_the_corrected_shift(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    from talkwatch.cli.watch import announce

    after = store.db.execute("SELECT id FROM statements WHERE doc_id = 'd21'").fetchone()[0]
    store.db.execute("UPDATE statements SET stance = 'deny' WHERE id = ?", (after,))
    mark_document_stale(store.db, "d21")
    announce(store, None)
    printed = [
        line for line in capsys.readouterr().out.splitlines() if not line.startswith("position")
    ]
    assert printed[0].startswith("withdrawn: shift RUS on ceasefire: reject -> accept")
    assert printed[1].startswith("shift RUS on ceasefire: reject (2022-04-01) -> deny")
    announce(store, None)
    assert capsys.readouterr().out == ""


def test_new_rules_withdraw_nothing_they_change(store: Store) -> None:
    # as after an upgrade whose rules read the record otherwise (a reviewer): taken as read
    remove(store.db, "d21")
    store.db.execute("UPDATE settings SET value = '0' WHERE name = 'announced_rules'")
    assert retractions.new_withdrawals(store.db) == []
    assert retractions.new_withdrawals(store.db) == []  # and nothing left to withdraw


def test_a_text_removed_and_stored_again_unchanged_withdraws_nothing(store: Store) -> None:
    remove(store.db, "d21")
    store_all(store, [ACCEPTED])  # the same words: a new statement id
    assert retractions.new_withdrawals(store.db) == []
    assert alerts.new_shifts(store.db) == []  # its announcement followed it


def test_a_statement_dated_anew_says_the_dates_moved(store: Store) -> None:
    store.db.execute("UPDATE statements SET date = '2022-03-01' WHERE doc_id = 'd21'")
    mark_document_stale(store.db, "d21")
    (found,) = retractions.new_withdrawals(store.db)
    assert retractions.describe(found).endswith(
        "its statement is still on the record but no longer changes the side's stance (what "
        "came before it was revised, removed or dated anew)"
    )


def test_a_shift_whose_earlier_text_goes_says_its_statement_is_still_there(
    store: Store,
) -> None:
    # a new user removed the refusal before; the acceptance it was a shift from stays
    remove(store.db, "d20")
    (found,) = retractions.new_withdrawals(store.db)
    assert "its statement is still on the record" in retractions.describe(found)


def test_of_two_watchers_one_withdraws_and_the_other_keeps_what_it_announced(
    database: str, store: Store
) -> None:
    other = Store.open(database)
    try:
        after = store.db.execute("SELECT id FROM statements WHERE doc_id = 'd21'").fetchone()[0]
        store.db.execute("UPDATE statements SET stance = 'deny' WHERE id = ?", (after,))
        mark_document_stale(store.db, "d21")
        seen_late = retractions.new_withdrawals(other.db)  # read before the first claims
        assert len(retractions.claim(store.db, retractions.new_withdrawals(store.db))) == 1
        assert len(alerts.claim(store.db, alerts.new_shifts(store.db))) == 1  # as it reads
        assert retractions.claim(other.db, seen_late) == []  # the corrected one stays
        assert alerts.new_shifts(other.db) == []
        assert retractions.new_withdrawals(other.db) == []
    finally:
        other.close()


def test_the_atom_feed_holds_its_limit_of_entries_in_all(store: Store) -> None:
    remove(store.db, "d20")  # the refusal before goes: withdrawn; the shifts of RECORD stay
    retractions.claim(store.db, retractions.new_withdrawals(store.db))
    shifts = alerts.recent_shifts(store.db, limit=1)
    withdrawn = retractions.recent(store.db, limit=1)
    assert shifts and withdrawn
    feed = atom(shifts, "http://localhost/feeds/shifts.atom", "shifts", withdrawn, limit=1)
    assert feed.count("<entry>") == 1  # not one of each
    both = atom(shifts, "http://localhost/feeds/shifts.atom", "shifts", withdrawn, limit=2)
    assert both.count("<entry>") == 2 and "withdrawn/" in both


SOLE = st(40, "2022-05-01", "USA", "offer", ("security_guarantees",), "Steve Witkoff", "d40")


def announce_positions(store: Store) -> list[str]:
    return [alerts.describe_position(p).split(" (", 1)[0]
            for p in alerts.claim_positions(store.db, alerts.new_positions(store.db))]  # fmt: skip


def test_a_first_position_a_revision_turns_is_withdrawn_then_announced_as_it_reads(
    store: Store,
) -> None:
    # a new user's case: the side's only statement on the issue revised from an offer to
    # a refusal (a feed's updated entry), with no shift to tell it
    store_all(store, [SOLE])
    assert "position USA on security_guarantees: offer" in announce_positions(store)
    said = store.db.execute("SELECT id FROM statements WHERE doc_id = 'd40'").fetchone()[0]
    store.db.execute("UPDATE statements SET stance = 'reject' WHERE id = ?", (said,))
    mark_document_stale(store.db, "d40")
    found = retractions.claim(store.db, retractions.new_withdrawals(store.db))
    assert lines(found) == [
        "withdrawn: position USA on security_guarantees: offer; the side's first stance on "
        "it now reads reject"
    ]
    assert "position USA on security_guarantees: reject" in announce_positions(store)
    assert retractions.new_withdrawals(store.db) == []
    assert retractions.as_json(found[0])["kind"] == "position"


def test_a_first_position_whose_text_goes_is_withdrawn_and_not_announced_again(
    store: Store,
) -> None:
    store_all(store, [SOLE])
    announce_positions(store)
    remove(store.db, "d40")
    found = retractions.claim(store.db, retractions.new_withdrawals(store.db))
    assert lines(found) == [
        "withdrawn: position USA on security_guarantees: offer; no statement on the record "
        "holds it now (revised or removed)"
    ]
    assert announce_positions(store) == []


def test_a_first_position_held_by_another_statement_still_withdraws_nothing(
    store: Store,
) -> None:
    store_all(store, [SOLE])
    announce_positions(store)
    store_all(store, [st(41, "2022-05-01", "USA", "offer", ("security_guarantees",),
                         "Marco Rubio", "d40b")])  # fmt: skip
    remove(store.db, "d40")  # the same day's other offer holds the position now
    assert retractions.new_withdrawals(store.db) == []
    assert announce_positions(store) == []


def test_a_position_announced_before_its_stance_was_kept_leaves_quietly_when_gone(
    store: Store,
) -> None:
    # announced by a talkwatch that did not keep the stance (before migration 012)
    store_all(store, [SOLE])
    announce_positions(store)
    store.db.execute("UPDATE position_alerts SET statement_id = NULL, stance = NULL")
    remove(store.db, "d40")
    assert retractions.new_withdrawals(store.db) == []
    left = store.db.execute(
        "SELECT count(*) FROM position_alerts WHERE issue = 'security_guarantees'"
    ).fetchone()[0]
    assert left == 0  # not checked again each cycle


def test_the_changes_page_lists_what_was_withdrawn_since_the_last_visit(
    database: str, store: Store
) -> None:
    import time

    from fastapi.testclient import TestClient

    from talkwatch.web.app import create_app

    client = TestClient(create_app(database))
    client.get("/changes")  # the first visit sets the cookie
    time.sleep(1.1)  # visits are told apart to the second
    remove(store.db, "d21")
    retractions.claim(store.db, retractions.new_withdrawals(store.db))
    page = client.get("/changes").text
    assert "<h2>Withdrawn</h2>" in page
    assert "withdrawn: shift RUS on ceasefire: reject -&gt; accept (2022-04-05)" in page
