"""The actor knowledge base: who is who, and which side they speak for when.

The shipped YAML files under ``data/actors/`` are loaded first, then any user
files (``--actors FILE``, ``$TALKWATCH_ACTORS`` or
``~/.config/talkwatch/actors.yaml``); a user entry with the name of a shipped
one replaces it. Every file is validated whole before anything is used, so a
bad file never leaves a half-loaded knowledge base.
"""

from __future__ import annotations

import calendar
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..datafiles import SAFE_LOADER

ACTOR_TYPES = ("person", "government", "institution", "outlet", "armed_group", "organisation")
PARTY = re.compile(r"^([A-Z]{3}|EU|UN|NATO|NONE)$")
DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")
OPEN_END = "9999-99-99"
USER_FILE = Path("~/.config/talkwatch/actors.yaml")
ENV_FILES = "TALKWATCH_ACTORS"


class ActorFileError(ValueError):
    """An actor file cannot be used; the message names the file, line and problem."""


@dataclass(frozen=True)
class Role:
    titles: tuple[str, ...]
    party: str
    start: str = "0000-00-00"  # inclusive ISO date, padded
    end: str = OPEN_END  # inclusive ISO date, padded

    def active_on(self, day: str | None) -> bool:
        return day is None or self.start <= day <= self.end

    @property
    def current(self) -> bool:
        """Held now: the role has no end date."""
        return self.end == OPEN_END


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    party: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    source_file: str = ""

    def party_besides(self, former: Sequence[Role], day: str | None) -> str:
        """The side of a post held on ``day`` (now, undated) besides the ``former`` ones,
        for one of their sides: "former Russian President Medvedev", the Security
        Council's deputy chairman, speaks for RUS; "Former NATO chief Stoltenberg",
        Norway's finance minister, for none."""
        held = [r for r in self.roles if (r.active_on(day) if day else r.current)]
        sides = {role.party for role in former}
        kept = [role for role in held if role not in former and role.party in sides]
        return kept[-1].party if kept else "NONE"

    def party_on(self, day: str | None) -> str:
        """The side this actor speaks for on a date (its latest role when undated); a
        person whose every post had ended by then speaks for none (Kuleba in 2025)."""
        if day is None:
            current = [role for role in self.roles if role.current]
            return current[-1].party if current else self.party
        for role in self.roles:
            if role.active_on(day):
                return role.party
        if self.type == "person" and self.roles and all(role.end < day for role in self.roles):
            return "NONE"
        return self.party

    @property
    def surname(self) -> str:
        return fold(self.name).split()[-1] if self.type == "person" else ""


@dataclass
class KnowledgeBase:
    """Actors indexed by folded name, alias, surname and role title."""

    actors: dict[str, Actor]
    nationalities: dict[str, str]  # folded word or phrase -> party
    official_roles: frozenset[str]
    private_roles: frozenset[str]
    by_name: dict[str, list[str]] = field(default_factory=dict)
    by_surname: dict[str, list[str]] = field(default_factory=dict)
    by_title: dict[str, list[tuple[str, Role]]] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    title_words: frozenset[str] = frozenset()  # words of role titles, to strip before names
    role_families: dict[str, frozenset[str]] = field(default_factory=dict)  # "diplomat" -> titles
    given_names: frozenset[str] = frozenset()  # first names of known people
    office_heads: frozenset[str] = frozenset()  # "the chairman of X": a title over X
    institution_ends: frozenset[str] = frozenset()  # "... on International Affairs"
    other_origins: frozenset[str] = frozenset()  # "a Western official": no side inherited

    def __post_init__(self) -> None:
        names: dict[str, list[str]] = defaultdict(list)
        surnames: dict[str, list[str]] = defaultdict(list)
        titles: dict[str, list[tuple[str, Role]]] = defaultdict(list)
        for actor in self.actors.values():
            for alias in dict.fromkeys(fold(a) for a in (actor.name, *actor.aliases)):
                names[alias].append(actor.id)
            if actor.surname:
                surnames[actor.surname].append(actor.id)
                for alias in actor.aliases:
                    surnames[fold(alias).split()[-1]].append(actor.id)
            for role in actor.roles:
                for title in role.titles:
                    titles[fold(title)].append((actor.id, role))
        self.by_name = dict(names)
        self.by_surname = {k: list(dict.fromkeys(v)) for k, v in surnames.items()}
        self.by_title = dict(titles)
        self.given_names = frozenset(
            fold(a.name).split()[0]
            for a in self.actors.values()
            if a.type == "person" and " " in a.name
        )
        self.title_words = frozenset(
            {w for title in titles for w in title.split()} | self.official_roles | {"presidential"}
        )
        self.conflicts = [
            f"the alias '{alias}' names both "
            + " and ".join(self.actors[i].name for i in ids)
            + "; mentions of it are left unresolved"
            for alias, ids in names.items()
            if len(ids) > 1
        ]

    def initials(self, word: str) -> bool:
        """An institution's initials in a known title ("nsdc"); not a person's name written
        in capitals ("PUTIN said ...")."""
        named = self.named(word)
        known = word in self.by_surname or (named is not None and named.type == "person")
        return len(word) <= 5 and word in self.title_words and not known

    def named(self, text: str) -> Actor | None:
        """The one actor with this name or alias, if exactly one."""
        ids = self.by_name.get(fold(text), [])
        return self.actors[ids[0]] if len(ids) == 1 else None

    def find(self, text: str) -> list[Actor]:
        """Actors whose name, alias or surname matches (for `talkwatch actors show`)."""
        key = fold(text)
        ids = self.by_name.get(key) or self.by_surname.get(key) or []
        if not ids:
            ids = [a.id for a in self.actors.values() if key and key in fold(a.name)]
        return [self.actors[i] for i in ids]


