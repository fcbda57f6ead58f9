"""Stance rules on statements written for the purpose, one or more per stance."""

from __future__ import annotations

from pathlib import Path

import pytest

from talkwatch.stance import StanceFileError, default_stance_classifier, load_stance_classifier


@pytest.mark.parametrize(
    ("quote", "cue", "stance"),
    [
        # demand
        ("Russia must withdraw all its troops before any talks", "say", "demand"),
        ("the security model has to have legally verified security guarantees", "say", "demand"),
        ("an immediate and unconditional ceasefire", "call for", "demand"),
        ("Kyiv recognise Crimea as Russian", "demand", "demand"),
        # offer
        ("they're ready for negotiations", "say", "offer"),
        (
            "Moscow is currently discussing the idea of an Austrian model of neutrality",
            "say",
            "offer",
        ),
        ("a 30-day halt to strikes on energy facilities", "propose", "offer"),
        ("Britain would contribute troops and aircraft to a reassurance force", "say", "offer"),
        ("Russia is drafting its own ceasefire proposal", "say", "offer"),
        ("he plans to meet both presidents next week", "say", "offer"),
        ("we could host the next round in Geneva", "say", "offer"),
        # accept
        ("Ukraine had agreed to the US proposal for a 30-day ceasefire", "say", "accept"),
        ("the plan for a halt to strikes on energy facilities", "welcome", "accept"),
        ("Yes, we will attend the meeting in Geneva", "say", "accept"),
        # reject, with negation
        ("they won't concede a single inch of Ukrainian territory", "say", "reject"),
        ("there can be no other models or options", "say", "reject"),
        ("the plan was unacceptable", "say", "reject"),
        ("any territorial concessions", "rule out", "reject"),
        ("There will be no American boots on the ground", "say", "reject"),
        ("any strike on the plant would be treated as an attack on NATO", "warn", "demand"),
        # conditional
        (
            "the bloc would be open to easing sanctions only if Russia agreed to a ceasefire",
            "say",
            "conditional",
        ),
        ("Russia agreed with the US proposal, but there are nuances", "say", "conditional"),
        (
            "We are ready to stop shooting tomorrow if the other side does the same",
            "say",
            "conditional",
        ),
        ("no talks unless Russian troops leave", "say", "conditional"),
        ("If Moscow stops the shelling, then we can talk about a truce", "say", "conditional"),
        ("Elections will be held when the guns go silent", "say", "conditional"),
        ("the lifting of sanctions is a precondition for any deal", "say", "conditional"),
        # deny
        ("Moscow does not intend to occupy Ukraine or overthrow its government", "say", "deny"),
        ("Russian troops had killed civilians in Bucha", "deny", "deny"),
        ("there had been no discussion of easing sanctions at the summit", "say", "deny"),
        ("It is not directed against the civilian population", "say", "deny"),
        # assess
        ("Some progress has been made,", "say", "assess"),
        ("the road to peace will still be long", "say", "assess"),
        ("encouraging but incomplete", "call", "assess"),
    ],
)
def test_stance(quote: str, cue: str, stance: str) -> None:
    result = default_stance_classifier().classify(quote, cue, quote, "indirect")
    assert result.stance == stance, result.reason


def test_reason_names_the_words_or_the_cue() -> None:
    classify = default_stance_classifier().classify
    assert classify("we will never give up Crimea", "say").reason == "words 'never'"
    assert classify("the proposal", "reject").reason == "cue verb 'reject'"


def test_a_question_demands_nothing_by_its_modals() -> None:
    classify = default_stance_classifier().classify
    assert classify("But how should you convince him?", "say").stance == "assess"
    assert classify("Negotiate with whom? We will never talk to them?", "say").stance == "reject"


def test_a_threat_with_a_condition_is_a_demand() -> None:
    result = default_stance_classifier().classify(
        "harsher sanctions on Russia if progress is not made", "threaten"
    )
    assert result.stance == "demand" and result.reason.startswith("threat with a condition")


def test_condition_outranks_an_agreeing_cue() -> None:
    result = default_stance_classifier().classify(
        "to a truce provided monitors are present", "agree"
    )
    assert result.stance == "conditional"


def test_user_rules_extend_the_shipped_ones(tmp_path: Path) -> None:
    extra = tmp_path / "stance.yaml"
    extra.write_text("content:\n  reject:\n    - \\bnyet\\b\ncues:\n  offer: [extend]\n")
    classifier = load_stance_classifier([extra])
    assert classifier.classify("the answer is nyet", "say").stance == "reject"
    assert classifier.classify("the olive branch", "extend").stance == "offer"


def test_bad_rule_files_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "stance.yaml"
    bad.write_text("content:\n  scold: ['x']\n")
    with pytest.raises(StanceFileError, match="'scold' under content is not a stance code"):
        load_stance_classifier([bad])
    bad.write_text("content:\n  reject: ['(unclosed']\n")
    with pytest.raises(StanceFileError, match="bad pattern"):
        load_stance_classifier([bad])
