"""The cue lexicon: which words report speech, loaded from data/cues.yaml."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml


class CueFileError(ValueError):
    """A cue file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Cues:
    speech_verbs: frozenset[str]
    object_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    phrasal: dict[str, frozenset[str]]
    reported_only_verbs: frozenset[str]
    reporting_adverbs: frozenset[str]
    source_prepositions: tuple[str, ...]
    actor_nouns: frozenset[str]
    excluded_subjects: frozenset[str]
    hypothetical_modals: frozenset[str]
    conditional_markers: frozenset[str]

    def is_cue_verb(self, lemma: str) -> bool:
        return lemma in self.speech_verbs or lemma in self.object_verbs


_LIST_KEYS = (
    "speech_verbs",
    "object_verbs",
    "infinitive_verbs",
    "reported_only_verbs",
    "reporting_adverbs",
    "actor_nouns",
    "excluded_subjects",
    "hypothetical_modals",
    "conditional_markers",
)


def _read(path: Path | None) -> dict[str, object]:
    source = path.read_text("utf-8") if path else _shipped_text()
    name = str(path) if path else "talkwatch/data/cues.yaml"
    try:
        data = yaml.safe_load(source) or {}
    except yaml.YAMLError as err:
        raise CueFileError(f"{name}: not valid YAML ({err}).") from None
    if not isinstance(data, dict):
        raise CueFileError(f"{name}: expected a mapping of cue lists at the top level.")
    return data


def _shipped_text() -> str:
    return resources.files("talkwatch").joinpath("data/cues.yaml").read_text("utf-8")


def _merge(files: list[dict[str, object]]) -> dict[str, object]:
    merged: dict[str, object] = {key: set() for key in _LIST_KEYS}
    merged["phrasal"] = {}
    merged["source_prepositions"] = []
    for data in files:
        for key in _LIST_KEYS:
            merged_set = merged[key]
            assert isinstance(merged_set, set)
            merged_set.update(str(v).lower() for v in data.get(key, None) or [])
        phrasal = merged["phrasal"]
        assert isinstance(phrasal, dict)
        for verb, particles in dict(data.get("phrasal") or {}).items():  # type: ignore[call-overload]
            phrasal.setdefault(str(verb), set()).update(str(p) for p in particles)
        preps = merged["source_prepositions"]
        assert isinstance(preps, list)
        preps.extend(str(p) for p in data.get("source_prepositions", None) or [])  # type: ignore[attr-defined]
    return merged


def load_cues(extra_paths: Sequence[Path] = ()) -> Cues:
    """The shipped cue lexicon, extended by any user files."""
    merged = _merge([_read(None), *(_read(Path(p)) for p in extra_paths)])
    phrasal = merged.pop("phrasal")
    preps = merged.pop("source_prepositions")
    assert isinstance(phrasal, dict) and isinstance(preps, list)
    lists = {key: frozenset(value) for key, value in merged.items()}  # type: ignore[arg-type]
    return Cues(
        phrasal={verb: frozenset(p) for verb, p in phrasal.items()},
        source_prepositions=tuple(dict.fromkeys(preps)),
        **lists,
    )


@cache
def default_cues() -> Cues:
    return load_cues()