@lru_cache(maxsize=65536)  # asked about the same few hundred names all day
def fold(text: str, drop_article: bool = True) -> str:
    """Lower case, ASCII apostrophes, no accents, single spaces, no leading 'the'."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    text = _ADVISOR.sub("adviser", text)  # one spelling: "Putin's advisor" is an adviser
    return text[4:] if drop_article and text.startswith("the ") else text


_ADVISOR = re.compile(r"\badvisor(?=s?\b)")


def actor_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def _pad(value: object, end: bool) -> str:
    """A full date for a year or month (its first or last day); ValueError if not a date."""
    text = str(value)
    if len(text) == 4:
        text += "-12-31" if end else "-01-01"
    elif len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 99
        text += f"-{last:02d}" if end else "-01"
    return date.fromisoformat(text).isoformat()


def _is_date(value: object) -> bool:
    if not DATE.match(str(value)):
        return False
    try:
        _pad(value, end=True)
    except ValueError:  # 2004-02-31, month 13
        return False
    return True


class _LineLoader(SAFE_LOADER):
    """A YAML loader that records the line of every mapping under '__line__'.

    Dates stay text, so an impossible one (2004-02-31) is reported with its line.
    It builds on libyaml's parser where PyYAML has it (ten times faster: the
    actor files are most of talkwatch's start-up).
    """

    yaml_implicit_resolvers = {  # noqa: RUF012  (PyYAML's own class attribute)
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in SAFE_LOADER.yaml_implicit_resolvers.items()
    }


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _read_yaml(path: Path | Any) -> Any:
    name = str(path)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else "?"
        raise ActorFileError(f"{name}, line {line}: not valid YAML ({err.problem}).") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ActorFileError(f"{name}: cannot be read ({err}).") from None


def parse_actor(entry: object, where: str) -> Actor:
    """One validated Actor from one YAML mapping; ActorFileError naming ``where`` if not."""
    if not isinstance(entry, dict):
        raise ActorFileError(f"{where}: an actor must be a mapping with name, type and party.")
    at = f"{where}, line {entry.get('__line__', '?')}"
    name = str(entry.get("name") or "").strip()
    if not name:
        raise ActorFileError(f"{at}: the actor has no name.")
    kind = str(entry.get("type") or "person")
    if kind not in ACTOR_TYPES:
        raise ActorFileError(f"{at}: {name}: type '{kind}' is not one of {', '.join(ACTOR_TYPES)}.")
    party = str(entry.get("party") or "NONE")
    if not PARTY.match(party):
        raise ActorFileError(f"{at}: {name}: party '{party}' is not a party code (e.g. RUS, EU).")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        raise ActorFileError(f"{at}: {name}: aliases must be a list.")
    roles = tuple(_parse_role(r, f"{where}, line {_line(r, entry)}", name, party)
                  for r in entry.get("roles") or [])  # fmt: skip
    return Actor(
        id=actor_id(name),
        name=name,
        type=kind,
        party=party,
        aliases=tuple(str(a) for a in aliases),
        roles=tuple(sorted(roles, key=lambda r: r.start)),
        source_file=where,
    )


def _line(role: object, entry: dict[str, Any]) -> object:
    return role.get("__line__", entry.get("__line__")) if isinstance(role, dict) else "?"


def _parse_role(role: object, at: str, name: str, default_party: str) -> Role:
    if not isinstance(role, dict):
        raise ActorFileError(f"{at}: {name}: a role must be a mapping with titles and dates.")
    titles = role.get("titles") or ([role["title"]] if role.get("title") else [])
    if not isinstance(titles, list):
        raise ActorFileError(f"{at}: {name}: a role's titles must be a list.")
    party = str(role.get("party") or default_party)
    if not PARTY.match(party):
        raise ActorFileError(f"{at}: {name}: role party '{party}' is not a party code.")
    for key in ("from", "to"):
        if role.get(key) is not None and not _is_date(role[key]):
            raise ActorFileError(f"{at}: {name}: '{key}: {role[key]}' is not a date (YYYY-MM-DD).")
    start = _pad(role["from"], end=False) if role.get("from") is not None else "0000-00-00"
    end = _pad(role["to"], end=True) if role.get("to") is not None else OPEN_END
    if end < start:
        raise ActorFileError(f"{at}: {name}: the role ends before it starts.")
    return Role(tuple(str(t) for t in titles), party, start, end)


def read_actor_file(path: Path | Any) -> list[Actor]:
    loaded = _read_yaml(path)
    if loaded is None:
        return []
    if not isinstance(loaded, list):
        raise ActorFileError(f"{path}: an actor file is a YAML list of actors.")
    return [parse_actor(entry, str(path)) for entry in loaded]


def _shipped() -> Iterable[Any]:
    folder = resources.files("talkwatch").joinpath("data/actors")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


def default_user_files() -> list[Path]:
    """Files from $TALKWATCH_ACTORS (os.pathsep-separated) and the user's config folder."""
    files = [Path(p) for p in os.environ.get(ENV_FILES, "").split(os.pathsep) if p]
    if USER_FILE.expanduser().is_file():
        files.append(USER_FILE.expanduser())
    return files


