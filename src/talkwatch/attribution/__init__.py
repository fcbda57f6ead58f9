"""Find attributed statements in a parsed document.

Seven passes over one spaCy parse, each a rule family from quote-attribution
practice:

1. direct quotations with their cue before, after or inside (split quotes);
2. reporting verbs with a clausal or object complement (indirect and mixed
   speech, including participles such as "adding ..." or "saying ...");
3. source prepositions ("according to X, ...", "per X, ...");
4. uncued quotations that continue the speaker just quoted;
5. the turns of an interview transcript ("LAVROV: ...");
6. the items of a list after a cue and a colon ("named three results:");
7. the sentence before "This was stated by X".

Pronoun speakers are linked to the most recent speaker before them.

Modules, one rule family each: `run` (the per-document state and lookups),
`mentions` and `speakers` (who is speaking), `edges` (where reported words end),
`direct`, `reported`, `sources`, `continuations`, `transcripts`, `lists` and
`said_by` (the passes),
`merge` (de-duplication and finishing).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from spacy.tokens import Doc

from ..cues import Cues, default_cues
from ..records import Attribution
from .continuations import Continuations
from .learned import CueModel, default_cue_model
from .lists import ListedPoints
from .merge import finish, without_overlaps, without_relays
from .reported import ReportingVerbs
from .run import Found
from .said_by import SaidBy
from .sources import SourcePrepositions
from .transcripts import Transcripts

__all__ = ["MODES", "Attributor", "Found", "mode_from_environment"]

# Which decides that a verb cues a statement: the cue lexicon, the learned model, or either.
MODES = ("rules", "model", "both")


def mode_from_environment() -> str:
    """$TALKWATCH_ATTRIBUTION (default `both`); a ValueError in words when it is none of MODES."""
    mode = os.environ.get("TALKWATCH_ATTRIBUTION") or "both"
    if mode not in MODES:
        raise ValueError(f"TALKWATCH_ATTRIBUTION must be one of {', '.join(MODES)}, not {mode!r}.")
    return mode


class Attributor:
    """Rules that turn one parsed document into attributions."""

    def __init__(self, cues: Cues | None = None, mode: str = "both") -> None:
        if mode not in MODES:
            raise ValueError(f"attribution mode must be one of {', '.join(MODES)}, not {mode!r}.")
        self.cues = cues or default_cues()
        self.mode = mode
        self.model: CueModel | None = default_cue_model() if mode != "rules" else None

    def attribute(
        self, doc: Doc, sections: Iterable[tuple[str, int, int]] = ()
    ) -> list[Attribution]:
        run = _Run(self.cues, doc, self.model, lexicon=self.mode != "model")
        run.sections = list(sections)
        found = [
            *run.transcript_turns(),
            *run.direct_quotes(),
            *run.block_quotations(),
            *run.reporting_verbs(),
            *run.source_prepositions(),
            *run.said_by(),
        ]
        found = run.listed_points(found)
        if run.sections:  # not the headline kept above the body
            found = [f for f in found if run.in_a_section(f.spans[0].start)]
        found = sorted(without_relays(found, run.text), key=lambda f: f.spans[0].start)
        found = without_overlaps(found)
        found = sorted([*found, *run.continuations(found)], key=lambda f: f.spans[0].start)
        return finish(run, found, run.sections)


class _Run(Continuations, ListedPoints, ReportingVerbs, SaidBy, SourcePrepositions, Transcripts):
    """The passes over one document, sharing the state of `run.Run`."""
