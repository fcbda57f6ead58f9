"""Stances read from what a statement names: a requirement ("without this, there can be
no peace") insists on it, and a side's own act named by its noun ("Russia's demand that
...") is that act when one of its own reports it."""

from __future__ import annotations

import pytest

from test_stance import stance_of


@pytest.mark.parametrize(
    ("sentence", "stance", "reason"),
    [
        (
            '"Without this, there can be no lasting peace," Vladimir Medinsky told reporters.',
            "demand",
            "what must come first",
        ),
        (
            "Andrii Sybiha said there will be no ceasefire without security guarantees.",
            "demand",
            "what must come first",
        ),
        (
            '"Without guarantees, no ceasefire," Volodymyr Zelensky said.',
            "demand",
            "what must come first",
        ),
        # another side's requirement, described (a reviewer)
        (
            "Zelensky said Moscow insists there can be no deal without Ukraine's neutrality, "
            "which Kyiv will never accept.",
            "assess",
            "another side's demand",
        ),
        # a judgement of the past, no settlement's requirement (a reviewer)
        (
            '"Without American weapons, there would be no Ukraine today," Zelensky said.',
            "reject",
            "words",
        ),
        # no requirement: a plain refusal stays one
        (
            "Dmitry Peskov said there can be no talks with the current authorities in Kyiv.",
            "reject",
            "words",
        ),
    ],
)
def test_what_must_come_first_is_demanded(sentence: str, stance: str, reason: str) -> None:
    found, why = stance_of(sentence)
    assert (found, why.split(":")[0].split(" '")[0]) == (stance, reason)


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        (
            "Vladimir Medinsky repeated Russia's demand that Ukraine recognise Crimea as "
            "Russian territory.",
            "demand",
        ),
        ("Rustem Umerov reiterated Kyiv's proposal to exchange all prisoners.", "offer"),
        ("Andrii Sybiha repeated Ukraine's refusal to cede any territory.", "reject"),
        # an act the words go on to say something of is not taken up again (a reviewer)
        (
            "Zelensky said Ukraine's offer of an energy ceasefire was no longer on the table "
            "after the latest strikes.",
            "assess",
        ),
        (
            "Peskov said Russia's demand for a halt to Western arms deliveries had been "
            "dropped from the draft memorandum.",
            "assess",
        ),
        # but what the act holds, said of it, is the act
        (
            "Andrii Sybiha said Ukraine's proposal for a truce included a halt to strikes on "
            "energy infrastructure.",
            "offer",
        ),
        # another side's act so named is described, not taken
        (
            "Andrii Sybiha recalled Russia's demand that Ukraine recognise Crimea as Russian "
            "territory.",
            "assess",
        ),
    ],
)
def test_a_sides_own_act_named_by_its_noun_is_that_act(sentence: str, stance: str) -> None:
    assert stance_of(sentence)[0] == stance
