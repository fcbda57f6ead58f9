"""The learned cue model: trained by scripts/train_attribution.py, combined with the rules.

The training smoke test uses tests/data/polnear-mini, a PolNeAR-shaped folder of
sentences the team wrote (brat .ann files with Source, Cue and Content spans).
The component tests run every construction of the annotation guide through the
combination that ships, and check what the model adds to the rules alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from talkwatch.attribution import Attributor
from talkwatch.attribution.learned import load_cue_model
from talkwatch.records import Attribution

REPO = Path(__file__).resolve().parents[1]
MINI = REPO / "tests" / "data" / "polnear-mini"


@pytest.fixture(scope="module")
def combined(nlp):  # type: ignore[no-untyped-def]
    return _runner(nlp, Attributor(mode="both"))


@pytest.fixture(scope="module")
def rules(nlp):  # type: ignore[no-untyped-def]
    return _runner(nlp, Attributor(mode="rules"))


def _runner(nlp, attributor):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[tuple[str, str, str]]:
        found: list[Attribution] = attributor.attribute(nlp(text), [("body", 0, len(text))])
        return [(a.kind, a.speaker.text, a.quote(text)) for a in found]

    return run


def test_training_script_trains_saves_and_loads_a_model_that_predicts(tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / f"{run}.json"
        done = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "train_attribution.py"), str(MINI),
             "--out", str(out)],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "train: 3 articles" in done.stderr and "dev: 1 articles" in done.stderr
        outputs.append(out.read_text("utf-8"))
    assert outputs[0] == outputs[1], "a fixed seed gives the same weights on a rebuild"
    data = json.loads(outputs[0])
    assert 0.2 <= data["threshold"] <= 0.8 and data["weights"]
    assert 0.2 <= data["objects"]["threshold"] <= 0.9 and "weights" in data["objects"]
    model = load_cue_model(tmp_path / "first.json")
    assert model.objects is not None
    doc = nlp("The envoy said the harbour would reopen. The convoy crossed the river at dawn.")
    said, crossed = doc[2], doc[10]
    assert (said.text, crossed.text) == ("said", "crossed")
    never_quoted = lambda token: False  # noqa: E731
    assert model.probability(said, never_quoted) > model.probability(crossed, never_quoted)


def test_training_refuses_the_reserved_test_split(tmp_path) -> None:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from train_attribution import PolNeAR
    finally:
        sys.path.remove(str(REPO / "scripts"))
    with pytest.raises(SystemExit, match="reserved"):
        PolNeAR(MINI).split("test")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # direct, cue after
            "“Some progress has been made,” Maria Zakharova said on Thursday.",
            [("direct", "Maria Zakharova", "Some progress has been made,")],
        ),
        (  # indirect
            "She also said Moscow does not intend to keep troops near the capital.",
            [("indirect", "She", "Moscow does not intend to keep troops near the capital")],
        ),
        (  # mixed
            "Podolyak said the new security model must rest on “legally verified guarantees”.",
            [("mixed", "Podolyak",
              "the new security model must rest on “legally verified guarantees”")],
        ),
        (  # according to
            "According to the Ukrainian delegation, the next round will be held in Istanbul.",
            [("indirect", "the Ukrainian delegation", "the next round will be held in Istanbul")],
        ),
        (  # a verb the lexicon lacks, learned from PolNeAR
            "Peskov boasted that the Russian army was advancing along the whole front.",
            [("indirect", "Peskov", "the Russian army was advancing along the whole front")],
        ),
        (  # a common-noun speaker vouched for by a learned cue
            "Residents of Kherson joked that the ceasefire lasted shorter than the speeches.",
            [("indirect", "Residents of Kherson",
              "the ceasefire lasted shorter than the speeches")],
        ),
        (  # the author's own speculation is no statement
            "Putin probably just wants guarantees that NATO will not expand.", [],
        ),
        (  # a private belief nobody voiced is no statement
            "Zelensky believes the West will not abandon Ukraine.", [],
        ),
        (  # scare quotes with no speaker
            "The so-called “special military operation” entered its fourth year.", [],
        ),
    ],
)
def test_constructions_of_the_guide(combined, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert combined(text) == expected


def test_split_quote_is_one_statement(combined) -> None:  # type: ignore[no-untyped-def]
    text = "“We are ready,” the minister said, “but not at any price.”"
    ((kind, speaker, quote),) = combined(text)
    assert (kind, speaker) == ("direct", "the minister")
    assert quote == "We are ready, … but not at any price."


def test_model_adds_what_the_lexicon_misses_and_nothing_else(combined, rules) -> None:  # type: ignore[no-untyped-def]
    learned = "Lavrov bragged that Western sanctions had failed to dent Russian exports."
    listed = "Lavrov said that Western sanctions had failed to dent Russian exports."
    assert rules(learned) == []
    assert combined(learned) == [
        ("indirect", "Lavrov", "Western sanctions had failed to dent Russian exports")
    ]
    assert rules(listed) == combined(listed) != []


def test_object_of_a_learned_cue_is_content_when_it_carries_what_was_said(combined, rules) -> None:  # type: ignore[no-untyped-def]
    stressed = "Lavrov stressed the importance of direct contacts with Washington."
    assert rules(stressed) == []
    assert combined(stressed) == [
        ("indirect", "Lavrov", "the importance of direct contacts with Washington")
    ]
    reiterated = "Zelensky reiterated his readiness to meet Putin in Istanbul."
    assert combined(reiterated) == [
        ("indirect", "Zelensky", "his readiness to meet Putin in Istanbul")
    ]


def test_object_that_names_a_thing_is_no_statement(combined) -> None:  # type: ignore[no-untyped-def]
    assert combined("The minister added an important caveat.") == []


def test_negated_cue_or_a_bare_name_as_object_is_no_statement(combined) -> None:  # type: ignore[no-untyped-def]
    assert combined("Peskov did not confirm the importance of the visit.") == []
    assert combined("Lavrov thanked Hungary and Slovakia.") == []
    assert combined("Peskov confirmed the importance of the visit.") == [
        ("indirect", "Peskov", "the importance of the visit")
    ]


def test_progressive_cue_is_a_statement_when_learned(combined) -> None:  # type: ignore[no-untyped-def]
    text = "Zelensky is insisting that any ceasefire must come with security guarantees."
    assert combined(text) == [
        ("indirect", "Zelensky", "any ceasefire must come with security guarantees")
    ]


def test_unknown_mode_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="attribution mode must be one of rules, model, both"):
        Attributor(mode="learned")
