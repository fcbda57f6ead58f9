"""The YAML data files: words stay words."""

from __future__ import annotations

import datetime
from pathlib import Path

from talkwatch.cues import load_cues
from talkwatch.datafiles import load_yaml


def test_on_off_yes_and_no_are_words_only_true_and_false_booleans() -> None:
    data = load_yaml("particles: [for, on, off]\nanswers: [yes, no]\nflag: true\nday: 2025-03-11")
    assert data == {
        "particles": ["for", "on", "off"],
        "answers": ["yes", "no"],
        "flag": True,
        "day": datetime.date(2025, 3, 11),
    }


def test_a_phrasal_cues_particle_on_is_read_as_on(tmp_path: Path) -> None:
    shipped = load_cues()
    assert "on" in shipped.phrasal["call"] and "on" in shipped.phrasal["insist"]
    assert "true" not in {p for particles in shipped.phrasal.values() for p in particles}
    own = tmp_path / "cues.yaml"
    own.write_text("phrasal:\n  lean: [on]\n", encoding="utf-8")
    assert load_cues([own]).phrasal["lean"] == frozenset({"on"})
