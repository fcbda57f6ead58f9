"""Reading the YAML data files that hold talkwatch's domain knowledge."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it, else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
