"""Positions, shifts and issue statuses on a small synthetic record with known dates."""

from __future__ import annotations

import pytest

from talkwatch.analysis import in_condition_only, issue_statuses, positions, shifts
from talkwatch.records import Span, Statement


def st(
    n: int,
    date: str,
    party: str,
    stance: str,
    issues: tuple[str, ...],
    speaker: str,
    doc: str,
    source: str = "named",
) -> Statement:
    quote = f"statement {n}"
    return Statement(
        doc_id=doc,
        doc=f"{doc}.txt",
        quote=quote,
        quote_spans=(Span(0, len(quote)),),
        speaker=speaker,
        party=party,
        source=source,
        kind="indirect",
        issues=issues,
        stance=stance,
        section="body",
        sentence=quote,
        sentence_span=Span(0, len(quote)),
        date=date,
        id=n,
    )


RECORD = [
    st(1, "2022-03-01", "UKR", "reject", ("neutrality",), "Volodymyr Zelensky", "d1"),
    st(2, "2022-03-15", "UKR", "conditional", ("neutrality",), "Mykhailo Podolyak", "d2"),
    st(3, "2022-03-16", "UKR", "conditional", ("neutrality",), "David Arakhamia", "d3"),
    st(4, "2022-03-10", "RUS", "demand", ("neutrality",), "Sergey Lavrov", "d1"),
    st(5, "2022-03-20", "RUS", "demand", ("territory",), "Dmitry Peskov", "d3"),
    st(
        6,
        "2022-03-21",
        "UKR",
        "reject",
        ("territory",),
        "a ukrainian official",
        "d4",
        source="anonymous",
    ),
    st(7, "2022-03-22", "USA", "offer", ("sanctions",), "Antony Blinken", "d4"),
    st(8, "2022-03-25", "USA", "reject", ("sanctions",), "a us official", "d5", source="anonymous"),
    st(9, "2022-03-26", "NONE", "demand", ("territory",), "Financial Times", "d5"),
    st(10, "2022-03-27", "RUS", "assess", ("ceasefire",), "Dmitry Peskov", "d5"),
]


def test_matrix_holds_the_latest_stance_per_party_and_issue() -> None:
    found = {(p.party, p.issue): p for p in positions(RECORD)}
    assert {key: p.current.stance for key, p in found.items()} == {
        ("RUS", "neutrality"): "demand",
        ("RUS", "territory"): "demand",
        ("UKR", "neutrality"): "conditional",
        ("UKR", "territory"): "reject",
        ("USA", "sanctions"): "reject",
    }
    assert [e.statement_id for e in found[("UKR", "neutrality")].history] == [1, 2, 3]


def test_sourcing_strength_of_the_current_position() -> None:
    found = {(p.party, p.issue): p for p in positions(RECORD)}
    assert found[("UKR", "neutrality")].sourcing == "strong"  # named, two documents
    assert found[("RUS", "territory")].sourcing == "named"
    assert found[("UKR", "territory")].sourcing == "single anonymous"


def test_shifts_and_walk_backs() -> None:
    found = shifts(positions(RECORD))
    assert [(s.party, s.issue, s.before.stance, s.after.stance, s.walk_back) for s in found] == [
        ("UKR", "neutrality", "reject", "conditional", False),
        ("USA", "sanctions", "offer", "reject", True),
    ]
    assert found[0].before.statement_id == 1 and found[0].after.statement_id == 2


def test_issue_statuses() -> None:
    statuses = {s.issue: s for s in issue_statuses(positions(RECORD), RECORD)}
    assert {issue: s.status for issue, s in statuses.items()} == {
        "neutrality": "converging",  # RUS demands, UKR conditionally accepts
        "territory": "contested",  # RUS demands, UKR rejects
        "sanctions": "open",  # only the USA has spoken
    }
    assert statuses["territory"].statements == 3  # the outlet's statement counts as evidence


def test_outlets_and_assessments_take_no_position() -> None:
    parties = {(p.party, p.issue) for p in positions(RECORD)}
    assert ("NONE", "territory") not in parties
    assert ("RUS", "ceasefire") not in parties


