"""An issue's status changing is announced once, as shifts are (talkwatch.status_alerts)."""

from __future__ import annotations

import pytest

from talkwatch import alerts, status_alerts
from talkwatch.store import Store
from test_analysis import RECORD, st
from test_standing import store_all


@pytest.fixture
def store(database: str):  # type: ignore[no-untyped-def]
    opened = Store.open(database)
    yield opened
    opened.close()


def changes(store: Store) -> list[tuple[str, str, str]]:
    return [(c.issue, c.before, c.now.status) for c in status_alerts.new_changes(store.db)]


def test_a_status_change_is_announced_once_and_given_back_when_its_post_fails(
    store: Store,
) -> None:
    store_all(store, RECORD)
    # no watch has announced anything: each issue two sides took positions on left "open"
    found = status_alerts.new_changes(store.db)
    assert [(c.issue, c.before, c.now.status) for c in found] == [
        ("neutrality", "open", "converging"),
        ("territory", "open", "contested"),
    ]
    assert (
        status_alerts.describe(found[1])
        == "issue territory: open -> contested (RUS demand, UKR reject)"
    )
    assert [c.issue for c in status_alerts.claim(store.db, found)] == ["neutrality", "territory"]
    assert status_alerts.claim(store.db, found) == []  # a second watcher announces none
    assert changes(store) == []
    # Russia offers on territory: no clash left, the issue converges
    store_all(store, [st(20, "2022-04-01", "RUS", "offer", ("territory",), "Peskov", "d9")])
    store_all(store, [st(21, "2022-04-02", "UKR", "accept", ("territory",), "Kuleba", "d10")])
    moved = status_alerts.new_changes(store.db)
    assert [(c.issue, c.before, c.now.status) for c in moved] == [
        ("territory", "contested", "converging")
    ]
    assert status_alerts.as_json(moved[0])["positions"] == [
        {"party": "RUS", "stance": "offer", "date": "2022-04-01", "sourcing": "named"},
        {"party": "UKR", "stance": "accept", "date": "2022-04-02", "sourcing": "named"},
    ]
    claimed = status_alerts.claim(store.db, moved)
    status_alerts.release(store.db, claimed)  # the webhook post failed: announced again
    assert changes(store) == [("territory", "contested", "converging")]


def test_the_statuses_before_the_first_watch_are_known(store: Store) -> None:
    store_all(store, RECORD)
    alerts.start(store.db)
    assert changes(store) == []


def test_a_database_watched_before_an_alert_existed_knows_what_it_holds(store: Store) -> None:
    # watched before issue statuses (and first positions) were announced: its first watch
    # since counts them as known, rather than announcing all of them at once
    store_all(store, RECORD)
    alerts.start(store.db)
    store.db.execute("DELETE FROM issue_alerts")
    store.db.execute("DELETE FROM position_alerts")
    store.db.execute("DELETE FROM settings WHERE name IN ('alerts_issues', 'alerts_positions')")
    assert changes(store) != [] and alerts.new_positions(store.db) != []
    alerts.start(store.db)
    assert changes(store) == [] and alerts.new_positions(store.db) == []
    # and what comes after is news again
    store_all(store, [st(30, "2022-04-01", "RUS", "offer", ("territory",), "Peskov", "d11")])
    store_all(store, [st(31, "2022-04-02", "UKR", "accept", ("territory",), "Kuleba", "d12")])
    assert changes(store) == [("territory", "contested", "converging")]
