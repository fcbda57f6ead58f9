"""Where the time of a run goes, stage by stage (`talkwatch ingest --profile`).

The run is profiled with cProfile and every function's own time is credited
to the stage whose code it is: a talkwatch module (clean, attribution, actors,
...), spaCy's parser and models, SQLite, or the HTML extractor.
"""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
OTHER = "other (Python, libraries)"

_LIBRARIES = {
    "spacy": "spaCy (parse, tag, entities)",
    "thinc": "spaCy (parse, tag, entities)",
    "trafilatura": "clean (HTML extraction)",
    "lxml": "clean (HTML extraction)",
    "charset_normalizer": "ingest (decoding)",
    "sqlite3": "store",
    "psycopg": "store",
    "yaml": "loading data files",
}
# talkwatch packages that are one stage: their modules are credited to the package
_ONE_STAGE_PACKAGES = {"attribution"}


def stage_of(filename: str, function: str) -> str:
    """The stage a function belongs to, from the file it is defined in."""
    in_library = any(f"/{lib}/" in filename or f"\\{lib}\\" in filename for lib in _LIBRARIES)
    if "talkwatch" in filename and not in_library:  # a checkout may sit in a talkwatch folder
        module = filename.rsplit("talkwatch", 1)[1].strip("/\\").removesuffix(".py")
        module = module.replace("/", ".").replace("\\", ".")
        package = module.split(".", 1)[0]
        return package if package in _ONE_STAGE_PACKAGES else module or "talkwatch"
    for library, stage in _LIBRARIES.items():
        if f"/{library}/" in filename or f"\\{library}\\" in filename:
            return stage
    if "sqlite3" in function or "execute" in function:
        return "store"
    if "importlib" in filename or function.startswith("<built-in method marshal"):
        return "loading code and models"
    return OTHER


def profile_stages(run: Callable[[], T]) -> tuple[T, list[tuple[str, float]]]:
    """Run ``run`` under the profiler; return its result and (stage, seconds), slowest first."""
    profiler = cProfile.Profile()
    result = profiler.runcall(run)
    stats = pstats.Stats(profiler)
    seconds: dict[str, float] = {}
    table = stats.stats  # type: ignore[attr-defined]
    for (filename, _line, function), row in table.items():
        stage = stage_of(filename, function)
        if stage == OTHER and row[4]:  # a builtin or library call: credit its main caller
            caller = max(row[4].items(), key=lambda item: item[1][2])[0]
            stage = stage_of(caller[0], caller[2])
        seconds[stage] = seconds.get(stage, 0.0) + row[2]  # own time, so stages add up
    return result, sorted(seconds.items(), key=lambda item: -item[1])