def test_stances_within_one_document_are_not_a_shift() -> None:
    same_report = [
        st(1, "2022-03-29", "UKR", "offer", ("neutrality",), "Kyiv", "d1"),
        st(2, "2022-03-29", "UKR", "conditional", ("neutrality",), "Mykhailo Podolyak", "d1"),
    ]
    assert shifts(positions(same_report)) == []
    later = [*same_report, st(3, "2022-04-02", "UKR", "reject", ("neutrality",), "Zelensky", "d2")]
    assert [(s.before.statement_id, s.after.statement_id) for s in shifts(positions(later))] == [
        (2, 3)
    ]


def test_a_shift_ends_at_the_stance_its_document_ends_with_as_the_position_does() -> None:
    record = [
        st(1, "2025-04-02", "RUS", "offer", ("ceasefire",), "Dmitry Peskov", "d1"),
        st(2, "2025-06-20", "RUS", "accept", ("ceasefire",), "Dmitry Peskov", "d2"),
        st(3, "2025-06-20", "RUS", "conditional", ("ceasefire",), "Sergey Lavrov", "d2"),
        st(4, "2025-07-01", "RUS", "reject", ("sanctions",), "Sergei Ryabkov", "d3"),
        st(5, "2025-07-02", "RUS", "demand", ("sanctions",), "Sergei Ryabkov", "d4"),
        st(6, "2025-07-02", "RUS", "reject", ("sanctions",), "Sergey Lavrov", "d4"),
    ]
    found = positions(record)
    current = {p.issue: p.current.stance for p in found}
    moves = [(s.issue, s.before.stance, s.after.stance) for s in shifts(found)]
    # the second report ends conditional, as the position does; the fourth ends where the
    # third did, so Ryabkov's demand in between is no change of position
    assert current == {"ceasefire": "conditional", "sanctions": "reject"}
    assert moves == [("ceasefire", "offer", "conditional")]


def test_an_anonymous_source_does_not_overrule_the_side_named_in_the_same_text() -> None:
    record = [
        st(1, "2025-06-10", "RUS", "reject", ("security_guarantees",), "Kremlin", "d1"),
        st(
            2,
            "2025-06-10",
            "RUS",
            "accept",
            ("security_guarantees",),
            "a russian source",
            "d1",
            source="anonymous",
        ),
        st(3, "2025-06-10", "UKR", "demand", ("security_guarantees",), "Andrii Sybiha", "d1"),
    ]
    found = {p.party: p for p in positions(record)}
    assert (found["RUS"].current.statement_id, found["RUS"].sourcing) == (1, "named")
    assert [e.statement_id for e in found["RUS"].support] == [1]
    assert [s.status for s in issue_statuses(list(found.values()), record)] == ["contested"]
    # a later text that has only the anonymous account holds it, and that is a shift
    later = [
        *record,
        st(
            4,
            "2025-06-12",
            "RUS",
            "accept",
            ("security_guarantees",),
            "a russian official",
            "d2",
            source="anonymous",
        ),
    ]
    moved = shifts(positions(later))
    assert [(s.before.statement_id, s.after.statement_id) for s in moved] == [(1, 4)]
    assert {p.party: p.sourcing for p in positions(later)}["RUS"] == "single anonymous"


def test_a_text_whose_statements_are_dated_apart_is_read_as_one() -> None:
    # d1 dates the Kremlin's refusal to Monday and an anonymous account to Thursday; d0's
    # statement falls between: d1 still holds the named refusal, and nothing shifted
    record = [
        st(1, "2025-06-02", "RUS", "reject", ("ceasefire",), "Kremlin", "d1"),
        st(2, "2025-06-03", "RUS", "reject", ("ceasefire",), "Sergey Lavrov", "d0"),
        st(3, "2025-06-05", "RUS", "accept", ("ceasefire",), "a source", "d1", "anonymous"),
    ]
    (found,) = positions(record)
    assert [[e.statement_id for e in text] for text in found.texts] == [[2], [1, 3]]
    assert (found.current.statement_id, found.sourcing) == (1, "strong")
    assert shifts([found]) == []