def _word_list(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in data.get(key) or [])


def canonical_speaker(value: str) -> str:
    """The canonical name of a speaker the knowledge base knows by this name or alias
    ("Zelenskyy" is Volodymyr Zelensky, "Sergei Lavrov" Sergey Lavrov), for filters on
    stored statements; the value as given otherwise."""
    actor = load_knowledge_base().named(value) if value.strip() else None
    return actor.name if actor is not None else value


def load_knowledge_base(user_files: Sequence[Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base extended (and overridden) by user files."""
    return _load(tuple(Path(p) for p in (*default_user_files(), *user_files)))


@cache
def _load(user_files: tuple[Path, ...]) -> KnowledgeBase:
    actors: dict[str, Actor] = {}
    for source in [*_shipped(), *user_files]:
        for actor in read_actor_file(source):
            actors[actor.id] = actor
    data = resources.files("talkwatch").joinpath("data")
    nationalities = {
        fold(str(word)): str(party)
        for party, words in (_read_yaml(data.joinpath("nationalities.yaml")) or {}).items()
        if party != "__line__"
        for word in words
    }
    descriptors = _read_yaml(data.joinpath("descriptors.yaml")) or {}
    return KnowledgeBase(
        actors=actors,
        nationalities=nationalities,
        official_roles=_word_list(descriptors, "official_roles"),
        private_roles=_word_list(descriptors, "private_roles"),
        office_heads=_word_list(descriptors, "office_heads"),
        institution_ends=_word_list(descriptors, "institution_ends"),
        other_origins=_word_list(descriptors, "other_origins"),
        role_families={
            fold(str(head)): frozenset(fold(str(w)) for w in words or [])
            for head, words in (descriptors.get("role_families") or {}).items()
            if head != "__line__"
        },
    )
