"""Reading the YAML data files that hold talkwatch's domain knowledge."""

from __future__ import annotations

import re
from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it, else the pure-Python one.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class WordLoader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, where words stay words: only true and false are booleans, not
    YAML 1.1's on, off, yes and no ("call: [for, on]" is the particle "on")."""

    yaml_implicit_resolvers = {  # noqa: RUF012  (PyYAML's own class attribute)
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
        for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
    }


WordLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
SAFE_LOADER = WordLoader


def load_yaml(text: str) -> Any:
    """YAML text read safely (no Python objects), with libyaml when available."""
    return yaml.load(text, Loader=SAFE_LOADER)


class DataFileError(ValueError):
    """A data file cannot be used; the message names the file and the problem."""


def read_mapping(source: Any, what: str) -> dict[str, Any]:
    """A YAML file (a path or a package resource) that must hold a mapping.

    ``what`` says what the mapping should be, for the error message.
    """
    try:
        data = load_yaml(source.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise DataFileError(f"{source}: not valid YAML ({err}).") from None
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(f"{source}: cannot be read ({err}).") from None
    if not isinstance(data, dict):
        raise DataFileError(f"{source}: {what}.")
    return data