def test_a_demand_then_a_refusal_is_a_shift_but_no_walk_back() -> None:
    # "Russia insists that Ukraine renounce NATO membership", then "Moscow rejects any path
    # to NATO membership for Ukraine": read without their objects, the stances changed,
    # but no one reversed; a refusal of what was offered days before is a walk-back, and
    # an offer days after a refusal a concession, no walk-back
    record = [
        st(1, "2025-11-28", "RUS", "demand", ("neutrality",), "Dmitry Peskov", "d1"),
        st(2, "2025-11-30", "RUS", "reject", ("neutrality",), "Sergey Lavrov", "d2"),
        st(3, "2025-12-02", "RUS", "offer", ("neutrality",), "Kirill Dmitriev", "d3"),
        st(4, "2025-12-04", "RUS", "reject", ("neutrality",), "Sergey Lavrov", "d4"),
    ]
    moves = [(s.before.stance, s.after.stance, s.walk_back) for s in shifts(positions(record))]
    assert moves == [
        ("demand", "reject", False),
        ("reject", "offer", False),
        ("offer", "reject", True),
    ]
    # the refusal turned into an offer is a concession, named so
    assert [s.concession for s in shifts(positions(record))] == [False, True, False]


def test_an_offer_and_an_acceptance_are_one_line_and_no_shift() -> None:
    # "Ukraine is ready for a 30-day ceasefire", then the White House readout: "readiness
    # to accept the U.S. proposal for a 30-day ceasefire": the side gives either way
    record = [
        st(1, "2025-03-08", "UKR", "accept", ("ceasefire",), "Volodymyr Zelensky", "d1"),
        st(2, "2025-03-11", "UKR", "offer", ("ceasefire",), "Andriy Yermak", "d2"),
        st(3, "2025-03-12", "UKR", "accept", ("ceasefire",), "Andrii Sybiha", "d3"),
        st(4, "2025-03-20", "UKR", "reject", ("ceasefire",), "Volodymyr Zelensky", "d4"),
    ]
    found = positions(record)
    moves = [(s.before.stance, s.after.stance, s.walk_back) for s in shifts(found)]
    assert moves == [("accept", "reject", True)]
    assert found[0].current.stance == "reject"


def test_a_condition_is_a_demand_on_the_issue_it_names_only_there() -> None:
    # "elections could only be held once a full ceasefire was in place": conditional on
    # elections, and on the ceasefire what Ukraine asks first: a demand
    from dataclasses import replace

    accepted = st(1, "2026-02-02", "UKR", "accept", ("ceasefire",), "Volodymyr Zelensky", "d1")
    tied = replace(
        st(2, "2026-03-02", "UKR", "conditional", ("ceasefire", "governance"), "Zelensky", "d2"),
        quote="elections could only be held once a full ceasefire was in place",
        issue_evidence=("ceasefire: ceasefire", "governance: elections"),
    )
    # a condition naming the issue before it is on that issue: "a ceasefire only if ..."
    offered = replace(
        st(3, "2026-03-05", "RUS", "conditional", ("ceasefire", "sanctions"), "Lavrov", "d3"),
        quote="Russia would agree to a ceasefire only if sanctions are lifted",
        issue_evidence=("ceasefire: ceasefire", "sanctions: sanctions"),
    )
    found = {(p.party, p.issue): p.current.stance for p in positions([accepted, tied, offered])}
    assert found == {
        ("UKR", "ceasefire"): "demand",
        ("UKR", "governance"): "conditional",
        ("RUS", "ceasefire"): "conditional",
        ("RUS", "sanctions"): "demand",  # lifted first: Russia's demand
    }
    moves = [(s.party, s.issue, s.before.stance, s.after.stance) for s in shifts(positions(
        [accepted, tied, offered]))]  # fmt: skip
    assert moves == [("UKR", "ceasefire", "accept", "demand")]


