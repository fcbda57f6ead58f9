"""The cue lexicon: which words report speech, loaded from data/cues.yaml."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from .datafiles import load_yaml


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
    container_nouns: frozenset[str] = frozenset()
    transcript_labels: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()  # heads "he" or "she" can stand for
    silent_acts: frozenset[str] = frozenset()  # "declined to comment": no statement
    # what "offered no ..." withholds ("no details", "no evidence"): nothing was said
    withheld_nouns: frozenset[str] = frozenset()
    as_reporting: frozenset[str] = frozenset()  # "As Reuters reported, ...": the clause
    # verbs of saying whose clause inside a quote is someone else's words ("Merz has
    # stated that ..."); not verbs of demanding or refusing, whose clause is the act
    saying_verbs: frozenset[str] = frozenset()
    institution_words: frozenset[str] = frozenset()  # "Committee": a name's last word, no person
    # what makes a mention a woman's, for "she" and "he": given names, words, name endings
    feminine_names: frozenset[str] = frozenset()
    feminine_words: frozenset[str] = frozenset()
    feminine_endings: tuple[str, ...] = ()
    # what "there is" of a side's that the clause after it states ("an understanding that")
    shared_views: frozenset[str] = frozenset()

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
    "container_nouns",
    "transcript_labels",
    "person_nouns",
    "silent_acts",
    "withheld_nouns",
    "as_reporting",
    "saying_verbs",
    "institution_words",
    "feminine_names",
    "feminine_words",
    "feminine_endings",
    "shared_views",
)


def _read(path: Path | None) -> dict[str, object]:
    source = path.read_text("utf-8") if path else _shipped_text()
    name = str(path) if path else "talkwatch/data/cues.yaml"
    try:
        data = load_yaml(source) or {}
    except yaml.YAMLError as err:
        raise CueFileError(f"{name}: not valid YAML ({err}).") from None
    if not isinstance(data, dict):
        raise CueFileError(f"{name}: expected a mapping of cue lists at the top level.")
    return data


def _shipped_text() -> str:
    return resources.files("talkwatch").joinpath("data/cues.yaml").read_text("utf-8")


def _strings(value: object) -> list[str]:
    return [str(v).lower() for v in value] if isinstance(value, list) else []


def load_cues(extra_paths: Sequence[Path] = ()) -> Cues:
    """The shipped cue lexicon, extended by any user files (lists are added to)."""
    lists: dict[str, set[str]] = {key: set() for key in _LIST_KEYS}
    phrasal: dict[str, set[str]] = {}
    prepositions: list[str] = []
    for data in [_read(None), *(_read(Path(p)) for p in extra_paths)]:
        for key in _LIST_KEYS:
            lists[key].update(_strings(data.get(key)))
        table = data.get("phrasal")
        for verb, particles in table.items() if isinstance(table, dict) else []:
            phrasal.setdefault(str(verb), set()).update(_strings(particles))
        prepositions += _strings(data.get("source_prepositions"))
    frozen = {key: frozenset(values) for key, values in lists.items()}
    return Cues(
        speech_verbs=frozen["speech_verbs"],
        object_verbs=frozen["object_verbs"],
        infinitive_verbs=frozen["infinitive_verbs"],
        phrasal={verb: frozenset(p) for verb, p in phrasal.items()},
        reported_only_verbs=frozen["reported_only_verbs"],
        reporting_adverbs=frozen["reporting_adverbs"],
        source_prepositions=tuple(dict.fromkeys(prepositions)),
        actor_nouns=frozen["actor_nouns"],
        excluded_subjects=frozen["excluded_subjects"],
        hypothetical_modals=frozen["hypothetical_modals"],
        conditional_markers=frozen["conditional_markers"],
        container_nouns=frozen["container_nouns"],
        person_nouns=frozen["person_nouns"],
        silent_acts=frozen["silent_acts"],
        withheld_nouns=frozen["withheld_nouns"],
        as_reporting=frozen["as_reporting"],
        saying_verbs=frozen["saying_verbs"],
        institution_words=frozen["institution_words"],
        transcript_labels=frozen["transcript_labels"],
        feminine_names=frozen["feminine_names"],
        feminine_words=frozen["feminine_words"],
        feminine_endings=tuple(sorted(frozen["feminine_endings"])),
        shared_views=frozen["shared_views"],
    )


@cache
def default_cues() -> Cues:
    return load_cues()