@pytest.mark.parametrize(
    ("quote", "issue", "only"),
    [
        # a condition that opens the sentence ends at its comma (a reviewer's sentences)
        ("But if Russia agrees to a full ceasefire, we will give up our bid for NATO "
         "membership", "neutrality", False),
        ("But if Russia agrees to a full ceasefire, we will give up our bid for NATO "
         "membership", "ceasefire", True),
        # "once" that counts, "if" that asks whether: no condition
        ("We would once again accept a ceasefire if the West lifted sanctions", "ceasefire",
         False),
        ("We would once again accept a ceasefire if the West lifted sanctions", "sanctions",
         True),
        ("Moscow would decide if a ceasefire was possible", "ceasefire", False),
        # "only with" what the side asks first (a new user's article)
        ("We are ready to discuss a ceasefire, but only with legally binding sanctions "
         "relief", "sanctions", True),
        ("We are ready to discuss a ceasefire, but only with legally binding sanctions "
         "relief", "ceasefire", False),
        # named on both sides of the condition: the statement's
        ("a ceasefire only if those who broke the last ceasefire are punished", "ceasefire",
         False),
    ],
)  # fmt: skip
def test_where_a_condition_ends(quote: str, issue: str, only: bool) -> None:
    evidence = ("ceasefire: ceasefire", "neutrality: nato membership", "sanctions: sanctions")
    assert in_condition_only(quote, "conditional", issue, evidence) is only
    assert not in_condition_only(quote, "demand", issue, evidence)  # conditions only


def test_a_demand_is_conditional_on_what_it_names_only_as_coming_after_it() -> None:
    from talkwatch.analysis import stance_on

    evidence = ("withdrawal: withdrawal", "ceasefire: ceasefire", "talks: discussed")
    quote = "Russia must complete the full withdrawal before any ceasefire can be discussed"
    assert stance_on(quote, "demand", "withdrawal", evidence) == "demand"
    assert stance_on(quote, "demand", "ceasefire", evidence) == "conditional"
    opened = "Before any ceasefire, Russia must complete the withdrawal"
    assert stance_on(opened, "demand", "ceasefire", evidence) == "conditional"
    assert stance_on(opened, "demand", "withdrawal", evidence) == "demand"
    assert stance_on(quote, "reject", "ceasefire", evidence) == "reject"  # demands only
    # what must stay "until" something is asked for that; a "before" that looks back
    # opens nothing (a reviewer's sentences)
    kept = "sanctions on Moscow must remain in place until Russia agrees to a full ceasefire"
    assert stance_on(kept, "demand", "ceasefire", evidence) == "demand"
    said = "As I said before, we demand a full ceasefire"
    assert stance_on(said, "demand", "ceasefire", evidence) == "demand"


def test_a_denial_that_names_no_issue_takes_no_position_on_the_talks() -> None:
    from dataclasses import replace as replaced

    from talkwatch.issues import TALKS_BY_DEFAULT

    offered = st(1, "2025-11-13", "UKR", "offer", ("talks",), "Rustem Umerov", "a")
    offered = replaced(offered, issue_evidence=("talks: exchange talks",))
    # "These reports are false. No such commitment was made", in an article on the talks
    denied = replaced(
        st(2, "2025-11-14", "UKR", "deny", ("talks",), "Andrii Sybiha", "b"),
        issue_evidence=(TALKS_BY_DEFAULT,),
    )
    found = positions([offered, denied])
    assert [(p.issue, p.current.stance) for p in found] == [("talks", "offer")]
    assert shifts(found) == []  # no walk-back a new user was shown
    # a denial that names the talks still takes a position on them
    named = replaced(denied, issue_evidence=("talks: negotiations",))
    assert [s.after.stance for s in shifts(positions([offered, named]))] == ["deny"]
    # but not one whose talks are the setting of another issue denied (a reviewer's)
    swap = replaced(
        denied,
        issues=("territory", "talks"),
        issue_evidence=("territory: territorial", "talks: peace talks"),
    )
    found = positions([offered, swap])
    assert [(p.issue, p.current.stance) for p in found] == [
        ("talks", "offer"),
        ("territory", "deny"),
    ]
    assert shifts(found) == []
